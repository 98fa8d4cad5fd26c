"""Fewer idle gaps by first choosing who holds them (docs/algorithms/scheduling.md, "Gap
holders").

Once it is known which few people have a gap, the rest is easy: with everyone else held
gap-free and every block still free to move, core search places paper-5's optimum in 0.7 s
given its six holders, where the whole problem takes it minutes. So this step first asks
CP-SAT's portfolio for a schedule with as few people with a gap as it finds in a few seconds
(a coarser objective), then minimises the gaps with only those people allowed one. It runs
once, after the neighbourhoods' first step. On fresh events held back by their schedule it
found the optimum where the neighbourhoods alone had not: paper-50 was proven in 18.6-22.2 s
in four runs of the whole solver (13 >= 12 without it), and paper-52 reached 5-6 gaps
(7 without it). Where the optimum gives some people two gaps, it finds nothing better, and
the neighbourhoods go on from the schedule they had.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from ortools.sat.python import cp_model

from tradefair.engine.schedule import hints
from tradefair.engine.schedule.graph import RequestGraph
from tradefair.engine.schedule.patterns import gap_holders

Var = cp_model.IntVar
HOLDERS_SECONDS = 8.0  # the search for few people with a gap
PLACE_SECONDS = 10.0  # the gaps among them


def improve(
    model: cp_model.CpModel,
    x: Mapping[tuple[int, int], Var],
    starts: Mapping[int, Sequence[Var]],
    g: RequestGraph,
    slot_of: dict[int, int],
    gaps: int,
    *,
    deadline: float,
    stop: Callable[[], bool] = lambda: False,
    workers: int = 2,
) -> tuple[dict[int, int], int]:
    """``slot_of`` (request -> slot, with ``gaps`` idle gaps) or a schedule with fewer, found
    before ``deadline``. ``model`` minimises the gaps and is not changed; ``x`` and ``starts``
    are its meeting Booleans and each person's gap starts."""
    left = deadline - time.monotonic()
    if left < 1.0 or stop():
        return slot_of, gaps
    few = _fewest_holders(model, x, starts, min(HOLDERS_SECONDS, left / 2), workers)
    if few is None or stop():
        return slot_of, gaps
    holders = gap_holders(g, few)
    left = deadline - time.monotonic()
    placed = _place(model, x, starts, few, holders, min(PLACE_SECONDS, left))
    if placed is not None and placed[1] < gaps:
        return placed
    return slot_of, gaps


def _fewest_holders(
    model: cp_model.CpModel,
    x: Mapping[tuple[int, int], Var],
    starts: Mapping[int, Sequence[Var]],
    seconds: float,
    workers: int,
) -> dict[int, int] | None:
    """A schedule with few people with a gap: CP-SAT's portfolio on a copy of ``model``
    minimising them. Its neighbourhood workers need the cores (one worker alone ended paper-50
    at 38 such people, two at 9), and it starts afresh: hinted with the schedule so far it
    kept near that schedule's holders (paper-50 then proven in one run of two, afresh in
    two of two)."""
    copy = model.clone()
    copy.clear_objective()
    copy.clear_hints()
    held = []
    for p, vs in sorted(starts.items()):
        h = copy.new_bool_var(f"holds{p}")
        copy.add_max_equality(h, [copy.get_bool_var_from_proto_index(v.index) for v in vs])
        held.append(h)
    copy.minimize(cp_model.LinearExpr.sum(held))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = max(0.5, seconds)
    if solver.solve(copy) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {r: t for (r, t), v in x.items() if solver.boolean_value(v)}


def _place(
    model: cp_model.CpModel,
    x: Mapping[tuple[int, int], Var],
    starts: Mapping[int, Sequence[Var]],
    slot_of: Mapping[int, int],
    holders: set[int],
    seconds: float,
) -> tuple[dict[int, int], int] | None:
    """The fewest gaps when only ``holders`` may have one (every block may still move), by
    core search from ``slot_of``, which keeps that rule; None if it found no schedule."""
    copy = model.clone()
    variables = copy.proto.variables
    for p, vs in starts.items():
        if p not in holders:
            for v in vs:
                variables[v.index].domain[1] = 0
    hints.hint_schedule(copy, x, slot_of)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = 1
    params.subsolvers.append("core")
    params.num_full_subsolvers = 1
    params.optimize_with_core = True
    params.use_lns = False
    params.max_time_in_seconds = max(0.5, seconds)
    if solver.solve(copy) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    found = {r: t for (r, t), v in x.items() if solver.boolean_value(v)}
    return found, round(solver.objective_value)
