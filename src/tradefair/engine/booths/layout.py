"""Rows of island blocks as grid modules: the one floor layout the console's grid generator
and the demo's halls share.

A block is ``block_rows`` modules deep (two: booths back to back) and some modules long;
blocks stand side by side with an aisle between them and between their rows. Grid coordinates
leave a gap of one at every aisle, so the allocation never joins modules across one; positions
are in metres from the hall's origin. A block's end modules face two aisles (premium 2); the
first row's front faces the main aisle (premium 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

CORNER = Decimal(2)
MAIN_AISLE = Decimal(1)
NONE = Decimal(0)


@dataclass(frozen=True)
class Spot:
    """Where one module goes: grid coordinates, its corner in metres, its premium."""

    x: int
    y: int
    x_m: Decimal
    y_m: Decimal
    premium: Decimal


def island_blocks(
    rows: int,
    blocks: Sequence[int],
    *,
    block_rows: int = 2,
    module_m: Decimal = Decimal(3),
    aisle_m: Decimal = Decimal(3),
    origin_m: tuple[Decimal, Decimal] = (Decimal(0), Decimal(0)),
    first_x: int = 0,
) -> list[Spot]:
    """``rows`` rows of blocks, ``blocks`` giving each block's length in modules along x,
    row by row in reading order. ``first_x`` and ``origin_m`` place the whole in a hall that
    holds other grids (the next one should start at ``last x + 2`` to keep an aisle's gap)."""
    spots = []
    for row in range(rows):
        y0_m = origin_m[1] + row * (block_rows * module_m + aisle_m)
        x, x_m = first_x, origin_m[0]
        for length in blocks:
            for dy in range(block_rows):
                for dx in range(length):
                    corner = dx in (0, length - 1)
                    front = row == 0 and dy == 0
                    spots.append(
                        Spot(
                            x=x + dx,
                            y=row * (block_rows + 1) + dy,
                            x_m=x_m + dx * module_m,
                            y_m=y0_m + dy * module_m,
                            premium=CORNER if corner else MAIN_AISLE if front else NONE,
                        )
                    )
            x += length + 1
            x_m += length * module_m + aisle_m
    return spots


def blocks_across(
    width_m: Decimal, *, longest: int, module_m: Decimal, aisle_m: Decimal
) -> list[int]:
    """Block lengths that fill ``width_m``: as many blocks of ``longest`` modules as fit, then
    one shorter block in what is left (if a module fits)."""
    found = []
    left = width_m
    while left >= module_m:
        length = min(longest, int(left // module_m))
        found.append(length)
        left -= length * module_m + aisle_m
    return found
