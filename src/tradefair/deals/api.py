"""Deals in the REST API: the register of signed deals, recording, reporting and review.

``GET`` lists the deals anyone may see (approved and public); an organiser's token also shows
figures-only deals and the ones waiting for review. ``POST`` records a deal as an organiser,
or, with ``meeting``, reports one as a party of that held meeting. The other party confirms,
the organisers approve or reject. Every check is the services' (``services.recording``), and
the body requires what the console's and the portal's forms require, the value read by their
own field (``api_inputs``), so the API refuses exactly what the forms refuse; the services'
refusals become ``{"detail": …}`` in ``tradefair.api.urls``.
"""

import datetime as dt
from collections import defaultdict
from typing import Annotated, Any, Literal, cast

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.params.functions import Path
from pydantic import ConfigDict

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.accounts.tokens import bearer
from tradefair.deals.api_inputs import Value
from tradefair.deals.models import Deal, DealParty
from tradefair.deals.services import recording
from tradefair.deals.services.rules import MAX_HS_CODES, MAX_PARTIES
from tradefair.deals.services.writing import PartyLine
from tradefair.expos.api_inputs import ID_LIMITS, NO_NUL, SLUG_OR_EMPTY, ExpoSlug, refusals
from tradefair.expos.api_outputs import Out
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.api import Message, expo_or_404

router = Router(tags=["deals"])

PAGE_SIZE = 50
MAX_ID = ID_LIMITS["le"]
# The model's choices, spelt out so the schema lists them (a test keeps them equal).
Kind = Literal["investment", "trade", "outward_investment", "cooperation"]
Stage = Literal["intention", "signed", "contract", "implemented"]
Review = Literal["reported", "confirmed", "approved", "rejected"]
Role = Literal["investor", "project_owner", "buyer", "seller", "partner"]
Reference = Annotated[
    str, Path(..., min_length=1, max_length=recording.REFERENCE_LIMIT, pattern=r"^[^\x00/]+$")
]


class PartyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation: int = Field(..., ge=1, le=MAX_ID, description="An organisation taking part.")
    role: Role


class DealIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # No default in the schema, as for ``parties``: organisers must send one, a report none.
    reference: str = Field(
        default_factory=str,
        max_length=recording.REFERENCE_LIMIT,
        pattern=NO_NUL,
        description="Required when organisers record; unique in the edition. Organisers only: "
        "a report from a meeting leaves it out and is numbered M<meeting>-<n>.",
    )
    kind: Kind
    title: str = Field(..., min_length=1, max_length=recording.TITLE_LIMIT, pattern=NO_NUL)
    title_zh: str = Field("", max_length=recording.TITLE_LIMIT, pattern=NO_NUL)
    parties: list[PartyIn] = Field(
        default_factory=list,
        max_length=MAX_PARTIES,
        description="Required when organisers record. Organisers only: a report takes the "
        "meeting's two sides.",
    )
    counterpart_country: str = Field(..., max_length=2, pattern=r"^[A-Z]{2}$")
    sector: str = Field("", max_length=50, pattern=SLUG_OR_EMPTY)
    hs_codes: list[
        Annotated[str, Field(max_length=6, pattern=r"^[0-9]{2}([0-9]{2}([0-9]{2})?)?$")]
    ] = Field(default_factory=list, max_length=MAX_HS_CODES, description="Trade orders only.")
    value: Value
    currency: str = Field(
        ..., max_length=3, pattern=r"^[A-Z]{3}$", description="ISO 4217, with a rate set."
    )
    stage: Stage  # required, as both forms require it
    signed_on: dt.date | None = Field(None, description="Required from stage 'signed' on.")
    public: bool = True
    online: bool = Field(False, description="Signed online. Organisers only.")
    province: str = Field(
        "", max_length=5, pattern=r"^(CN-[A-Z]{2})?$", description="Organisers only."
    )
    activity: int | None = Field(
        None, ge=1, le=MAX_ID, description="The signing ceremony. Organisers only."
    )
    meeting: int | None = Field(
        None, ge=1, le=MAX_ID, description="Report as a party of this held meeting."
    )


class PartyOut(Out):
    name: str
    name_zh: str
    country: str
    role: Role


class DealOut(Out):
    reference: str
    kind: Kind
    title: str
    title_zh: str
    parties: list[PartyOut]
    counterpart_country: str
    sector: str | None
    hs_codes: list[str]
    value: str = Field(..., description="A decimal in the deal's currency.")
    currency: str
    stage: Stage
    signed_on: dt.date | None
    online: bool
    public: bool
    review: Review


class DealPage(Out):
    count: int
    page: int
    pages: int
    results: list[DealOut]


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)


# What a deal's body shows, read as plain values: building each deal, party, organisation and
# HS code as a model cost more than reading them (50 deals: 300 instances a page).
_FIELDS = (
    "pk",
    "reference",
    "kind",
    "title",
    "title_zh",
    "counterpart_country_id",
    "sector__slug",
    "value",
    "currency",
    "stage",
    "signed_on",
    "online",
    "public",
    "review",
)


