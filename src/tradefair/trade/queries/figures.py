"""China-ASEAN trade for the bulletin: the year to date, by partner and by HS chapter, each
with its change on the same months a year earlier and the share of China's foreign trade.

"Year to date" is January to the latest month the statistics hold for China's trade with
ASEAN in their latest year; both years sum exports and imports as China reports them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, Q, Sum

from tradefair.expos.models import CountryGroup
from tradefair.trade.models import TradeFlow

REPORTER = "CHN"
WORLD = "W00"
TOP_CHAPTERS = 10


@dataclass(frozen=True)
class Change:
    key: str  # a partner's alpha-3 code or an HS chapter
    value: Decimal
    previous: Decimal | None

    @property
    def growth(self) -> float | None:
        if not self.previous:
            return None
        return float(self.value / self.previous - 1)


@dataclass
class TradeContext:
    year: int
    last_month: int
    total: Change
    share_of_foreign_trade: float | None
    by_partner: list[Change] = field(default_factory=list)
    by_chapter: list[Change] = field(default_factory=list)
    illustrative: bool = False


def _sums(year: int, months: int, partners: list[str], by: str) -> dict[str, Decimal]:
    rows = (
        TradeFlow.objects.filter(
            reporter=REPORTER, year=year, month__gte=1, month__lte=months, partner__in=partners
        )
        .filter(Q(commodity="TOTAL") if by == "partner" else ~Q(commodity="TOTAL"))
        .order_by()
        .values_list(by)
        .annotate(v=Sum("value_usd"))
    )
    return {key: value for key, value in rows}


def trade_context() -> TradeContext | None:
    """The latest year to date of China's trade with ASEAN, or None without statistics."""
    asean = list(
        CountryGroup.objects.filter(slug="asean").values_list("countries__alpha3", flat=True)
    )
    with_asean = TradeFlow.objects.filter(
        reporter=REPORTER, partner__in=asean, commodity="TOTAL", month__gte=1
    )
    year = with_asean.aggregate(y=Max("year"))["y"]
    if year is None:
        return None
    last = with_asean.filter(year=year).aggregate(m=Max("month"))["m"]
    now, before = _sums(year, last, asean, "partner"), _sums(year - 1, last, asean, "partner")
    chapters = _sums(year, last, asean, "commodity")
    chapters_before = _sums(year - 1, last, asean, "commodity")
    world = _sums(year, last, [WORLD], "partner").get(WORLD)
    total = sum(now.values(), Decimal(0))
    total_before = sum(before.values(), Decimal(0)) if before else None
    return TradeContext(
        year=year,
        last_month=last,
        total=Change("ASEAN", total, total_before),
        share_of_foreign_trade=float(total / world) if world else None,
        by_partner=sorted(
            (Change(p, v, before.get(p)) for p, v in now.items()), key=lambda c: -c.value
        ),
        by_chapter=sorted(
            (Change(c, v, chapters_before.get(c)) for c, v in chapters.items()),
            key=lambda c: -c.value,
        )[:TOP_CHAPTERS],
        illustrative=with_asean.filter(year=year, illustrative=True).exists(),
    )
