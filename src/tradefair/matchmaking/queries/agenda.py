"""A participant's agenda: their published meetings and the reader's activities, by local day.

The agenda page, its printable version, the calendar file, the subscription feed and the REST
API all read this one query, so they always agree. Meetings belong to the participation (the
organisation's side); activities to the person reading (``queries.agenda_activities``). The
cost does not grow with the entries: the meetings with everything they show (one join, read
as values), the counterpart's booths when the counterpart is an exhibitor, the reader's
registrations and speaking roles (two), and the clashes confirmed around the meetings (one,
plus who attends whose meetings when there are any). Names are already in the reader's
language.
"""

import datetime as dt
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tradefair.accounts.services.roles import AnyUser, organisations_of
from tradefair.expos.models import Expo
from tradefair.expos.names import country_name, in_reader_language, organisation_names
from tradefair.floorplan.models import BoothAssignment
from tradefair.matchmaking.models import Meeting
from tradefair.matchmaking.queries.agenda_activities import (
    AgendaActivity,
    ConfirmedClash,
    activities_of,
    clash_note,
    confirmed_clashes,
)
from tradefair.organisations.models import Participation
from tradefair.programme.timeline import overlaps

Role = Participation.Role
SIDES: tuple[str, ...] = (Role.BUYER, Role.EXHIBITOR)


@dataclass(frozen=True)
class Counterpart:
    """The organisation met; ``booth`` is where to find an exhibitor ("" when none)."""

    participation_id: int
    role: str
    name: str
    name_lang: str  # the language ``name`` is written in, for its lang attribute and font
    country_code: str
    country: str
    booth: str


@dataclass(frozen=True)
class AgendaMeeting:
    kind = "meeting"

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
    hall_id: int | None = None
    clash: str = ""  # who of either side will be at an activity instead
    session_id: int | None = None  # for the negotiation area's plan

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

    @property
    def title(self) -> str:
        return _("Meeting with %(name)s") % {"name": self.counterpart.name}

    @property
    def place(self) -> str:
        """Hall and table, as the calendar's LOCATION and the API's ``place``."""
        if self.hall:
            return _("%(hall)s, table %(table)s") % {
                "hall": self.location,
                "table": self.table_number,
            }
        return _("Table %(table)s") % {"table": self.table_number}


Entry = AgendaMeeting | AgendaActivity

# What an agenda shows of a meeting, by the name ``_row`` reads; ``{theirs}`` is the other side.
MEETING_COLUMNS = {
    "pk": "pk",
    "table_number": "table_number",
    "status": "status",
    "updated_at": "updated_at",
    "start": "slot__start",
    "end": "slot__end",
    "session_id": "slot__session_id",
    "session": "slot__session__name",
    "session_zh": "slot__session__name_zh",
    "hall_id": "slot__session__hall_id",
    "hall_code": "slot__session__hall__code",
    "hall": "slot__session__hall__name",
    "hall_zh": "slot__session__hall__name_zh",
    "interpreter": "interpreter__name",
    "interpreter_languages": "interpreter__languages",
    "other": "{theirs}_id",
    "other_role": "{theirs}__role",
    "other_organisation": "{theirs}__organisation_id",
    "other_name": "{theirs}__organisation__name",
    "other_name_zh": "{theirs}__organisation__name_zh",
    "other_name_local": "{theirs}__organisation__name_local",
    "other_local_language": "{theirs}__organisation__name_local_language",
    "other_country": "{theirs}__organisation__country_id",
}


@dataclass(frozen=True)
class AgendaDay:
    date: dt.date
    entries: list[Entry]  # meetings and activities, by start

    @property
    def meetings(self) -> list[AgendaMeeting]:
        return [e for e in self.entries if isinstance(e, AgendaMeeting)]

    @property
    def activities(self) -> list[AgendaActivity]:
        return [e for e in self.entries if isinstance(e, AgendaActivity)]


@dataclass(frozen=True)
class Agenda:
    expo: Expo
    participation: Participation
    days: list[AgendaDay]

    @property
    def side(self) -> str:
        return self.participation.role

    @property
    def entries(self) -> list[Entry]:
        return [e for day in self.days for e in day.entries]

    @property
    def meetings(self) -> list[AgendaMeeting]:
        return [m for day in self.days for m in day.meetings]

    @property
    def activities(self) -> list[AgendaActivity]:
        return [a for day in self.days for a in day.activities]


def my_sides(user: AnyUser, expo: Expo) -> dict[str, Participation]:
    """The buyer and exhibitor participations ``user`` acts for in ``expo``, by role."""
    sides = organisations_of(user, expo, *SIDES)
    for participation in sides.values():
        participation.expo = expo  # already loaded: spare the agenda a query
    return sides


def not_your_side(side: str) -> str:
    """Why a user may not read the ``side`` agenda they asked for (a whole sentence each)."""
    if side == Role.BUYER:
        return _("You do not act for a buyer in this expo.")
    return _("You do not act for an exhibitor in this expo.")


