"""The large events' bound from each person alone (``alone``): valid against the brute-force
oracle, and as strong as a person's own rules make it."""

from __future__ import annotations

import time
from dataclasses import replace
from unittest import mock

from hypothesis import given
from ortools.sat.python import cp_model

from tradefair.engine.schedule import alone, general, general_model
from tradefair.engine.schedule.general import solve_general
from tradefair.engine.schedule.general_model import build
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Problem

from .test_schedule_general_oracle import (
    ABC,
    ONE_DAY,
    SETTINGS,
    _pair,
    _slot,
    general_problems,
    oracle,
    triangle,
)

FOUR = (*ONE_DAY, _slot("s3", 0, 12))
APART = Problem(  # A meets B first and C last, with a slot between them
    slots=ONE_DAY,
    participants=ABC,
    requests=(
        _pair("ab", "A", "B", fixed_slot="s0", required=True),
        _pair("ac", "A", "C", fixed_slot="s2", required=True),
    ),
)


def bound(problem: Problem, seconds: float = 10.0) -> int:
    g = request_graph(problem)
    return alone.bound(g, build(g).x, time.monotonic() + seconds)


def test_meetings_fixed_apart_force_a_gap_and_next_to_each_other_none() -> None:
    assert bound(APART) == 1
    together = replace(
        APART,
        requests=tuple(
            replace(r, fixed_slot=s) for r, s in zip(APART.requests, ["s0", "s1"], strict=True)
        ),
    )
    assert bound(together) == 0


def test_the_order_of_a_persons_meetings_counts() -> None:
    """A may meet B in the first or the last slot and C in the second, B after C: without
    the order A would meet in s0 and s1, with it in s1 and s3, one gap."""
    problem = Problem(
        slots=FOUR,
        participants=ABC,
        requests=(
            _pair("ab", "A", "B", slots={"s0", "s3"}, after=["ac"], required=True),
            _pair("ac", "A", "C", fixed_slot="s1", required=True),
        ),
    )
    best = oracle(problem)
    assert best is not None and best.gaps == 1
    assert bound(problem) == 1
    unordered = replace(
        problem, requests=(replace(problem.requests[0], after=()), problem.requests[1])
    )
    assert bound(unordered) == 0


def test_an_optional_meeting_may_be_left_out_to_close_a_gap() -> None:
    """Met, the optional A-C would sit in s2 after A-B in s0: alone, A leaves it out."""
    problem = Problem(
        slots=ONE_DAY,
        participants=ABC,
        requests=(
            _pair("ab", "A", "B", fixed_slot="s0", required=True),
            _pair("ac", "A", "C", fixed_slot="s2"),
        ),
    )
    assert bound(problem) == 0


def test_what_the_others_force_is_not_seen() -> None:
    """A required triangle in three slots of one table costs one gap, from the tables and
    the other two people: each person alone fits their two meetings side by side."""
    assert bound(triangle(required=True)) == 0


@SETTINGS
@given(general_problems(crowded=True))
def test_the_bound_never_passes_the_oracles_fewest_gaps(problem: Problem) -> None:
    """Every meeting required, so the oracle's optimum has the fewest gaps of any schedule."""
    every = replace(problem, requests=tuple(replace(r, required=True) for r in problem.requests))
    best = oracle(every)
    if best is not None:
        assert bound(every) <= best.gaps


def test_large_events_report_it_as_their_proven_bound() -> None:
    """CP-SAT's own gaps search runs out of time (its first schedule, annealed, is kept), so
    the bound reported is the people's alone: A's two meetings fixed apart, 1 gap."""

    def first_schedule_only(solver: cp_model.CpSolver, model: cp_model.CpModel) -> int:
        if not solver.parameters.stop_after_first_solution:
            return int(cp_model.UNKNOWN)
        return int(solver.solve(model))

    with (
        mock.patch.object(general_model, "LARGE_BOOLEANS", 0),
        mock.patch.object(general, "_solve_stage", first_schedule_only),
    ):
        solution = solve_general(APART, time_limit=10.0, workers=1)
    assert solution.stats is not None
    assert solution.stats.status == "feasible"  # CP-SAT proved nothing
    assert solution.stats.idle_gaps == solution.stats.idle_gaps_lower_bound == 1


def test_a_person_out_of_time_adds_nothing_unproven() -> None:
    g = request_graph(APART)
    assert alone.bound(g, build(g).x, time.monotonic() - 1.0) == 0
