"""Proven upper bounds on what any schedule can achieve (proofs in docs/algorithms/scheduling.md).

Every schedule's meetings form a b-matching on the request graph: each buyer and exhibitor
within its capacity, each request at most once, and no more meetings than there are usable
tables. Dropping the time dimension leaves a flow problem whose optimum is an upper bound;
with interpreters, the relaxation also caps each language class by its interpreters' slots,
and Lagrangian multipliers on those caps tighten the flow bound (weak duality keeps it valid).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

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
    count = _bound(g, r, ones, g.cap, total)
    prio = _bound(g, r, np.maximum(g.priority[r], 0), g.cap, total)
    covered = _bound(g, r, ones, cap_one, total, lower=_plain_cover(g, r, cap_one, total))
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


SCALE = 1000  # multipliers are kept in thousandths so every flow stays integral
ROUNDS = 8


def _plain_cover(g: RequestGraph, r: IntArray, cap_one: IntArray, total: int) -> int:
    """Buyers coverable without any interpreter: when the bound meets it, it is exact."""
    plain = r[g.lang_class[r] < 0]
    return best_flow(g, plain, np.ones(plain.size, np.int64), cap_one, total)[0]


def _bound(
    g: RequestGraph, r: IntArray, weight: IntArray, cap: IntArray, total: int, lower: int = -1
) -> int:
    """The flow bound, tightened by Lagrangian multipliers on the interpreter capacities.

    For multipliers λ ≥ 0 on the rows "meetings of class c ≤ slots of c's interpreters" (and
    one row for all interpreted meetings), max over flows of Σ(w - λ)x + Σλ·cap is an upper
    bound for every λ (weak duality); a few subgradient steps pick good ones.
    """
    cls = g.lang_class[r]
    value, x = best_flow(g, r, weight, cap, total)
    interpreted = cls >= 0
    if not interpreted.any() or value <= lower:
        return value
    n_c = len(g.class_interpreters)
    per_interp = g.interp_avail.sum(axis=1)
    row_cap = np.array([per_interp[a].sum() for a in g.class_interpreters] + [per_interp.sum()])
    row_of = np.where(interpreted, cls, 0)
    plain = np.flatnonzero(~interpreted)
    floor = best_flow(g, r[plain], weight[plain], cap, total)[0] if plain.size else 0
    lam = np.zeros(n_c + 1)
    best = current = value * SCALE
    scaled = weight * SCALE
    theta = 1.0
    for _ in range(ROUNDS):
        used = np.bincount(row_of[interpreted], weights=x[interpreted], minlength=n_c)
        slack = row_cap - np.append(used, x[interpreted].sum())
        slack[(lam <= 0) & (slack > 0)] = 0
        norm = float((slack**2).sum())
        if norm == 0 or current <= floor * SCALE:
            break
        # Polyak's step towards a known lower bound (interpreter-free meetings only).
        step = theta * (current - floor * SCALE) / SCALE / norm
        lam = np.maximum(0.0, lam - step * slack)
        li = np.round(lam * SCALE).astype(np.int64)
        penalty = np.where(interpreted, li[row_of] + li[n_c], 0)
        flow_value, x = best_flow(g, r, scaled - penalty, cap, total)
        current = flow_value + int((li * row_cap).sum())
        if current < best:
            best = current
        else:
            theta /= 2
        if best // SCALE <= max(lower, floor):
            break
    return best // SCALE
