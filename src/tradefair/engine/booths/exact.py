"""The lexicographic optimum by CP-SAT: for small problems, and the yardstick in tests.

The model is ``model.BoothModel``. Three solves, each with the optimum of the ones before
fixed and the previous answer as a hint: (a) the booked modules placed, (b) the clustering,
(c) the premium score.

The clustering is where a plain solve stalls: its linear relaxation says next to nothing and
the floor's blocks are interchangeable, so the search can find the optimum but not prove it.
Before (b), ``sector_bounds`` bounds each sector's clustering on its own (see there), and
the model gets one constraint per sector; when the answer reaches the sum, (b) is proven.
"""

from __future__ import annotations

import itertools
import logging
import math
import time
from collections import defaultdict

from ortools.sat.python import cp_model

from tradefair.engine.booths.model import BoothModel
from tradefair.engine.booths.plan import Plan
from tradefair.engine.booths.problem import Problem
from tradefair.engine.booths.rectangles import Rectangle

log = logging.getLogger(__name__)
# CP-SAT's symmetry presolve on many interchangeable exhibitors (same size, no sector) can
# run far past the time limit: 125 s under a 5 s limit for 40 two-module booths in one zone
# (OR-Tools 9.15, measured). Without it the bench's small fair reaches the same optimum.
NO_SYMMETRY = 0

# Each solve's share of the time left when it starts (what a proven stage leaves, the next
# ones get): placing every booking is usually proven at once, the clustering is the hard part.
SHARES = (0.2, 0.6, 0.2)
RESTART = 10.0  # seconds of a stage (b) solve before it restarts with another seed
BOUND_SHARE = 0.25  # at most this share of stage (b)'s time goes to the sectors' bounds
MEMBERS_UP_TO = 10  # a sector with more members to place is left unbounded (2^n subsets)


def solve_exact(
    plan: Plan,
    *,
    time_limit: float = 30.0,
    workers: int = 2,
    only: set[int] | None = None,
    hint: dict[int, Rectangle] | None = None,
) -> bool:
    """Fill ``plan`` (pins and kept booths already placed) with the lexicographic optimum;
    True when all three objectives were proven optimal. ``only``: decide these exhibitors
    and leave the rest alone (a group of zones nothing links to the others); ``hint``: a
    good allocation to start from."""
    deadline = time.perf_counter() + time_limit
    solve = ExactSolve(plan, workers=workers, only=only, hint=hint)
    for stage, share in enumerate(SHARES):
        left = max(0.0, deadline - time.perf_counter())
        solve.run(left * share / sum(SHARES[stage:]))
    solve.place(plan)
    return solve.proven


