"""Read a programme file (CSV or XLSX) and check every row before anything is written.

Reading the file and the ``line N: column: reason`` errors are the exhibitor import's
(``organisations.services.imports_parse``); what a programme row means is checked here. The
whole file is judged first, so the organiser gets every bad cell in one go (docs/formats/
programme-import.md lists the columns).
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.parsing import whole_number
from tradefair.floorplan.models import Hall
from tradefair.organisations.services.import_files import (
    RowError,
    control_character,
    rows_as_dicts,
    split_list,
)
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.services.imports_lookups import Lookups

COLUMNS = [
    "kind",
    "title",
    "title_zh",
    "description",
    "description_zh",
    "date",
    "start_time",
    "end_time",
    "room",
    "room_capacity",
    "hall",
    "capacity",
    "audience",
    "status",
    "hosts",
    "sectors",
    "speakers",
]
# The others may be left out of the header: the activities keep what they have for them. The
# room is required because it is part of what identifies an activity.
REQUIRED = ["kind", "title", "date", "start_time", "end_time", "room"]
LIST_SEPARATOR = ";"
SPEAKER_SEPARATOR = "|"
_MAX_LENGTH = {
    "title": 250,
    "title_zh": 250,
    "description": 5000,
    "description_zh": 5000,
    "room": 150,
}
_SPEAKER_LIMITS = {"name": 150, "organisation": 200, "position": 200}
_LARGEST_CAPACITY = 100_000
_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: 00:00(?::00)?)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::00)?$")


@dataclass(frozen=True)
class SpeakerLine:
    """One speaker of a row, in the order the row lists them."""

    name: str
    role: str
    organisation_id: int | None
    organisation_name: str
    position: str


@dataclass
class RoomPlan:
    """A room the rows use: an existing one (``room``) or one to create; ``capacity`` and
    ``hall_id`` are set on it when a row gives them (None: keep)."""

    name: str
    room: Room | None
    capacity: int | None = None
    hall_id: int | None = None
    capacity_line: int = 0
    hall_line: int = 0
    lines: list[int] = field(default_factory=list)
    capacity_given: bool = False


@dataclass(frozen=True)
class ParsedActivity:
    """A good row. ``values`` holds the other fields the file gives; ``hosts``, ``sectors``
    and ``speakers`` are None when the file has no such column (keep what is stored)."""

    line: int
    title: str
    start: dt.datetime
    room_key: str | None
    values: dict[str, Any]
    hosts: frozenset[int] | None
    sectors: frozenset[int] | None
    speakers: tuple[SpeakerLine, ...] | None

    @property
    def key(self) -> tuple[str, dt.datetime, str | None]:
        return activity_key(self.title, self.start, self.room_key)


def activity_key(
    title: str, start: dt.datetime, room: str | None
) -> tuple[str, dt.datetime, str | None]:
    """What identifies an activity in a file: title (any case), start and room."""
    return (title.casefold(), start, room.casefold() if room else None)


@dataclass
class Plan:
    """Every good row and every room they use, keyed by the room's name in any case."""

    activities: list[ParsedActivity] = field(default_factory=list)
    rooms: dict[str, RoomPlan] = field(default_factory=dict)


def _needs_organisations(table: list[tuple[int, list[str]]]) -> bool:
    header = [cell.strip().lower() for cell in table[0][1]]
    columns = [i for i, name in enumerate(header) if name in ("hosts", "speakers")]
    return any(i < len(cells) and cells[i] for _, cells in table[1:] for i in columns)


def parse_rows(
    *,
    expo: Expo,
    table: list[tuple[int, list[str]]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Plan, list[RowError]]:
    """Check the data rows (header already checked) against the edition and each other."""
    lookups = Lookups(expo, _needs_organisations(table))
    plan = Plan()
    errors: list[RowError] = []
    first_line: dict[tuple[str, dt.datetime, str | None], int] = {}
    total = len(table) - 1
    for done, (line, cells, extra) in enumerate(rows_as_dicts(table), start=1):
        row, row_errors = _Row(line, cells, lookups, plan).parse(extra)
        errors += row_errors
        if row is not None:
            earlier = first_line.setdefault(row.key, line)
            if earlier != line:
                errors.append(
                    RowError(
                        line,
                        "title",
                        _(
                            "the same activity as line %(line)d (same title, start and room); "
                            "remove one of the two rows"
                        )
                        % {"line": earlier},
                    )
                )
            else:
                plan.activities.append(row)
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, total)
    errors += _unknown_rooms(plan, lookups)
    return plan, sorted(errors, key=lambda error: error.line or 0)


