"""The lexicographic optimum by CP-SAT, for small problems and as the yardstick in tests.

One Boolean per (request, slot) where both sides can attend, and per (language class, slot,
interpreter) where meetings need an interpreter. Four solves, each with the optimum of the ones
before fixed and their solution as a hint: the most buyers with a meeting, the largest total
priority, the fewest idle gaps, the fewest days attended (beyond each participant's first).
Meetings already on the board (kept from a previous solution) are fixed and only constrain
the rest.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np
from ortools.sat.python import cp_model

from tradefair.engine.schedule import hints
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import RequestGraph

# Share of the time limit each solve may take. Proving the fewest gaps can take minutes even
# at 100 participants, so (c) and (d) get what is left of a short allowance, proven or not.
SHARES = (0.4, 0.4, 0.15, 0.05)
# CP-SAT's portfolio of eight search strategies, interleaved on the machine's two cores. With
# interpreters, two workers' portfolio (and one worker) left the priority optimum unproven
# on some small fairs after 25 s where eight prove it in about 5 s (docs/benchmarks.md).
WORKERS = 8


def solve_exact(board: Board, *, time_limit: float = 30.0, workers: int = WORKERS) -> bool:
    """Fill ``board`` with the lexicographic optimum around what it holds; True if the first
    two objectives (buyers served, priority) are proven optimal."""
    g = board.graph
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    per_person: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    load: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    of_request: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    of_class: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)  # (class, slot)
    for r in np.flatnonzero(g.valid & (board.slot < 0)).tolist():
        b, e = int(g.buyer[r]), int(g.exhibitor[r])
        free = g.pair_slots(r) & ~board.busy[b] & ~board.busy[e] & (board.used < g.tables)
        c = int(g.lang_class[r])
        for t in np.flatnonzero(free).tolist():
            if c >= 0 and not _able(g, board, c, t):
                continue
            v = model.new_bool_var(f"x{r}_{t}")
            x[r, t] = v
            per_person[b, t].append(v)
            per_person[e, t].append(v)
            per_slot[t].append(v)
            load[b].append(v)
            load[e].append(v)
            of_request[r].append(v)
            if c >= 0:
                of_class[c, t].append(v)
    for vs in of_request.values():
        model.add_at_most_one(vs)
    for vs in per_person.values():
        model.add_at_most_one(vs)
    staff = _staff(model, g, board, of_class)
    for t, vs in per_slot.items():
        model.add(sum(vs) <= int(g.tables[t] - board.used[t]))
    for p, vs in load.items():
        model.add(sum(vs) <= int(g.cap[p] - board.load[p]))

    met = np.zeros(g.n_participants, dtype=bool)
    met[g.buyer[board.slot >= 0]] = True
    of_buyer: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for (r, _), v in x.items():
        if not met[g.buyer[r]]:
            of_buyer[int(g.buyer[r])].append(v)
    covered = []
    for b, vs in of_buyer.items():
        z = model.new_bool_var(f"z{b}")
        model.add(sum(vs) >= z)
        covered.append(z)

    gaps, days = _gaps_and_days(model, g, board, x)
    objectives = [
        (cp_model.LinearExpr.sum(covered), True),
        (
            cp_model.LinearExpr.weighted_sum(list(x.values()), [int(g.priority[r]) for r, _ in x]),
            True,
        ),
        (gaps, False),
        (days, False),
    ]
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    proven = True
    found: list[tuple[int, int]] | None = None
    hired: dict[tuple[int, int], list[int]] = {}
    deadline = time.monotonic() + time_limit
    for k, ((objective, most), share) in enumerate(zip(objectives, SHARES, strict=True)):
        # Time a stage leaves unused goes to the next ones, in their proportions.
        left = max(0.1, deadline - time.monotonic())
        solver.parameters.max_time_in_seconds = left * share / sum(SHARES[k:])
        if most:
            model.maximize(objective)
        else:
            model.minimize(objective)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven = proven and k >= 2
            break  # keep the last solution found
        proven = proven and (status == cp_model.OPTIMAL or k >= 2)
        best = round(solver.objective_value)
        model.add(objective >= best if most else objective <= best)
        hints.hint_all(model, solver.response_proto.solution)  # the next stage starts here
        found = [(r, t) for (r, t), v in x.items() if solver.boolean_value(v)]
        hired = {key: [i for i, z in zs if solver.boolean_value(z)] for key, zs in staff.items()}
    if found is None:
        return False
    for r, t in found:
        c = int(g.lang_class[r])
        board.place(r, t, hired[c, t].pop() if c >= 0 else -1)
    return proven


def _able(g: RequestGraph, board: Board, c: int, t: int) -> list[int]:
    """Interpreters of language class ``c`` available and not yet booked in slot ``t``."""
    cand = g.class_interpreters[c]
    return list(cand[g.interp_avail[cand, t] & ~board.ibusy[cand, t]].tolist())


def _staff(
    model: cp_model.CpModel,
    g: RequestGraph,
    board: Board,
    of_class: dict[tuple[int, int], list[cp_model.IntVar]],
) -> dict[tuple[int, int], list[tuple[int, cp_model.IntVar]]]:
    """Interpreters per language class and slot, not per meeting: the meetings of one class
    in one slot need as many of its interpreters as there are, each interpreter in one
    meeting a slot. Meetings of a class are interchangeable for its interpreters, so this
    has the same solutions as a Boolean per (meeting, interpreter), without the symmetry
    that kept CP-SAT from proving the priority optimum (a transportation problem per slot)."""
    hire: dict[tuple[int, int], list[tuple[int, cp_model.IntVar]]] = {}
    per_interp: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (c, t), meetings in of_class.items():
        zs = [(i, model.new_bool_var(f"z{c}_{t}_{i}")) for i in _able(g, board, c, t)]
        model.add(sum(z for _, z in zs) == sum(meetings))
        hire[c, t] = zs
        for i, z in zs:
            per_interp[i, t].append(z)
    for booked in per_interp.values():
        model.add_at_most_one(booked)
    return hire


def _gaps_and_days(
    model: cp_model.CpModel,
    g: RequestGraph,
    board: Board,
    x: dict[tuple[int, int], cp_model.IntVar],
) -> tuple[cp_model.LinearExprT, cp_model.LinearExprT]:
    """Idle gaps and days attended beyond the first, of everyone who may get a meeting.

    busy(p, s) is a kept meeting (1) or the sum of p's Booleans in s; a run starts where p is
    busy and was not in the day's previous slot; attended(p, d) is busy in some slot of d, and
    met(p) attended some day (or holds a kept meeting). Gaps are runs minus days attended:
    exact at the optimum, as starts are only bounded below and attended is pinned both ways.
    Days count beyond each participant's first (attended minus met), which orders schedules
    of the same meetings as ``metrics.days_attended`` does, but, unlike the plain sum, never
    prefers meetings of fewer people when objectives (a) to (c) tie.
    """
    of: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (r, t), v in x.items():
        of[int(g.buyer[r]), t].append(v)
        of[int(g.exhibitor[r]), t].append(v)
    people = sorted({p for p, _ in of})
    days_of_event = g.days()
    runs: list[cp_model.IntVar] = []
    attended: list[cp_model.IntVar] = []
    met: list[cp_model.IntVar] = []
    for p in people:
        days: list[cp_model.IntVar] = []
        for slots in days_of_event:
            free = [of.get((p, t), []) for t in slots]
            if not any(free):
                continue  # nothing to decide for p that day: its figures are constants
            kept = [int(board.busy[p, t]) for t in slots]
            busy = [cp_model.LinearExpr.sum(vs) + k for vs, k in zip(free, kept, strict=True)]
            a = model.new_bool_var(f"a{p}_{slots[0]}")
            for vs, k in zip(free, kept, strict=True):
                model.add(a >= k)
                for v in vs:
                    model.add(a >= v)
            model.add(a <= cp_model.LinearExpr.sum(busy))
            days.append(a)
            starts: list[cp_model.LinearExprT] = []
            for i in range(len(slots)):
                if not free[i] and not (kept[i] and i and free[i - 1]):
                    # A run cannot start here, or starts here whatever is decided.
                    starts.append(int(kept[i] and not (i and kept[i - 1])))
                    continue
                s = model.new_bool_var(f"s{p}_{slots[i]}")
                model.add(s >= busy[i] - (busy[i - 1] if i else 0))
                runs.append(s)
                starts.append(s)
            model.add(cp_model.LinearExpr.sum(starts) >= a)  # no day has fewer than 0 gaps
        attended += days
        if not board.busy[p].any():  # with a kept meeting p comes anyway: a constant
            m = model.new_bool_var(f"m{p}")
            for a in days:
                model.add(m >= a)
            model.add(m <= cp_model.LinearExpr.sum(days))
            met.append(m)
    total = cp_model.LinearExpr.sum(attended)
    return cp_model.LinearExpr.sum(runs) - total, total - cp_model.LinearExpr.sum(met)
