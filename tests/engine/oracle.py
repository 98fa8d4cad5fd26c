"""A brute-force oracle for tiny scheduling problems, independent of every solver.

It tries every assignment of requests to slots (or none), keeps the ones that obey the hard
rules (tables as a count per slot, interpreters by an exhaustive matching per slot) and
reports the lexicographic optimum (buyers served, priority, fewest idle gaps, fewest days
attended beyond each participant's first) together with the largest count and the largest
priority any valid schedule reaches. Only usable up to a handful of requests and slots.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import (
    Meeting,
    Participant,
    Problem,
    Request,
    Slot,
    can_interpret,
    needs_interpreter,
)


@dataclass(frozen=True)
class Optimum:
    buyers_served: int
    priority: int  # the best priority among schedules serving ``buyers_served`` buyers
    max_count: int  # the most meetings any valid schedule holds
    max_priority: int  # the most priority any valid schedule holds
    gaps: int = 0  # the fewest idle gaps among schedules with the two figures above
    extra_days: int = 0  # the fewest days attended beyond each participant's first, then


def _free(person: Participant, slot: Slot) -> bool:
    return person.available is None or slot.id in person.available


def _interpreters_suffice(
    problem: Problem, slot: Slot, requests: list[Request], people: dict[str, Participant]
) -> bool:
    needing = [r for r in requests if needs_interpreter(people[r.buyer], people[r.exhibitor])]
    if not needing:
        return True
    pool = [i for i in problem.interpreters if i.available is None or slot.id in i.available]
    return any(
        all(
            can_interpret(pool[k], people[r.buyer], people[r.exhibitor])
            for r, k in zip(needing, chosen, strict=True)
        )
        for chosen in itertools.permutations(range(len(pool)), len(needing))
    )


def brute_force(problem: Problem) -> Optimum:
    people = {p.id: p for p in problem.participants}
    options: list[list[Slot | None]] = [
        [
            None,
            *(
                s
                for s in problem.slots
                if s.tables and _free(people[r.buyer], s) and _free(people[r.exhibitor], s)
            ),
        ]
        for r in problem.requests
    ]
    best = (0, 0, 0, 0)
    max_count = max_priority = 0
    for choice in itertools.product(*options):
        placed = [(r, s) for r, s in zip(problem.requests, choice, strict=True) if s is not None]
        seats = Counter((person, s.id) for r, s in placed for person in (r.buyer, r.exhibitor))
        if any(n > 1 for n in seats.values()):
            continue
        load = Counter(person for r, _ in placed for person in (r.buyer, r.exhibitor))
        if any(
            people[p].max_meetings is not None and n > people[p].max_meetings  # type: ignore[operator]
            for p, n in load.items()
        ):
            continue
        by_slot: dict[str, list[Request]] = {}
        for r, s in placed:
            by_slot.setdefault(s.id, []).append(r)
        slots = {s.id: s for s in problem.slots}
        if any(len(rs) > slots[sid].tables for sid, rs in by_slot.items()):
            continue
        if not all(
            _interpreters_suffice(problem, slots[sid], rs, people) for sid, rs in by_slot.items()
        ):
            continue
        priority = sum(r.priority for r, _ in placed)
        served = len({r.buyer for r, _ in placed})
        max_count = max(max_count, len(placed))
        max_priority = max(max_priority, priority)
        if (served, priority) < best[:2]:
            continue
        meetings = [Meeting(r.id, s.id, 1) for r, s in placed]
        gaps = metrics.idle_gaps(problem, meetings)
        present = {p for r, _ in placed for p in (r.buyer, r.exhibitor)}
        extra = metrics.days_attended(problem, meetings) - len(present)
        best = max(best, (served, priority, -gaps, -extra))
    return Optimum(best[0], best[1], max_count, max_priority, -best[2], -best[3])
