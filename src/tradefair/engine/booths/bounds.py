"""A proven upper bound on the booked modules any allocation can place.

Each exhibitor is placed whole or not at all, inside its own zone, so a zone can hold at
most the largest total of its exhibitors' bookings that fits in its free modules (a
subset-sum, exact by a bitset over the zone's capacity), counting only exhibitors for whom
a rectangle of their size exists in the zone at all. Pinned booths are placed by
definition. Competitors and the rectangles' packing can only lower what is reachable, so
the sum over zones is a bound; a solution that reaches it is optimal on objective (a).
"""

from __future__ import annotations

from tradefair.engine.booths.problem import Problem
from tradefair.engine.booths.rectangles import Rectangles


def largest_subset_sum(sizes: list[int], capacity: int) -> int:
    """The largest sum of some of ``sizes`` that is at most ``capacity``."""
    if capacity <= 0:
        return 0
    mask = (1 << (capacity + 1)) - 1
    reachable = 1
    for size in sizes:
        reachable = (reachable | (reachable << size)) & mask
    return reachable.bit_length() - 1


def upper_bound(problem: Problem, rectangles: Rectangles | None = None) -> int:
    rectangles = rectangles or Rectangles(problem)
    pinned = {pin.exhibitor for pin in problem.pinned}
    taken: dict[str, int] = {}
    bound = 0
    for pin in problem.pinned:
        zone = problem.modules[problem.module_index[pin.modules[0]]].zone
        taken[zone] = taken.get(zone, 0) + len(pin.modules)
        bound += len(pin.modules)
    sizes: dict[str, list[int]] = {}
    for e in problem.exhibitors:
        if e.id not in pinned and rectangles.of(e.zone, e.modules):
            sizes.setdefault(e.zone, []).append(e.modules)
    for zone, booked in sizes.items():
        free = len(problem.zone_modules[zone]) - taken.get(zone, 0)
        bound += largest_subset_sum(booked, free)
    return bound
