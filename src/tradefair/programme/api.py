"""The programme in the REST API: the public listing and activity pages, and registration.

The listing reads ``queries.listing`` like the programme page, so both filter the same way;
registering and cancelling call ``services.registration``, which decides everything (seats,
the waiting list, invitations, clashes). An activity the public may not see (a draft, or one of
another edition) is answered 404, as if absent. The services' refusals (``ProgrammeError``)
become ``{"detail": …}`` in ``tradefair.api.urls``.

The day filter takes the edition's local days (``YYYY-MM-DD``); the schema states its shape,
the view refuses a day outside the edition with a message naming them (422).
"""

import datetime as dt
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict, StrictBool

from tradefair.accounts.models import User
from tradefair.expos.api_inputs import NO_NUL, ExpoSlug, RecordId, refusals
from tradefair.expos.api_outputs import Out
from tradefair.expos.models import Expo
from tradefair.organisations.api import Message, expo_or_404
from tradefair.organisations.filters import SEARCH_MAX_LENGTH
from tradefair.programme.models import Activity, LaunchedProduct, Speaker
from tradefair.programme.queries.listing import (
    PUBLIC_STATUSES,
    ProgrammeFilters,
    days,
    filtered,
    public_activities,
    seats_left,
)
from tradefair.programme.services import registration

router = Router(tags=["programme"])

PAGE_SIZE = 50
DAY_SHAPE = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"

# The model's choices, spelt out so the schema lists them (a test keeps them equal).
Kind = Literal[
    "opening", "main_event", "forum", "concurrent", "launch", "signing", "promotion", "other"
]
Audience = Literal["open", "registration", "invitation"]
PublicStatus = Literal["published", "cancelled"]
SpeakerRole = Literal["speaker", "moderator", "guest_of_honour"]
FirstLaunch = Literal["world", "china", "asean"]
Place = Literal["registered", "waitlisted"]


class ProgrammeQuery(Schema):
    model_config = ConfigDict(str_strip_whitespace=True)  # like the page's form

    day: str = Field(
        "",
        max_length=len("YYYY-MM-DD"),
        # Stated, and checked in the view, which names the edition's days when it refuses.
        json_schema_extra={"pattern": DAY_SHAPE},
        description="One of the edition's days on its own clock, e.g. 2025-09-18.",
    )
    kind: Kind | None = None
    q: str = Field(
        "",
        max_length=SEARCH_MAX_LENGTH,
        pattern=NO_NUL,
        description="Words that must all occur in the title, description or a speaker's name.",
    )
    page: int = Field(1, ge=1, description="Past the last page, the last page is shown.")


class RoomOut(Out):
    name: str
    hall: str | None = Field(description="The hall the room is in, when known.")


class ActivityOut(Out):
    id: int
    kind: Kind
    title: str
    title_zh: str
    start: dt.datetime = Field(description="With the expo's UTC offset.")
    end: dt.datetime
    room: RoomOut | None
    audience: Audience
    status: PublicStatus
    seats: int | None = Field(description="Places for registrants; null: no limit.")
    seats_left: int | None = Field(description="Free places now; null: no limit.")


class ProgrammePage(Out):
    count: int
    page: int
    pages: int
    results: list[ActivityOut]


class SpeakerOut(Out):
    name: str
    role: SpeakerRole
    position: str
    organisation: str


class ExhibitorRef(Out):
    id: int = Field(description="The exhibitor's participation id.")
    name: str


class LaunchedProductOut(Out):
    name: str
    exhibitor: ExhibitorRef
    hs_code: str | None
    first_launch: FirstLaunch
    description: str


class ActivityDetailOut(ActivityOut):
    description: str
    description_zh: str
    speakers: list[SpeakerOut]
    launched_products: list[LaunchedProductOut] = Field(description="For product launches.")


class RegistrationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    confirm_clash: StrictBool = Field(
        False,
        description="Register although it overlaps a meeting or activity of yours (409 if not).",
    )


class RegistrationOut(Out):
    status: Place
    position: int | None = Field(description="On the waiting list: 1 is the next one in.")


def _day(expo: Expo, value: str) -> dt.date | None:
    if not value:
        return None
    offered = days(expo)
    try:
        day = dt.date.fromisoformat(value) if len(value) == len("YYYY-MM-DD") else None
    except ValueError:
        day = None
    if day not in offered:
        raise HttpError(
            422,
            _("“day” must be a day of this expo, written YYYY-MM-DD: from %(first)s to %(last)s.")
            % {"first": offered[0].isoformat(), "last": offered[-1].isoformat()},
        )
    return day


def _out(activity: Activity, zone: ZoneInfo) -> dict[str, Any]:
    room = activity.room
    return {
        "id": activity.pk,
        "kind": cast(Kind, activity.kind),
        "title": activity.title,
        "title_zh": activity.title_zh,
        "start": activity.start.astimezone(zone),
        "end": activity.end.astimezone(zone),
        "room": RoomOut(name=room.display_name, hall=room.hall.display_name if room.hall else None)
        if room
        else None,
        "audience": cast(Audience, activity.audience),
        "status": cast(PublicStatus, activity.status),
        "seats": activity.seats,
        "seats_left": seats_left(activity),
    }


