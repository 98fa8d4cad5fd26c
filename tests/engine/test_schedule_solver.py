"""The scheduler: every hard rule on every problem, the optimum on small ones, keep semantics."""

from __future__ import annotations

import dataclasses
from unittest import mock

from hypothesis import given, settings

from tradefair.engine.schedule import solver
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import upper_bounds
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Interpreter, Problem, Request, Solution
from tradefair.engine.schedule.report import build_solution
from tradefair.engine.schedule.serve import serve_unserved, unserved_buyers, upgrade
from tradefair.engine.schedule.solver import solve
from tradefair.engine.schedule.synthetic import generate

from .schedule_cases import coverage_first, person, problem, slot
from .strategies import problems


def decomposed(case: Problem, **kwargs: object) -> Solution:
    """The large-problem route, forced on a small problem."""
    with mock.patch.object(solver, "_is_small", return_value=False):
        return solve(case, **kwargs)  # type: ignore[arg-type]


def served_and_priority(case: Problem, solution: Solution) -> tuple[int, int]:
    assert solution.stats is not None
    requesting = len({r.buyer for r in case.requests})
    return requesting - solution.stats.buyers_without_meeting, solution.stats.priority


@settings(max_examples=200, deadline=None)
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_decomposition_obeys_every_rule_and_never_beats_the_optimum(case: Problem) -> None:
    fast = decomposed(case)
    assert check(case, fast) == []
    assert all(u.reason for u in fast.unscheduled)
    assert served_and_priority(case, fast) <= served_and_priority(case, solve(case))


def test_decomposition_finds_the_optimum_of_the_coverage_case() -> None:
    case = coverage_first()
    assert served_and_priority(case, decomposed(case)) == served_and_priority(case, solve(case))
    assert served_and_priority(case, solve(case)) == (2, 2)


def test_stats_are_complete() -> None:
    stats = solve(coverage_first()).stats
    assert stats is not None
    assert (stats.count, stats.priority, stats.upper_bound, stats.priority_upper_bound) == (
        2,
        2,
        2,
        6,
    )
    assert (stats.buyers_without_meeting, stats.min_buyers_without_meeting) == (0, 0)
    assert stats.idle_gaps == 0
    assert stats.seconds >= 0


def test_reasons_name_what_ran_out() -> None:
    zh, th = frozenset({"zh"}), frozenset({"th"})
    case = problem(
        [slot(0), slot(1)],
        [
            person("B1", available=frozenset({"s0"})),
            person("B2", languages=zh),
            person("E1", available=frozenset({"s1"})),
            person("E2", languages=th),
        ],
        [("B1", "E1", 1), ("B2", "E2", 1)],
        (Interpreter("I1", frozenset({"en"})),),
    )
    reasons = {u.request: u.reason for u in solve(case).unscheduled}
    assert reasons == {
        "R1": "the two sides are never available at the same time",
        "R2": "no interpreter for zh–th in the pool",
    }


def _kept_case(tables: int) -> Problem:
    return problem(
        [slot(0, tables), slot(1, tables), slot(2, tables)],
        [person("B1"), person("B2"), person("B3"), person("E1", max_meetings=2), person("E2")],
        [("B1", "E1", 1), ("B2", "E1", 1), ("B3", "E2", 1), ("B1", "E2", 1)],
    )


def test_kept_meetings_stay_in_their_slot_and_table() -> None:
    case = _kept_case(tables=3)
    first = solve(case)
    # A new request arrives: everything already published stays put.
    grown = dataclasses.replace(case, requests=(*case.requests, Request("R9", "B3", "E1", 5)))
    again = solve(grown, keep=first)
    assert set(first.meetings) <= set(again.meetings)
    assert check(grown, again) == []


def test_kept_meetings_that_became_invalid_are_released() -> None:
    case = _kept_case(tables=3)
    first = solve(case)
    gone = first.meetings[0]
    request = next(r for r in case.requests if r.id == gone.request)
    # The buyer can no longer attend the slot of that meeting.
    people = tuple(
        dataclasses.replace(p, available=frozenset(s.id for s in case.slots if s.id != gone.slot))
        if p.id == request.buyer
        else p
        for p in case.participants
    )
    changed = dataclasses.replace(case, participants=people)
    again = decomposed(changed, keep=first)
    assert check(changed, again) == []
    assert set(first.meetings) - {gone} <= set(again.meetings)
    assert gone not in again.meetings


@settings(max_examples=100, deadline=None)
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12), problems())
def test_keep_never_breaks_a_rule_even_from_a_foreign_solution(
    case: Problem, other: Problem
) -> None:
    foreign = solve(other)
    assert check(case, decomposed(case, keep=foreign)) == []
    assert check(case, solve(case, keep=solve(case))) == []


def test_medium_fair_is_near_its_bounds() -> None:
    case = generate("medium", seed=3)
    solution = solve(case, time_limit=30)
    stats = solution.stats
    assert stats is not None and stats.priority_upper_bound is not None
    assert check(case, solution) == []
    assert stats.count >= 0.97 * stats.upper_bound
    assert stats.priority >= 0.98 * stats.priority_upper_bound
    assert stats.buyers_without_meeting == stats.min_buyers_without_meeting


