"""The figures every solver, the checker and the report agree on.

One definition each, so the greedy baseline, the real solver and ``--check`` never disagree on
what "buyers without a meeting" or "an idle gap" means. Meetings naming an unknown request or
slot are ignored here; ``check`` reports them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tradefair.engine.schedule.problem import Meeting, Problem, Stats


def count(meetings: Sequence[Meeting]) -> int:
    return len(meetings)


def priority(problem: Problem, meetings: Iterable[Meeting]) -> int:
    """Total priority of the scheduled meetings."""
    index = problem.request_index
    return sum(problem.requests[index[m.request]].priority for m in meetings if m.request in index)


def requesting_buyers(problem: Problem) -> set[str]:
    """Who asked for a meeting: buyers, and both sides of requests naming two participants."""
    return {person for r in problem.requests for person in r.requesters}


def buyers_requesting(problem: Problem) -> int:
    """People who asked for at least one meeting: the population objective (a) is about."""
    return len(requesting_buyers(problem))


def buyers_without_meeting(problem: Problem, meetings: Iterable[Meeting]) -> int:
    """People who asked and got no meeting at all (the stats keep the buyers' name, which is
    what it means at a buyer-exhibitor fair)."""
    index = problem.request_index
    met = {
        p for m in meetings if m.request in index for p in problem.requests[index[m.request]].ends
    }
    return len(requesting_buyers(problem) - met)


def kept_in_place(before: Iterable[Meeting], after: Iterable[Meeting]) -> tuple[int, int]:
    """Of a previous schedule's meetings, how many the new one holds in the same slot, and how
    many of those at the same table: what a re-run with ``--keep`` moved."""
    now = {m.request: (m.slot, m.table) for m in after}
    slot = table = 0
    for m in before:
        where = now.get(m.request)
        if where is not None and where[0] == m.slot:
            slot += 1
            table += where[1] == m.table
    return slot, table


def day_positions(problem: Problem) -> list[tuple[dt.date, int]]:
    """For each slot index: its day and its position among that day's slots by start time."""
    positions: list[tuple[dt.date, int]] = [(dt.date.min, 0)] * len(problem.slots)
    seen: dict[dt.date, int] = defaultdict(int)
    for i in problem.slot_order:
        day = problem.slots[i].day
        positions[i] = (day, seen[day])
        seen[day] += 1
    return positions


def idle_gaps(problem: Problem, meetings: Iterable[Meeting]) -> int:
    """Idle gaps summed over participants (not interpreters).

    For each participant and day, take the day's slots in start order; every two consecutive
    meetings of the participant that day with at least one slot of the problem between them
    count as one gap, however many slots it spans. Days are never bridged.
    """
    return sum(gaps_by_participant(problem, meetings).values())


def gap_spread(problem: Problem, meetings: Iterable[Meeting]) -> tuple[int, int]:
    """The most and the fewest idle gaps of any participant (everyone listed counts, with or
    without meetings): ``max_gap_spread`` bounds their difference."""
    per = gaps_by_participant(problem, meetings)
    counts = [per.get(p.id, 0) for p in problem.participants]
    return (max(counts), min(counts)) if counts else (0, 0)


def gaps_by_participant(problem: Problem, meetings: Iterable[Meeting]) -> dict[str, int]:
    """Idle gaps of each participant with a meeting."""
    positions = day_positions(problem)
    slot_index = problem.slot_index
    request_index = problem.request_index
    attended: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for m in meetings:
        if m.request in request_index and m.slot in slot_index:
            request = problem.requests[request_index[m.request]]
            at = positions[slot_index[m.slot]]
            attended[request.buyer].append(at)
            attended[request.exhibitor].append(at)
    gaps: dict[str, int] = {}
    for person, slots in attended.items():
        slots.sort()
        gaps[person] = sum(
            day == next_day and next_pos - pos > 1
            for (day, pos), (next_day, next_pos) in itertools.pairwise(slots)
        )
    return gaps


def _days_of(problem: Problem, meetings: Iterable[Meeting]) -> dict[str, set[dt.date]]:
    """For each participant with a meeting: the days they have one."""
    slot_index = problem.slot_index
    request_index = problem.request_index
    days: dict[str, set[dt.date]] = defaultdict(set)
    for m in meetings:
        if m.request in request_index and m.slot in slot_index:
            request = problem.requests[request_index[m.request]]
            day = problem.slots[slot_index[m.slot]].day
            days[request.buyer].add(day)
            days[request.exhibitor].add(day)
    return days


def days_attended(problem: Problem, meetings: Iterable[Meeting]) -> int:
    """Distinct days with at least one meeting, summed over participants (not interpreters).

    Objective (d): every day someone must come to the fair for a meeting costs them a day,
    so a participant's meetings should sit on as few days as their availability allows.
    """
    return sum(len(days) for days in _days_of(problem, meetings).values())


def days_per_participant(problem: Problem, meetings: Iterable[Meeting]) -> float:
    """Days attended divided by the participants with a meeting (0 with no meeting): a
    schedule that leaves people out must not look better for it."""
    days = _days_of(problem, meetings)
    return sum(len(d) for d in days.values()) / len(days) if days else 0.0


def gaps_per_meeting(problem: Problem, meetings: Sequence[Meeting]) -> float:
    """Idle gaps divided by meetings: comparable across problems of different sizes."""
    return idle_gaps(problem, meetings) / len(meetings) if meetings else 0.0


def summarise(
    problem: Problem,
    meetings: Sequence[Meeting],
    *,
    seconds: float,
    upper_bound: int = -1,
    min_buyers_without_meeting: int = -1,
    priority_upper_bound: int | None = None,
) -> Stats:
    """``Stats`` for a set of meetings; bounds are -1 (or None) when nobody proved one."""
    return Stats(
        count=count(meetings),
        priority=priority(problem, meetings),
        upper_bound=upper_bound,
        buyers_without_meeting=buyers_without_meeting(problem, meetings),
        min_buyers_without_meeting=min_buyers_without_meeting,
        seconds=seconds,
        priority_upper_bound=priority_upper_bound,
        idle_gaps=idle_gaps(problem, meetings),
        days_attended=days_attended(problem, meetings),
    )
