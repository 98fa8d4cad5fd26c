"""The CP-SAT model of placing booths, shared by the exact solve and its bounds.

One Boolean per (exhibitor, rectangle it may take), at most one per exhibitor and per module,
and for every two competitors no two adjacent modules held one by each. Booths already
decided (pins, kept booths) are constants: they only take part in the clustering.

Clustering counts adjacent module pairs held by two exhibitors of one sector. It is written
on the pair's two sides: the pair (i, j) counts for a sector when i is held by one of the
sector's rectangles that does not contain j, and j by one that does not contain i (then two
different booths, since a module holds one). Each side is a sum of Booleans that are never
both true, so a pair's variable is bounded by two sums and nothing is subtracted: the counts
of each sector stay apart, which lets the caller bound each sector on its own.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from ortools.sat.python import cp_model

from tradefair.engine.booths.problem import Problem
from tradefair.engine.booths.rectangles import Rectangle

Choices = dict[int, list[tuple[Rectangle, cp_model.IntVar]]]


def _scale(values: list[float]) -> int:
    """The smallest power of ten (up to a million) making every value whole."""
    for digits in range(7):
        scale = 10**digits
        if all(Fraction(v).limit_denominator(10**9) * scale == int(v * scale) for v in values):
            return scale
    return 10**6


class BoothModel:
    """``options``: the rectangles each exhibitor to decide may take (free and away from the
    fixed booths of its competitors); ``fixed``: booths already decided."""

    def __init__(
        self,
        problem: Problem,
        options: dict[int, list[Rectangle]],
        fixed: dict[int, Rectangle] | None = None,
    ) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        self.fixed = fixed or {}
        self.choices: Choices = {}
        on_module: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        held: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)  # (e, module)
        for e, rectangles in options.items():
            if not rectangles:
                continue
            self.choices[e] = []
            for rectangle in rectangles:
                x = self.model.new_bool_var(f"x{e}_{len(self.choices[e])}")
                self.choices[e].append((rectangle, x))
                for i in rectangle:
                    on_module[i].append(x)
                    held[e, i].append(x)
            self.model.add_at_most_one(x for _, x in self.choices[e])
        for xs in on_module.values():
            self.model.add_at_most_one(xs)
        for (e, i), xs in held.items():
            for f in problem.rivals[e]:
                if f < e:
                    continue
                for j in problem.neighbours[i]:
                    ys = held.get((f, j))
                    if ys:
                        self.model.add(sum(xs) + sum(ys) <= 1)
        self.placed = cp_model.LinearExpr.sum(
            [problem.exhibitors[e].modules * x for e, cs in self.choices.items() for _, x in cs]
        )
        self.contacts, self.contacts_fixed = self._contacts()

    def _contacts(self) -> tuple[dict[str, list[cp_model.IntVar]], dict[str, int]]:
        """Per sector, one Boolean per adjacent pair that may count, and the pairs that count
        whatever is decided (two fixed booths)."""
        problem = self.problem
        free: dict[str, dict[tuple[int, int], list[cp_model.IntVar]]] = defaultdict(
            lambda: defaultdict(list)
        )
        sure: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for e, cs in self.choices.items():
            sector = problem.exhibitors[e].sector
            if sector is None:
                continue
            for rectangle, x in cs:
                inside = set(rectangle)
                for i in rectangle:
                    for j in problem.neighbours[i]:
                        if j not in inside:
                            free[sector][i, j].append(x)
        for e, booth in self.fixed.items():
            sector = problem.exhibitors[e].sector
            if sector is None:
                continue
            inside = set(booth)
            for i in booth:
                sure[sector].update((i, j) for j in problem.neighbours[i] if j not in inside)
        contacts: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        constant: dict[str, int] = defaultdict(int)
        for sector in set(free) | set(sure):
            sides, certain = free[sector], sure[sector]
            for i, j in set(sides) | certain:
                if i > j or not ((j, i) in sides or (j, i) in certain):
                    continue
                if (i, j) in certain and (j, i) in certain:
                    constant[sector] += 1
                    continue
                pair = self.model.new_bool_var(f"c{sector}_{i}_{j}")
                for a, b in ((i, j), (j, i)):
                    if (a, b) not in certain:
                        self.model.add(pair <= sum(sides[a, b]))
                contacts[sector].append(pair)
        return dict(contacts), dict(constant)

    def clustering(self) -> cp_model.LinearExprT:
        return cp_model.LinearExpr.sum(
            [pair for pairs in self.contacts.values() for pair in pairs]
        ) + sum(self.contacts_fixed.values())

    def gain(self) -> cp_model.LinearExprT:
        """The premium score, scaled to whole numbers."""
        problem = self.problem
        points = [e.points for e in problem.exhibitors]
        premium = [m.premium for m in problem.modules]
        scale = _scale(points) * _scale(premium)
        return cp_model.LinearExpr.sum(
            [
                round(scale * points[e] * sum(premium[i] for i in rectangle)) * x
                for e, cs in self.choices.items()
                for rectangle, x in cs
            ]
        )

    def hint(
        self, booths: dict[int, Rectangle] | None = None, solver: cp_model.CpSolver | None = None
    ) -> None:
        """Start from ``booths`` or from the solver's last answer."""
        self.model.clear_hints()
        for e, cs in self.choices.items():
            for rectangle, x in cs:
                if solver is not None:
                    self.model.add_hint(x, solver.boolean_value(x))
                else:
                    self.model.add_hint(x, booths is not None and booths.get(e) == rectangle)

    def chosen(self, solver: cp_model.CpSolver) -> dict[int, Rectangle]:
        return {
            e: rectangle
            for e, cs in self.choices.items()
            for rectangle, x in cs
            if solver.boolean_value(x)
        }
