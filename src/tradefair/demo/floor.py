"""The demo's floor: each pavilion's strip laid out as rows of island blocks, and every
exhibitor placed on it by the booth allocation engine, as an organiser's run places them.

Points and competitors are drawn from their own random stream, so the rest of the demo (the
organisations, buyers and meetings drawn after the exhibitors) is the same with or without
them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from tradefair.demo.records import DemoBooth, DemoExhibitor, DemoModule, DemoPavilion, OrgKey
from tradefair.engine.booths.layout import blocks_across, island_blocks
from tradefair.engine.booths.problem import Exhibitor, Module, Problem
from tradefair.engine.booths.solver import solve

ROWS = 9  # rows of island blocks in 80 m: 9 x 6 m deep + 8 aisles of 3 m = 78 m
LONGEST_BLOCK = 15  # modules along a block between two cross aisles
MODULE_M = Decimal(3)
AISLE_M = Decimal(3)
EDGE_M = Decimal("1.5")  # half an aisle at each side of a pavilion's strip
TOP_M = Decimal(1)
COMPETITOR_PAIRS = 60
TIME_LIMIT = 30.0  # seconds; the demo's 3,200 exhibitors take a few

Key = tuple[str, int, int]  # hall, x, y


def modules(pavilions: Sequence[DemoPavilion]) -> list[DemoModule]:
    """Every pavilion's strip as rows of blocks, one grid per hall with an aisle's gap
    between neighbouring pavilions."""
    found: list[DemoModule] = []
    next_x: dict[str, int] = {}
    for p in pavilions:
        blocks = blocks_across(
            Decimal(str(p.width_m)) - 2 * EDGE_M,
            longest=LONGEST_BLOCK,
            module_m=MODULE_M,
            aisle_m=AISLE_M,
        )
        spots = island_blocks(
            ROWS,
            blocks,
            module_m=MODULE_M,
            aisle_m=AISLE_M,
            origin_m=(Decimal(str(p.x_m)) + EDGE_M, TOP_M),
            first_x=next_x.get(p.hall, 0),
        )
        next_x[p.hall] = max(s.x for s in spots) + 2
        found += [
            DemoModule(p.hall, s.x, s.y, float(s.x_m), float(s.y_m), p.code, float(s.premium))
            for s in spots
        ]
    return found


def booked(area_m2: float) -> int:
    """Modules an exhibitor's contracted area takes (at least one)."""
    return max(1, round(area_m2 / float(MODULE_M * MODULE_M)))


def with_bookings(exhibitors: Sequence[DemoExhibitor], seed: int) -> list[DemoExhibitor]:
    """Priority points (years exhibited at this expo, plus the modules booked) and a few
    pairs of same-sector competitors in one pavilion who asked not to touch."""
    rng = random.Random(f"{seed}-booths")
    pointed = [replace(e, points=rng.randint(0, 21) + booked(e.booth_area_m2)) for e in exhibitors]
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(pointed):
        groups[e.pavilion, e.sector].append(i)
    crowded = sorted(g for g, members in groups.items() if len(members) >= 6)
    rivals: dict[int, set[OrgKey]] = defaultdict(set)
    for _ in range(COMPETITOR_PAIRS):
        a, b = rng.sample(groups[rng.choice(crowded)], 2)
        rivals[a].add(pointed[b].organisation.key)
    return [
        replace(e, competitors=tuple(sorted(rivals[i]))) if i in rivals else e
        for i, e in enumerate(pointed)
    ]


def allocate(
    pavilions: Sequence[DemoPavilion],
    exhibitors: Sequence[DemoExhibitor],
    floor: Sequence[DemoModule],
    time_limit: float = TIME_LIMIT,
) -> list[DemoBooth]:
    """Every exhibitor's booth as the engine places it, numbered per hall in pavilion order,
    then row and column: A1-101, A1-102, … Raises ``ValueError`` when anyone is left out, so
    a plan that overfills a pavilion fails loudly."""
    index = {e.organisation.key: str(i) for i, e in enumerate(exhibitors)}
    problem = Problem(
        modules=tuple(Module(_id(m.key), m.hall, m.x, m.y, m.pavilion, m.premium) for m in floor),
        exhibitors=tuple(
            Exhibitor(
                index[e.organisation.key],
                booked(e.booth_area_m2),
                e.pavilion,
                e.sector,
                e.points,
                frozenset(index[c] for c in e.competitors),
            )
            for e in exhibitors
        ),
    )
    solution = solve(problem, time_limit=time_limit)
    if solution.unallocated:
        left = ", ".join(f"{u.exhibitor} ({u.reason})" for u in solution.unallocated[:5])
        raise ValueError(f"{len(solution.unallocated)} exhibitors left without a booth: {left}")
    by_key = {m.key: m for m in floor}
    order = {p.code: n for n, p in enumerate(pavilions)}
    placed = []
    for allocation in solution.allocations:
        covered = sorted((by_key[_key(m)] for m in allocation.modules), key=lambda m: (m.y, m.x))
        exhibitor = exhibitors[int(allocation.exhibitor)]
        placed.append((exhibitor, covered))
    placed.sort(key=lambda p: (order[p[0].pavilion], p[1][0].y, p[1][0].x))
    booths: list[DemoBooth] = []
    next_number: dict[str, int] = defaultdict(lambda: 101)
    for exhibitor, covered in placed:
        hall, first, last = covered[0].hall, covered[0], covered[-1]
        booths.append(
            DemoBooth(
                number=f"{hall}-{next_number[hall]}",
                pavilion=exhibitor.pavilion,
                holder=exhibitor.organisation.key,
                x_m=first.x_m,
                y_m=first.y_m,
                width_m=last.x_m - first.x_m + float(MODULE_M),
                depth_m=last.y_m - first.y_m + float(MODULE_M),
                modules=tuple(m.key for m in covered),
            )
        )
        next_number[hall] += 1
    return booths


def _id(key: Key) -> str:
    return f"{key[0]}:{key[1]}:{key[2]}"


def _key(module_id: str) -> Key:
    hall, x, y = module_id.split(":")
    return hall, int(x), int(y)
