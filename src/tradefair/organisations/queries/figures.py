"""The key figures of an edition, as the home page and the press bulletin quote them.

Everything is counted live from the database, so the figures cannot drift from the data.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from tradefair.expos.models import CountryGroup, Expo
from tradefair.floorplan.models import Hall, Pavilion
from tradefair.organisations.models import Participation

BELT_AND_ROAD = "belt-and-road"


@dataclass(frozen=True)
class PavilionFigures:
    code: str
    name: str
    name_zh: str
    kind: str
    country: str | None
    hall: str
    area_m2: int
    exhibitors: int


@dataclass(frozen=True)
class ExpoFigures:
    expo: str
    exhibitors: int
    exhibitor_countries: int
    foreign_exhibitors: int
    foreign_exhibitor_share: float
    belt_and_road_countries: int
    exhibition_area_m2: int
    pavilions: list[PavilionFigures]
    country_pavilions: int
    buyers: int
    delegations: int

    @property
    def foreign_exhibitor_percent(self) -> int:
        return round(self.foreign_exhibitor_share * 100)


def expo_figures(expo: Expo) -> ExpoFigures:
    """Count exhibitors, countries, area, pavilions and buyers of one edition (six queries)."""
    exhibitors = Participation.objects.filter(expo=expo, role=Participation.Role.EXHIBITOR)
    # One pass gives the countries, the total and the foreign exhibitors; order_by() drops
    # Meta.ordering, which would otherwise widen the grouping.
    per_country = dict(
        exhibitors.order_by().values_list("organisation__country_id").annotate(n=Count("*"))
    )
    total = sum(per_country.values())
    foreign = total - per_country.get(expo.host_country_id, 0)
    countries = set(per_country)
    bri = set(
        CountryGroup.objects.filter(slug=BELT_AND_ROAD).values_list("countries__code", flat=True)
    )
    area = Hall.objects.filter(expo=expo).aggregate(total=Sum("area_m2"))["total"] or 0
    pavilions = [
        PavilionFigures(
            code=p.code,
            name=p.name,
            name_zh=p.name_zh,
            kind=p.kind,
            country=p.country_id,
            hall=p.hall.code,
            area_m2=p.area_on_plan_m2,
            exhibitors=p.exhibitor_count,
        )
        for p in Pavilion.objects.filter(expo=expo)
        .select_related("hall")
        .annotate(exhibitor_count=Count("exhibitors", filter=Q(exhibitors__role="exhibitor")))
    ]
    pavilions.sort(key=lambda p: (-p.area_m2, p.code))
    # COUNT(*), not COUNT(id): the (expo, role) index alone answers it, without the wide rows.
    role_counts = dict(
        Participation.objects.filter(expo=expo)
        .order_by()
        .values_list("role")
        .annotate(n=Count("*"))
        .values_list("role", "n")
    )
    return ExpoFigures(
        expo=expo.slug,
        exhibitors=total,
        exhibitor_countries=len(countries),
        foreign_exhibitors=foreign,
        foreign_exhibitor_share=round(foreign / total, 4) if total else 0.0,
        belt_and_road_countries=len(countries & bri),
        exhibition_area_m2=int(area),
        pavilions=pavilions,
        country_pavilions=sum(1 for p in pavilions if p.kind == Pavilion.Kind.COUNTRY),
        buyers=role_counts.get(Participation.Role.BUYER, 0),
        delegations=expo.delegations.count(),
    )


@dataclass(frozen=True)
class PartnerFigures:
    """A partner organisation and the buyers its delegations brought to the edition."""

    participation_id: int
    name: str
    name_zh: str
    country: str
    delegations: int
    buyers: int


def partner_figures(expo: Expo) -> list[PartnerFigures]:
    """Every partner of the edition with its delegations and their buyers (one query)."""
    partners = (
        Participation.objects.filter(expo=expo, role=Participation.Role.PARTNER)
        .select_related("organisation")
        .annotate(
            delegation_count=Count("delegations_led", distinct=True),
            buyer_count=Count(
                "delegations_led__members",
                filter=Q(delegations_led__members__role=Participation.Role.BUYER),
                distinct=True,
            ),
        )
        .order_by("-buyer_count", "organisation__name")
    )
    return [
        PartnerFigures(
            participation_id=p.pk,
            name=p.organisation.name,
            name_zh=p.organisation.name_zh,
            country=p.organisation.country_id,
            delegations=p.delegation_count,
            buyers=p.buyer_count,
        )
        for p in partners
    ]