def _unknown_rooms(plan: Plan, lookups: Lookups) -> list[RowError]:
    """A room that is neither the edition's nor given a capacity on any line cannot be made."""
    example = lookups.room_example
    hint = (
        _("use a room of this edition, e.g. '%(example)s', or give room_capacity to create it")
        % {"example": example}
        if example
        else _("this edition has no rooms yet; give room_capacity to create it")
    )
    return [
        RowError(
            line,
            "room",
            _("unknown room '%(name)s' (%(hint)s)") % {"name": room.name, "hint": hint},
        )
        for room in plan.rooms.values()
        if room.room is None and not room.capacity_given
        for line in room.lines
    ]


class _Row:
    """The checks of one row; each bad cell adds ``line N: column: reason``."""

    def __init__(self, line: int, cells: dict[str, str], lookups: Lookups, plan: Plan) -> None:
        self.line, self.cells, self.lookups, self.plan = line, cells, lookups, plan
        self.errors: list[RowError] = []

    def bad(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.line, column, reason))

    def parse(self, extra: list[str]) -> tuple[ParsedActivity | None, list[RowError]]:
        cells = self.cells
        if any(extra):
            self.bad(
                "row",
                _(
                    "%(cells)d cells but the header names %(columns)d columns (put values that "
                    "contain commas in quotes, and give every column with values a name)"
                )
                % {"cells": len(cells) + len(extra), "columns": len(cells)},
            )
        for column, value in cells.items():
            control = control_character(value)
            if control is not None:
                self.bad(
                    column,
                    _(
                        "contains the control character U+%(code)s; remove it (it is invisible "
                        "in most editors and cannot be stored)"
                    )
                    % {"code": f"{ord(control):04X}"},
                )
        for column, limit in _MAX_LENGTH.items():
            if len(cells.get(column, "")) > limit:
                self.bad(column, _too_long(len(cells[column]), limit))

        values: dict[str, Any] = {}
        values["kind"] = self._choice("kind", self.lookups.kinds, required=True)
        title = cells["title"]
        if not title:
            self.bad("title", _("missing (every activity needs an English title)"))
        values["title"] = title
        for name in ("title_zh", "description", "description_zh"):
            if name in cells:
                values[name] = cells[name]
        start, end = self._times()
        room_key = self._room()
        if "capacity" in cells:
            values["capacity"] = self._count("capacity", example="200")
        for name, choices in (
            ("audience", self.lookups.audiences),
            ("status", self.lookups.statuses),
        ):
            if cells.get(name):
                values[name] = self._choice(name, choices, required=False)
        hosts = self._hosts() if "hosts" in cells else None
        sectors = self._sectors() if "sectors" in cells else None
        speakers = self._speakers() if "speakers" in cells else None

        if self.errors or start is None or end is None:
            return None, self.errors
        values["start"], values["end"] = start, end
        return (
            ParsedActivity(
                line=self.line,
                title=title,
                start=start,
                room_key=room_key,
                values=values,
                hosts=hosts,
                sectors=sectors,
                speakers=speakers,
            ),
            [],
        )

    def _choice(self, column: str, spellings: dict[str, str], *, required: bool) -> str:
        value = self.cells[column]
        found = spellings.get(" ".join(value.casefold().split()))
        if found is None:
            options = ", ".join(dict.fromkeys(spellings.values()))
            if not value and required:
                self.bad(column, _("missing (use one of: %(options)s)") % {"options": options})
            elif column == "status" and value.casefold() == Activity.Status.CANCELLED:
                self.bad(
                    column,
                    _(
                        "an import cannot cancel an activity (cancel it in the console, which "
                        "tells its registrants; use draft or published here)"
                    ),
                )
            else:
                self.bad(
                    column,
                    _("unknown %(column)s '%(value)s' (use one of: %(options)s)")
                    % {"column": column, "value": value, "options": options},
                )
            return ""
        return found

    def _times(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        day = self._date()
        start_time = self._time("start_time")
        end_time = self._time("end_time")
        if day is None or start_time is None or end_time is None:
            return None, None
        if end_time <= start_time:
            self.bad(
                "end_time",
                _(
                    "%(end)s is not after the start %(start)s (an activity ends after it starts, "
                    "on the same day)"
                )
                % {"end": end_time.strftime("%H:%M"), "start": start_time.strftime("%H:%M")},
            )
            return None, None
        zone = self.lookups.zone
        return (
            dt.datetime.combine(day, start_time, tzinfo=zone),
            dt.datetime.combine(day, end_time, tzinfo=zone),
        )

    def _date(self) -> dt.date | None:
        value = self.cells["date"]
        first, last = self.lookups.first_day, self.lookups.last_day
        hint = _("write it as YYYY-MM-DD, e.g. %(example)s") % {"example": first.isoformat()}
        if not value:
            self.bad("date", _("missing (%(hint)s)") % {"hint": hint})
            return None
        match = _DATE.match(value)
        day = None
        if match:
            try:
                day = dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                day = None
        if day is None:
            self.bad("date", _("bad date '%(value)s' (%(hint)s)") % {"value": value, "hint": hint})
            return None
        if not first <= day <= last:
            self.bad(
                "date",
                _(
                    "%(day)s is outside the edition, which runs from %(first)s to %(last)s; "
                    "correct the date or the edition's dates"
                )
                % {"day": day.isoformat(), "first": first.isoformat(), "last": last.isoformat()},
            )
            return None
        return day

    def _time(self, column: str) -> dt.time | None:
        value = self.cells[column]
        hint = _("write it as HH:MM on the 24-hour clock of the edition, e.g. 14:30")
        if not value:
            self.bad(column, _("missing (%(hint)s)") % {"hint": hint})
            return None
        match = _TIME.match(value)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
        self.bad(column, _("bad time '%(value)s' (%(hint)s)") % {"value": value, "hint": hint})
        return None

    def _count(self, column: str, *, example: str) -> int | None:
        value = self.cells[column]
        if not value:
            return None
        seats = whole_number(value)
        if seats is None or not 0 < seats <= _LARGEST_CAPACITY:
            self.bad(
                column,
                _(
                    "bad number '%(value)s' (give a whole number of seats from 1 to %(most)s, "
                    "e.g. %(example)s)"
                )
                % {"value": value, "most": number(_LARGEST_CAPACITY), "example": example},
            )
            return None
        return seats

    def _room(self) -> str | None:
        """The room's key in the plan; the plan learns of a new room or new details."""
        name = self.cells["room"]
        capacity = (
            self._count("room_capacity", example="300") if "room_capacity" in self.cells else None
        )
        hall = self._hall()
        if not name:
            for column in ("room_capacity", "hall"):
                if self.cells.get(column):
                    self.bad(column, _("given without a room; name the room in the room column"))
            return None
        existing = self.lookups.rooms.get(name.casefold())
        key = (existing.name if existing else name).casefold()
        known = self.plan.rooms.get(key)
        if known is None:
            known = RoomPlan(name=existing.name if existing else name, room=existing)
            self.plan.rooms[key] = known
        known.lines.append(self.line)
        known.capacity_given = known.capacity_given or bool(self.cells.get("room_capacity"))
        if capacity is not None:
            if known.capacity is not None and known.capacity != capacity:
                self.bad(
                    "room_capacity",
                    _(
                        "line %(line)d gives room '%(room)s' %(seats)s seats; give the same "
                        "capacity on every line, or leave it blank after the first"
                    )
                    % {
                        "line": known.capacity_line,
                        "room": known.name,
                        "seats": number(known.capacity),
                    },
                )
            elif known.capacity is None:
                known.capacity, known.capacity_line = capacity, self.line
        if hall is not None:
            if known.hall_id is not None and known.hall_id != hall.pk:
                self.bad(
                    "hall",
                    _(
                        "line %(line)d puts room '%(room)s' in another hall; give the same hall "
                        "on every line, or leave it blank after the first"
                    )
                    % {"line": known.hall_line, "room": known.name},
                )
            elif known.hall_id is None:
                known.hall_id, known.hall_line = hall.pk, self.line
        return key

    def _hall(self) -> Hall | None:
        value = self.cells.get("hall", "")
        if not value:
            return None
        hall = self.lookups.halls.get(value.casefold())
        if hall is None:
            example = self.lookups.hall_example
            hint = (
                _("use a hall code of this edition, e.g. %(example)s") % {"example": example}
                if example
                else _("this edition has no halls yet; add them in the floor plan first")
            )
            self.bad(
                "hall", _("unknown hall '%(value)s' (%(hint)s)") % {"value": value, "hint": hint}
            )
        return hall

    def _hosts(self) -> frozenset[int]:
        hosts = set()
        for spelling in split_list(self.cells["hosts"], LIST_SEPARATOR):
            pk, why = self.lookups.organisation(spelling)
            if pk is not None:
                hosts.add(pk)
            elif why:
                self.bad("hosts", why)
            else:
                self.bad(
                    "hosts",
                    _(
                        "unknown organisation '%(name)s' (a host must be an organisation "
                        "registered here: check the spelling or add it in the admin first)"
                    )
                    % {"name": spelling},
                )
        return frozenset(hosts)

    def _sectors(self) -> frozenset[int]:
        sectors = set()
        for spelling in split_list(self.cells["sectors"], LIST_SEPARATOR):
            sector = self.lookups.sectors.get(spelling.casefold())
            if sector is None:
                self.bad(
                    "sectors",
                    _("unknown sector '%(value)s' (use a sector's slug, e.g. %(example)s)")
                    % {"value": spelling, "example": self.lookups.sector_example},
                )
            else:
                sectors.add(sector.pk)
        return frozenset(sectors)

    def _speakers(self) -> tuple[SpeakerLine, ...]:
        speakers: list[SpeakerLine] = []
        seen: set[str] = set()
        for nth, entry in enumerate(split_list(self.cells["speakers"], LIST_SEPARATOR), start=1):
            speaker = self._speaker(nth, entry)
            if speaker is None:
                continue
            if speaker.name.casefold() in seen:
                self.bad(
                    "speakers",
                    _("speaker %(number)d: %(name)s is listed twice; list each person once")
                    % {"number": nth, "name": speaker.name},
                )
                continue
            seen.add(speaker.name.casefold())
            speakers.append(speaker)
        return tuple(speakers)

    def _speaker(self, nth: int, entry: str) -> SpeakerLine | None:
        parts = [part.strip() for part in entry.split(SPEAKER_SEPARATOR)]
        where = _("speaker %(number)d ('%(entry)s')") % {"number": nth, "entry": entry}
        if len(parts) > 4:
            self.bad(
                "speakers",
                _(
                    "%(where)s: %(parts)d parts; write Name | role | organisation | position "
                    "(role, organisation and position may be left out)"
                )
                % {"where": where, "parts": len(parts)},
            )
            return None
        name, role, organisation, position = [*parts, "", "", ""][:4]
        problems = len(self.errors)
        if not name:
            self.bad("speakers", _("%(where)s: the name is missing") % {"where": where})
        found_role = self.lookups.roles.get(
            " ".join(role.casefold().split()) or Speaker.Role.SPEAKER
        )
        if found_role is None:
            options = ", ".join(Speaker.Role.values)
            self.bad(
                "speakers",
                _("%(where)s: unknown role '%(role)s' (use one of: %(options)s)")
                % {"where": where, "role": role, "options": options},
            )
        for part, value in (("name", name), ("organisation", organisation), ("position", position)):
            limit = _SPEAKER_LIMITS[part]
            if len(value) > limit:
                self.bad("speakers", f"{where}: {part}: {_too_long(len(value), limit)}")
        organisation_id = None
        if organisation:
            organisation_id, why = self.lookups.organisation(organisation)
            if why:
                self.bad("speakers", f"{where}: {why}")
        if len(self.errors) > problems or found_role is None:
            return None
        return SpeakerLine(
            name=name,
            role=found_role,
            organisation_id=organisation_id,
            # A speaker from an organisation not registered here keeps its name as text.
            organisation_name="" if organisation_id else organisation,
            position=position,
        )


def _too_long(length: int, limit: int) -> str:
    return _("too long (%(length)s characters, at most %(most)s)") % {
        "length": number(length),
        "most": number(limit),
    }