def _served_by_repair(case: Problem, placed: list[tuple[int, int, int]]) -> Solution:
    """Put ``placed`` (request, slot, interpreter) on a board, serve the unserved, report."""
    g = request_graph(case)
    board = Board(g)
    for r, t, i in placed:
        board.place(r, t, i)
    assert unserved_buyers(board) == [1]  # B2
    assert serve_unserved(board, deadline=float("inf")) == 1
    assert unserved_buyers(board) == []
    return build_solution(board, {}, upper_bounds(case, g), seconds=0.0, method="test")


def test_a_buyer_without_a_meeting_displaces_one_of_a_served_buyer() -> None:
    """B2 can only meet E1 in s0, where E1 meets B1; B1 keeps its meeting with E2."""
    case = problem(
        [slot(0), slot(1)],
        [
            person("B1"),
            person("B2", available=frozenset({"s0"})),
            person("E1", available=frozenset({"s0"})),
            person("E2"),
        ],
        [("B1", "E1", 3), ("B1", "E2", 1), ("B2", "E1", 1)],
    )
    solution = _served_by_repair(case, [(0, 0, -1), (1, 1, -1)])
    assert check(case, solution) == []
    assert sorted(m.request for m in solution.meetings) == ["R2", "R3"]


def test_a_buyer_without_a_meeting_gets_an_interpreter_by_a_swap() -> None:
    """Only I1 can serve B2-E2; B1-E1, on I1, moves to I2 and nobody is displaced."""
    zh, th, en, fr = (frozenset({x}) for x in ("zh", "th", "en", "fr"))
    case = problem(
        [slot(0)],
        [
            person("B1", languages=zh),
            person("B2", languages=en),
            person("E1", languages=th),
            person("E2", languages=fr),
        ],
        [("B1", "E1", 1), ("B2", "E2", 1)],
        (Interpreter("I1", zh | th | en | fr), Interpreter("I2", zh | th)),
    )
    solution = _served_by_repair(case, [(0, 0, 0)])
    assert check(case, solution) == []
    assert {(m.request, m.interpreter) for m in solution.meetings} == {("R1", "I2"), ("R2", "I1")}


def test_placing_an_interpreted_meeting_hands_interpreters_along_a_path() -> None:
    """B2-E2 needs I1; B1-E1 moves from I1 to I2, and B3-E3 from I2 to I3."""
    zh, th, en, fr, de, it = (frozenset({x}) for x in ("zh", "th", "en", "fr", "de", "it"))
    case = problem(
        [slot(0)],
        [
            person("B1", languages=zh),
            person("B2", languages=en),
            person("B3", languages=de),
            person("E1", languages=th),
            person("E2", languages=fr),
            person("E3", languages=it),
        ],
        [("B1", "E1", 1), ("B3", "E3", 1), ("B2", "E2", 1)],
        (
            Interpreter("I1", zh | th | en | fr),
            Interpreter("I2", zh | th | de | it),
            Interpreter("I3", de | it),
        ),
    )
    board = Board(request_graph(case))
    board.place(0, 0, 0)
    board.place(1, 0, 1)
    assert board.try_place(2, 0)
    assert board.interp.tolist() == [1, 2, 0]
    assert board.iwho[:, 0].tolist() == [2, 0, 1]


def test_upgrade_swaps_an_interpreted_meeting_in_for_a_cheaper_one() -> None:
    """s0 has one table, taken by B1-E1 (priority 1); B2-E3 (priority 3, interpreted) can
    only meet in s0. It takes the table; B1 keeps its meeting with E2 in s1."""
    zh, th = frozenset({"zh"}), frozenset({"th"})
    case = problem(
        [slot(0, tables=1), slot(1, tables=1)],
        [
            person("B1"),
            person("B2", languages=zh, available=frozenset({"s0"})),
            person("E1"),
            person("E2"),
            person("E3", languages=th),
        ],
        [("B1", "E1", 1), ("B1", "E2", 1), ("B2", "E3", 3)],
        (Interpreter("I1", zh | th),),
    )
    g = request_graph(case)
    board = Board(g)
    board.place(0, 0)
    board.place(1, 1)
    assert upgrade(board, deadline=float("inf")) == 2
    solution = build_solution(board, {}, upper_bounds(case, g), seconds=0.0, method="test")
    assert check(case, solution) == []
    assert sorted(m.request for m in solution.meetings) == ["R2", "R3"]


def test_reasons_say_which_resource_is_zero() -> None:
    case = problem(
        [slot(0, tables=0), slot(1, tables=1)],
        [
            person("B1", available=frozenset({"s0"})),
            person("B2", max_meetings=0),
            person("B3", available=frozenset()),
            person("E1"),
        ],
        [("B1", "E1", 1), ("B2", "E1", 1), ("B3", "E1", 1)],
    )
    reasons = {u.request: u.reason for u in solve(case).unscheduled}
    assert reasons == {
        "R1": "no slot both sides can attend has any tables",
        "R2": "buyer B2 max_meetings is 0",
        "R3": "buyer B3 is available in no slot",
    }
