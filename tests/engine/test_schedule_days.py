"""Objective (d): meetings on as few days as availability allows, never at a cost to (a)-(c)."""

from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import HealthCheck, given, settings

from tradefair.engine.schedule import solver
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import upper_bounds
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.days import plan_days, retime
from tradefair.engine.schedule.gaps import compact, gaps_and_days
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.greedy import greedy
from tradefair.engine.schedule.problem import Problem, Slot, Solution
from tradefair.engine.schedule.report import build_solution
from tradefair.engine.schedule.synthetic import generate

from .schedule_cases import person, problem, slot
from .strategies import problems

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


def two_days(per_day: int, tables: int = 5) -> list[Slot]:
    """``per_day`` back-to-back slots on 17 September, then as many on the 18th: s0, s1, ..."""
    return [slot(n, tables, day=17 + n // per_day) for n in range(2 * per_day)]


def days_of(case: Problem, solution: Solution, request: str) -> str:
    slot_id = next(m.slot for m in solution.meetings if m.request == request)
    return str(case.slots[case.slot_index[slot_id]].day)


def test_two_meetings_that_fit_one_day_go_on_one_day() -> None:
    """B1 meets E1 and E2, all free both days: on one day, back to back, 3 days attended
    (one each) instead of 4."""
    case = problem(
        two_days(2), [person("B1"), person("E1"), person("E2")], [("B1", "E1", 1), ("B1", "E2", 1)]
    )
    solution = solver.solve(case)
    assert solution.extra["method"] == "exact"
    assert days_of(case, solution, "R1") == days_of(case, solution, "R2")
    assert solution.stats is not None
    assert (solution.stats.idle_gaps, solution.stats.days_attended) == (0, 3)


def test_an_idle_gap_weighs_more_than_a_day() -> None:
    """E1 can only meet in d17's first slot and E2 in d17's third or d18's first: on day 17
    B1 would wait a slot between them (one gap, 3 days attended), on day 18 it comes back
    (no gap, 4 days). Objective (c) ranks above (d), so B1 comes back."""
    slots = [slot(0), slot(1), slot(2), slot(3, day=18)]
    case = problem(
        slots,
        [
            person("B1"),
            person("E1", available=frozenset({"s0"})),
            person("E2", available=frozenset({"s2", "s3"})),
        ],
        [("B1", "E1", 1), ("B1", "E2", 1)],
    )
    solution = solver.solve(case)
    assert {m.request: m.slot for m in solution.meetings} == {"R1": "s0", "R2": "s3"}
    assert solution.stats is not None
    assert (solution.stats.idle_gaps, solution.stats.days_attended) == (0, 4)


def lone_meeting_board() -> tuple[Problem, Board]:
    """B1 meets E1 and E2 on day 17 and E3 alone on day 18; everybody is free both days."""
    case = problem(
        two_days(3),
        [person("B1"), person("E1"), person("E2"), person("E3")],
        [("B1", "E1", 1), ("B1", "E2", 1), ("B1", "E3", 1)],
    )
    board = Board(request_graph(case))
    for r, t in ((0, 0), (1, 1), (2, 3)):
        board.place(r, t)
    return case, board


def test_the_plan_moves_a_lone_meeting_to_a_day_already_attended() -> None:
    _, board = lone_meeting_board()
    plan = plan_days(board, board.placed(), deadline=float("inf"))
    assert plan.tolist() == [0, 0, 0]  # R3 joins day 17; days attended 5 -> 4


def test_retiming_packs_the_same_meetings_into_fewer_days() -> None:
    case, board = lone_meeting_board()
    base = Board(board.graph)
    packed = retime(board, base, deadline=float("inf"))
    assert sorted(packed.placed().tolist()) == [0, 1, 2]
    assert gaps_and_days(board) == (0, 5)
    assert gaps_and_days(packed) == (0, 4)
    assert (packed.slot[:3] < 3).all()  # all on day 17
    solution = build_solution(packed, {}, upper_bounds(case), seconds=0.0, method="test")
    assert check(case, solution) == []


def test_the_gap_pass_moves_a_lone_meeting_next_to_the_others() -> None:
    _, board = lone_meeting_board()
    compact(board, deadline=float("inf"))
    assert gaps_and_days(board) == (0, 4)
    assert sorted(board.slot.tolist()) == [0, 1, 2]


def test_a_kept_meeting_holds_its_day_and_the_others_join_it() -> None:
    """Kept (published) meetings never move: with B1-E3 kept on day 18, the two others go
    there instead."""
    _, board = lone_meeting_board()
    board.pinned[2] = True
    base = Board(board.graph)
    base.place(2, 3)
    base.pinned[2] = True
    assert plan_days(board, np.array([0, 1]), deadline=float("inf")).tolist() == [1, 1, 1]
    packed = retime(board, base, deadline=float("inf"))
    compact(packed, deadline=float("inf"))
    assert int(packed.slot[2]) == 3
    assert sorted(packed.slot.tolist()) == [3, 4, 5]
    assert gaps_and_days(packed) == (0, 4)


def greedy_board(case: Problem) -> Board:
    """First come, first served on a board: meetings early in the fair, days left to save."""
    g = request_graph(case)
    board = Board(g)
    iindex = {it.id: k for k, it in enumerate(case.interpreters)}
    for m in greedy(case, bounds=False).meetings:
        i = iindex[m.interpreter] if m.interpreter else -1
        board.place(case.request_index[m.request], case.slot_index[m.slot], i)
    return board


@SETTINGS
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_retiming_keeps_every_meeting_and_never_adds_a_gap(case: Problem) -> None:
    board = greedy_board(case)
    packed = retime(board, Board(board.graph), deadline=float("inf"))
    assert sorted(packed.placed().tolist()) == sorted(board.placed().tolist())
    assert gaps_and_days(packed) <= gaps_and_days(board)
    solution = build_solution(packed, {}, upper_bounds(case), seconds=0.0, method="test")
    assert check(case, solution) == []


@SETTINGS
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_the_gap_pass_lowers_gaps_then_days_and_only_moves_meetings(case: Problem) -> None:
    board = greedy_board(case)
    before, placed = gaps_and_days(board), sorted(board.placed().tolist())
    compact(board, deadline=float("inf"))
    assert gaps_and_days(board) <= before
    assert sorted(board.placed().tolist()) == placed
    solution = build_solution(board, {}, upper_bounds(case), seconds=0.0, method="test")
    assert check(case, solution) == []


@SETTINGS
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_the_decomposition_keeps_published_meetings_in_place(case: Problem) -> None:
    with mock.patch.object(solver, "_is_small", return_value=False):
        first = solver.solve(case)
        again = solver.solve(case, keep=first)
    assert set(first.meetings) <= set(again.meetings)
    assert check(case, again) == []


def test_fewer_days_cost_nothing_on_a_medium_fair() -> None:
    """Against the same solver without objective (d) (``pack_days=False``, what the benchmark
    runs beside it): the same buyers, meetings and priority, no more idle gaps, fewer days."""
    case = generate("medium", seed=3)
    packed = solver.solve(case, time_limit=30)
    plain = solver.solve(case, time_limit=30, pack_days=False)
    assert packed.stats is not None and plain.stats is not None
    assert check(case, packed) == []
    same = ("count", "priority", "buyers_without_meeting")
    assert [getattr(packed.stats, k) for k in same] == [getattr(plain.stats, k) for k in same]
    assert packed.stats.idle_gaps is not None and plain.stats.idle_gaps is not None
    assert packed.stats.idle_gaps <= plain.stats.idle_gaps
    assert packed.stats.days_attended is not None and plain.stats.days_attended is not None
    assert packed.stats.days_attended < plain.stats.days_attended