def _speaker(speaker: Speaker) -> SpeakerOut:
    organisation = speaker.organisation
    return SpeakerOut(
        name=speaker.display_name,
        role=cast(SpeakerRole, speaker.role),
        position=speaker.position,
        organisation=organisation.display_name if organisation else speaker.organisation_name,
    )


def _product(product: LaunchedProduct) -> LaunchedProductOut:
    return LaunchedProductOut(
        name=product.display_name,
        exhibitor=ExhibitorRef(
            id=product.exhibitor_id, name=product.exhibitor.organisation.display_name
        ),
        hs_code=product.hs_code.code if product.hs_code else None,
        first_launch=cast(FirstLaunch, product.first_launch),
        description=product.display_description,
    )


def _public_or_404(activities: QuerySet[Activity], pk: int) -> Activity:
    """A published or cancelled activity of this edition; drafts are the organisers' own."""
    found = activities.filter(pk=pk).first()
    if found is None:
        raise HttpError(404, _("There is no such activity in this expo's programme."))
    return found


def _to_register_for(request: HttpRequest, slug: str, pk: int) -> Activity:
    expo = expo_or_404(slug, request)
    return _public_or_404(Activity.objects.filter(expo=expo, status__in=PUBLIC_STATUSES), pk)


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)  # the router's bearer auth guarantees one
    return user


@router.get(
    "/expos/{slug}/programme",
    response={200: ProgrammePage, 404: Message, 422: Message},
    auth=None,
)
def list_programme(
    request: HttpRequest, slug: ExpoSlug, filters: Query[ProgrammeQuery]
) -> ProgrammePage:
    """The published (and cancelled, marked) activities, by start time, 50 to a page."""
    expo = expo_or_404(slug, request)
    wanted = ProgrammeFilters(day=_day(expo, filters.day), kind=filters.kind or "", q=filters.q)
    paginator = Paginator(filtered(expo, wanted), PAGE_SIZE)
    page = paginator.get_page(filters.page)
    zone = ZoneInfo(expo.time_zone)
    return ProgrammePage(
        count=paginator.count,
        page=page.number,
        pages=paginator.num_pages,
        results=[ActivityOut(**_out(a, zone)) for a in page.object_list],
    )


@router.get(
    "/expos/{slug}/programme/{id}",
    response={200: ActivityDetailOut, 404: Message, 422: Message},
    auth=None,
)
def activity_detail(request: HttpRequest, slug: ExpoSlug, id: RecordId) -> ActivityDetailOut:
    """One activity: times, room, places left, descriptions, speakers and launched products."""
    expo = expo_or_404(slug, request)
    with_people = public_activities(expo).prefetch_related(
        Prefetch("speakers", Speaker.objects.select_related("organisation")),
        Prefetch(
            "launched_products",
            LaunchedProduct.objects.select_related("exhibitor__organisation", "hs_code"),
        ),
    )
    activity = _public_or_404(with_people, id)
    return ActivityDetailOut(
        **_out(activity, ZoneInfo(expo.time_zone)),
        description=activity.description,
        description_zh=activity.description_zh,
        speakers=[_speaker(s) for s in activity.speakers.all()],
        launched_products=[_product(p) for p in activity.launched_products.all()],
    )


# The body may be left out; ``null`` is not a body (tradefair.api.validation.ObjectBodyParser).
NO_BODY = RegistrationIn(confirm_clash=False)


@router.post(
    "/expos/{slug}/programme/{id}/registration",
    response={201: RegistrationOut},
    openapi_extra=refusals(400, 401, 403, 404, 409, 422),
)
def register(
    request: HttpRequest, slug: ExpoSlug, id: RecordId, body: RegistrationIn = NO_BODY
) -> RegistrationOut:
    """Take a place, or a place on the waiting list when the activity is full.

    409 when it overlaps your meetings or activities (the message names them; send
    ``{"confirm_clash": true}`` to register anyway) or when you are already registered.
    """
    user = _user(request)
    activity = _to_register_for(request, slug, id)
    place = registration.register(activity=activity, user=user, confirm_clash=body.confirm_clash)
    return RegistrationOut(status=cast(Place, place.registration.status), position=place.position)


@router.delete(
    "/expos/{slug}/programme/{id}/registration",
    response={204: None},
    openapi_extra=refusals(401, 404, 409, 422),
)
def cancel(request: HttpRequest, slug: ExpoSlug, id: RecordId) -> None:
    """Give up your place; a freed seat goes to the first person waiting, who is told."""
    user = _user(request)
    activity = _to_register_for(request, slug, id)
    registration.cancel(activity=activity, user=user)
