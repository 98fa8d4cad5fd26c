"""The deal figures the bulletin quotes: counts and values by kind, in USD and in CNY.

Only approved deals count. Values are summed per currency in the database and converted with
the edition's rate table here, in Decimal, so a total is exact to the cent whatever the mix of
currencies. A currency that has lost its rate is named in ``unrated`` instead of being
dropped from the totals silently.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from tradefair.deals.models import Deal, ExchangeRate
from tradefair.expos.models import Expo

CENT = Decimal("0.01")


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


@dataclass
class DealFigures:
    count: int
    value_usd: Decimal
    value_cny: Decimal
    rates: dict[str, Rate]
    by_kind: dict[str, Total]
    unrated: list[str] = field(default_factory=list)


def counted(expo: Expo) -> QuerySet[Deal]:
    """The deals that count in the bulletin: approved by the organisers."""
    return Deal.objects.filter(expo=expo, review=Deal.Review.APPROVED)


def deal_figures(expo: Expo) -> DealFigures:
    """Totals and the split by kind (two queries)."""
    rates = {
        r.currency: Rate(r.usd, r.cny, r.as_of)
        for r in ExchangeRate.objects.filter(expo=expo).order_by("currency")
    }
    by_kind = {kind: Total() for kind in Deal.Kind.values}
    unrated: set[str] = set()
    grouped = (
        counted(expo)
        .order_by()
        .values("kind", "currency")
        .annotate(n=Count("pk"), value=Sum("value"))
    )
    for group in grouped:
        total = by_kind[group["kind"]]
        total.count += group["n"]
        rate = rates.get(group["currency"])
        if rate is None:
            unrated.add(group["currency"])
            continue
        total.value_usd += group["value"] * rate.usd
        total.value_cny += group["value"] * rate.cny
    for total in by_kind.values():
        total.value_usd = total.value_usd.quantize(CENT)
        total.value_cny = total.value_cny.quantize(CENT)
    return DealFigures(
        count=sum(t.count for t in by_kind.values()),
        value_usd=sum((t.value_usd for t in by_kind.values()), Decimal(0)),
        value_cny=sum((t.value_cny for t in by_kind.values()), Decimal(0)),
        rates=rates,
        by_kind=by_kind,
        unrated=sorted(unrated),
    )
