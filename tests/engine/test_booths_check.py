"""The booth checker names every broken rule; the greedy baseline and the bound keep theirs."""

from __future__ import annotations

import copy
import dataclasses

from hypothesis import given, settings

from tradefair.engine.booths.bounds import largest_subset_sum, upper_bound
from tradefair.engine.booths.check import check
from tradefair.engine.booths.greedy import solve_greedy
from tradefair.engine.booths.io import parse_problem
from tradefair.engine.booths.problem import Allocation, Solution, Unallocated

from .booth_cases import booth_problems, small_problem


def allocate(*pairs: tuple[str, list[str]], left: tuple[str, ...] = ()) -> Solution:
    return Solution(
        tuple(Allocation(e, tuple(m)) for e, m in pairs),
        tuple(Unallocated(e, "no room") for e in left),
    )


GOOD = (
    ("E1", ["A-0-0", "A-1-0", "A-0-1", "A-1-1"]),
    ("E2", ["A-2-0", "A-2-1"]),
    ("E3", ["A-3-0", "A-3-1"]),
    ("E4", ["A-5-0", "A-6-0", "A-7-0", "A-5-1", "A-6-1", "A-7-1"]),
    ("E5", ["A-8-0", "A-8-1"]),
)


def test_a_valid_allocation_breaks_nothing():
    assert check(parse_problem(small_problem()), allocate(*GOOD)) == []


def test_every_broken_rule_is_named():
    data = small_problem()
    data["exhibitors"][1]["competitors"] = ["E3"]
    problem = parse_problem(data)
    solution = allocate(
        ("E1", ["A-0-0", "A-1-0", "A-2-0", "A-0-1"]),  # an L, not a rectangle
        ("E2", ["A-2-1", "A-5-1"]),  # across the aisle, half outside its zone
        ("E3", ["A-3-1", "A-3-0", "A-2-0"]),  # three, touching E2, A-2-0 taken twice
        ("E9", ["A-5-0"]),
        ("E4", ["A-6-0", "nowhere"]),
        ("E3", ["A-8-0"]),
    )
    assert check(problem, solution) == [
        "allocations[0] (E1): not one full rectangle: 4 modules spread over x 0..2, y 0..1 "
        "in hall A",
        "allocations[1] (E2): modules outside zone ai: A-5-1",
        "allocations[1] (E2): not one full rectangle: 2 modules spread over x 2..5, y 1..1 "
        "in hall A",
        "allocations[2] (E3): 3 modules, but the exhibitor booked 2",
        "allocations[2] (E3): not one full rectangle: 3 modules spread over x 2..3, y 0..1 "
        "in hall A",
        "allocations[3] (E9): unknown exhibitor",
        "allocations[4] (E4): unknown modules nowhere",
        "allocations[5] (E3): exhibitor already in allocations[2] (E3)",
        "module A-2-0: given to E1, E3",
        "competitors touch: E3 at A-2-0 and E2 at A-2-1",
        "neither allocated nor unallocated: E5",
    ]


def test_pins_kept_and_honest_figures():
    data = small_problem()
    data["pinned"] = [{"exhibitor": "E2", "modules": ["A-3-0", "A-3-1"]}]
    problem = parse_problem(data)
    moved = allocate(*GOOD)
    assert check(problem, moved)[-1] == "pinned E2: not kept at A-3-0, A-3-1"

    solution = solve_greedy(problem)
    assert check(problem, solution) == []
    assert solution.stats is not None
    lying = dataclasses.replace(
        solution,
        stats=dataclasses.replace(
            solution.stats,
            modules_placed=99,
            upper_bound=1,
            clustering=solution.stats.clustering + 1,
            premium_score=solution.stats.premium_score + 0.5,
        ),
    )
    assert check(problem, lying) == [
        f"stats: modules_placed is 99, the allocations {solution.stats.modules_placed}",
        f"stats: upper_bound 1 is below the {solution.stats.modules_placed} placed",
        f"stats: clustering is {solution.stats.clustering + 1}, the allocations "
        f"{solution.stats.clustering}",
        f"stats: premium_score is {solution.stats.premium_score + 0.5:g}, the allocations "
        f"{solution.stats.premium_score:g}",
    ]


def test_greedy_serves_the_most_points_first_into_the_first_free_rectangle():
    data = small_problem()
    data["exhibitors"][2]["points"] = 9  # E3 now picks before E1 and E2
    solution = solve_greedy(parse_problem(data))
    booths = {a.exhibitor: a.modules for a in solution.allocations}
    assert booths["E3"] == ("A-0-0", "A-1-0")  # the first rectangle, widest first
    assert booths["E1"] == ("A-2-0", "A-3-0", "A-2-1", "A-3-1")
    assert booths["E2"] == ("A-0-1", "A-1-1")
    # Robots E1 and E2 touch once (A-2-1 by A-1-1), ships E4 and E5 twice (x = 7 by x = 8).
    assert solution.stats is not None and solution.stats.clustering == 3


def test_the_bound_counts_what_can_fit_whole():
    assert largest_subset_sum([6, 4, 4], 9) == 8
    assert largest_subset_sum([6, 4, 4], 0) == 0
    data = small_problem()
    data["exhibitors"].append({"id": "E6", "modules": 9, "zone": "blue"})  # 9 fits no block
    data["exhibitors"].append({"id": "E7", "modules": 3, "zone": "ai"})
    problem = parse_problem(data)
    # ai: 8 modules for 4 + 2 + 2 + 3 → 8; blue: 8 for 6 + 2 (E6 fits nowhere) → 8.
    assert upper_bound(problem) == 16
    unplaced = {u.exhibitor: u.reason for u in solve_greedy(problem).unallocated}
    assert unplaced["E6"] == "no rectangle of 9 modules exists in zone blue"


@settings(max_examples=60, deadline=None)
@given(booth_problems())
def test_greedy_keeps_every_rule_and_stays_under_the_bound(data):
    problem = parse_problem(copy.deepcopy(data))
    solution = solve_greedy(problem)
    assert check(problem, solution) == []
    assert solution.stats is not None
    assert solution.stats.modules_placed <= solution.stats.upper_bound <= problem.booked
