"""The lexicographic optimum by CP-SAT, for small problems and as the yardstick in tests.

One Boolean per (request, slot) where both sides can attend, and per (request, slot,
interpreter) where an interpreter is needed. Two solves: first the most buyers with a
meeting, then, with that number fixed, the largest total priority. Meetings already on the
board (kept from a previous solution) are fixed and only constrain the rest.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from ortools.sat.python import cp_model

from tradefair.engine.schedule.board import Board


def solve_exact(board: Board, *, time_limit: float = 30.0, workers: int = 2) -> bool:
    """Fill ``board`` with the lexicographic optimum around what it holds; True if proven."""
    g = board.graph
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    per_person: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_interp: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    load: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    of_request: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    chosen_interp: dict[tuple[int, int], list[tuple[int, cp_model.IntVar]]] = {}
    for r in np.flatnonzero(g.valid & (board.slot < 0)).tolist():
        b, e = int(g.buyer[r]), int(g.exhibitor[r])
        free = g.pair_slots(r) & ~board.busy[b] & ~board.busy[e] & (board.used < g.tables)
        c = int(g.lang_class[r])
        for t in np.flatnonzero(free).tolist():
            able: list[int] = []
            if c >= 0:
                cand = g.class_interpreters[c]
                able = cand[g.interp_avail[cand, t] & ~board.ibusy[cand, t]].tolist()
                if not able:
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
                ys = [(i, model.new_bool_var(f"y{r}_{t}_{i}")) for i in able]
                model.add(sum(y for _, y in ys) == v)
                chosen_interp[r, t] = ys
                for i, y in ys:
                    per_interp[i, t].append(y)
    for vs in of_request.values():
        model.add_at_most_one(vs)
    for vs in [*per_person.values(), *per_interp.values()]:
        model.add_at_most_one(vs)
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

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = time_limit / 2
    model.maximize(sum(covered))
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False
    proven = status == cp_model.OPTIMAL
    model.add(sum(covered) >= round(solver.objective_value))
    model.clear_hints()
    for v in x.values():
        model.add_hint(v, solver.boolean_value(v))
    model.maximize(sum(int(g.priority[r]) * v for (r, _), v in x.items()))
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False
    proven = proven and status == cp_model.OPTIMAL
    for (r, t), v in x.items():
        if solver.boolean_value(v):
            i = -1
            for j, y in chosen_interp.get((r, t), []):
                if solver.boolean_value(y):
                    i = j
            board.place(r, t, i)
    return proven
