"""Meeting requests in the REST API (mounted by ``tradefair.api`` with bearer auth).

The endpoints only find objects and call ``services.requests``; the services decide who may do
what. Requests of organisations the user does not act for are answered 404, as if absent.
Refusals (``MatchmakingError``, ``RoleRequired``) become JSON in ``tradefair.api.urls``.

The bodies carry the forms' limits, read from the model: message and reason lengths, a priority
from 1 to 5 that must be given, and an exhibitor declines a buyer only with a reason, as on the
exhibitor's page.
"""

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import ConfigDict

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import (
    ORGANISER,
    require_organisation_of,
    require_role,
)
from tradefair.expos.api_inputs import (
    NO_NUL,
    BodyId,
    ExpoSlug,
    RecordId,
    WholeNumber,
    max_length,
)
from tradefair.expos.api_outputs import Out
from tradefair.expos.models import Expo
from tradefair.expos.paging import paginate_ids
from tradefair.matchmaking.api.access import ERRORS, refusals_documented, user_of
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.models.requests import HIGHEST_PRIORITY, LOWEST_PRIORITY
from tradefair.matchmaking.services import requests as services
from tradefair.matchmaking.services.access import require_member_of
from tradefair.organisations.api import expo_or_404
from tradefair.organisations.models import Participation

router = Router(tags=["meeting requests"])

Role = Participation.Role


# Like the forms, which strip what was typed before they measure it.
STRIPPED = ConfigDict(str_strip_whitespace=True)


class RequestIn(Schema):
    """A buyer names the ``exhibitor``; an exhibitor asking a buyer names the ``buyer``."""

    model_config = STRIPPED

    exhibitor: BodyId | None = Field(None, description="Participation id.")
    buyer: BodyId | None = Field(None, description="Participation id.")
    message: str = Field("", max_length=max_length(MeetingRequest, "message"), pattern=NO_NUL)
    # Required, as on both forms (the buyer's request and the exhibitor's invitation), which
    # offer different first choices (3 and 1): a default here would pick one for the caller.
    priority: WholeNumber = Field(
        ge=LOWEST_PRIORITY,
        le=HIGHEST_PRIORITY,
        description="1 nice to have … 5 must meet; higher priorities are scheduled first.",
    )


class DeclineIn(Schema):
    model_config = STRIPPED

    reason: str = Field(
        "",
        max_length=max_length(MeetingRequest, "decline_reason"),
        pattern=NO_NUL,
        description="Sent to the asking side; required when an exhibitor declines a buyer.",
    )


class RequestOut(Out):
    id: int
    buyer: int
    buyer_name: str
    exhibitor: int
    exhibitor_name: str
    message: str
    priority: int
    status: str
    decline_reason: str
    must_meet: bool
    from_exhibitor: bool
    created_at: dt.datetime
    answered_at: dt.datetime | None


def _out(r: MeetingRequest) -> RequestOut:
    return RequestOut(
        id=r.pk,
        buyer=r.buyer_id,
        buyer_name=r.buyer.organisation.display_name,
        exhibitor=r.exhibitor_id,
        exhibitor_name=r.exhibitor.organisation.display_name,
        message=r.message,
        priority=r.priority,
        status=r.status,
        decline_reason=r.decline_reason,
        must_meet=r.must_meet,
        from_exhibitor=r.from_exhibitor,
        created_at=r.created_at,
        answered_at=r.answered_at,
    )


SHOWN = ("buyer__organisation", "exhibitor__organisation")  # what a request's answer names
# The columns an answer reads: whole participations and organisations (descriptions, web
# sites, …) made a page of 100 build 500 full rows, half the organisers' list's time.
ANSWERED = (
    "expo_id",
    "buyer__organisation",
    "exhibitor__organisation",
    *(
        f"{side}__organisation__{name}"
        for side in ("buyer", "exhibitor")
        for name in ("name", "name_zh", "name_local", "name_local_language")
    ),
    "message",
    "priority",
    "status",
    "decline_reason",
    "must_meet",
    "from_exhibitor",
    "created_at",
    "answered_at",
)


def _shown(requests: QuerySet[MeetingRequest]) -> QuerySet[MeetingRequest]:
    return requests.select_related(*SHOWN).only(*ANSWERED)


def _visible(user: User, expo: Expo) -> QuerySet[MeetingRequest]:
    """The edition's requests the user may see: all for organisers, else their organisations'."""
    roles = require_role(user, expo, ORGANISER, Role.BUYER, Role.EXHIBITOR)
    if ORGANISER in roles:
        return MeetingRequest.objects.filter(expo=expo)
    # The user's own participations first: an OR across the membership joins of both sides
    # scans every request of the edition (seconds at the demo's 150,000); by ids it is two
    # index lookups, and no duplicate rows to remove. Their participations are the edition's,
    # so its requests need no filter of their own: with one, SQLite walked the edition's
    # every request in the list's order (request_in_order) to find a buyer's 17.
    mine = list(
        Participation.objects.filter(expo=expo, organisation__memberships__user=user).values_list(
            "pk", flat=True
        )
    )
    return MeetingRequest.objects.filter(Q(buyer_id__in=mine) | Q(exhibitor_id__in=mine))


