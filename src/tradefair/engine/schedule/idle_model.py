"""The general model's idle gaps in CP-SAT (docs/algorithms/scheduling.md, "General events").

A person's busy Boolean in a slot is the *sum* of their meeting Booleans there (at most one
is true), so the linear relaxation sees it exactly. Gaps are counted as gap starts on events
of the literature's size (a plain sum of Booleans, for core search) or as runs minus days
attended on large ones. Two redundant families let the search prove what it finds: a slot
holds at most two people per table, and a person-day whose number of meetings is fixed has,
when it has no gap, one contiguous block of that length, a Boolean per place it may start.
Without them CP-SAT's bound stalled a third to a half below the optimum on such events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from tradefair.engine.schedule.graph import RequestGraph

Var = cp_model.IntVar
Cell = tuple[int, int]  # (person, slot)


def idle_gaps(
    model: cp_model.CpModel,
    g: RequestGraph,
    of: Mapping[Cell, list[Var]],
    slots_of: Mapping[int, Sequence[int]],
    need: Mapping[int, Var],
    *,
    large: bool,
) -> tuple[cp_model.LinearExprT, dict[Cell, Var], dict[int, list[Var]]]:
    """The idle gaps, exact, with the spread rule on each person's, the busy Booleans and
    each person's gap starts (none of either on large events); ``of`` holds each (person,
    slot)'s meeting Booleans, ``slots_of`` each request's slots, ``need`` the literals of the
    required requests. ``large``: runs minus days, without the redundant families (lighter;
    there the minute goes to finding schedules)."""
    busy: dict[Cell, Var] = {}
    mine: dict[int, list[Var]] = defaultdict(list)
    if large:
        total, per_person = runs(model, g, of)
    else:
        busy = busy_literals(model, of)
        starts = gap_starts(model, g, busy)
        people_per_slot(model, g, busy)
        blocks(model, g, busy, starts, slots_of, need)
        for (p, _), vs in starts.items():
            mine[p] += vs
        per_person = {p: cp_model.LinearExpr.sum(vs) for p, vs in mine.items()}
        total = cp_model.LinearExpr.sum(list(per_person.values()))
    spread(model, g, per_person)
    return total, busy, dict(mine)


def busy_literals(model: cp_model.CpModel, of: Mapping[Cell, list[Var]]) -> dict[Cell, Var]:
    """Each person's Boolean per slot: their meeting Booleans there summed (at most one is
    true), so the relaxation reads it exactly, unlike a disjunction."""
    busy: dict[Cell, Var] = {}
    for (p, t), vs in of.items():
        if len(vs) == 1:
            busy[p, t] = vs[0]
        else:
            b = model.new_bool_var(f"b{p}_{t}")
            model.add(b == cp_model.LinearExpr.sum(vs))
            busy[p, t] = b
    return busy


def gap_starts(
    model: cp_model.CpModel, g: RequestGraph, busy: Mapping[Cell, Var]
) -> dict[tuple[int, int], list[Var]]:
    """Gap-start Booleans per (person, day): p met in the day's previous slot, is free in
    this one, and meets later that day. Exact both ways, so the spread can read the counts."""
    out: dict[tuple[int, int], list[Var]] = {}
    days = g.days()
    for p in sorted({p for p, _ in busy}):
        for d, slots in enumerate(days):
            mine = {t: busy[p, t] for t in slots if (p, t) in busy}
            if len(mine) < 2:
                continue
            later: dict[int, Var | None] = {}
            acc: Var | None = None
            for t in reversed(slots):
                later[t] = acc
                if t in mine:
                    acc = mine[t] if acc is None else _or(model, [mine[t], acc], f"l{p}_{t}")
            starts: list[Var] = []
            before: Var | None = None  # busy in the previous slot of the day
            for t in slots:
                rest = later[t]
                if before is not None and rest is not None:
                    here = [before, rest] + ([mine[t].Not()] if t in mine else [])
                    gap = model.new_bool_var(f"g{p}_{t}")
                    model.add_bool_and(here).only_enforce_if(gap)
                    model.add_bool_or([lit.Not() for lit in here] + [gap])
                    starts.append(gap)
                before = mine.get(t)
            if starts:
                out[p, d] = starts
    return out


def people_per_slot(model: cp_model.CpModel, g: RequestGraph, busy: Mapping[Cell, Var]) -> None:
    """Redundant: a slot's tables seat two people each. The tables' own rule says the same
    of the meeting Booleans; said of the busy ones it meets the blocks below directly."""
    per_slot: dict[int, list[Var]] = defaultdict(list)
    for (_, t), b in busy.items():
        per_slot[t].append(b)
    for t, bs in per_slot.items():
        if len(bs) > 2 * int(g.tables[t]):
            model.add(cp_model.LinearExpr.sum(bs) <= 2 * int(g.tables[t]))


def blocks(
    model: cp_model.CpModel,
    g: RequestGraph,
    busy: Mapping[Cell, Var],
    gaps: Mapping[tuple[int, int], list[Var]],
    slots_of: Mapping[int, Sequence[int]],
    need: Mapping[int, Var],
) -> None:
    """Redundant: a person-day with a fixed number n of meetings (each of them required and
    allowed only slots of that day) and no gap is busy in exactly n consecutive slots of the
    day. One Boolean per first slot such a block may take (p free to meet in all n); if
    there is none, the person-day must have a gap. Enforced only while those meetings are
    required (the assumption literals of the clash search), as the count rests on them."""
    days = g.days()
    day_of = {t: d for d, slots in enumerate(days) for t in slots}
    fixed: dict[tuple[int, int], list[int]] = defaultdict(list)  # (person, day) -> requests
    loose: set[tuple[int, int]] = set()
    for r, ts in slots_of.items():
        on = {day_of[t] for t in ts}
        for p in (int(g.buyer[r]), int(g.exhibitor[r])):
            if r in need and len(on) == 1:
                fixed[p, next(iter(on))].append(r)
            else:
                loose |= {(p, d) for d in on}
    for (p, d), requests in sorted(fixed.items()):
        n = len(requests)
        if (p, d) in loose or (p, d) not in gaps or n < 2:
            continue
        slots = days[d]
        if_met = [need[r] for r in requests]
        has_gap = model.new_bool_var(f"h{p}_{d}")
        model.add_max_equality(has_gap, gaps[p, d])
        first = {
            k: model.new_bool_var(f"block{p}_{slots[k]}")
            for k in range(len(slots) - n + 1)
            if all((p, t) in busy for t in slots[k : k + n])
        }
        model.add(cp_model.LinearExpr.sum(list(first.values())) + has_gap == 1).only_enforce_if(
            if_met
        )
        for i, t in enumerate(slots):
            if (p, t) not in busy:
                continue
            cover = [v for k, v in first.items() if k <= i < k + n]
            if cover:
                model.add(busy[p, t] >= cp_model.LinearExpr.sum(cover))
            model.add(busy[p, t] <= cp_model.LinearExpr.sum(cover) + has_gap).only_enforce_if(
                if_met
            )


def runs(
    model: cp_model.CpModel, g: RequestGraph, of: Mapping[Cell, list[Var]]
) -> tuple[cp_model.LinearExprT, dict[int, cp_model.LinearExprT]]:
    """Gaps as runs of meetings minus days attended: per person and day, a run-start
    Boolean where p meets and did not meet in the day's previous slot, and an attends Boolean.
    busy(p, t) is the linear sum of p's Booleans in t (at most one is true)."""
    days = g.days()
    per_person: dict[int, cp_model.LinearExprT] = {}
    for p in sorted({p for p, _ in of}):
        mine_s: list[Var] = []
        mine_a: list[Var] = []
        for slots in days:
            busy = {t: cp_model.LinearExpr.sum(of[p, t]) for t in slots if of.get((p, t))}
            if len(busy) < 2:
                continue
            attend = model.new_bool_var(f"a{p}_{slots[0]}")
            model.add(attend <= cp_model.LinearExpr.sum(list(busy.values())))
            prev: cp_model.LinearExpr | None = None
            for t in slots:
                b = busy.get(t)
                if b is None:
                    prev = None
                    continue
                model.add(attend >= b)
                s = model.new_bool_var(f"s{p}_{t}")
                model.add(s <= b)
                if prev is None:
                    model.add(s >= b)
                else:
                    model.add(s >= b - prev)
                    model.add(s <= 1 - prev)
                mine_s.append(s)
                prev = b
            mine_a.append(attend)
        per_person[p] = cp_model.LinearExpr.sum(mine_s) - cp_model.LinearExpr.sum(mine_a)
    return cp_model.LinearExpr.sum(list(per_person.values())), per_person


def spread(
    model: cp_model.CpModel, g: RequestGraph, per_person: Mapping[int, cp_model.LinearExprT]
) -> None:
    """Everyone's gaps within ``max_gap_spread`` of the fewest anyone has."""
    limit = g.problem.max_gap_spread
    if limit is None or not per_person:
        return
    fewest = model.new_int_var(0, g.n_slots, "fewest_gaps")
    if len(per_person) < g.n_participants:
        model.add(fewest == 0)  # someone can have no gap at all
    for total in per_person.values():
        model.add(fewest <= total)
        model.add(total <= fewest + limit)


def _or(model: cp_model.CpModel, literals: Sequence[Var], name: str) -> Var:
    """A Boolean equal to the disjunction of ``literals``."""
    v = model.new_bool_var(name)
    model.add_max_equality(v, literals)
    return v
