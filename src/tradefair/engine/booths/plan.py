"""A floor being filled: who holds each module, and whether a rectangle may go somewhere.

The solvers place and remove whole rectangles through ``Plan``, which keeps the hard rules:
a module holds one exhibitor, competitors never touch, pinned booths stay. ``solution``
turns a plan into the format's answer with its figures.
"""

from __future__ import annotations

from tradefair.engine.booths.geometry import clustering, premium_score
from tradefair.engine.booths.problem import Allocation, Problem, Solution, Stats, Unallocated
from tradefair.engine.booths.rectangles import Rectangle, Rectangles

REASONS = {
    "shape": "no rectangle of {size} modules exists in zone {zone}",
    "competitors": (
        "zone {zone} has no free rectangle of {size} modules away from the exhibitor's competitors"
    ),
    "full": "zone {zone} has no free rectangle of {size} modules left",
}


class Plan:
    def __init__(self, problem: Problem, rectangles: Rectangles | None = None) -> None:
        self.problem = problem
        self.rectangles = rectangles or Rectangles(problem)
        self.owner = [-1] * len(problem.modules)
        self.booth: dict[int, Rectangle] = {}  # exhibitor index → its rectangle
        self.pinned: set[int] = set()
        for pin in problem.pinned:
            e = problem.exhibitor_index[pin.exhibitor]
            self.place(e, tuple(problem.module_index[m] for m in pin.modules))
            self.pinned.add(e)

    def fits(self, e: int, rectangle: Rectangle) -> bool:
        """Free, and touching none of the exhibitor's competitors."""
        return not any(self.owner[i] >= 0 for i in rectangle) and not self.touches_rival(
            e, rectangle
        )

    def touches_rival(self, e: int, rectangle: Rectangle) -> bool:
        """Whether any module of ``rectangle`` is next to a booth of one of e's competitors."""
        rivals = self.problem.rivals[e]
        if not rivals:
            return False
        neighbours = self.problem.neighbours
        return any(self.owner[j] in rivals for i in rectangle for j in neighbours[i])

    def place(self, e: int, rectangle: Rectangle) -> None:
        for i in rectangle:
            self.owner[i] = e
        self.booth[e] = rectangle

    def remove(self, e: int) -> Rectangle:
        if e in self.pinned:
            raise ValueError(f"{self.problem.exhibitors[e].id} is pinned")
        rectangle = self.booth.pop(e)
        for i in rectangle:
            self.owner[i] = -1
        return rectangle

    @property
    def placed(self) -> int:
        return sum(len(r) for r in self.booth.values())

    def why_not(self, e: int) -> str:
        """Why an exhibitor is left without a booth, in the organiser's words."""
        exhibitor = self.problem.exhibitors[e]
        return REASONS[self.why_not_code(e)].format(size=exhibitor.modules, zone=exhibitor.zone)

    def why_not_code(self, e: int) -> str:
        """``shape`` (no rectangle of its size in its zone at all), ``competitors`` (none
        left away from them) or ``full``: what a platform phrases in its reader's language."""
        exhibitor = self.problem.exhibitors[e]
        if not self.rectangles.of(exhibitor.zone, exhibitor.modules):
            return "shape"
        return "competitors" if self.problem.rivals[e] else "full"

    def solution(self, upper_bound: int, seconds: float) -> Solution:
        problem = self.problem
        allocations = tuple(
            Allocation(problem.exhibitors[e].id, tuple(problem.modules[i].id for i in booth))
            for e, booth in sorted(self.booth.items())
        )
        unallocated = tuple(
            Unallocated(exhibitor.id, self.why_not(e), self.why_not_code(e))
            for e, exhibitor in enumerate(problem.exhibitors)
            if e not in self.booth
        )
        stats = Stats(
            modules_placed=self.placed,
            upper_bound=upper_bound,
            clustering=clustering(problem, self.owner),
            premium_score=premium_score(problem, self.owner),
            seconds=round(seconds, 3),
        )
        return Solution(allocations, unallocated, stats)
