"""Neighbourhoods that keep people's busy slots (``patterns``): the frame holds, every rule
holds, and the gaps said are the gaps the schedule has."""

from __future__ import annotations

import random
import time

from ortools.sat.python import cp_model

from tradefair.engine.schedule import general, general_model, metrics, patterns
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.graph import request_graph
from tradefair.engine.schedule.problem import Problem
from tradefair.engine.schedule.synthetic_events import generate, paper_sized

from .test_schedule_anneal import as_solution


def _model(problem: Problem) -> general_model.Model:
    m = general_model.build(request_graph(problem))
    for v in m.need.values():
        m.model.add(v == 1)
    m.model.minimize(m.gaps)
    return m


def _first(m: general_model.Model) -> dict[int, int]:
    """CP-SAT's first schedule (paper-5: over 100 gaps), to improve."""
    chosen = general._first_schedule(cp_model.CpSolver(), m, 30, 2)
    assert chosen is not None
    return {r: t for (r, t), on in zip(m.x, chosen, strict=True) if on}


def _improve(
    problem: Problem,
    m: general_model.Model,
    slot_of: dict[int, int],
    gaps: int,
    *,
    seconds: float,
    enough: bool,
) -> tuple[dict[int, int], int, bool]:
    """``patterns.improve`` on the model's own variables, ``enough`` whatever the gaps."""
    return patterns.improve(
        m.model,
        m.x,
        m.busy,
        m.starts,
        request_graph(problem),
        slot_of,
        gaps,
        deadline=time.monotonic() + seconds,
        enough=lambda _gaps: enough,
    )


def _busy_slots(problem: Problem, slot_of: dict[int, int]) -> dict[int, set[int]]:
    g = request_graph(problem)
    out: dict[int, set[int]] = {}
    for r, t in slot_of.items():
        for p in (int(g.buyer[r]), int(g.exhibitor[r])):
            out.setdefault(p, set()).add(t)
    return out


def _solved(copy: cp_model.CpModel, m: general_model.Model) -> tuple[dict[int, int], int]:
    """A schedule of the frame ``copy`` (request -> slot) and its gaps."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 20
    assert solver.solve(copy) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    found = {r: t for (r, t), v in m.x.items() if solver.boolean_value(v)}
    return found, round(solver.objective_value)


def test_people_kept_are_busy_where_they_were_and_may_swap_their_meetings() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    slot_of = _first(m)
    g = request_graph(problem)
    people = sorted({p for p, _ in m.busy})
    free = set(random.Random(1).sample(people, 10))
    found, gaps = _solved(patterns._frame(m.model, g, m.x, m.busy, slot_of, set(people) - free), m)
    before, after = _busy_slots(problem, slot_of), _busy_slots(problem, found)
    for p in set(people) - free:
        assert after[p] == before[p], p
    assert gaps <= metrics.idle_gaps(problem, as_solution(problem, slot_of).meetings)


def test_shift_frames_keep_the_gap_free_without_gaps_and_the_others_busy_where_they_were() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    slot_of = _first(m)
    g = request_graph(problem)
    people = sorted({p for p, _ in m.busy})
    gapped = patterns.gap_holders(g, slot_of)
    free = set(random.Random(2).sample(sorted(gapped), 6))  # six with a gap
    held, no_gaps = patterns._held("shift", people, free, gapped, m.starts)
    moving = set(people) - free - held
    assert moving and held  # paper-5's first schedule: some people with a gap, some without
    copy = patterns._frame(m.model, g, m.x, m.busy, slot_of, held, no_gaps)
    domains = {p: list(copy.proto.variables[b.index].domain) for (p, _), b in m.busy.items()}
    assert all(domains[p] == [0, 1] for p in moving)  # their blocks may move
    found, _ = _solved(copy, m)
    before, after = _busy_slots(problem, slot_of), _busy_slots(problem, found)
    for p in held:
        assert after[p] == before[p], p
    ranks = {p: sorted(int(g.rank[t]) for t in after[p]) for p in moving}
    for p, ks in ranks.items():  # paper-5 is a single day: one block each
        assert ks[-1] - ks[0] + 1 == len(ks), p


def test_improved_schedules_keep_every_rule_and_have_the_gaps_said() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    slot_of = _first(m)
    worst = metrics.idle_gaps(problem, as_solution(problem, slot_of).meetings)
    found, gaps, proven = _improve(problem, m, slot_of, worst, seconds=8, enough=False)
    solution = as_solution(problem, found)
    assert check(problem, solution) == []
    assert sorted(found) == sorted(slot_of)  # every meeting still met
    assert gaps == metrics.idle_gaps(problem, solution.meetings) < worst
    assert not proven  # paper-5 is not proven in 8 s


def test_enough_stops_before_any_step() -> None:
    problem = generate(paper_sized(5), 5)
    m = _model(problem)
    slot_of = _first(m)
    found, gaps, proven = _improve(problem, m, slot_of, 99, seconds=30, enough=True)
    assert (found, gaps, proven) == (slot_of, 99, False)
