"""The deal figures the bulletin quotes, in USD and CNY: by kind, size band, sector, counterpart
country, on site or online, signed at a ceremony, traced to meetings, credited to partners.

Only approved deals count; figures-only deals count like the others (no name appears here).
Each deal is converted once with the edition's rate table, in Decimal, and every breakdown
adds the converted values unrounded; a figure is rounded to the cent only when it is shown.
A currency that has
lost its rate is named in ``unrated`` (its deals are counted, not valued) instead of being
dropped silently. Two queries whatever the number of deals.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet

from tradefair.deals.models import Deal, ExchangeRate
from tradefair.expos.models import Expo

CENT = Decimal("0.01")
# Size bands in yuan, as the China-ASEAN Expo reports projects ("5 bn yuan or more").
BANDS = (("5bn_plus", Decimal("5e9")), ("2bn_to_5bn", Decimal("2e9")), ("below_2bn", Decimal(0)))


@dataclass(frozen=True)
class Rate:
    usd: Decimal
    cny: Decimal
    as_of: dt.date


@dataclass
class Total:
    count: int = 0
    value_usd: Decimal = Decimal(0)
    value_cny: Decimal = Decimal(0)

    def add(self, usd: Decimal, cny: Decimal) -> None:
        self.count += 1
        self.value_usd += usd
        self.value_cny += cny


@dataclass
class DealFigures:
    total: Total
    rates: dict[str, Rate]
    by_kind: dict[str, Total]
    by_band: dict[str, Total]
    by_sector: dict[str, Total]  # sector slug, "" for none
    by_country: dict[str, Total]  # counterpart country code
    on_site: Total
    online: Total
    at_ceremonies: Total
    from_meetings: Total
    by_partner: dict[int, Total]  # the credited partner's participation id
    unrated: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return self.total.count

    @property
    def value_usd(self) -> Decimal:
        return self.total.value_usd

    @property
    def value_cny(self) -> Decimal:
        return self.total.value_cny


def counted(expo: Expo) -> QuerySet[Deal]:
    """The deals that count in the bulletin: approved by the organisers."""
    return Deal.objects.filter(expo=expo, review=Deal.Review.APPROVED)


def _band(value_cny: Decimal) -> str:
    return next(name for name, floor in BANDS if value_cny >= floor)


def deal_figures(expo: Expo) -> DealFigures:
    """Every breakdown the bulletin shows (two queries)."""
    rates = {
        r.currency: Rate(r.usd, r.cny, r.as_of)
        for r in ExchangeRate.objects.filter(expo=expo).order_by("currency")
    }
    figures = DealFigures(
        total=Total(),
        rates=rates,
        by_kind={kind: Total() for kind in Deal.Kind.values},
        by_band={name: Total() for name, _floor in BANDS},
        by_sector=defaultdict(Total),
        by_country=defaultdict(Total),
        on_site=Total(),
        online=Total(),
        at_ceremonies=Total(),
        from_meetings=Total(),
        by_partner=defaultdict(Total),
    )
    unrated: set[str] = set()
    rows = (
        counted(expo)
        .order_by()
        .annotate(meeting_count=Count("meetings"))
        .values_list(
            "kind",
            "value",
            "currency",
            "sector__slug",
            "counterpart_country_id",
            "online",
            "activity_id",
            "partner_id",
            "meeting_count",
        )
    )
    for kind, value, currency, sector, country, online, activity, partner, meetings in rows:
        rate = rates.get(currency)
        if rate is None:
            unrated.add(currency)
            usd = cny = Decimal(0)
        else:
            usd, cny = value * rate.usd, value * rate.cny
        parts = [
            figures.total,
            figures.by_kind[kind],
            figures.by_band[_band(cny)],
            figures.by_sector[sector or ""],
            figures.by_country[country],
            figures.online if online else figures.on_site,
        ]
        if activity is not None:
            parts.append(figures.at_ceremonies)
        if meetings:
            parts.append(figures.from_meetings)
        if partner is not None:
            parts.append(figures.by_partner[partner])
        for part in parts:
            part.add(usd, cny)
    figures.unrated = sorted(unrated)
    figures.by_sector = dict(figures.by_sector)
    figures.by_country = dict(figures.by_country)
    figures.by_partner = dict(figures.by_partner)
    return figures
