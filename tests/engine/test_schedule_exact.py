"""The CP-SAT solver: lexicographic (buyers served, then priority) and within every rule."""

from __future__ import annotations

from hypothesis import given, settings

from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.problem import Interpreter, Problem
from tradefair.engine.schedule.solver import solve

from .schedule_cases import coverage_first, person, problem, slot
from .strategies import problems


def test_a_second_buyer_served_beats_a_higher_priority() -> None:
    solution = solve(coverage_first())
    assert solution.extra["method"] == "exact"
    assert solution.extra["proven_optimal"] is True
    assert sorted(m.request for m in solution.meetings) == ["R2", "R3"]
    assert solution.unscheduled[0].request == "R1"
    assert solution.unscheduled[0].reason == "exhibitor E1 is fully booked (max 1 meetings)"


def test_a_pair_without_a_common_language_gets_an_interpreter() -> None:
    zh, th = frozenset({"zh"}), frozenset({"th"})
    case = problem(
        [slot(0), slot(1)],
        [person("B1", languages=zh), person("E1", languages=th), person("E2", languages=zh)],
        [("B1", "E1", 2), ("B1", "E2", 1)],
        (Interpreter("I1", frozenset({"en", "th"})), Interpreter("I2", zh | th, frozenset({"s1"}))),
    )
    solution = solve(case)
    by_request = {m.request: m for m in solution.meetings}
    assert (by_request["R1"].slot, by_request["R1"].interpreter) == ("s1", "I2")
    assert by_request["R2"].interpreter is None
    assert check(case, solution) == []


def test_tables_are_numbered_from_one_in_each_slot() -> None:
    case = problem(
        [slot(0, tables=2)],
        [person("B1"), person("B2"), person("B3"), person("E1"), person("E2"), person("E3")],
        [("B1", "E1", 1), ("B2", "E2", 1), ("B3", "E3", 2)],
    )
    solution = solve(case)
    assert sorted(m.table for m in solution.meetings) == [1, 2]
    assert (
        solution.unscheduled[0].reason == "every table is taken in the slots both sides have free"
    )


@settings(max_examples=150, deadline=None)
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_exact_solutions_obey_every_rule(case: Problem) -> None:
    solution = solve(case)
    assert check(case, solution) == []
    assert solution.stats is not None
    assert solution.stats.buyers_without_meeting >= solution.stats.min_buyers_without_meeting
    assert solution.stats.count <= solution.stats.upper_bound
    ids = sorted([m.request for m in solution.meetings] + [u.request for u in solution.unscheduled])
    assert ids == sorted(r.id for r in case.requests)
