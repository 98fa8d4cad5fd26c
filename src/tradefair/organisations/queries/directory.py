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
from tradefair.expos.names import (
    ShownName,
    country_name,
    in_reader_language,
    organisation_names,
    reference_name,
)
from tradefair.floorplan.models import BoothAssignment, Pavilion
from tradefair.organisations.models import Offer, Organisation, Participation
from tradefair.organisations.queries.matches import (
    Match,
    OfferLine,
    OrganisationTexts,
    best_match,
    offers_by_participation,
)
from tradefair.organisations.queries.relevance import (
    matching,
    near_misses_apply,
    ordered,
    scored_terms,
)
from tradefair.organisations.services.search import search_terms

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
    name_lang: str  # the languages of the two names, for their lang attributes
    other_lang: str
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
    groups = [(g.slug, reference_name(g.name, g.name_zh)) for g in CountryGroup.objects.all()]
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


def _ranked_ids(expo: Expo, filters: DirectoryFilters, *, near_misses: bool) -> QuerySet[Any]:
    """The matching exhibitors' ids in page order. Ranking narrow rows and reading the page's
    wide ones afterwards keeps the sort small: sorting the 735 whole rows that hold "85"
    took PostgreSQL most of a page's time."""
    rows = filtered_exhibitors(expo, filters, near_misses=near_misses)
    return ordered(rows, filters.q, filters.sort, near_misses=near_misses).values_list(
        "pk", flat=True
    )


def _paginator(expo: Expo, filters: DirectoryFilters, *, near_misses: bool) -> Paginator:
    """A search reads every participation's text, once for a count and again for the page
    (two thirds of a page's database time on PostgreSQL for a two-character term): all the
    ranked ids in one query instead, counted in Python. Without a query the count is an
    index-only scan and the page a short sort, so those stay two queries."""
    ids = _ranked_ids(expo, filters, near_misses=near_misses)
    return Paginator(list(ids) if search_terms(filters.q) else ids, PAGE_SIZE)


# What a card shows of its exhibitor; the descriptions only to say what a query matched.
_CARD_FIELDS = (
    "id",
    "organisation__name",
    "organisation__name_zh",
    "organisation__name_local",
    "organisation__name_local_language",
    "organisation__country_id",
    "pavilion_id",
    "pavilion__name",
    "pavilion__name_zh",
    "pavilion__hall__name",
    "pavilion__hall__name_zh",
)
_MATCH_FIELDS = (
    "organisation__other_names",
    "organisation__description",
    "organisation__description_zh",
)


def _page_rows(ids: list[int], *, with_texts: bool) -> list[dict[str, Any]]:
    """The page's exhibitors in the order of ``ids``: plain values, as building the models
    (participation, organisation, pavilion, hall) cost more than reading them."""
    fields = _CARD_FIELDS + _MATCH_FIELDS if with_texts else _CARD_FIELDS
    rows = Participation.objects.filter(pk__in=ids).order_by().values(*fields)
    found = {row["id"]: row for row in rows}
    return [found[pk] for pk in ids if pk in found]


def _booths_by_participation(ids: list[int]) -> dict[int, list[str]]:
    """The booth numbers of each participation, in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    if ids:
        rows = (
            BoothAssignment.objects.filter(participation_id__in=ids)
            .order_by("booth__number", "pk")
            .values_list("participation_id", "booth__number")
        )
        for pid, number in rows:
            found[pid].append(number)
    return found


def _card(
    row: dict[str, Any],
    booths: list[str],
    sectors: list[str],
    terms: list[str],
    offers: dict[int, list[OfferLine]],
) -> ExhibitorCard:
    name, name_zh = row["organisation__name"], row["organisation__name_zh"]
    shown, other = organisation_names(
        name, name_zh, row["organisation__name_local"], row["organisation__name_local_language"]
    )
    pavilion = hall = ""
    if row["pavilion_id"] is not None:
        pavilion = in_reader_language(row["pavilion__name"], row["pavilion__name_zh"])
        hall = in_reader_language(row["pavilion__hall__name"], row["pavilion__hall__name_zh"])
    match = None
    if terms:
        texts = OrganisationTexts(
            name=name,
            name_zh=name_zh,
            other_names=row["organisation__other_names"],
            description=row["organisation__description"],
            description_zh=row["organisation__description_zh"],
        )
        match = best_match(terms, texts, offers.get(row["id"], []), sectors)
    return ExhibitorCard(
        pk=row["id"],
        name=shown.text,
        other_name=other.text if other else "",
        name_lang=shown.lang,
        other_lang=other.lang if other else "",
        country_code=row["organisation__country_id"],
        country=_country(row["organisation__country_id"]),
        pavilion=pavilion,
        hall=hall,
        booths=booths,
        sectors=sectors,
        match=match,
    )


def directory_page(expo: Expo, filters: DirectoryFilters, page_number: str | int) -> DirectoryPage:
    """One page of the directory in 5 queries: with a query the ranked ids of every match,
    the page's rows, booths, sectors and what matched; without one a count, the page's ids,
    its rows, booths and sectors. One more when the terms as spelt found nothing and
    PostgreSQL looks for near misses."""
    paginator = _paginator(expo, filters, near_misses=False)
    if not paginator.count and near_misses_apply(filters.q):
        paginator = _paginator(expo, filters, near_misses=True)
    page = paginator.get_page(page_number)
    ids = list(page.object_list)
    terms = scored_terms(filters.q)
    rows = _page_rows(ids, with_texts=bool(terms))
    booths = _booths_by_participation(ids)
    sectors = _sectors_by_participation(ids)
    offers = offers_by_participation(ids) if terms else {}
    cards = [
        _card(row, booths.get(row["id"], []), sectors.get(row["id"], []), terms, offers)
        for row in rows
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
        label = reference_name(name, name_zh)
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
    name: ShownName
    other_name: ShownName | None
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
    shown, other = organisation_names(
        org.name, org.name_zh, org.name_local, org.name_local_language
    )
    return ExhibitorProfile(
        participation=participation,
        organisation=org,
        name=shown,
        other_name=other,
        country=_country(org.country_id),
        booths=[
            Booth(a.booth.number, a.booth.area_m2) for a in participation.booth_assignments.all()
        ],
        offers=list(participation.offers.all()),
    )
