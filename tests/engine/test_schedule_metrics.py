"""The shared figures, on hand-made schedules whose answers are obvious."""

from __future__ import annotations

import datetime as dt

import pytest

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import (
    Meeting,
    Participant,
    Problem,
    Request,
    Side,
    Slot,
    Stats,
)

TZ = dt.timezone(dt.timedelta(hours=8))


def slot(day: int, n: int) -> Slot:
    start = dt.datetime(2025, 9, 16 + day, 9, tzinfo=TZ) + dt.timedelta(minutes=20 * n)
    return Slot(f"d{day}s{n}", start, start + dt.timedelta(minutes=20), 5)


# Slots listed out of order on purpose: gaps follow start times, not list order.
SLOTS = (slot(1, 3), slot(1, 0), slot(1, 1), slot(1, 2), slot(2, 0), slot(2, 1))
PEOPLE = (
    Participant("B1", Side.BUYER),
    Participant("B2", Side.BUYER),
    Participant("B3", Side.BUYER),
    *(Participant(f"E{i}", Side.EXHIBITOR) for i in range(1, 6)),
)
REQUESTS = (
    Request("R1", "B1", "E1", 1),
    Request("R2", "B1", "E2", 2),
    Request("R3", "B1", "E3", 3),
    Request("R4", "B1", "E4", 4),
    Request("R5", "B2", "E5", 5),
    Request("R6", "B3", "E1", 7),
)
PROBLEM = Problem(SLOTS, PEOPLE, REQUESTS)


def test_count_priority_and_buyers() -> None:
    meetings = [Meeting("R1", "d1s0", 1), Meeting("R5", "d1s1", 1), Meeting("R9", "d1s2", 1)]
    assert metrics.count(meetings) == 3
    assert metrics.priority(PROBLEM, meetings) == 1 + 5  # R9 is unknown and ignored
    assert metrics.buyers_requesting(PROBLEM) == 3
    assert metrics.buyers_without_meeting(PROBLEM, meetings) == 1  # B3


@pytest.mark.parametrize(
    ("slots", "gaps"),
    [
        ([], 0),
        (["d1s0"], 0),
        (["d1s0", "d1s1"], 0),  # back to back
        (["d1s0", "d1s2"], 1),  # one empty slot between
        (["d1s0", "d1s3"], 1),  # two empty slots are still one gap
        (["d1s0", "d1s2", "d2s0"], 1),  # days are never bridged
        (["d1s0", "d1s2", "d2s0", "d1s3"], 1),
        (["d1s1", "d1s3", "d2s0", "d2s1"], 1),
        (["d1s0", "d1s2", "d1s3", "d2s1"], 1),
    ],
)
def test_idle_gaps_follow_the_documented_definition(slots: list[str], gaps: int) -> None:
    # B1's meetings are R1..R4 with distinct exhibitors, so only B1 can have gaps.
    meetings = [Meeting(f"R{i}", s, 1) for i, s in enumerate(slots, start=1)]
    assert metrics.idle_gaps(PROBLEM, meetings) == gaps


def test_gaps_count_for_both_sides() -> None:
    # E1 meets B1 in d1s0 and B3 in d1s2: a gap for E1 only.
    meetings = [Meeting("R1", "d1s0", 1), Meeting("R6", "d1s2", 1)]
    assert metrics.idle_gaps(PROBLEM, meetings) == 1
    assert metrics.gaps_per_meeting(PROBLEM, meetings) == 0.5
    assert metrics.gaps_per_meeting(PROBLEM, []) == 0.0


def test_day_positions_order_slots_by_start_within_each_day() -> None:
    assert metrics.day_positions(PROBLEM) == [
        (dt.date(2025, 9, 17), 3),
        (dt.date(2025, 9, 17), 0),
        (dt.date(2025, 9, 17), 1),
        (dt.date(2025, 9, 17), 2),
        (dt.date(2025, 9, 18), 0),
        (dt.date(2025, 9, 18), 1),
    ]


def test_summarise_fills_every_figure() -> None:
    meetings = [Meeting("R1", "d1s0", 1), Meeting("R6", "d1s2", 1)]
    assert metrics.summarise(PROBLEM, meetings, seconds=1.5, upper_bound=4) == Stats(
        count=2,
        priority=8,
        upper_bound=4,
        buyers_without_meeting=1,
        min_buyers_without_meeting=-1,
        seconds=1.5,
        priority_upper_bound=None,
        idle_gaps=1,
        days_attended=3,
    )


def test_days_attended_counts_each_participants_distinct_days() -> None:
    meetings = [
        Meeting("R1", "d1s0", 1),  # B1 and E1 on day 1
        Meeting("R2", "d1s3", 1),  # B1 again on day 1, E2
        Meeting("R3", "d2s0", 1),  # B1 on day 2, E3
        Meeting("R6", "d1s1", 1),  # B3 and E1, both on day 1
        Meeting("R9", "d2s1", 1),  # unknown: ignored
    ]
    # B1: 2 days; E1, E2, E3, B3: 1 day each.
    assert metrics.days_attended(PROBLEM, meetings) == 6
    assert metrics.days_per_participant(PROBLEM, meetings) == 6 / 5
    assert metrics.days_attended(PROBLEM, []) == 0
    assert metrics.days_per_participant(PROBLEM, []) == 0.0
