"""Upper bounds: never below what the exact solver achieves, and tight where they should be."""

from __future__ import annotations

from hypothesis import given, settings

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import upper_bounds
from tradefair.engine.schedule.exact import solve_exact
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Interpreter, Problem

from .schedule_cases import coverage_first, person, problem, slot
from .strategies import problems


def test_bounds_of_a_case_the_flow_solves_exactly() -> None:
    bounds = upper_bounds(coverage_first())
    assert (bounds.count, bounds.priority) == (2, 6)
    assert (bounds.min_buyers_without_meeting, bounds.buyers_requesting) == (0, 2)


def test_tables_cap_the_count() -> None:
    case = problem(
        [slot(0, tables=1), slot(1, tables=1)],
        [person("B1"), person("B2"), person("B3"), person("E1"), person("E2")],
        [("B1", "E1", 1), ("B2", "E2", 2), ("B3", "E1", 3)],
    )
    bounds = upper_bounds(case)
    assert (bounds.count, bounds.priority, bounds.min_buyers_without_meeting) == (2, 5, 1)


def test_requests_without_a_common_slot_count_for_nothing() -> None:
    case = problem(
        [slot(0), slot(1)],
        [person("B1", available=frozenset({"s0"})), person("E1", available=frozenset({"s1"}))],
        [("B1", "E1", 4)],
    )
    bounds = upper_bounds(case)
    assert (bounds.count, bounds.priority, bounds.min_buyers_without_meeting) == (0, 0, 1)


def test_interpreter_capacity_tightens_the_bound() -> None:
    """Three zh-th pairs but one interpreter free in one slot: one meeting at most."""
    zh, th = frozenset({"zh"}), frozenset({"th"})
    case = problem(
        [slot(0), slot(1), slot(2)],
        [person(f"B{k}", languages=zh) for k in (1, 2, 3)]
        + [person(f"E{k}", languages=th) for k in (1, 2, 3)],
        [("B1", "E1", 3), ("B2", "E2", 2), ("B3", "E3", 1)],
        (Interpreter("I1", zh | th, frozenset({"s1"})),),
    )
    bounds = upper_bounds(case)
    assert bounds.count == 1
    assert bounds.priority == 3
    assert bounds.min_buyers_without_meeting == 2


def test_classes_sharing_an_interpreter_share_its_slots() -> None:
    """zh-th and zh-vi pairs both need the one interpreter who speaks zh, th and vi, free in
    one slot: capping each class by its interpreters' slots allows one meeting of each, but
    together they have one. The en-ms pairs have their own interpreter."""
    zh, th, vi, en, ms = (frozenset({x}) for x in ("zh", "th", "vi", "en", "ms"))
    sides = [(zh, th), (zh, th), (zh, vi), (zh, vi), (en, ms), (en, ms)]
    case = problem(
        [slot(0), slot(1), slot(2)],
        [person(f"B{k}", languages=b) for k, (b, _) in enumerate(sides, 1)]
        + [person(f"E{k}", languages=e) for k, (_, e) in enumerate(sides, 1)],
        [(f"B{k}", f"E{k}", 1) for k in range(1, 7)],
        (
            Interpreter("I1", zh | th | vi, frozenset({"s1"})),
            Interpreter("I2", en | ms, None),
        ),
    )
    bounds = upper_bounds(case)
    assert (bounds.count, bounds.priority) == (3, 3) == _exact(case)[:2]


def _exact(case: Problem) -> tuple[int, int, int]:
    board = Board(request_graph(case))
    assert solve_exact(board, time_limit=10)
    g = board.graph
    placed = board.slot >= 0
    served = len(set(g.buyer[placed].tolist()))
    return int(placed.sum()), int(g.priority[placed].sum()), served


@settings(max_examples=120, deadline=None)
@given(problems(max_buyers=5, max_exhibitors=4, max_requests=12))
def test_bounds_never_undercut_the_optimum(case: Problem) -> None:
    bounds = upper_bounds(case)
    count, priority, served = _exact(case)
    assert bounds.count >= count
    assert bounds.priority >= priority
    assert bounds.buyers_requesting - bounds.min_buyers_without_meeting >= served
