"""A participant's recommendations in the REST API (mounted by ``tradefair.api`` with bearer auth).

A buyer reads the exhibitors recommended to it, an exhibitor the buyers; a user whose
organisations are both in the edition says which with ``?as=``. The lists are the stored ones
(``tradefair match`` or the organiser refreshes them). Reasons and country names follow the
request's ``Accept-Language`` (``tradefair.api.urls`` activates it for every API call).

``?requested=hide`` leaves out the other sides the caller already has a pending or accepted
request with, as the buyer's dashboard does by default; the API's default stays ``show`` so
that clients written against v1 keep receiving whole lists (each item says its request).
"""

from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from tradefair.accounts.services.roles import RoleRequired
from tradefair.expos.api_inputs import ExpoSlug
from tradefair.expos.api_outputs import Out
from tradefair.expos.names import country_name
from tradefair.matchmaking.api.access import ERRORS, sides_in
from tradefair.matchmaking.models.recommendations import MAX_LIST_LENGTH
from tradefair.matchmaking.queries import recommendations as queries
from tradefair.matchmaking.queries.agenda import SIDES
from tradefair.organisations.models import Participation

router = Router(tags=["recommendations"])

Role = Participation.Role


class PageIn(Schema):
    as_: Literal["buyer", "exhibitor"] | None = Field(
        None, alias="as", description="Which of your sides reads: needed only if you have both."
    )
    limit: int = Field(20, ge=1, le=queries.MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_LIST_LENGTH)
    requested: Literal["show", "hide"] = Field(
        "show",
        description=(
            "hide: leave out those you already have a pending or accepted request with"
            " (count and paging follow); show: the whole list."
        ),
    )


class RecommendationOut(Out):
    id: int = Field(description="The other side's participation id (use it to request).")
    name: str
    country: str = Field(description="ISO 3166 alpha-2 code.")
    country_name: str
    score: float = Field(description="In [0, 1]; high only when the pair suits both sides.")
    reasons: list[str]
    request_id: int | None = Field(description="The open, else the latest, request of the pair.")
    request_status: str | None


class RecommendationPage(Out):
    count: int
    limit: int
    offset: int
    results: list[RecommendationOut]


@router.get("/expos/{slug}/recommendations", response={200: RecommendationPage, **ERRORS})
def list_recommendations(
    request: HttpRequest, slug: ExpoSlug, page: Query[PageIn]
) -> RecommendationPage:
    """Exhibitors recommended to a buyer, or buyers to an exhibitor, best first."""
    sides = sides_in(request, slug, *SIDES)
    side: str = page.as_ or (Role.BUYER if Role.BUYER in sides else Role.EXHIBITOR)
    if page.as_ is None and len(sides) == len(SIDES):
        raise HttpError(
            400,
            _("You are both a buyer and an exhibitor here: add ?as=buyer or ?as=exhibitor."),
        )
    if side not in sides:
        raise RoleRequired(_("Your account may not do this in this edition."))
    reader = sides[side]
    language = translation.get_language()
    found, count = queries.page_with_count(
        reader,
        as_buyer=side == Role.BUYER,
        limit=page.limit,
        offset=page.offset,
        hide_requested=page.requested == "hide",
    )
    return RecommendationPage(
        count=count,
        limit=page.limit,
        offset=page.offset,
        results=[
            RecommendationOut(
                id=item.participation.pk,
                name=item.participation.organisation.display_name,
                country=item.participation.organisation.country_id,
                country_name=country_name(item.participation.organisation.country_id, language),
                score=round(item.score, 4),
                reasons=item.reasons,
                request_id=item.request.pk if item.request else None,
                request_status=item.request.status if item.request else None,
            )
            for item in found
        ],
    )
