"""Synthetic general events: shaped like the literature's, feasible when planted so, and an
impossible one proven so with the clash named."""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter

import pytest

from tradefair.engine.schedule import general
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.general import Infeasible, solve_general
from tradefair.engine.schedule.io import parse_problem
from tradefair.engine.schedule.problem import Side
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


def _no_first_schedule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The assumption stage as if its share ran out: it makes the required rule hard and
    returns nothing, as it does when it finds neither a schedule nor a proof in time."""
    real = general._feasible

    def out_of_time(m, solver, g, deadline, started):  # type: ignore[no-untyped-def]
        with contextlib.suppress(Infeasible):
            real(m, solver, g, deadline, started)
        for v in m.need.values():
            m.model.add(v == 1)
        return None

    monkeypatch.setattr(general, "_feasible", out_of_time)


def test_when_the_first_stage_finds_nothing_the_search_goes_on_with_the_gaps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _no_first_schedule(monkeypatch)
    problem = generate(SMALL, 7)
    solution = solve_general(problem, time_limit=20)
    assert check(problem, solution) == []
    stats = solution.stats
    assert stats is not None and stats.count == len(problem.requests)
    assert stats.idle_gaps_lower_bound is not None
    assert stats.idle_gaps is not None and stats.idle_gaps_lower_bound <= stats.idle_gaps


def test_an_impossible_event_is_still_proven_so_without_the_first_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _no_first_schedule(monkeypatch)
    problem = generate(dataclasses.replace(SMALL, feasible=False), 1)
    with pytest.raises(Infeasible) as raised:
        solve_general(problem, time_limit=20)
    assert raised.value.proven
