"""Proven upper bounds on what any schedule can achieve (proofs in docs/algorithms/scheduling.md).

Every schedule's meetings form a b-matching on the request graph: each buyer and exhibitor
within its capacity, each request at most once, and no more meetings than there are usable
tables. Dropping the time dimension leaves a flow problem whose optimum is an upper bound;
with interpreters, the relaxation's linear programme also shares the interpreters' slots among
the language classes (``interpreter_lp.bound``), certified by weak duality.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from tradefair.engine.schedule import interpreter_lp
from tradefair.engine.schedule.graph import IntArray, RequestGraph, request_graph
from tradefair.engine.schedule.problem import Problem


@dataclass(frozen=True)
class Bounds:
    count: int  # meetings
    priority: int  # total priority of the meetings
    min_buyers_without_meeting: int
    buyers_requesting: int


def slot_caps(graph: RequestGraph) -> IntArray:
    """Meetings possible per slot: tables, and distinct available buyers and exhibitors."""
    valid = graph.valid
    n_p = graph.n_participants
    used = np.zeros(n_p, dtype=bool)
    used[graph.buyer[valid]] = True
    used[graph.exhibitor[valid]] = True
    present = graph.avail & used[:, None]
    buyers = present[graph.is_buyer].sum(axis=0)
    exhibitors = present[~graph.is_buyer].sum(axis=0)
    return np.minimum(graph.tables, np.minimum(buyers, exhibitors)).astype(np.int64)


def upper_bounds(problem: Problem, graph: RequestGraph | None = None) -> Bounds:
    """Bounds on the meeting count, the total priority and the buyers left without a meeting."""
    g = graph if graph is not None else request_graph(problem)
    requesting = g.buyers_requesting()
    r = np.flatnonzero(g.valid)
    total = int(slot_caps(g).sum())
    if r.size == 0 or total == 0:
        return Bounds(0, 0, requesting, requesting)
    ones = np.ones(r.size, dtype=np.int64)
    cap_one = np.where(g.is_buyer, np.minimum(g.cap, 1), g.cap)
    jobs = [
        (ones, g.cap, -1),
        (np.maximum(g.priority[r], 0), g.cap, -1),
        (ones, cap_one, _plain_cover(g, r, cap_one, total)),
    ]
    # HiGHS leaves the interpreter lock while it solves, so the three programmes share the
    # cores (the reference fair with interpreters: 8.2 s one after another, 5.6-6.2 s side by
    # side, same bounds).
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        count, prio, covered = pool.map(
            lambda job: _bound(g, r, job[0], job[1], total, lower=job[2]), jobs
        )
    return Bounds(count, prio, requesting - covered, requesting)


def best_flow(
    g: RequestGraph, r: IntArray, weight: IntArray, cap: IntArray, total: int
) -> tuple[int, IntArray]:
    """Heaviest b-matching over requests ``r`` (as a flow) and how much of each it uses.

    Network: source→buyer (cap)→exhibitor (one arc per request, cost -weight)→collector
    (exhibitor cap)→sink (``total`` tables); a source→sink bypass lets the flow be of any size,
    so the minimum cost is minus the heaviest b-matching. Bipartite, hence integral.
    """
    x = np.zeros(r.size, dtype=np.int64)
    use = np.flatnonzero(weight > 0)
    if use.size == 0 or total <= 0:
        return 0, x
    rr = r[use]
    n_p = g.n_participants
    src, col, snk = n_p, n_p + 1, n_p + 2
    buyers = np.unique(g.buyer[rr])
    exhibitors = np.unique(g.exhibitor[rr])
    supply = int(min(total, cap[buyers].sum(), cap[exhibitors].sum(), rr.size))
    tails = np.concatenate([np.full(buyers.size, src), g.buyer[rr], exhibitors, [col, src]])
    heads = np.concatenate([buyers, g.exhibitor[rr], np.full(exhibitors.size, col), [snk, snk]])
    caps = np.concatenate(
        [cap[buyers], np.ones(rr.size, np.int64), cap[exhibitors], [total, supply]]
    )
    costs = np.concatenate(
        [np.zeros(buyers.size, np.int64), -weight[use], np.zeros(exhibitors.size + 2, np.int64)]
    )
    mcf = min_cost_flow.SimpleMinCostFlow()
    arcs = mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    mcf.set_node_supply(src, supply)
    mcf.set_node_supply(snk, -supply)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"min cost flow failed: {status}")
    x[use] = mcf.flows(arcs[buyers.size : buyers.size + rr.size])
    return int(-mcf.optimal_cost()), x


def _plain_cover(g: RequestGraph, r: IntArray, cap_one: IntArray, total: int) -> int:
    """Buyers coverable without any interpreter: when the bound meets it, it is exact."""
    plain = r[g.lang_class[r] < 0]
    return best_flow(g, plain, np.ones(plain.size, np.int64), cap_one, total)[0]


def _bound(
    g: RequestGraph, r: IntArray, weight: IntArray, cap: IntArray, total: int, lower: int = -1
) -> int:
    """The flow bound, and with interpreters the tighter bound of ``interpreter_lp.bound``."""
    value, _ = best_flow(g, r, weight, cap, total)
    if not (g.lang_class[r] >= 0).any() or value <= lower:
        return value
    return min(value, interpreter_lp.bound(g, r, weight, cap, total))
