"""The public exhibitor directory: filtered, ranked, paginated search and the exhibitor profile.

Filters that reach through offers use ``id IN (subquery)`` instead of joins plus ``DISTINCT``:
the subquery never multiplies rows, so the count and the page stay cheap at 3,200 exhibitors
on SQLite and PostgreSQL alike. How a query matches and ranks is in ``relevance``, what each
card says matched in ``matches``. Pages return plain dataclasses with names already in the
reader's language, so templates only lay them out.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import get_language

from tradefair.expos.models import Country, CountryGroup, Expo, HSCode, Sector
from tradefair.expos.names import country_name, in_reader_language
from tradefair.floorplan.models import BoothAssignment, Pavilion
from tradefair.organisations.models import Offer, Organisation, Participation
from tradefair.organisations.queries.matches import Match, best_match, offers_by_participation
from tradefair.organisations.queries.relevance import (
    matching,
    near_misses_apply,
    ordered,
    scored_terms,
)

PAGE_SIZE = 24
# Filter options change only when exhibitors or offers do; imports forget them at once, other
# edits (e.g. in the admin) show up within this many seconds.
CHOICES_TTL_SECONDS = 300


def _country(code: str) -> str:
    return country_name(code, get_language() or "en", fallback=code)


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor asked for; empty strings mean "any".

    ``sort`` is "name" for alphabetical order, else best match first when there is a query.
    ``errors`` says what could not be read (shown above the results, the rest still applies).
    """

    q: str = ""
    country: str = ""
    group: str = ""
    pavilion: str = ""
    sector: str = ""
    hs: str = ""
    sort: str = ""
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FilterChoices:
    """(value, label) pairs for each filter; countries, pavilions and HS chapters are limited
    to what occurs in this edition, groups and sectors are the full lists."""

    countries: list[tuple[str, str]]
    groups: list[tuple[str, str]]
    pavilions: list[tuple[str, str]]
    sectors: list[tuple[str, str]]
    hs_chapters: list[tuple[str, str]]


@dataclass(frozen=True)
class ExhibitorCard:
    pk: int
    name: str
    other_name: str
    country_code: str
    country: str
    pavilion: str
    hall: str
    booths: list[str]
    sectors: list[str]
    match: Match | None = None


@dataclass(frozen=True)
class DirectoryPage:
    cards: list[ExhibitorCard]
    page: Page
    page_range: list[int | str]
    errors: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return self.page.paginator.count


def exhibitors(expo: Expo) -> QuerySet[Participation]:
    return Participation.objects.filter(expo=expo, role=Participation.Role.EXHIBITOR)


def filtered_exhibitors(
    expo: Expo, filters: DirectoryFilters, *, near_misses: bool = False
) -> QuerySet[Participation]:
    """Exhibitors matching every filter and the query (see ``relevance.matching``)."""
    qs = matching(exhibitors(expo), filters.q, near_misses=near_misses)
    if filters.country:
        qs = qs.filter(organisation__country_id=filters.country)
    if filters.group:
        members = CountryGroup.countries.through.objects.filter(countrygroup__slug=filters.group)
        qs = qs.filter(organisation__country_id__in=members.values("country_id"))
    if filters.pavilion:
        qs = qs.filter(pavilion__code=filters.pavilion)
    if filters.sector:
        qs = qs.filter(id__in=_offering(expo, Offer.objects.filter(sectors__slug=filters.sector)))
    if filters.hs:
        if not (len(filters.hs) == 2 and filters.hs.isdigit()):
            return qs.none()
        # A code starts with its chapter; matching the link table's key avoids joining HS codes.
        offering = Offer.objects.filter(hs_codes__code__startswith=filters.hs)
        qs = qs.filter(id__in=_offering(expo, offering))
    return qs


def _offering(expo: Expo, offers: QuerySet[Offer]) -> list[int]:
    """The edition's exhibitors with one of ``offers``, as ids read in a query of their own.

    Handed to PostgreSQL as a subquery with a search, the planner (which prices matching a
    long search text like comparing two numbers) walked every participation through the
    search before the semi-join: 45 ms where probing these ids takes 4.
    """
    return list(
        offers.filter(participation__expo=expo)
        .order_by()  # the model's ordering would join four tables to sort ids we only collect
        .values_list("participation_id", flat=True)
        .distinct()
    )


def _choices_key(expo_id: int, language: str) -> str:
    return f"directory-choices:{expo_id}:{language}"


def filter_choices(expo: Expo) -> FilterChoices:
    """The options of the directory's filter form, cached per edition and language."""
    key = _choices_key(expo.pk, get_language() or "en")
    choices = cache.get(key)
    if choices is None:
        choices = _load_filter_choices(expo)
        cache.set(key, choices, CHOICES_TTL_SECONDS)
    return choices


def forget_filter_choices(expo_id: int) -> None:
    """Drop the cached options after exhibitors or their offers changed."""
    cache.delete_many([_choices_key(expo_id, code) for code, _ in settings.LANGUAGES])


