"""The decomposition's first phase with interpreters: chosen on the programme that sees them."""

from __future__ import annotations

import numpy as np

from tradefair.engine.schedule import interpreter_lp
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Interpreter, Problem
from tradefair.engine.schedule.select import select_with_interpreters
from tradefair.engine.schedule.solver import solve

from .schedule_cases import person, problem, slot
from .test_schedule_solver import decomposed

ZH, TH, EN = (frozenset({x}) for x in ("zh", "th", "en"))


def one_interpreter_slot() -> Problem:
    """One slot, one interpreter for zh, th and en: of the two interpreted pairs only one can
    meet, so B2 is better off with its plain E3 (R3) than with R2."""
    return problem(
        [slot(0)],
        [
            person("B1", languages=ZH),
            person("B2", languages=EN),
            person("E1", languages=TH),
            person("E2", languages=TH),
            person("E3", languages=EN),
        ],
        [("B1", "E1", 5), ("B2", "E2", 4), ("B2", "E3", 2)],
        (Interpreter("I1", ZH | TH | EN),),
    )


def chosen(case: Problem, *, at_least: int, serve: int) -> list[str] | None:
    board = Board(request_graph(case))
    candidates = np.arange(len(case.requests))
    picked = select_with_interpreters(board, candidates, at_least=at_least, serve=serve)
    return None if picked is None else [case.requests[r].id for r in picked.tolist()]


def test_the_selection_shares_the_interpreters_slots() -> None:
    # Without the interpreter, R1 and R2 (priority 9) would be chosen; only one fits.
    assert chosen(one_interpreter_slot(), at_least=0, serve=2) == ["R1", "R3"]


def test_the_selection_keeps_the_meetings_asked_for_or_says_it_cannot() -> None:
    assert chosen(one_interpreter_slot(), at_least=2, serve=0) == ["R1", "R3"]
    assert chosen(one_interpreter_slot(), at_least=3, serve=0) is None
    assert chosen(one_interpreter_slot(), at_least=0, serve=3) is None


def test_the_selection_works_when_every_buyer_already_has_a_meeting() -> None:
    """Kept meetings can serve every buyer before the selection: no buyer row is left."""
    case = one_interpreter_slot()
    g = request_graph(case)
    picked = interpreter_lp.choose(
        g,
        np.arange(len(case.requests)),
        cap=g.cap,
        total=5,
        slots=g.interp_avail.sum(axis=1).astype(np.float64),
        at_least=2,
        newly_served=np.array([], dtype=np.int64),
        serve=0,
    )
    assert picked is not None
    assert [case.requests[r].id for r in picked.tolist()] == ["R1", "R3"]


def test_an_interpreted_meeting_worth_more_is_chosen_over_a_plain_one() -> None:
    """B1 can meet once: E1 through the interpreter (priority 5) or E2 without (priority 1).
    The flow charged interpreted pairs more than a priority is worth and chose E2, which no
    later phase undid (B1 would have lost its only meeting)."""
    case = problem(
        [slot(0), slot(1)],
        [
            person("B1", languages=ZH, max_meetings=1),
            person("E1", languages=TH),
            person("E2", languages=ZH),
        ],
        [("B1", "E1", 5), ("B1", "E2", 1)],
        (Interpreter("I1", ZH | TH),),
    )
    fast = decomposed(case)
    assert check(case, fast) == []
    assert [(m.request, m.interpreter) for m in fast.meetings] == [("R1", "I1")]
    exact = solve(case)
    assert exact.stats is not None and fast.stats is not None
    assert fast.stats.priority == exact.stats.priority == 5
