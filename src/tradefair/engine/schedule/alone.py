"""A proven lower bound on the idle gaps of large general events: each person alone
(docs/algorithms/scheduling.md, "Large events' bound").

On events of ten times the literature's size core search is not run and CP-SAT's bound on
the whole model stays at 0. Some gaps are forced by a person's own meetings, though: their
windows, fixed slots, forbidden slots and order can leave no run of consecutive slots that
holds them all. The fewest gaps a person can have with only their own meetings (every other
rule dropped) is a tiny model, and the fewest of a sum is at least the sum of the fewest, so
adding them up over everyone is a valid bound. Groups of a busy person and their busiest
partners solved together added almost nothing (10x-14: 37 in groups of four, 35 in groups
of ten, 34 alone), since what else makes gaps is the tables, which only the whole model sees.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

from ortools.sat.python import cp_model

from tradefair.engine.schedule.general_model import distinct_slots, slots_by_request
from tradefair.engine.schedule.graph import RequestGraph
from tradefair.engine.schedule.idle_model import blocks, busy_literals, gap_starts

Var = cp_model.IntVar
PERSON_SECONDS = 0.25  # one person's model: 15 ms for most, a few run out (10x-13: 3 of 180)


def bound(
    g: RequestGraph, x: Mapping[tuple[int, int], Var], deadline: float, *, threads: int = 1
) -> int:
    """The sum over people of the fewest idle gaps each can have with only their own
    meetings (the request and slot pairs of ``x``), the people solved before ``deadline``
    only (each adds at least 0, so the sum of some is still a bound)."""
    slots_of = slots_by_request(dict(x))
    mine: dict[int, list[int]] = defaultdict(list)
    for r in slots_of:
        mine[int(g.buyer[r])].append(r)
        mine[int(g.exhibitor[r])].append(r)
    people = [(p, rs) for p, rs in sorted(mine.items()) if not _gap_free(g, rs, slots_of)]

    def one(person: tuple[int, list[int]]) -> int:
        left = deadline - time.monotonic()
        if left <= 0:
            return 0
        return fewest(g, person[0], person[1], slots_of, min(PERSON_SECONDS, left))

    with ThreadPoolExecutor(max_workers=threads) as pool:  # CP-SAT lets go of the GIL
        return sum(pool.map(one, people))


def fewest(
    g: RequestGraph,
    p: int,
    requests: list[int],
    slots_of: Mapping[int, list[int]],
    seconds: float,
) -> int:
    """The fewest gaps person ``p`` can have with only ``requests`` (theirs), or a proven
    bound on them when ``seconds`` run out; 0 when nothing is proven."""
    problem = g.problem
    model = cp_model.CpModel()
    x = {(r, t): model.new_bool_var(f"x{r}_{t}") for r in requests for t in _slots(g, r, slots_of)}
    of: dict[tuple[int, int], list[Var]] = defaultdict(list)
    met: dict[int, list[Var]] = defaultdict(list)
    for (r, t), v in x.items():
        of[p, t].append(v)
        met[r].append(v)
    need: dict[int, Var] = {}
    for r in requests:
        model.add_at_most_one(met[r])
        if problem.requests[r].required:
            need[r] = model.new_constant(1)
            model.add(cp_model.LinearExpr.sum(met[r]) == 1)  # none: no schedule, no bound
    for vs in of.values():
        model.add_at_most_one(vs)
    model.add(cp_model.LinearExpr.sum(list(x.values())) <= int(g.cap[p]))
    own_slots = slots_by_request(x)
    index = problem.request_index
    for (r, t), v in x.items():
        for name in problem.requests[r].after:
            q = index[name]
            if q in requests:
                before = [x[q, s] for s in own_slots.get(q, []) if g.rank[s] < g.rank[t]]
                model.add_bool_or(before).only_enforce_if(v)
    # The main model's redundant rules: without them CP-SAT left someone with 18 meetings
    # in 20 slots at a bound of 0 after 10 s, with them it proves their 1 gap at once.
    distinct_slots(model, g, x, own_slots, need)
    busy = busy_literals(model, of)
    starts = gap_starts(model, g, busy)
    blocks(model, g, busy, starts, own_slots, need)
    model.minimize(cp_model.LinearExpr.sum([v for vs in starts.values() for v in vs]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    if status == cp_model.FEASIBLE:
        return max(0, math.ceil(solver.best_objective_bound - 1e-6))
    return 0


def _gap_free(g: RequestGraph, requests: list[int], slots_of: Mapping[int, list[int]]) -> bool:
    """Whether the person's required meetings surely fit one run of consecutive slots of a
    day (their other meetings left unmet), so they alone need no gap: a matching of the
    meetings into the run's slots, for some run. Their order among themselves is the tiny
    model's to check (False)."""
    problem = g.problem
    required = [r for r in requests if problem.requests[r].required]
    mine = {problem.requests[r].id for r in requests}
    if len(required) < 2:
        return True
    if any(name in mine for r in requests for name in problem.requests[r].after):
        return False
    n = len(required)
    allowed = [set(_slots(g, r, slots_of)) for r in required]
    for day in g.days():
        for k in range(len(day) - n + 1):
            if _matches(allowed, day[k : k + n]):
                return True
    return False


def _matches(allowed: list[set[int]], run: list[int]) -> bool:
    """Whether each meeting gets its own slot of ``run`` among those it is ``allowed``
    (augmenting paths; a person has at most a day's slots of meetings)."""
    taken: dict[int, int] = {}  # slot -> meeting

    def place(i: int, seen: set[int]) -> bool:
        for t in run:
            if t in allowed[i] and t not in seen:
                seen.add(t)
                if t not in taken or place(taken[t], seen):
                    taken[t] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(allowed)))


def _slots(g: RequestGraph, r: int, slots_of: Mapping[int, list[int]]) -> list[int]:
    """The slots request ``r`` may take once the order allows it: after the first slot any
    of its earlier requests may take, whoever's meetings those are."""
    problem = g.problem
    index = problem.request_index
    earliest = -math.inf
    for name in problem.requests[r].after:
        ranks = [float(g.rank[s]) for s in slots_of.get(index[name], [])]
        earliest = max(earliest, min(ranks, default=math.inf))
    return [t for t in slots_of.get(r, []) if g.rank[t] > earliest]