def agenda_of(participation: Participation, reader_id: int | None = None) -> Agenda:
    """The participation's published meetings and the reader's activities, by local day.

    ``participation`` must be a buyer or an exhibitor (with its expo loaded or loadable);
    ``reader_id`` is the person reading, whose own activities join the meetings (none without).
    Entries of a day are in order of start.
    """
    expo = participation.expo
    mine = "buyer" if participation.role == Role.BUYER else "exhibitor"
    theirs = "exhibitor" if mine == "buyer" else "buyer"
    # Plain values: the models of seven tables a meeting were a third of an agenda's time.
    columns = {name: MEETING_COLUMNS[name].format(theirs=theirs) for name in MEETING_COLUMNS}
    meetings = list(
        Meeting.objects.filter(**{f"{mine}_id": participation.pk}, published=True)
        .order_by("slot__start", "table_number")
        .values(*columns.values())
    )
    booths = _booths({m[columns["other"]] for m in meetings} if theirs == "exhibitor" else set())
    zone = ZoneInfo(expo.time_zone)
    sides = {participation.pk: participation.organisation_id}
    rows = []
    for meeting in meetings:
        values = {name: meeting[column] for name, column in columns.items()}
        sides[values["other"]] = values["other_organisation"]
        rows.append(_row(values, booths.get(values["other"], ""), zone))
    activities = activities_of(reader_id, expo) if reader_id is not None else []
    rows, activities = _mark_clashes(expo, participation.pk, sides, rows, activities)
    entries: list[Entry] = sorted([*rows, *activities], key=_order)
    days = [
        AgendaDay(date, list(items))
        for date, items in groupby(entries, key=lambda e: e.start.date())
    ]
    return Agenda(expo=expo, participation=participation, days=days)


def _order(entry: Entry) -> tuple[dt.datetime, dt.datetime, int, int]:
    return (entry.start, entry.end, 0 if isinstance(entry, AgendaMeeting) else 1, entry.pk)


def _mark_clashes(
    expo: Expo,
    mine: int,
    sides: dict[int, int],
    rows: list[AgendaMeeting],
    activities: list[AgendaActivity],
) -> tuple[list[AgendaMeeting], list[AgendaActivity]]:
    """Note on each scheduled meeting who of either side confirmed an overlapping activity,
    and on each of the reader's confirmed registrations what it overlaps here."""
    scheduled = [m for m in rows if m.status == Meeting.Status.SCHEDULED]
    found: list[ConfirmedClash] = []
    attendees: dict[int, set[int]] = {}
    if scheduled:
        start = min(m.start for m in scheduled)
        end = max(m.end for m in scheduled)
        found, attendees = confirmed_clashes(expo, sides, start, end)
    marked = []
    for row in rows:
        people = attendees.get(mine, set()) | attendees.get(row.counterpart.participation_id, set())
        away = [
            c
            for c in found
            if row.status == Meeting.Status.SCHEDULED
            and c.user_id in people
            and overlaps(c.activity, row.start, row.end, row.hall_id)
        ]
        marked.append(replace(row, clash=clash_note(away)) if away else row)
    return marked, [_activity_clash(a, marked, activities) for a in activities]


def _activity_clash(
    activity: AgendaActivity, meetings: list[AgendaMeeting], activities: list[AgendaActivity]
) -> AgendaActivity:
    if not (activity.clash_confirmed and activity.keeps_busy):
        return activity
    busy = activity.busy
    titles = [
        m.title
        for m in meetings
        if m.status == Meeting.Status.SCHEDULED and overlaps(busy, m.start, m.end, m.hall_id)
    ]
    titles += [
        a.title
        for a in activities
        if a.pk != activity.pk and a.keeps_busy and overlaps(busy, a.start, a.end, a.hall_id)
    ]
    if titles:
        note = _("Clash: you registered although it overlaps %(what)s") % {
            "what": "; ".join(titles)
        }
    else:
        note = _("Clash: you registered although it overlaps another commitment of yours")
    return replace(activity, clash=note)


def _booths(exhibitors: set[int]) -> dict[int, str]:
    """Each exhibitor's booth numbers, "A101, A102" (none without a booth)."""
    if not exhibitors:
        return {}
    found: dict[int, list[str]] = {}
    for exhibitor, number in (
        BoothAssignment.objects.filter(participation_id__in=exhibitors)
        .order_by("booth__number")
        .values_list("participation_id", "booth__number")
    ):
        found.setdefault(exhibitor, []).append(number)
    return {exhibitor: ", ".join(numbers) for exhibitor, numbers in found.items()}


def _row(meeting: dict[str, Any], booth: str, zone: ZoneInfo) -> AgendaMeeting:
    name, _other = organisation_names(
        meeting["other_name"],
        meeting["other_name_zh"],
        meeting["other_name_local"],
        meeting["other_local_language"],
    )
    return AgendaMeeting(
        pk=meeting["pk"],
        start=meeting["start"].astimezone(zone),
        end=meeting["end"].astimezone(zone),
        session=in_reader_language(meeting["session"], meeting["session_zh"]),
        hall_code=meeting["hall_code"] or "",
        hall=in_reader_language(meeting["hall"] or "", meeting["hall_zh"] or ""),
        table_number=meeting["table_number"],
        counterpart=Counterpart(
            participation_id=meeting["other"],
            role=meeting["other_role"],
            name=name.text,
            name_lang=name.lang,
            country_code=meeting["other_country"],
            country=country_name(meeting["other_country"], get_language() or "en"),
            booth=booth,
        ),
        interpreter=meeting["interpreter"] or "",
        interpreter_languages=tuple(meeting["interpreter_languages"] or ()),
        status=meeting["status"],
        status_label=str(Meeting.Status(meeting["status"]).label),
        updated_at=meeting["updated_at"],
        hall_id=meeting["hall_id"],
        session_id=meeting["session_id"],
    )
