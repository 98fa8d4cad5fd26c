"""The console's timetable: one day of the programme as a grid of time by room.

Rows are quarter hours on the edition's clock, from the full hour before the day's first
activity starts to the full hour after its last one ends; columns are the edition's rooms,
those in use that day first (a venue has a dozen rooms and more, and the day's activities must
be in sight without scrolling sideways), then one for activities without a room. Cancelled
activities free their room and are left out. Two activities booked into one room at once
share its column side by side (each in a lane), so the double booking shows instead of one
hiding the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tradefair.expos.formatting import clock_time
from tradefair.expos.models import Expo
from tradefair.programme.models import Activity, Room
from tradefair.programme.queries.listing import day_window, days, seated_count

STEP = dt.timedelta(minutes=15)
LABEL_EVERY = 2  # a time label on every half hour
HEADER_ROWS = 1  # grid row 1 holds the room names


@dataclass(frozen=True)
class Column:
    room: Room | None  # None: activities without a room
    line: int  # its CSS grid column (the times take column 1)


@dataclass(frozen=True)
class TimeLabel:
    text: str
    row: int  # its first CSS grid row
    span: int


@dataclass(frozen=True)
class Placed:
    """An activity in the grid: its column, its rows, and its lane when it shares a room."""

    activity: Activity
    column: int
    row: int
    span: int
    lane: int = 0
    lanes: int = 1

    @property
    def clash(self) -> bool:
        return self.lanes > 1

    @property
    def left(self) -> float:
        return round(100 * self.lane / self.lanes, 2)

    @property
    def width(self) -> float:
        return round(100 / self.lanes, 2)


@dataclass(frozen=True)
class Timetable:
    day: dt.date
    days: list[dt.date]
    columns: list[Column]
    rows: int  # quarter-hour rows
    times: list[TimeLabel]
    placed: list[Placed]


def first_busy_day(expo: Expo) -> dt.date:
    """The first day of the edition with an activity, else its first day."""
    start = (
        Activity.objects.filter(expo=expo)
        .exclude(status=Activity.Status.CANCELLED)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    if start is None:
        return expo.start_date
    local = start.astimezone(ZoneInfo(expo.time_zone)).date()
    return local if expo.start_date <= local <= expo.end_date else expo.start_date


def _clusters(items: list[Placed]) -> list[list[Placed]]:
    """Runs of activities in one column that overlap one another, directly or in a chain."""
    clusters: list[list[Placed]] = []
    reach = 0
    for item in sorted(items, key=lambda p: (p.row, p.activity.pk)):
        end = item.row + item.span
        if clusters and item.row < reach:
            clusters[-1].append(item)
            reach = max(reach, end)
        else:
            clusters.append([item])
            reach = end
    return clusters


def _lanes(placed: list[Placed]) -> list[Placed]:
    """Side-by-side lanes for activities that overlap in one column (a double booking)."""
    by_column: dict[int, list[Placed]] = {}
    for item in placed:
        by_column.setdefault(item.column, []).append(item)
    result: list[Placed] = []
    for items in by_column.values():
        for cluster in _clusters(items):
            lane_ends: list[int] = []  # the row where each lane becomes free
            lanes: list[int] = []
            for member in cluster:
                free = next((i for i, e in enumerate(lane_ends) if e <= member.row), None)
                if free is None:
                    lane_ends.append(0)
                    free = len(lane_ends) - 1
                lane_ends[free] = member.row + member.span
                lanes.append(free)
            result.extend(
                Placed(m.activity, m.column, m.row, m.span, lane, len(lane_ends))
                for m, lane in zip(cluster, lanes, strict=True)
            )
    return sorted(result, key=lambda p: (p.row, p.column, p.lane))


def timetable(expo: Expo, day: dt.date) -> Timetable:
    """The grid of ``day``: two queries (rooms, then the day's activities with seats taken)."""
    zone = ZoneInfo(expo.time_zone)
    start, end = day_window(expo, day)
    activities = list(
        Activity.objects.filter(expo=expo, start__gte=start, start__lt=end)
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("room")
        .annotate(seated=seated_count())
        .order_by("start", "pk")
    )
    in_use = {a.room_id for a in activities}
    rooms = sorted(
        Room.objects.filter(expo=expo).select_related("hall").order_by("name", "pk"),
        key=lambda room: room.pk not in in_use,  # stable: by name within each group
    )
    columns = [Column(room, line) for line, room in enumerate(rooms, start=2)]
    columns.append(Column(None, len(rooms) + 2))
    line_of = {c.room.pk: c.line for c in columns if c.room is not None}
    if not activities:
        return Timetable(day, days(expo), columns, 0, [], [])
    first = (
        min(a.start for a in activities).astimezone(zone).replace(minute=0, second=0, microsecond=0)
    )
    last = min(max(a.end for a in activities), end).astimezone(zone)
    if last.minute or last.second:
        last = last.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    rows = int((last - first) / STEP)
    placed = []
    for activity in activities:
        offset = int((activity.start - first) / STEP)
        finish = min(activity.end, last)
        rows_to_finish = -(-(finish - first) // STEP)  # rounded up to a whole quarter
        span = max(1, rows_to_finish - offset)
        column = line_of.get(activity.room_id or 0, columns[-1].line)
        placed.append(Placed(activity, column, HEADER_ROWS + 1 + offset, span))
    times = [
        TimeLabel(
            clock_time(first + STEP * n, expo.time_zone),
            HEADER_ROWS + 1 + n,
            min(LABEL_EVERY, rows - n),
        )
        for n in range(0, rows, LABEL_EVERY)
    ]
    return Timetable(day, days(expo), columns, rows, times, _lanes(placed))
