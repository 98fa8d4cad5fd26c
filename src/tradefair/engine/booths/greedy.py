"""The baseline the solver is measured against: exhibitors in priority-points order, each into
the first free rectangle that fits.

This is "space draw" as organisers run it by hand (the exhibitor with the most points picks
first), with the pick made for them: the first rectangle in reading order that is free and
touches no competitor. Pinned booths stay where they are.
"""

from __future__ import annotations

import time

from tradefair.engine.booths.bounds import upper_bound
from tradefair.engine.booths.plan import Plan
from tradefair.engine.booths.problem import Problem, Solution
from tradefair.engine.booths.rectangles import Rectangles


def fill_greedily(plan: Plan) -> None:
    problem = plan.problem
    order = sorted(
        (e for e in range(len(problem.exhibitors)) if e not in plan.booth),
        key=lambda e: (-problem.exhibitors[e].points, problem.exhibitors[e].id),
    )
    for e in order:
        exhibitor = problem.exhibitors[e]
        for rectangle in plan.rectangles.of(exhibitor.zone, exhibitor.modules):
            if plan.fits(e, rectangle):
                plan.place(e, rectangle)
                break


def solve_greedy(problem: Problem) -> Solution:
    started = time.perf_counter()
    rectangles = Rectangles(problem)
    plan = Plan(problem, rectangles)
    fill_greedily(plan)
    return plan.solution(upper_bound(problem, rectangles), time.perf_counter() - started)
