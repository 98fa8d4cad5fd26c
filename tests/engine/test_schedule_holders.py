"""Choosing who holds the gaps (``holders``): only the people chosen may have a gap, every
rule holds, and the gaps said are the gaps the schedule has."""

from __future__ import annotations

import time

from tradefair.engine.schedule import holders, metrics, patterns
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.synthetic_events import generate, paper_sized

from .test_schedule_anneal import as_solution
from .test_schedule_patterns import _first, _model


def test_only_the_holders_chosen_have_a_gap_and_every_rule_holds() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    g = request_graph(problem)
    slot_of = _first(m)
    chosen = patterns.gap_holders(g, slot_of)
    placed = holders._place(m.model, m.x, m.starts, slot_of, chosen, 10)
    assert placed is not None  # the first schedule keeps the rule: a schedule exists
    found, gaps = placed
    assert patterns.gap_holders(g, found) <= chosen
    solution = as_solution(problem, found)
    assert check(problem, solution) == []
    assert gaps == metrics.idle_gaps(problem, solution.meetings)
    assert gaps <= metrics.idle_gaps(problem, as_solution(problem, slot_of).meetings)


def test_the_step_keeps_every_rule_and_says_the_gaps_it_has() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    g = request_graph(problem)
    slot_of = _first(m)
    worst = metrics.idle_gaps(problem, as_solution(problem, slot_of).meetings)
    found, gaps = holders.improve(
        m.model, m.x, m.starts, g, slot_of, worst, deadline=time.monotonic() + 10
    )
    solution = as_solution(problem, found)
    assert check(problem, solution) == []
    assert gaps == metrics.idle_gaps(problem, solution.meetings) < worst


def test_a_stopped_step_hands_back_the_schedule_it_was_given() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    slot_of = _first(m)
    found, gaps = holders.improve(
        m.model,
        m.x,
        m.starts,
        request_graph(problem),
        slot_of,
        99,
        deadline=time.monotonic() + 10,
        stop=lambda: True,
    )
    assert (found, gaps) == (slot_of, 99)
