"""The public exhibitor directory in the REST API (mounted by ``tradefair.api``).

The filters take what the directory page offers, with the limits of the models they name; the
page's form lists the choices, the API states their shape and refuses anything else (422).
With ``q``, results come best match first (``sort=name`` for alphabetical order), each with
what matched cut into parts, the query's terms marked, for the caller to highlight.
"""

from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.accounts.tokens import bearer
from tradefair.expos.api_inputs import (
    COUNTRY_OR_EMPTY,
    HS_CHAPTER_OR_EMPTY,
    NO_NUL,
    SLUG_OR_EMPTY,
    ExpoSlug,
    max_length,
)
from tradefair.expos.api_outputs import Out
from tradefair.expos.models import CountryGroup, Expo, Sector
from tradefair.floorplan.models import Pavilion
from tradefair.organisations.filters import SEARCH_MAX_LENGTH
from tradefair.organisations.queries.directory import DirectoryFilters, directory_page
from tradefair.organisations.queries.matches import Match

router = Router(tags=["directory"])


def expo_or_404(slug: str, request: HttpRequest) -> Expo:
    """The edition called ``slug``, or a 404 that says which one was not found. An edition not
    yet public is found only for its organisers, as the site shows it only in their console
    (its public pages and portals answer 404 to everyone else, and so does the API)."""
    expo = Expo.objects.filter(slug=slug).first()
    if expo is None or not (expo.is_public or _organiser(request, expo)):
        raise HttpError(404, _("There is no expo called “%(slug)s”.") % {"slug": slug})
    return expo


def _organiser(request: HttpRequest, expo: Expo) -> bool:
    user = getattr(request, "auth", None)  # set on endpoints that require a token
    if not isinstance(user, User):
        user = bearer(request)  # the public endpoints read it only for a draft edition
    return isinstance(user, User) and has_role(user, expo, ORGANISER)


class ExhibitorFilters(Schema):
    model_config = ConfigDict(str_strip_whitespace=True)  # like the page's form

    q: str = Field(
        "",
        max_length=SEARCH_MAX_LENGTH,
        pattern=NO_NUL,
        description="Words that must all occur in the name, products, HS codes or description.",
    )
    country: str = Field("", pattern=COUNTRY_OR_EMPTY, description="ISO 3166 alpha-2 code.")
    group: str = Field(
        "",
        max_length=max_length(CountryGroup, "slug"),
        pattern=SLUG_OR_EMPTY,
        description="A country group's slug, e.g. asean.",
    )
    pavilion: str = Field(
        "", max_length=max_length(Pavilion, "code"), pattern=SLUG_OR_EMPTY, description="Its code."
    )
    sector: str = Field(
        "", max_length=max_length(Sector, "slug"), pattern=SLUG_OR_EMPTY, description="Its slug."
    )
    hs: str = Field("", pattern=HS_CHAPTER_OR_EMPTY, description="A two-digit HS chapter.")
    sort: Literal["relevance", "name"] = Field(
        "relevance",
        description="relevance: best match first (an exact name or HS code on top, then "
        "matches in names and product titles, HS descriptions and sectors, descriptions); "
        "alphabetical when q is empty. name: alphabetical.",
    )
    page: int = Field(1, ge=1, description="Past the last page, the last page is shown.")


class MatchPartOut(Out):
    text: str
    marked: bool = Field(description="True for an occurrence of one of the query's terms.")


class MatchOut(Out):
    kind: Literal[
        "hs_code", "product", "hs_description", "sector", "name", "description", "product_text"
    ]
    parts: list[MatchPartOut] = Field(description="Joined, they give the matched text.")


class ExhibitorOut(Out):
    id: int
    name: str
    other_name: str
    country_code: str
    country: str
    pavilion: str
    hall: str
    booths: list[str]
    sectors: list[str]
    match: MatchOut | None = Field(
        None,
        description="With q: the HS code, product title, sector, name or description that "
        "holds most of its terms, in the caller's language where both hold them.",
    )


def _match_out(match: Match | None) -> MatchOut | None:
    if match is None:
        return None
    parts = [MatchPartOut(text=part.text, marked=part.marked) for part in match.parts]
    return MatchOut(kind=match.kind, parts=parts)  # type: ignore[arg-type]


class ExhibitorPage(Out):
    count: int
    page: int
    pages: int
    results: list[ExhibitorOut]


class Message(Out):
    detail: str


@router.get(
    "/expos/{slug}/exhibitors", response={200: ExhibitorPage, 404: Message, 422: Message}, auth=None
)
def list_exhibitors(
    request: HttpRequest, slug: ExpoSlug, filters: Query[ExhibitorFilters]
) -> ExhibitorPage:
    """The exhibitors of an edition, filtered like the directory page, 24 to a page."""
    expo = expo_or_404(slug, request)
    wanted = DirectoryFilters(
        q=filters.q,
        country=filters.country.upper(),
        group=filters.group,
        pavilion=filters.pavilion,
        sector=filters.sector,
        hs=filters.hs,
        sort=filters.sort,
    )
    found = directory_page(expo, wanted, filters.page)
    return ExhibitorPage(
        count=found.count,
        page=found.page.number,
        pages=found.page.paginator.num_pages,
        results=[
            ExhibitorOut(
                id=card.pk,
                name=card.name,
                other_name=card.other_name,
                country_code=card.country_code,
                country=card.country,
                pavilion=card.pavilion,
                hall=card.hall,
                booths=card.booths,
                sectors=card.sectors,
                match=_match_out(card.match),
            )
            for card in found.cards
        ],
    )