def _outs(deals: QuerySet[Deal]) -> list[DealOut]:
    """The deals' bodies in their queryset's order, in three queries: rows, parties, codes."""
    rows = list(deals.values(*_FIELDS))
    ids = [row["pk"] for row in rows]
    parties: dict[int, list[PartyOut]] = defaultdict(list)
    for deal_id, name, name_zh, country, role in (
        DealParty.objects.filter(deal_id__in=ids)
        .order_by("deal_id", "position", "pk")
        .values_list(
            "deal_id",
            "organisation__name",
            "organisation__name_zh",
            "organisation__country_id",
            "role",
        )
    ):
        parties[deal_id].append(
            PartyOut(name=name, name_zh=name_zh, country=country, role=cast(Role, role))
        )
    codes: dict[int, list[str]] = defaultdict(list)
    for deal_id, code in (
        Deal.hs_codes.through.objects.filter(deal_id__in=ids)
        .order_by("hscode_id")
        .values_list("deal_id", "hscode_id")
    ):
        codes[deal_id].append(code)
    return [
        DealOut(
            reference=row["reference"],
            kind=row["kind"],
            title=row["title"],
            title_zh=row["title_zh"],
            parties=parties[row["pk"]],
            counterpart_country=row["counterpart_country_id"],
            sector=row["sector__slug"],
            hs_codes=codes[row["pk"]],
            value=f"{row['value']:f}",
            currency=row["currency"],
            stage=row["stage"],
            signed_on=row["signed_on"],
            online=row["online"],
            public=row["public"],
            review=row["review"],
        )
        for row in rows
    ]


def _out(deal: Deal) -> DealOut:
    (body,) = _outs(Deal.objects.filter(pk=deal.pk))
    return body


def _caller(request: HttpRequest) -> User | None:
    """The token's user when one is sent: the list is public, organisers see more."""
    user = bearer(request)
    return user if isinstance(user, User) else None


def _token_user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


@router.get(
    "/expos/{slug}/deals",
    response={200: DealPage, 404: Message, 422: Message},
    auth=None,
)
def list_deals(request: HttpRequest, slug: ExpoSlug, query: Query[PageQuery]) -> DealPage:
    """Approved public deals by reference, 50 to a page; with an organiser's token, all deals
    (figures-only and waiting for review too)."""
    expo = expo_or_404(slug, request)
    user = _caller(request)
    deals = Deal.objects.filter(expo=expo).order_by("reference")
    if user is None or not has_role(user, expo, ORGANISER):
        deals = deals.filter(review=Deal.Review.APPROVED, public=True)
    pages = Paginator(deals, PAGE_SIZE)
    if query.page > pages.num_pages:
        raise HttpError(404, _("There are %(n)d pages.") % {"n": pages.num_pages})
    page = pages.page(query.page)
    return DealPage(
        count=pages.count,
        page=query.page,
        pages=pages.num_pages,
        results=_outs(cast(QuerySet[Deal], page.object_list)),
    )


def _input(body: DealIn) -> recording.DealInput:
    return recording.DealInput(
        reference=body.reference,
        kind=body.kind,
        title=body.title,
        title_zh=body.title_zh,
        parties=tuple(PartyLine(p.organisation, p.role) for p in body.parties),
        counterpart_country=body.counterpart_country,
        sector=body.sector,
        hs_codes=tuple(body.hs_codes),
        value=body.value,
        currency=body.currency,
        stage=body.stage,
        signed_on=body.signed_on,
        public=body.public,
        online=body.online,
        province=body.province,
        activity=body.activity,
    )


@router.post(
    "/expos/{slug}/deals",
    response={201: DealOut},
    openapi_extra=refusals(400, 401, 403, 404, 409, 422),
)
def create_deal(request: HttpRequest, slug: ExpoSlug, body: DealIn) -> DealOut:
    """Record a deal (organisers; it counts at once) or, with ``meeting``, report one as a party
    of that held meeting (the other party confirms, then the organisers approve)."""
    expo = expo_or_404(slug, request)
    user = _token_user(request)
    if body.meeting is None:
        deal = recording.record_deal(expo=expo, data=_input(body), by_user=user)
    else:
        meeting = Meeting.objects.filter(expo=expo, pk=body.meeting).select_related("expo").first()
        if meeting is None:
            raise HttpError(404, _("There is no such meeting in this expo."))
        deal = recording.report_deal(meeting=meeting, data=_input(body), by_user=user)
    return _out(deal)


def _deal(expo: Expo, reference: str) -> Deal:
    deal = Deal.objects.filter(expo=expo, reference=reference).select_related("expo").first()
    if deal is None:
        raise HttpError(404, _("There is no deal %(reference)s.") % {"reference": reference})
    return deal


def _review(action: str) -> Any:
    services = {
        "confirm": recording.confirm_deal,
        "approve": recording.approve_deal,
        "reject": recording.reject_deal,
    }
    summaries = {
        "confirm": "Confirm a deal the other party reported (a party of the deal).",
        "approve": "Approve a confirmed deal so it counts in the bulletin (organisers).",
        "reject": "Turn down a reported or confirmed deal (organisers).",
    }

    def view(request: HttpRequest, slug: ExpoSlug, reference: Reference) -> DealOut:
        expo = expo_or_404(slug, request)
        deal = services[action](deal=_deal(expo, reference), by_user=_token_user(request))
        return _out(deal)

    view.__name__ = f"{action}_deal"
    view.__doc__ = summaries[action]
    return view


for _action in ("confirm", "approve", "reject"):
    router.post(
        f"/expos/{{slug}}/deals/{{reference}}/{_action}",
        response={200: DealOut},
        openapi_extra=refusals(400, 401, 403, 404, 409, 422),
    )(_review(_action))
