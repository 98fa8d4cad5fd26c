"""A participant's agenda in the REST API: the published meetings as JSON or as iCalendar.

Both read ``queries.agenda`` like the agenda page does, so the page, the file and the API always
agree. A user who acts for a buyer and an exhibitor of the edition picks with ``?as=`` (the
buyer side by default, as on the page). Names and country names follow ``Accept-Language``:
the site's LocaleMiddleware answers the unprefixed ``/api/v1/`` in the default language.
"""

import datetime as dt
from typing import Literal, cast

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from tradefair.accounts.services.roles import RoleRequired
from tradefair.expos.api_inputs import ExpoSlug
from tradefair.matchmaking.api.access import ERRORS, user_of
from tradefair.matchmaking.queries.agenda import (
    SIDES,
    AgendaMeeting,
    agenda_of,
    my_sides,
    not_your_side,
)
from tradefair.matchmaking.queries.calendar import agenda_calendar
from tradefair.organisations.api import expo_or_404
from tradefair.organisations.models import Participation

router = Router(tags=["agenda"])

REFUSALS = {code: ERRORS[code] for code in (401, 403, 404, 422)}
Side = Literal["buyer", "exhibitor"]
Status = Literal["scheduled", "held", "no_show"]


class SideIn(Schema):
    as_: Side | None = Field(
        None,
        alias="as",
        description="Whose agenda: needed only if you act for a buyer and an exhibitor here.",
    )


class CounterpartOut(Schema):
    id: int = Field(description="The other side's participation id.")
    role: Side
    name: str
    country: str = Field(description="ISO 3166 alpha-2 code.")
    country_name: str
    booth: str = Field(description="An exhibitor's booth number(s); empty for buyers.")


class AgendaMeetingOut(Schema):
    id: int
    reference: str = Field(description="Short reference to quote at the help desk.")
    day: dt.date = Field(description="The day in the expo's time zone.")
    start: dt.datetime = Field(description="With the expo's UTC offset.")
    end: dt.datetime
    session: str
    hall: str = Field(description="Hall code and name; empty when the session has no hall.")
    table_number: int
    counterpart: CounterpartOut
    interpreter: str | None
    interpreter_languages: list[str] = Field(description="ISO 639-1 codes.")
    status: Status
    updated_at: dt.datetime = Field(description="Changes when the meeting moves.")


def _participation(request: HttpRequest, slug: str, side: str | None) -> Participation:
    user = user_of(request)
    expo = expo_or_404(slug)
    sides = my_sides(user, expo)
    if not sides:
        raise RoleRequired(_("Only the buyers and exhibitors of this expo have an agenda."))
    if side is not None and side not in sides:
        raise RoleRequired(not_your_side(side))
    return sides[side] if side is not None else next(sides[s] for s in SIDES if s in sides)


def _out(m: AgendaMeeting) -> AgendaMeetingOut:
    other = m.counterpart
    return AgendaMeetingOut(
        id=m.pk,
        reference=m.reference,
        day=m.start.date(),
        start=m.start,
        end=m.end,
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
        updated_at=m.updated_at,
    )


@router.get("/expos/{slug}/agenda", response={200: list[AgendaMeetingOut], **REFUSALS})
def agenda(request: HttpRequest, slug: ExpoSlug, side: Query[SideIn]) -> list[AgendaMeetingOut]:
    """My published meetings, earliest first: time, session, hall, table, the other side."""
    participation = _participation(request, slug, side.as_)
    with translation.override(translation.get_language_from_request(request)):
        return [_out(m) for m in agenda_of(participation).meetings]


ICS_RESPONSE = {
    "responses": {
        200: {
            "description": "An iCalendar file (RFC 5545) with one event per published meeting.",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        }
    }
}


@router.get("/expos/{slug}/agenda.ics", response=REFUSALS, openapi_extra=ICS_RESPONSE)
def agenda_ics(request: HttpRequest, slug: ExpoSlug, side: Query[SideIn]) -> HttpResponse:
    """My published meetings as an iCalendar file: UTC times, stable UIDs, growing SEQUENCE."""
    participation = _participation(request, slug, side.as_)
    with translation.override(translation.get_language_from_request(request)):
        body = agenda_calendar(agenda_of(participation), host=request.get_host().split(":")[0])
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
