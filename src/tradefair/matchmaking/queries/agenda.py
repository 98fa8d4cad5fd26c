"""A participant's agenda: their published meetings, grouped by day in the expo's time zone.

The agenda page, its printable version, the calendar file, the subscription feed and the REST
API all read this one query, so they always agree. It costs two queries whatever the number of
meetings: the meetings with everything they show (one join), and the counterpart's booths when
the counterpart is an exhibitor. Names are already in the reader's language.
"""

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tradefair.accounts.services.roles import AnyUser, organisation_of
from tradefair.expos.models import Expo
from tradefair.expos.names import country_name, in_reader_language
from tradefair.floorplan.models import BoothAssignment
from tradefair.matchmaking.models import Meeting
from tradefair.organisations.models import Participation

Role = Participation.Role
SIDES: tuple[str, ...] = (Role.BUYER, Role.EXHIBITOR)


@dataclass(frozen=True)
class Counterpart:
    """The organisation met; ``booth`` is where to find an exhibitor ("" when none)."""

    participation_id: int
    role: str
    name: str
    country_code: str
    country: str
    booth: str


@dataclass(frozen=True)
class AgendaMeeting:
    pk: int
    start: dt.datetime  # in the expo's time zone
    end: dt.datetime
    session: str
    hall_code: str
    hall: str
    table_number: int
    counterpart: Counterpart
    interpreter: str
    interpreter_languages: tuple[str, ...]
    status: str
    status_label: str
    updated_at: dt.datetime

    @property
    def reference(self) -> str:
        """Short enough to read out at the help desk, unique in the platform."""
        return f"M-{self.pk}"

    @property
    def location(self) -> str:
        """The hall as people look for it: "Hall C2", or "C2 Exhibition Hall" (code added)."""
        if self.hall_code in self.hall:
            return self.hall
        return f"{self.hall_code} {self.hall}"


@dataclass(frozen=True)
class AgendaDay:
    date: dt.date
    meetings: list[AgendaMeeting]


@dataclass(frozen=True)
class Agenda:
    expo: Expo
    participation: Participation
    days: list[AgendaDay]

    @property
    def side(self) -> str:
        return self.participation.role

    @property
    def meetings(self) -> list[AgendaMeeting]:
        return [m for day in self.days for m in day.meetings]


def my_sides(user: AnyUser, expo: Expo) -> dict[str, Participation]:
    """The buyer and exhibitor participations ``user`` acts for in ``expo``, by role."""
    sides = {}
    for role in SIDES:
        participation = organisation_of(user, expo, role)
        if participation is not None:
            participation.expo = expo  # already loaded: spare the agenda a query
            sides[role] = participation
    return sides


def not_your_side(side: str) -> str:
    """Why a user may not read the ``side`` agenda they asked for (a whole sentence each)."""
    if side == Role.BUYER:
        return _("You do not act for a buyer in this expo.")
    return _("You do not act for an exhibitor in this expo.")


def agenda_of(participation: Participation) -> Agenda:
    """The participation's published meetings, earliest first, grouped by local day.

    ``participation`` must be a buyer or an exhibitor (with its expo loaded or loadable).
    """
    expo = participation.expo
    mine = "buyer" if participation.role == Role.BUYER else "exhibitor"
    theirs = "exhibitor" if mine == "buyer" else "buyer"
    meetings = (
        Meeting.objects.filter(**{f"{mine}_id": participation.pk}, published=True)
        .select_related("slot__session__hall", "interpreter", f"{theirs}__organisation")
        # Participations carry a long search text and organisations their descriptions.
        .only(
            "pk",
            "table_number",
            "status",
            "updated_at",
            "slot__start",
            "slot__end",
            "slot__session__name",
            "slot__session__name_zh",
            "slot__session__hall__code",
            "slot__session__hall__name",
            "slot__session__hall__name_zh",
            "interpreter__name",
            "interpreter__languages",
            f"{theirs}__role",
            f"{theirs}__organisation__name",
            f"{theirs}__organisation__name_zh",
            f"{theirs}__organisation__country",
            mine,
        )
        .order_by("slot__start", "table_number")
    )
    if theirs == "exhibitor":
        booths = BoothAssignment.objects.select_related("booth").order_by("booth__number")
        meetings = meetings.prefetch_related(
            Prefetch("exhibitor__booth_assignments", queryset=booths)
        )
    zone = ZoneInfo(expo.time_zone)
    rows = [_row(m, getattr(m, theirs), zone) for m in meetings]
    days = [
        AgendaDay(date, list(items)) for date, items in groupby(rows, key=lambda m: m.start.date())
    ]
    return Agenda(expo=expo, participation=participation, days=days)


def _row(meeting: Meeting, other: Participation, zone: ZoneInfo) -> AgendaMeeting:
    slot, interpreter = meeting.slot, meeting.interpreter
    session, hall = slot.session, slot.session.hall
    org = other.organisation
    booth = ""
    if other.role == Role.EXHIBITOR:
        booth = ", ".join(a.booth.number for a in other.booth_assignments.all())
    return AgendaMeeting(
        pk=meeting.pk,
        start=slot.start.astimezone(zone),
        end=slot.end.astimezone(zone),
        session=in_reader_language(session.name, session.name_zh),
        hall_code=hall.code if hall else "",
        hall=hall.display_name if hall else "",
        table_number=meeting.table_number,
        counterpart=Counterpart(
            participation_id=other.pk,
            role=other.role,
            name=org.display_name,
            country_code=org.country_id,
            country=country_name(org.country_id, get_language() or "en"),
            booth=booth,
        ),
        interpreter=interpreter.name if interpreter else "",
        interpreter_languages=tuple(interpreter.languages) if interpreter else (),
        status=meeting.status,
        status_label=str(Meeting.Status(meeting.status).label),
        updated_at=meeting.updated_at,
    )
