"""The booth solver keeps every rule, reaches the exact optimum on small problems and beats the
greedy baseline where sectors can cluster."""

from __future__ import annotations

import copy
import itertools

from hypothesis import given, settings

from tradefair.engine.booths.check import check
from tradefair.engine.booths.greedy import solve_greedy
from tradefair.engine.booths.io import parse_problem
from tradefair.engine.booths.plan import Plan
from tradefair.engine.booths.problem import Problem
from tradefair.engine.booths.solver import solve, zone_groups
from tradefair.engine.booths.synthetic import synthetic_problem
from tradefair.engine.booths.writer import problem_to_dict
from tradefair.engine.jsonformat import dumps

from .booth_cases import booth_problems, grid


def objectives(problem: Problem, solution) -> tuple[int, int, float]:
    stats = solution.stats
    return stats.modules_placed, stats.clustering, round(stats.premium_score, 6)


def brute_force(problem: Problem) -> tuple[int, int, float]:
    """Every choice of one rectangle or none per exhibitor: the lexicographic best."""
    plan = Plan(problem)
    options = [[None, *plan.rectangles.of(e.zone, e.modules)] for e in problem.exhibitors]
    best = (0, 0, 0.0)
    for choice in itertools.product(*options):
        trial = Plan(problem, plan.rectangles)
        for e, rectangle in enumerate(choice):
            if rectangle is None:
                continue
            if not trial.fits(e, rectangle):
                break
            trial.place(e, rectangle)
        else:
            best = max(best, objectives(problem, trial.solution(0, 0.0)))
    return best


@settings(max_examples=25, deadline=None)
@given(booth_problems(max_exhibitors=4))
def test_on_small_problems_the_solver_is_the_exact_optimum(data):
    problem = parse_problem(copy.deepcopy(data))
    solution = solve(problem, time_limit=10)
    assert check(problem, solution) == []
    assert objectives(problem, solution) == brute_force(problem)


@settings(max_examples=30, deadline=None)
@given(booth_problems(max_exhibitors=14))
def test_the_fill_keeps_every_rule_and_never_trails_greedy_on_placed_modules(data):
    problem = parse_problem(copy.deepcopy(data))
    ours = solve(problem, exact_up_to=0)
    greedy = solve_greedy(problem)
    assert check(problem, ours) == []
    assert objectives(problem, ours)[:2] >= objectives(problem, greedy)[:2]


def test_sectors_cluster_where_greedy_scatters_them():
    problem = synthetic_problem(320, zones=2, seed=3)
    assert parse_problem(dumps(problem_to_dict(problem))) == problem  # a valid file
    ours, greedy = solve(problem, exact_up_to=0), solve_greedy(problem)
    assert check(problem, ours) == []
    assert ours.stats.modules_placed >= greedy.stats.modules_placed
    assert ours.stats.clustering >= 1.5 * greedy.stats.clustering


def test_pins_stay_and_competitors_are_kept_apart():
    data = {
        "modules": grid("A", 6, 1, "ai"),
        "exhibitors": [
            {"id": "P", "modules": 1, "zone": "ai", "sector": "s"},
            {"id": "R1", "modules": 2, "zone": "ai", "sector": "s", "competitors": ["R2"]},
            {"id": "R2", "modules": 2, "zone": "ai", "sector": "s"},
        ],
        "pinned": [{"exhibitor": "P", "modules": ["A-2-0"]}],
    }
    problem = parse_problem(data)
    for solution in (solve(problem), solve(problem, exact_up_to=0)):
        assert check(problem, solution) == []
        booths = {a.exhibitor: a.modules for a in solution.allocations}
        assert booths["P"] == ("A-2-0",)
        # The pin parts the rivals: one on each side of it.
        assert {booths["R1"], booths["R2"]} == {("A-0-0", "A-1-0"), ("A-3-0", "A-4-0")}


def test_zones_are_solved_apart_only_when_nothing_links_them():
    modules = grid("A", 2, 1, "left") + grid("A", 2, 1, "right", x0=2)  # touching at x 1|2
    exhibitors = [
        {"id": "L", "modules": 1, "zone": "left", "sector": "s"},
        {"id": "R", "modules": 1, "zone": "right", "sector": "t"},
    ]
    apart = parse_problem({"modules": modules, "exhibitors": exhibitors})
    assert sorted(map(sorted, zone_groups(apart))) == [[0], [1]]
    exhibitors[1]["sector"] = "s"  # one sector across the seam: clustering links them
    assert zone_groups(parse_problem({"modules": modules, "exhibitors": exhibitors})) == [{0, 1}]
    exhibitors[1]["sector"] = "t"
    exhibitors[1]["competitors"] = ["L"]
    assert zone_groups(parse_problem({"modules": modules, "exhibitors": exhibitors})) == [{0, 1}]
    far = grid("A", 2, 1, "left") + grid("A", 2, 1, "right", x0=3)  # an aisle between
    assert len(zone_groups(parse_problem({"modules": far, "exhibitors": exhibitors}))) == 2
