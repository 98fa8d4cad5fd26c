"""The lexicographic optimum by CP-SAT: for small problems, and the yardstick in tests.

One Boolean per (exhibitor, rectangle of its zone and size). Each module is held by at most
one rectangle; competitors' holdings never sit on adjacent modules; pins and kept booths are
fixed. Three solves, each with the optimum of the ones before fixed and the previous answer
as a hint: (a) the booked modules placed, (b) the clustering, (c) the premium score.

Clustering counts adjacent pairs of modules held by two exhibitors of one sector. Per sector,
a module is "held by the sector" when one of its exhibitors holds it; an adjacent pair held
by the sector at both ends counts once, minus the pairs inside one booth, which a rectangle's
shape fixes ((w-1)h + (h-1)w), so the objective stays linear.
"""

from __future__ import annotations

import time
from collections import defaultdict
from fractions import Fraction

from ortools.sat.python import cp_model

from tradefair.engine.booths.plan import Plan
from tradefair.engine.booths.rectangles import Rectangle

# Each solve's share of the time left when it starts (what a proven stage leaves, the next
# ones get): placing every booking is usually proven at once, the clustering is the hard part.
SHARES = (0.2, 0.6, 0.2)


def _internal_pairs(plan: Plan, rectangle: Rectangle) -> int:
    xs = {plan.problem.modules[i].x for i in rectangle}
    ys = {plan.problem.modules[i].y for i in rectangle}
    w, h = len(xs), len(ys)
    return (w - 1) * h + (h - 1) * w


def _scale(values: list[float]) -> int:
    """The smallest power of ten (up to a million) making every value whole."""
    for digits in range(7):
        scale = 10**digits
        if all(Fraction(v).limit_denominator(10**9) * scale == int(v * scale) for v in values):
            return scale
    return 10**6


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
    problem = plan.problem
    model = cp_model.CpModel()
    fixed = dict(plan.booth)
    choices: dict[int, list[tuple[Rectangle, cp_model.IntVar]]] = defaultdict(list)
    on_module: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    held: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)  # (e, module)
    taken = {i for booth in fixed.values() for i in booth}
    for e, exhibitor in enumerate(problem.exhibitors):
        if e in fixed or (only is not None and e not in only):
            continue
        for rectangle in plan.rectangles.of(exhibitor.zone, exhibitor.modules):
            if any(i in taken for i in rectangle) or not plan.fits(e, rectangle):
                continue
            x = model.new_bool_var(f"x{e}_{rectangle[0]}_{len(choices[e])}")
            choices[e].append((rectangle, x))
            for i in rectangle:
                on_module[i].append(x)
                held[e, i].append(x)
        if choices[e]:
            model.add_at_most_one(x for _, x in choices[e])
            for rectangle, x in choices[e]:
                model.add_hint(x, hint is not None and hint.get(e) == rectangle)
    for xs in on_module.values():
        model.add_at_most_one(xs)
    # Competitors: an adjacent pair of modules never held by two rivals.
    for (e, i), xs in held.items():
        for f in problem.rivals[e]:
            if f < e:
                continue
            for j in problem.neighbours[i]:
                ys = held.get((f, j))
                if ys:
                    model.add(sum(xs) + sum(ys) <= 1)
    placed = sum(
        problem.exhibitors[e].modules * x for e, options in choices.items() for _, x in options
    )
    clustering = _clustering(plan, model, choices, held, fixed)
    points = [problem.exhibitors[e].points for e in range(len(problem.exhibitors))]
    premium = [m.premium for m in problem.modules]
    scale = _scale(points) * _scale(premium)
    gain = sum(
        round(scale * points[e] * sum(premium[i] for i in rectangle)) * x
        for e, options in choices.items()
        for rectangle, x in options
    )
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    proven = True
    deadline = time.perf_counter() + time_limit
    for stage, objective in enumerate((placed, clustering, gain)):
        model.maximize(objective)
        left = max(0.0, deadline - time.perf_counter())
        share = SHARES[stage] / sum(SHARES[stage:])
        solver.parameters.max_time_in_seconds = max(0.5, left * share)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        proven = proven and status == cp_model.OPTIMAL
        model.add(objective >= round(solver.objective_value))
        model.clear_hints()
        for options in choices.values():
            for _, x in options:
                model.add_hint(x, solver.boolean_value(x))
    for e, options in choices.items():
        for rectangle, x in options:
            if solver.boolean_value(x):
                plan.place(e, rectangle)
    return proven


def _clustering(
    plan: Plan,
    model: cp_model.CpModel,
    choices: dict[int, list[tuple[Rectangle, cp_model.IntVar]]],
    held: dict[tuple[int, int], list[cp_model.IntVar]],
    fixed: dict[int, Rectangle],
) -> cp_model.LinearExprT:
    problem = plan.problem
    by_sector: dict[str, dict[int, list[cp_model.IntVar]]] = defaultdict(lambda: defaultdict(list))
    constant: dict[str, set[int]] = defaultdict(set)  # modules a fixed booth holds, by sector
    for (e, i), xs in held.items():
        sector = problem.exhibitors[e].sector
        if sector is not None:
            by_sector[sector][i].extend(xs)
    for e, booth in fixed.items():
        sector = problem.exhibitors[e].sector
        if sector is not None:
            constant[sector].update(booth)
    terms: list[cp_model.LinearExprT] = []
    pairs_fixed = 0
    for sector in set(by_sector) | set(constant):
        holds, fixed_here = by_sector[sector], constant[sector]
        for i in set(holds) | fixed_here:
            for j in problem.neighbours[i]:
                if j < i or (j not in holds and j not in fixed_here):
                    continue
                if i in fixed_here and j in fixed_here:
                    pairs_fixed += 1
                    continue
                both = model.new_bool_var(f"c{sector}_{i}_{j}")
                for end in (i, j):
                    if end not in fixed_here:
                        model.add(both <= sum(holds[end]))
                terms.append(both)
    inside = [
        _internal_pairs(plan, rectangle) * x
        for e, options in choices.items()
        if problem.exhibitors[e].sector is not None
        for rectangle, x in options
    ]
    inside_fixed = sum(
        _internal_pairs(plan, booth)
        for e, booth in fixed.items()
        if problem.exhibitors[e].sector is not None
    )
    return (
        cp_model.LinearExpr.sum(terms)
        - cp_model.LinearExpr.sum(inside)
        + (pairs_fixed - inside_fixed)
    )