def _request_or_404(user: User, expo: Expo, pk: int) -> MeetingRequest:
    found = _shown(_visible(user, expo).filter(pk=pk)).first()
    if found is None:
        raise HttpError(404, _("There is no such meeting request."))
    return found


# 201 is the only declared status, so ninja answers with it: returning (201, body) is deprecated
# in current ninja and its replacement may be missing from older 1.x. Refusals are raised.
@router.post(
    "/expos/{slug}/meeting-requests",
    response={201: RequestOut},
    openapi_extra=refusals_documented(*ERRORS),
)
def create_request(request: HttpRequest, slug: ExpoSlug, body: RequestIn) -> RequestOut:
    """Ask for a meeting (priority 1 to 5): a buyer names an exhibitor, an exhibitor a buyer."""
    user = user_of(request)
    expo = expo_or_404(slug, request)
    if (body.exhibitor is None) == (body.buyer is None):
        raise HttpError(
            400, _("Name either the exhibitor (as a buyer) or the buyer (as an exhibitor).")
        )
    from_exhibitor = body.buyer is not None
    other_id = body.buyer if body.buyer is not None else body.exhibitor
    assert other_id is not None
    mine = require_organisation_of(user, expo, Role.EXHIBITOR if from_exhibitor else Role.BUYER)
    other_role = Role.BUYER if from_exhibitor else Role.EXHIBITOR
    other = (
        Participation.objects.filter(expo=expo, role=other_role, pk=other_id)
        .select_related("organisation")
        .first()
    )
    if other is None:
        if from_exhibitor:
            raise HttpError(404, _("There is no such buyer in this expo."))
        raise HttpError(404, _("There is no such exhibitor in this expo."))
    made = services.request_meeting(
        buyer=other if from_exhibitor else mine,
        exhibitor=mine if from_exhibitor else other,
        message=body.message,
        priority=body.priority,
        from_exhibitor=from_exhibitor,
        by_user=user,
    )
    return _out(_request_or_404(user, expo, made.pk))


# An organiser sees the whole edition's requests: 150,000 at the reference size, 60 MB of
# JSON in one answer; a page of them is what a client reads at a time.
PAGE_SIZE = 100


class RequestPageQuery(Schema):
    page: int = Field(1, ge=1, description="Past the last page, the last page is shown.")


class RequestPage(Out):
    count: int
    page: int
    pages: int
    results: list[RequestOut]


@router.get("/expos/{slug}/meeting-requests", response={200: RequestPage, **ERRORS})
def list_requests(
    request: HttpRequest, slug: ExpoSlug, query: Query[RequestPageQuery]
) -> RequestPage:
    """The requests the user's organisations made or received in this edition (an organiser's:
    all of them), oldest first, 100 to a page."""
    user = user_of(request)
    expo = expo_or_404(slug, request)
    # The page's ids first (an index serves the order), then those rows with both sides: an
    # organiser's list joined and sorted all 150,000 requests for every page (1.2-5.4 s).
    listing = paginate_ids(
        _visible(user, expo).order_by("created_at", "id"),
        lambda ids: list(_shown(MeetingRequest.objects.filter(pk__in=ids))),
        str(query.page),
        PAGE_SIZE,
    )
    page = listing.page
    return RequestPage(
        count=page.paginator.count,
        page=page.number,
        pages=page.paginator.num_pages,
        results=[_out(r) for r in page.object_list],
    )


@router.post("/expos/{slug}/meeting-requests/{pk}/accept", response={200: RequestOut, **ERRORS})
def accept(request: HttpRequest, slug: ExpoSlug, pk: RecordId) -> RequestOut:
    """The asked side accepts a pending request (not organisers); accepting again: no change."""
    user = user_of(request)
    expo = expo_or_404(slug, request)
    found = _request_or_404(user, expo, pk)
    services.accept_request(request=found, by_user=user)
    return _out(_request_or_404(user, expo, pk))


# The body may be left out; ``null`` is not a body (tradefair.api.validation.ObjectBodyParser).
NO_BODY = DeclineIn(reason="")


@router.post("/expos/{slug}/meeting-requests/{pk}/decline", response={200: RequestOut, **ERRORS})
def decline(
    request: HttpRequest, slug: ExpoSlug, pk: RecordId, body: DeclineIn = NO_BODY
) -> RequestOut:
    """The asked side (not organisers) declines: an exhibitor always says why, a buyer may."""
    user = user_of(request)
    expo = expo_or_404(slug, request)
    found = _request_or_404(user, expo, pk)
    reason = body.reason
    require_member_of(user, found.receiver)  # who may answer is refused before what was sent
    if not reason and not found.from_exhibitor:  # as the exhibitor's form, whatever the status
        raise ValidationError([{"loc": ("body", "body", "reason"), "type": "reason_required"}])
    services.decline_request(request=found, reason=reason, by_user=user)
    return _out(_request_or_404(user, expo, pk))
