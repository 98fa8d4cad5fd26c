"""Synthetic general events: shaped like the literature's, feasible when planted so, and an
impossible one proven so with the clash named."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from ortools.sat.python import cp_model

from tradefair.engine.schedule import general
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.general import Infeasible, solve_general
from tradefair.engine.schedule.io import parse_problem
from tradefair.engine.schedule.problem import Problem, Side
from tradefair.engine.schedule.synthetic_events import EventShape, generate, paper_sized
from tradefair.engine.schedule.writer import dump_problem

SMALL = EventShape(participants=24, meetings=60, slots_per_session=4, days=1)


def test_paper_sized_events_stay_within_the_literatures_sizes() -> None:
    for seed in range(30):
        shape = paper_sized(seed)
        problem = generate(shape, seed)
        assert 42 <= len(problem.participants) <= 78
        assert 8 <= len(problem.slots) <= 22
        assert 100 <= len(problem.requests) <= 302


def test_an_event_has_the_traits_of_real_ones_and_is_reproducible() -> None:
    problem = generate(paper_sized(4), 4)
    assert problem == generate(paper_sized(4), 4)
    assert parse_problem(dump_problem(problem)) == problem
    assert all(p.side is Side.PARTICIPANT for p in problem.participants)
    assert all(r.pair and r.required for r in problem.requests)
    ends = {frozenset(r.ends) for r in problem.requests}
    people = {p for r in problem.requests for p in r.ends}
    triangles = sum(
        1 for pair in ends for c in people - pair if all(frozenset((p, c)) in ends for p in pair)
    )
    assert triangles > 0  # not bipartite
    assert any(r.slots is not None for r in problem.requests)
    assert any(r.fixed_slot is not None for r in problem.requests)
    assert any(r.after for r in problem.requests)
    degree = Counter(p for r in problem.requests for p in r.ends)
    assert max(degree.values()) >= 3 * sorted(degree.values())[len(degree) // 2] // 2


def test_a_planted_event_has_a_schedule_and_it_keeps_every_rule() -> None:
    problem = generate(SMALL, 7)
    solution = solve_general(problem, time_limit=20)
    assert check(problem, solution) == []
    assert solution.stats is not None and solution.stats.count == len(problem.requests)


@pytest.mark.parametrize("seed", [1, 2])
def test_an_impossible_event_is_proven_so_naming_its_three_clashing_meetings(seed: int) -> None:
    problem = generate(dataclasses.replace(SMALL, feasible=False), seed)
    squeezed = {r.id for r in problem.requests if r.slots is not None and len(r.slots) == 2}
    with pytest.raises(Infeasible) as raised:
        solve_general(problem, time_limit=20)
    assert raised.value.proven
    named = {word.strip(",") for word in str(raised.value).split() if word.startswith("M")}
    assert named and named <= squeezed


def _some_optional(problem: Problem) -> Problem:
    """Every third request optional, so the served and priority stages come first."""
    optional = {r.id for r in problem.requests[::3]}
    return dataclasses.replace(
        problem,
        requests=tuple(
            dataclasses.replace(r, required=r.id not in optional) for r in problem.requests
        ),
    )


def test_an_event_with_optional_meetings_is_proven_at_every_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On two cores its gaps are proven by the LP search's bound (the neighbourhoods' first
    step, the whole problem) in well under a second; core search alone ended at 4 >= 3 after
    18 s."""
    monkeypatch.setattr(general, "_cores", lambda: 2)
    problem = _some_optional(generate(SMALL, 7))
    solution = solve_general(problem, time_limit=20)
    assert check(problem, solution) == []
    stats = solution.stats
    assert stats is not None and stats.status == "optimal"
    assert stats.idle_gaps_lower_bound == stats.idle_gaps


def _stages_out_of_time(monkeypatch: pytest.MonkeyPatch, how_many: int) -> None:
    """The first ``how_many`` stages end as if their time ran out before any schedule."""
    real = general._solve_stage
    calls = 0

    def patched(solver: cp_model.CpSolver, model: cp_model.CpModel) -> int:
        nonlocal calls
        calls += 1
        return int(cp_model.UNKNOWN) if calls <= how_many else real(solver, model)

    monkeypatch.setattr(general, "_solve_stage", patched)


def test_a_stage_that_finds_nothing_leaves_the_search_to_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stages_out_of_time(monkeypatch, 1)
    problem = _some_optional(generate(SMALL, 7))
    solution = solve_general(problem, time_limit=20)
    assert check(problem, solution) == []
    stats = solution.stats
    assert stats is not None and stats.status == "feasible"  # a stage's optimum went unproven
    met = {m.request for m in solution.meetings}
    assert {r.id for r in problem.requests if r.required} <= met


def test_no_schedule_within_the_time_limit_is_told_apart_from_a_proof(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stages_out_of_time(monkeypatch, 99)
    with pytest.raises(Infeasible) as raised:
        solve_general(generate(SMALL, 7), time_limit=20)
    assert not raised.value.proven
    assert str(raised.value).startswith("no complete schedule found: ")
    assert "--time-limit" in str(raised.value)