class ExactSolve:
    """One group's lexicographic solve, a stage per ``run``, so that a caller can give the
    stages of several groups their time in turn (a group proven early leaves its time to
    the others). The exhibitors' booths go into the plan with ``place``."""

    def __init__(
        self,
        plan: Plan,
        *,
        workers: int = 2,
        only: set[int] | None = None,
        hint: dict[int, Rectangle] | None = None,
    ) -> None:
        problem = self.problem = plan.problem
        self.fixed = dict(plan.booth)
        taken = {i for booth in self.fixed.values() for i in booth}
        self.options = {
            e: [
                r
                for r in plan.rectangles.of(exhibitor.zone, exhibitor.modules)
                if not any(i in taken for i in r) and plan.fits(e, r)
            ]
            for e, exhibitor in enumerate(problem.exhibitors)
            if e not in self.fixed and (only is None or e in only)
        }
        self.booths = BoothModel(problem, self.options, self.fixed)
        self.objectives = (self.booths.placed, self.booths.clustering(), self.booths.gain())
        self.workers = workers
        self.stage = 0
        self.proven = True
        self.failed = False  # a stage found nothing: the group is left to the fills
        self.best: dict[int, Rectangle] = {}
        self.start = {e: r for e, r in (hint or {}).items() if r in self.options.get(e, ())}
        self.booths.hint(self.start)

    def _placed(self, booths: dict[int, Rectangle]) -> int:
        return sum(self.problem.exhibitors[e].modules for e in booths)

    def run(self, time_limit: float) -> None:
        """Solve the next stage within ``time_limit`` seconds."""
        if self.failed or self.stage >= len(self.objectives):
            return
        deadline = time.perf_counter() + max(0.5, time_limit)
        model, objective = self.booths.model, self.objectives[self.stage]
        if self.stage == 1:
            budget = BOUND_SHARE * time_limit
            bounds = sector_bounds(self.problem, self.options, self.fixed, time_limit=budget)
            for sector, bound in bounds.items():
                pairs = self.booths.contacts.get(sector, [])
                model.add(cp_model.LinearExpr.sum(pairs) <= bound)
            log.debug("sector bounds %s", bounds)
        model.maximize(objective)
        best: float | None = None
        proven, seed = False, 0
        while not proven and (seed == 0 or deadline - time.perf_counter() > 1.0):
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = self.workers
            solver.parameters.random_seed = seed
            solver.parameters.symmetry_level = NO_SYMMETRY
            left = max(0.05, deadline - time.perf_counter())
            if self.stage == 1:
                # The linear relaxation bounds the clustering no better than counting its
                # pairs and slows the search (measured): the sector bounds do the proving.
                # The time to the optimum varies tenfold with the seed: restarts from the
                # fill with another seed cut that long tail.
                solver.parameters.linearization_level = 0
                left = min(left, RESTART)
                same = self._placed(self.start) == self._placed(self.best)
                self.booths.hint(self.start if same else self.best)
            solver.parameters.max_time_in_seconds = left
            status = solver.solve(model)
            log.debug(
                "stage %s, seed %s: %s %s (bound %s) in %.1f s",
                "abc"[self.stage],
                seed,
                solver.status_name(status),
                solver.objective_value,
                solver.best_objective_bound,
                solver.wall_time,
            )
            seed += 1
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                proven = status == cp_model.OPTIMAL
                if best is None or solver.objective_value > best:
                    best = solver.objective_value
                    self.best = self.booths.chosen(solver)
            if self.stage != 1:
                break
        if best is not None:
            self.booths.hint(self.best)
            if self.stage == 0 and self._placed(self.start) == self._placed(self.best):
                self.booths.hint(self.start)  # as many placed, and clustered by the fill
        if best is None:
            self.failed, self.proven = True, False
            return
        self.proven = self.proven and proven
        model.add(objective >= round(best))
        self.stage += 1

    def place(self, plan: Plan) -> None:
        for e, rectangle in self.best.items():
            plan.place(e, rectangle)


def sector_bounds(
    problem: Problem,
    options: dict[int, list[Rectangle]],
    fixed: dict[int, Rectangle],
    *,
    time_limit: float = 10.0,
) -> dict[str, int]:
    """For each sector that can be bounded in the time, the most clustering its exhibitors
    could reach with the floor to themselves: an upper bound on its share of any allocation.

    Clustering only counts touching modules, so it adds up over the pieces of floor that no
    adjacency links (blocks between aisles): a sector's best is the best split of its
    members over the pieces, each piece holding the best arrangement of the members it gets.
    Pieces with the same modules and the same options for every member (translated) are
    the same; each (piece, subset of members) is one small CP-SAT solve, and the split is a
    dynamic programme over the subsets. A solve cut short gives its own proven bound, so the
    result is always an upper bound. Sectors with a fixed booth or more than
    ``MEMBERS_UP_TO`` members are left out (no bound)."""
    deadline = time.perf_counter() + time_limit
    members: dict[str, list[int]] = defaultdict(list)
    for e, rectangles in options.items():
        sector = problem.exhibitors[e].sector
        if sector is not None and rectangles:
            members[sector].append(e)
    with_fixed = {problem.exhibitors[e].sector for e in fixed}
    bounds: dict[str, int] = {}
    for sector, ids in sorted(members.items(), key=lambda item: len(item[1])):
        if sector in with_fixed or len(ids) > MEMBERS_UP_TO:
            continue
        bound = _sector_bound(problem, {e: options[e] for e in ids}, deadline)
        if bound is None:
            break
        bounds[sector] = bound
    return bounds


