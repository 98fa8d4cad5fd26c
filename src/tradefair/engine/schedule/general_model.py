"""The general scheduler's CP-SAT model (docs/algorithms/scheduling.md, "General events"):
one Boolean per request and slot it may take, the rules every schedule keeps, the redundant
all-different over each person's meeting slots, the idle gaps (``idle_model``) and one
Boolean per person who asked. ``general`` solves it in stages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from tradefair.engine.schedule import idle_model
from tradefair.engine.schedule.graph import RequestGraph

Var = cp_model.IntVar
# Above this many (request, slot) Booleans (ten times the literature's events have 20,000 and
# more; its own events 1,100-4,500) the gap-start model and core search spend the minute on
# a bound far below any schedule, and eight workers share two cores: runs minus days,
# light for the LP, and one worker per core find schedules with about 40 % fewer gaps there.
LARGE_BOOLEANS = 15_000


@dataclass
class Model:
    """The CP-SAT model and the variables each stage reads."""

    model: cp_model.CpModel
    x: dict[tuple[int, int], Var]  # (request, slot) -> meets then
    interp: dict[tuple[int, int], list[tuple[int, Var]]]  # (request, slot) -> interpreters
    need: dict[int, Var]  # required request -> met (fixed true; the clash search assumes it)
    served: list[Var]  # one per person who asked: has a meeting
    gaps: cp_model.LinearExprT  # the idle gaps, exactly
    large: bool  # above LARGE_BOOLEANS: gaps as runs minus days, no core search
    busy: dict[tuple[int, int], Var]  # (person, slot) -> meets then; none when large
    starts: dict[int, list[Var]]  # person -> their gap starts; none when large


def build(g: RequestGraph, *, assumed: bool = False) -> Model:
    """The model, the required rule still to be made hard (``solve_general``) or asked
    through assumptions (``assumed``, the clash search: without the distinct slots, whose
    integers would be free, not unmet, when an assumption is left out)."""
    problem = g.problem
    model = cp_model.CpModel()
    x: dict[tuple[int, int], Var] = {}
    interp: dict[tuple[int, int], list[tuple[int, Var]]] = {}
    of: dict[tuple[int, int], list[Var]] = defaultdict(list)  # (person, slot)
    per_slot: dict[int, list[Var]] = defaultdict(list)
    per_interp: dict[tuple[int, int], list[Var]] = defaultdict(list)
    load: dict[int, list[Var]] = defaultdict(list)
    of_request: dict[int, list[Var]] = defaultdict(list)
    for r in np.flatnonzero(g.valid).tolist():
        a, b, c = int(g.buyer[r]), int(g.exhibitor[r]), int(g.lang_class[r])
        for t in np.flatnonzero(g.pair_slots(r) & (g.tables > 0)).tolist():
            able: list[int] = []
            if c >= 0:
                cand = g.class_interpreters[c]
                able = cand[g.interp_avail[cand, t]].tolist()
                if not able:
                    continue
            v = model.new_bool_var(f"x{r}_{t}")
            x[r, t] = v
            for p in (a, b):
                of[p, t].append(v)
                load[p].append(v)
            per_slot[t].append(v)
            of_request[r].append(v)
            if able:
                ys = [(i, model.new_bool_var(f"y{r}_{t}_{i}")) for i in able]
                model.add(sum(y for _, y in ys) == v)
                interp[r, t] = ys
                for i, y in ys:
                    per_interp[i, t].append(y)
    need: dict[int, Var] = {}
    for r, vs in of_request.items():
        model.add_at_most_one(vs)
        if problem.requests[r].required:
            need[r] = model.new_bool_var(f"need{r}")
            model.add(sum(vs) == 1).only_enforce_if(need[r])
    for vs in [*of.values(), *per_interp.values()]:
        model.add_at_most_one(vs)
    for t, vs in per_slot.items():
        if len(vs) > g.tables[t]:
            model.add(sum(vs) <= int(g.tables[t]))
    for p, vs in load.items():
        if len(vs) > g.cap[p]:
            model.add(sum(vs) <= int(g.cap[p]))
    add_order(model, g, x)
    slots_of = slots_by_request(x)
    if not assumed:
        distinct_slots(model, g, x, slots_of, need)
    large = len(x) > LARGE_BOOLEANS
    gaps, busy, starts = idle_model.idle_gaps(model, g, of, slots_of, need, large=large)
    served = _served(model, g, of_request)
    return Model(model, x, interp, need, served, gaps, large, busy, starts)


def distinct_slots(
    model: cp_model.CpModel,
    g: RequestGraph,
    x: dict[tuple[int, int], Var],
    slots_of: dict[int, list[int]],
    need: dict[int, Var],
) -> None:
    """Redundant: each person's required meetings take distinct slots, as an all-different
    over one integer per meeting, its slot's rank. The at-most-one per person and slot says
    the same, but clause learning cannot count (n + 1 meetings into n slots is the pigeonhole,
    whose proofs by clauses are exponential); the all-different reasons over intervals of
    slots, which is what a person's block of meetings is. With it paper-4 was proven at 11
    gaps in 2.7 s (132 s and more without), paper-1 in 2.6 s (25 s). The integer equals the
    rank only while the meeting is required (``need``, made hard before any search); an
    unmet request given a value of its own instead kept paper-4 open."""
    slot_of: dict[int, Var] = {}
    for r, ts in slots_of.items():
        if r not in need:
            continue
        ranks = [int(g.rank[t]) for t in ts]
        v = model.new_int_var_from_domain(cp_model.Domain.from_values(ranks), f"s{r}")
        met = cp_model.LinearExpr.weighted_sum([x[r, t] for t in ts], ranks)
        model.add(v == met).only_enforce_if(need[r])
        slot_of[r] = v
    mine: dict[int, list[Var]] = defaultdict(list)
    for r, v in slot_of.items():
        mine[int(g.buyer[r])].append(v)
        mine[int(g.exhibitor[r])].append(v)
    for vs in mine.values():
        if len(vs) > 1:
            model.add_all_different(vs)


def slots_by_request(x: dict[tuple[int, int], Var]) -> dict[int, list[int]]:
    """The slots each request may take: those it has a Boolean for."""
    slots_of: dict[int, list[int]] = defaultdict(list)
    for r, t in x:
        slots_of[r].append(t)
    return slots_of


def add_order(model: cp_model.CpModel, g: RequestGraph, x: dict[tuple[int, int], Var]) -> None:
    """``after``: a request met in slot t has each earlier one met in a slot before t (the
    benchmark's plain model shares this rule)."""
    problem = g.problem
    index = problem.request_index
    slots_of = slots_by_request(x)
    for r, request in enumerate(problem.requests):
        for earlier in request.after:
            q = index[earlier]
            for t in slots_of.get(r, []):
                before = [x[q, s] for s in slots_of.get(q, []) if g.rank[s] < g.rank[t]]
                if before:
                    model.add_bool_or(before).only_enforce_if(x[r, t])
                else:
                    model.add(x[r, t] == 0)


def _served(
    model: cp_model.CpModel, g: RequestGraph, of_request: dict[int, list[Var]]
) -> list[Var]:
    """One Boolean per person who asked and may meet: true only if they have some meeting,
    whichever request it comes from (an exhibitor who asked through a pair is served by a
    buyer's request too)."""
    problem = g.problem
    index = problem.participant_index
    asked = {index[p] for r in problem.requests for p in r.requesters if p in index}
    mine: dict[int, list[Var]] = defaultdict(list)
    for r, vs in of_request.items():
        for p in (int(g.buyer[r]), int(g.exhibitor[r])):
            if p in asked:
                mine[p] += vs
    served = []
    for p, vs in sorted(mine.items()):
        z = model.new_bool_var(f"served{p}")
        model.add_bool_or(vs).only_enforce_if(z)
        served.append(z)
    return served
