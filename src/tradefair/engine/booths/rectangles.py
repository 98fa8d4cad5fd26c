"""Every place a booth of a given size can take in a zone: the solvers' only moves.

A booth of ``size`` modules is any ``w * h == size`` rectangle of the grid whose modules all
exist in one hall and lie in the zone. Found per hall with an integral image of the zone's
modules (numpy), so a zone of a thousand modules lists its rectangles of every size in
milliseconds. Listed in reading order, hall by hall, then by top row and left column, the
widest shape first at each corner: "the first free rectangle" means this order.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from tradefair.engine.booths.problem import Problem, shapes

Rectangle = tuple[int, ...]  # module indices, row by row


class Rectangles:
    """The rectangles of each (zone, size), computed on first use."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self._found: dict[tuple[str, int], list[Rectangle]] = {}

    @cached_property
    def _halls(self) -> dict[str, tuple[int, int, np.ndarray, np.ndarray]]:
        """Per hall: its grid's origin, module indices by cell (-1: none) and zone codes."""
        cells: dict[str, list[int]] = {}
        for i, m in enumerate(self.problem.modules):
            cells.setdefault(m.hall, []).append(i)
        zone_code = {zone: code for code, zone in enumerate(sorted(self.problem.zone_modules))}
        halls = {}
        for hall, ids in sorted(cells.items()):
            xs = np.array([self.problem.modules[i].x for i in ids])
            ys = np.array([self.problem.modules[i].y for i in ids])
            x0, y0 = int(xs.min()), int(ys.min())
            grid = np.full((int(ys.max()) - y0 + 1, int(xs.max()) - x0 + 1), -1, dtype=np.int64)
            grid[ys - y0, xs - x0] = ids
            zones = np.full(grid.shape, -1, dtype=np.int64)
            zones[ys - y0, xs - x0] = [zone_code[self.problem.modules[i].zone] for i in ids]
            halls[hall] = (x0, y0, grid, zones)
        self._zone_code = zone_code
        return halls

    def of(self, zone: str, size: int) -> list[Rectangle]:
        key = (zone, size)
        if key not in self._found:
            self._found[key] = self._compute(zone, size)
        return self._found[key]

    def _compute(self, zone: str, size: int) -> list[Rectangle]:
        halls = self._halls
        code = self._zone_code.get(zone)
        if code is None:
            return []
        found: list[tuple[str, int, int, int, Rectangle]] = []
        for hall, (_, _, grid, zones) in halls.items():
            inside = (zones == code).astype(np.int64)
            if not inside.any():
                continue
            total = np.zeros((inside.shape[0] + 1, inside.shape[1] + 1), dtype=np.int64)
            total[1:, 1:] = inside.cumsum(0).cumsum(1)
            for order, (w, h) in enumerate(shapes(size)):
                if h > inside.shape[0] or w > inside.shape[1]:
                    continue
                sums = total[h:, w:] - total[:-h, w:] - total[h:, :-w] + total[:-h, :-w]
                for row, col in zip(*np.nonzero(sums == size), strict=True):
                    block = grid[row : row + h, col : col + w]
                    found.append((hall, int(row), int(col), order, tuple(block.ravel().tolist())))
        found.sort(key=lambda f: f[:4])
        return [f[4] for f in found]