def pieces(problem: Problem, modules: set[int]) -> list[list[int]]:
    """The connected pieces of ``modules`` under adjacency, each sorted."""
    seen: set[int] = set()
    found = []
    for start in sorted(modules):
        if start in seen:
            continue
        seen.add(start)
        stack, piece = [start], []
        while stack:
            i = stack.pop()
            piece.append(i)
            for j in problem.neighbours[i]:
                if j in modules and j not in seen:
                    seen.add(j)
                    stack.append(j)
        found.append(sorted(piece))
    return found


def _sector_bound(
    problem: Problem, options: dict[int, list[Rectangle]], deadline: float
) -> int | None:
    """The best split of one sector's members over the pieces (see ``sector_bounds``); None
    when the time ran out."""
    ids = sorted(options)
    if len(ids) < 2:
        return 0
    where = {
        i: n
        for n, piece in enumerate(
            pieces(problem, {i for rs in options.values() for r in rs for i in r})
        )
        for i in piece
    }
    count = max(where.values()) + 1
    inside: list[dict[int, list[Rectangle]]] = [defaultdict(list) for _ in range(count)]
    for e, rectangles in options.items():
        for rectangle in rectangles:
            inside[where[rectangle[0]]][e].append(rectangle)
    size = [0] * count
    for n in where.values():
        size[n] += 1
    values: dict[tuple[object, int], int] = {}  # (piece's shape, members' bitmask)
    best = {0: 0}  # members' bitmask → the most clustering over the pieces so far
    for n in range(count):
        shape = _shape(problem, inside[n])
        here = [k for k, e in enumerate(ids) if inside[n].get(e)]
        gains: list[tuple[int, int]] = []
        for many in range(2, len(here) + 1):
            for subset in itertools.combinations(here, many):
                if sum(problem.exhibitors[ids[k]].modules for k in subset) > size[n]:
                    continue
                mask = sum(1 << k for k in subset)
                if (shape, mask) not in values:
                    if time.perf_counter() >= deadline:
                        return None
                    chosen = {ids[k]: inside[n][ids[k]] for k in subset}
                    values[shape, mask] = _most_clustering(problem, chosen, deadline)
                if values[shape, mask] > 0:
                    gains.append((mask, values[shape, mask]))
        after = dict(best)
        for mask, value in best.items():
            for group, gain in gains:
                if not mask & group and after.get(mask | group, -1) < value + gain:
                    after[mask | group] = value + gain
        best = after
    return max(best.values())


def _shape(problem: Problem, inside: dict[int, list[Rectangle]]) -> object:
    """What makes two pieces the same for a sector: its members' options, translated."""
    cells = [problem.modules[i] for rs in inside.values() for r in rs for i in r]
    if not cells:
        return ()
    x0, y0 = min(m.x for m in cells), min(m.y for m in cells)
    return tuple(
        (
            e,
            tuple(
                sorted(
                    tuple((problem.modules[i].x - x0, problem.modules[i].y - y0) for i in r)
                    for r in rs
                )
            ),
        )
        for e, rs in sorted(inside.items())
    )


def _most_clustering(problem: Problem, options: dict[int, list[Rectangle]], deadline: float) -> int:
    """The most clustering of these exhibitors alone on these options; when not proven in
    the time, the solver's proven bound."""
    booths = BoothModel(problem, options)
    booths.model.maximize(booths.clustering())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.symmetry_level = NO_SYMMETRY
    solver.parameters.max_time_in_seconds = max(0.05, deadline - time.perf_counter())
    status = solver.solve(booths.model)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    return math.floor(solver.best_objective_bound + 1e-6)
