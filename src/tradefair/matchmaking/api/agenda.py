"""A participant's agenda in the REST API: meetings and activities as JSON or as iCalendar.

Both read ``queries.agenda`` like the agenda page does, so the page, the file and the API always
agree: the side's published meetings and the caller's own activities (seats, waiting-list
places, speaking roles), each entry tagged with its ``kind``. A user who acts for a buyer and
an exhibitor of the edition picks with ``?as=`` (the buyer side by default, as on the page).
Names and country names follow ``Accept-Language``: the site's LocaleMiddleware answers the
unprefixed ``/api/v1/`` in the default language.
"""

import datetime as dt
from typing import Annotated, Literal, cast

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import Field as Tag

from tradefair.accounts.services.roles import RoleRequired
from tradefair.expos.api_inputs import ExpoSlug
from tradefair.expos.api_outputs import Out
from tradefair.matchmaking.api.access import ERRORS, sides_in, user_of
from tradefair.matchmaking.queries.agenda import (
    SIDES,
    AgendaMeeting,
    Entry,
    agenda_of,
    not_your_side,
)
from tradefair.matchmaking.queries.agenda_activities import AgendaActivity
from tradefair.matchmaking.queries.calendar import agenda_calendar
from tradefair.organisations.models import Participation

router = Router(tags=["agenda"])

REFUSALS = {code: ERRORS[code] for code in (401, 403, 404, 422)}
Side = Literal["buyer", "exhibitor"]
Status = Literal["scheduled", "held", "no_show"]
ActivityStatus = Literal["registered", "waitlisted", "attended", "speaking", "cancelled"]
ActivityKind = Literal[
    "opening", "main_event", "forum", "concurrent", "launch", "signing", "promotion", "other"
]
CLASH = "Who of either side will be at an activity instead; null when nobody."


class SideIn(Schema):
    as_: Side | None = Field(
        None,
        alias="as",
        description="Whose agenda: needed only if you act for a buyer and an exhibitor here.",
    )


class CounterpartOut(Out):
    id: int = Field(description="The other side's participation id.")
    role: Side
    name: str
    country: str = Field(description="ISO 3166 alpha-2 code.")
    country_name: str
    booth: str = Field(description="An exhibitor's booth number(s); empty for buyers.")


class AgendaMeetingOut(Out):
    kind: Literal["meeting"]
    id: int
    reference: str = Field(description="Short reference to quote at the help desk.")
    day: dt.date = Field(description="The day in the expo's time zone.")
    start: dt.datetime = Field(description="With the expo's UTC offset.")
    end: dt.datetime
    title: str = Field(description="“Meeting with …”, in the reader's language.")
    place: str = Field(description="Hall and table.")
    session: str
    hall: str = Field(description="Hall code and name; empty when the session has no hall.")
    table_number: int
    counterpart: CounterpartOut
    interpreter: str | None
    interpreter_languages: list[str] = Field(description="ISO 639-1 codes.")
    status: Status
    clash: str | None = Field(description=CLASH)
    updated_at: dt.datetime = Field(description="Changes when the meeting moves.")


class AgendaActivityOut(Out):
    kind: Literal["activity"]
    activity_id: int
    day: dt.date = Field(description="The day in the expo's time zone.")
    start: dt.datetime = Field(description="With the expo's UTC offset.")
    end: dt.datetime
    title: str = Field(description="In the reader's language.")
    place: str = Field(description="Room and hall; empty when no room is set.")
    activity_kind: ActivityKind
    status: ActivityStatus = Field(
        description="The caller's place: a seat, the waiting list, the stage, or the "
        "activity was cancelled by the organisers."
    )
    seat: int | None = Field(description="The seat number when registered.")
    position: int | None = Field(description="On the waiting list: 1 is next to get a seat.")
    clash: str | None = Field(
        description="What this overlaps, when the caller registered despite the clash."
    )
    updated_at: dt.datetime


AgendaEntryOut = Annotated[AgendaMeetingOut | AgendaActivityOut, Tag(discriminator="kind")]


def _participation(request: HttpRequest, slug: str, side: str | None) -> Participation:
    sides = sides_in(request, slug, *SIDES)
    if not sides:
        raise RoleRequired(_("Only the buyers and exhibitors of this expo have an agenda."))
    if side is not None and side not in sides:
        raise RoleRequired(not_your_side(side))
    return sides[side] if side is not None else next(sides[s] for s in SIDES if s in sides)


def _out(m: AgendaMeeting) -> AgendaMeetingOut:
    other = m.counterpart
    return AgendaMeetingOut(
        kind="meeting",
        id=m.pk,
        reference=m.reference,
        day=m.start.date(),
        start=m.start,
        end=m.end,
        title=m.title,
        place=m.place,
        session=m.session,
        hall=m.location,
        table_number=m.table_number,
        counterpart=CounterpartOut(
            id=other.participation_id,
            role=cast(Side, other.role),
            name=other.name,
            country=other.country_code,
            country_name=other.country,
            booth=other.booth,
        ),
        interpreter=m.interpreter or None,
        interpreter_languages=list(m.interpreter_languages),
        status=cast(Status, m.status),
        clash=m.clash or None,
        updated_at=m.updated_at,
    )


def _activity_out(a: AgendaActivity) -> AgendaActivityOut:
    return AgendaActivityOut(
        kind="activity",
        activity_id=a.pk,
        day=a.start.date(),
        start=a.start,
        end=a.end,
        title=a.title,
        place=a.place,
        activity_kind=cast(ActivityKind, a.activity_kind),
        status=cast(ActivityStatus, a.status),
        seat=a.seat,
        position=a.position,
        clash=a.clash or None,
        updated_at=a.updated_at,
    )


def _entry_out(entry: Entry) -> AgendaMeetingOut | AgendaActivityOut:
    return _out(entry) if isinstance(entry, AgendaMeeting) else _activity_out(entry)


@router.get("/expos/{slug}/agenda", response={200: list[AgendaEntryOut], **REFUSALS})
def agenda(
    request: HttpRequest, slug: ExpoSlug, side: Query[SideIn]
) -> list[AgendaMeetingOut | AgendaActivityOut]:
    """My published meetings and my activities, earliest first, each with its ``kind``.

    Every entry has ``kind``, ``start``, ``end``, ``title`` and ``place``. Meetings add the
    session, table and the other side; activities add ``activity_id``, ``status`` (a seat,
    the waiting list with its ``position``, speaking, or cancelled by the organisers).
    """
    participation = _participation(request, slug, side.as_)
    with translation.override(translation.get_language_from_request(request)):
        return [_entry_out(e) for e in agenda_of(participation, user_of(request).pk).entries]


ICS_RESPONSE = {
    "responses": {
        200: {
            "description": "An iCalendar file (RFC 5545): one event per published meeting and "
            "per activity of the caller's.",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        }
    }
}


@router.get("/expos/{slug}/agenda.ics", response=REFUSALS, openapi_extra=ICS_RESPONSE)
def agenda_ics(request: HttpRequest, slug: ExpoSlug, side: Query[SideIn]) -> HttpResponse:
    """My meetings and activities as an iCalendar file: UTC times, stable UIDs, growing SEQUENCE."""
    participation = _participation(request, slug, side.as_)
    reader = user_of(request).pk
    with translation.override(translation.get_language_from_request(request)):
        body = agenda_calendar(
            agenda_of(participation, reader), host=request.get_host().split(":")[0]
        )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
