"""The demo's trade statistics: China's trade with ASEAN in January to July of 2024 and 2025.

The totals are the seed's: 597 bn US dollars in January to July 2025, up 8.2 % on a year
earlier, 16.7 % of China's foreign trade. How they split by partner, month and HS chapter is
illustrative (rough shares of recent years), so every row is marked ``illustrative`` and the
bulletin says so. Real figures come from ``tradefair import trade`` with UN Comtrade's files.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

YEAR = 2025
MONTHS = 7
TOTAL_2025 = Decimal("597e9")
GROWTH = Decimal("0.082")
SHARE_OF_FOREIGN_TRADE = Decimal("0.167")
EXPORT_SHARE = Decimal("0.6")  # China sells more to ASEAN than it buys
# Partner shares of the total, and each partner's own change on 2024 (scaled to the total's).
PARTNERS = {
    "VNM": ("0.235", "0.11"),
    "MYS": ("0.165", "0.06"),
    "IDN": ("0.145", "0.09"),
    "THA": ("0.135", "0.08"),
    "SGP": ("0.115", "0.05"),
    "PHL": ("0.085", "0.04"),
    "MMR": ("0.045", "0.12"),
    "KHM": ("0.04", "0.20"),
    "LAO": ("0.025", "0.15"),
    "BRN": ("0.01", "0.03"),
}
MONTH_WEIGHTS = ("0.135", "0.115", "0.14", "0.15", "0.15", "0.155", "0.155")
# HS chapters' shares of each partner's trade (the rest is other goods).
CHAPTERS = {
    "85": "0.26",
    "84": "0.13",
    "27": "0.07",
    "39": "0.04",
    "72": "0.035",
    "87": "0.03",
    "90": "0.03",
    "15": "0.025",
    "08": "0.025",
    "40": "0.02",
}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class DemoTradeRow:
    year: int
    month: int
    partner: str  # alpha-3, or W00 for the world
    flow: str  # M or X
    commodity: str  # TOTAL or an HS chapter
    value_usd: Decimal


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def _split(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Shares of ``total`` to the cent, the last part taking the rounding so they add up."""
    scale = sum(weights, Decimal(0))
    parts = [_cents(total * w / scale) for w in weights[:-1]]
    return [*parts, total - sum(parts, Decimal(0))]


def _year_totals() -> dict[int, dict[str, Decimal]]:
    now = _split(TOTAL_2025, [Decimal(share) for share, _growth in PARTNERS.values()])
    before_raw = [
        value / (1 + Decimal(growth))
        for value, (_share, growth) in zip(now, PARTNERS.values(), strict=True)
    ]
    before = _split(_cents(TOTAL_2025 / (1 + GROWTH)), before_raw)
    return {
        YEAR: dict(zip(PARTNERS, now, strict=True)),
        YEAR - 1: dict(zip(PARTNERS, before, strict=True)),
    }


def draw_trade() -> list[DemoTradeRow]:
    """China's reported exports and imports with each ASEAN member and the world, by month,
    in total and for ten HS chapters, in January to July of both years."""
    rows: list[DemoTradeRow] = []
    months = [Decimal(w) for w in MONTH_WEIGHTS]
    for year, partners in _year_totals().items():
        grand = sum(partners.values(), Decimal(0))
        world = _cents(TOTAL_2025 / SHARE_OF_FOREIGN_TRADE) * grand / TOTAL_2025
        for partner, total in [*partners.items(), ("W00", _cents(world))]:
            for month, in_month in enumerate(_split(total, months), start=1):
                exports, imports = _split(in_month, [EXPORT_SHARE, 1 - EXPORT_SHARE])
                for flow, value in (("X", exports), ("M", imports)):
                    rows.append(DemoTradeRow(year, month, partner, flow, "TOTAL", value))
                    if partner == "W00":
                        continue
                    rows += [
                        DemoTradeRow(
                            year, month, partner, flow, chapter, _cents(value * Decimal(share))
                        )
                        for chapter, share in CHAPTERS.items()
                    ]
    return rows
