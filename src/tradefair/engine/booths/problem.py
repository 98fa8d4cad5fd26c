"""Booth allocation as the engine sees it: modules on a grid, exhibitors that booked some.

A hall's floor is a grid of booth modules (the shell-scheme unit, 3 x 3 m by default) with
integer coordinates; aisles are gaps in the coordinates, so two modules are adjacent only
when they are in the same hall and differ by one in exactly one coordinate. Each module
belongs to a zone (a pavilion, or raw space); each exhibitor booked a number of modules in
one zone and gets them as one full axis-aligned rectangle of the grid. The format is
``docs/formats/booths.md``; ``io`` reads it, ``writer`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

Position = tuple[str, int, int]  # hall, x, y


@dataclass(frozen=True)
class Module:
    id: str
    hall: str
    x: int
    y: int
    zone: str
    premium: float = 0.0  # a corner, a main-aisle front: what loyal exhibitors are given


@dataclass(frozen=True)
class Exhibitor:
    id: str
    modules: int  # how many it booked
    zone: str
    sector: str | None = None  # neighbours of one sector are what visitors look for
    points: float = 0.0  # priority points: years exhibited, size
    competitors: frozenset[str] = frozenset()  # may not touch; symmetric once read


@dataclass(frozen=True)
class Pin:
    exhibitor: str
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    modules: tuple[Module, ...]
    exhibitors: tuple[Exhibitor, ...]
    pinned: tuple[Pin, ...] = ()

    @cached_property
    def module_index(self) -> dict[str, int]:
        return {m.id: i for i, m in enumerate(self.modules)}

    @cached_property
    def exhibitor_index(self) -> dict[str, int]:
        return {e.id: i for i, e in enumerate(self.exhibitors)}

    @cached_property
    def at(self) -> dict[Position, int]:
        """Module index by position."""
        return {(m.hall, m.x, m.y): i for i, m in enumerate(self.modules)}

    @cached_property
    def neighbours(self) -> tuple[tuple[int, ...], ...]:
        """The adjacent modules of each module, by index."""
        at = self.at
        found = []
        for m in self.modules:
            around = ((m.x + 1, m.y), (m.x - 1, m.y), (m.x, m.y + 1), (m.x, m.y - 1))
            found.append(tuple(at[m.hall, x, y] for x, y in around if (m.hall, x, y) in at))
        return tuple(found)

    @cached_property
    def rivals(self) -> tuple[frozenset[int], ...]:
        """Each exhibitor's competitors by index, both ways whoever named whom."""
        index = self.exhibitor_index
        found: list[set[int]] = [set() for _ in self.exhibitors]
        for i, e in enumerate(self.exhibitors):
            for other in e.competitors:
                j = index[other]
                found[i].add(j)
                found[j].add(i)
        return tuple(frozenset(s) for s in found)

    @cached_property
    def zone_modules(self) -> dict[str, tuple[int, ...]]:
        found: dict[str, list[int]] = {}
        for i, m in enumerate(self.modules):
            found.setdefault(m.zone, []).append(i)
        return {zone: tuple(ids) for zone, ids in found.items()}

    @property
    def booked(self) -> int:
        return sum(e.modules for e in self.exhibitors)


@dataclass(frozen=True)
class Allocation:
    exhibitor: str
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Unallocated:
    exhibitor: str
    reason: str
    code: str = ""  # ``Plan.why_not_code``: for a platform to phrase the reason itself


@dataclass(frozen=True)
class Stats:
    modules_placed: int
    upper_bound: int  # proven: no solution places more booked modules
    clustering: int  # adjacent module pairs of two exhibitors of one sector
    premium_score: float  # sum of points × premium over the modules placed
    seconds: float


@dataclass(frozen=True)
class Solution:
    allocations: tuple[Allocation, ...]
    unallocated: tuple[Unallocated, ...] = ()
    stats: Stats | None = None


def shapes(size: int) -> list[tuple[int, int]]:
    """Every (width, height) of a rectangle of ``size`` modules, widest first."""
    return [(size // h, h) for h in range(1, size + 1) if size % h == 0]