def _load_filter_choices(expo: Expo) -> FilterChoices:
    """Five small queries; the HS chapters one scans every offer's codes, hence the cache."""
    present = exhibitors(expo)
    countries = sorted(
        (
            (code, _country(code))
            for code in Country.objects.filter(
                code__in=present.values("organisation__country_id")
            ).values_list("code", flat=True)
        ),
        key=lambda choice: choice[1],
    )
    groups = [(g.slug, in_reader_language(g.name, g.name_zh)) for g in CountryGroup.objects.all()]
    pavilions = [(p.code, p.display_name) for p in Pavilion.objects.filter(expo=expo)]
    sectors = [(s.slug, s.display_name) for s in Sector.objects.all()]
    used = Offer.hs_codes.through.objects.filter(
        offer__participation__expo=expo,
        offer__participation__role=Participation.Role.EXHIBITOR,
    ).values(chapter=Substr("hscode_id", 1, 2))
    chapters = [
        (h.code, f"{h.code} · {h.description}")
        for h in HSCode.objects.filter(level=HSCode.Level.CHAPTER, code__in=used)
    ]
    return FilterChoices(countries, groups, pavilions, sectors, chapters)


def _booths_prefetch() -> Prefetch:
    return Prefetch(
        "booth_assignments",
        queryset=BoothAssignment.objects.select_related("booth").order_by("booth__number"),
    )


def _other_name(org: Organisation) -> str:
    """The name in the language the reader is not reading, shown small under the main one."""
    shown = org.display_name
    other = org.name if shown == org.name_zh else org.name_zh
    return "" if other == shown else other


def _ranked_ids(expo: Expo, filters: DirectoryFilters, *, near_misses: bool) -> QuerySet[Any]:
    """The matching exhibitors' ids in page order. Ranking narrow rows and reading the page's
    wide ones afterwards keeps the sort small: sorting the 735 whole rows that hold "85"
    took PostgreSQL most of a page's time."""
    rows = filtered_exhibitors(expo, filters, near_misses=near_misses)
    return ordered(rows, filters.q, filters.sort, near_misses=near_misses).values_list(
        "pk", flat=True
    )


def _page_rows(ids: list[int]) -> list[Participation]:
    """The page's exhibitors in the order of ``ids``, with what their cards show."""
    found = (
        Participation.objects.filter(pk__in=ids)
        .select_related("organisation", "pavilion__hall")
        .defer("search_text")
        .prefetch_related(_booths_prefetch())
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def directory_page(expo: Expo, filters: DirectoryFilters, page_number: str | int) -> DirectoryPage:
    """One page of the directory: a count, the rows, their booths and their sectors, and with
    a query what matched (5 queries; 4 without a query; one more count when the terms as
    spelt found nothing and PostgreSQL looks for near misses)."""
    paginator = Paginator(_ranked_ids(expo, filters, near_misses=False), PAGE_SIZE)
    if not paginator.count and near_misses_apply(filters.q):
        paginator = Paginator(_ranked_ids(expo, filters, near_misses=True), PAGE_SIZE)
    page = paginator.get_page(page_number)
    ids = list(page.object_list)
    participations = _page_rows(ids)
    sectors = _sectors_by_participation(ids)
    terms = scored_terms(filters.q)
    offers = offers_by_participation(ids) if terms else {}
    cards = [
        ExhibitorCard(
            pk=p.id,
            name=p.organisation.display_name,
            other_name=_other_name(p.organisation),
            country_code=p.organisation.country_id,
            country=_country(p.organisation.country_id),
            pavilion=p.pavilion.display_name if p.pavilion else "",
            hall=p.pavilion.hall.display_name if p.pavilion else "",
            booths=[a.booth.number for a in p.booth_assignments.all()],
            sectors=sectors.get(p.id, []),
            match=best_match(terms, p.organisation, offers.get(p.id, []), sectors.get(p.id, []))
            if terms
            else None,
        )
        for p in participations
    ]
    page_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return DirectoryPage(cards=cards, page=page, page_range=page_range, errors=filters.errors)


def _sectors_by_participation(ids: list[int]) -> dict[int, list[str]]:
    """Distinct sector names of each participation's offers, in one query."""
    if not ids:
        return {}
    links = (
        Offer.sectors.through.objects.filter(offer__participation_id__in=ids)
        .values_list("offer__participation_id", "sector__name", "sector__name_zh")
        .order_by("sector__name")
    )
    found: dict[int, list[str]] = defaultdict(list)
    for pid, name, name_zh in links:
        label = in_reader_language(name, name_zh)
        if label not in found[pid]:
            found[pid].append(label)
    return found


@dataclass(frozen=True)
class Booth:
    number: str
    area_m2: Decimal


@dataclass(frozen=True)
class ExhibitorProfile:
    participation: Participation
    organisation: Organisation
    other_name: str
    country: str
    booths: list[Booth]
    offers: list[Offer] = field(default_factory=list)


def exhibitor_profile(expo: Expo, pk: int) -> ExhibitorProfile | None:
    """An exhibitor of this edition with booths and offers (7 queries), or None."""
    offers = Offer.objects.prefetch_related(
        "hs_codes",
        "sectors",
        Prefetch("markets", queryset=Country.objects.order_by("code")),
        "pictures",
    ).order_by("id")
    participation = (
        exhibitors(expo)
        .select_related("organisation", "pavilion__hall")
        .prefetch_related(_booths_prefetch(), Prefetch("offers", queryset=offers))
        .filter(pk=pk)
        .first()
    )
    if participation is None:
        return None
    org = participation.organisation
    return ExhibitorProfile(
        participation=participation,
        organisation=org,
        other_name=_other_name(org),
        country=_country(org.country_id),
        booths=[
            Booth(a.booth.number, a.booth.area_m2) for a in participation.booth_assignments.all()
        ],
        offers=list(participation.offers.all()),
    )
