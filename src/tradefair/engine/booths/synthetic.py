"""Booth problems shaped like the fair's halls, for the benchmark and the tests.

Each hall is rows of island blocks two modules deep (booths back to back) and ``block``
modules long, with a one-module aisle between blocks and between rows. Zones are runs of
whole blocks, one hall's worth split among a few pavilions; each zone's exhibitors come from a
few sectors, book the usual shell-scheme sizes and fill about 90 % of it. Block ends (corners)
are premium 2, the rest of a block's front row 1 when it faces the hall's main aisle (the
first row), else 0. A few exhibitors of one sector name each other as competitors.
"""

from __future__ import annotations

import random

from tradefair.engine.booths.problem import Exhibitor, Module, Problem

SIZES = (1, 2, 2, 4, 4, 4, 6, 6, 8, 9, 12, 18)
FILL = 0.9


def synthetic_problem(
    exhibitors: int,
    *,
    zones: int = 20,
    sectors_per_zone: int = 5,
    block: int = 12,
    competitor_share: float = 0.05,
    seed: int = 1,
) -> Problem:
    rng = random.Random(seed)
    booked = [rng.choice(SIZES) for _ in range(exhibitors)]
    per_zone = [0] * zones
    zone_of = []
    for n, size in enumerate(booked):
        z = n % zones
        zone_of.append(z)
        per_zone[z] += size
    modules: list[Module] = []
    blocks_per_row = 8
    next_row: dict[str, int] = {}  # each hall's first free row of blocks
    for z in range(zones):
        hall = f"H{z // 4 + 1}"
        need = int(per_zone[z] / FILL) + 1
        blocks = -(-need // (2 * block))
        base_row = next_row.get(hall, 0)
        next_row[hall] = base_row + -(-blocks // blocks_per_row)
        for b in range(blocks):
            row, col = base_row + b // blocks_per_row, b % blocks_per_row
            y0, x0 = row * 3, col * (block + 1)
            for dy in range(2):
                for dx in range(block):
                    corner = dx in (0, block - 1)
                    front = row == 0 and dy == 0
                    premium = 2.0 if corner else 1.0 if front else 0.0
                    x, y = x0 + dx, y0 + dy
                    modules.append(Module(f"{hall}-{x}-{y}", hall, x, y, f"Z{z + 1}", premium))
    found = []
    for n, size in enumerate(booked):
        z = zone_of[n]
        sector = f"S{z + 1}.{rng.randrange(sectors_per_zone) + 1}"
        found.append((f"E{n + 1}", size, f"Z{z + 1}", sector, float(rng.randrange(0, 20))))
    rivals: dict[str, set[str]] = {ident: set() for ident, *_ in found}
    by_sector: dict[str, list[str]] = {}
    for ident, _, _, sector, _ in found:
        by_sector.setdefault(sector, []).append(ident)
    for members in by_sector.values():
        for ident in members:
            if len(members) > 1 and rng.random() < competitor_share:
                other = rng.choice([m for m in members if m != ident])
                rivals[ident].add(other)
    return Problem(
        tuple(modules),
        tuple(
            Exhibitor(ident, size, zone, sector, points, frozenset(rivals[ident]))
            for ident, size, zone, sector, points in found
        ),
    )
