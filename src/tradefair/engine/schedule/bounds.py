"""Proven upper bounds on what any schedule can achieve (proofs in docs/algorithms/scheduling.md).

Every schedule's meetings form a b-matching on the request graph: each buyer and exhibitor
within its capacity, each request at most once, and no more meetings than there are usable
tables. Dropping the time dimension leaves a flow problem whose optimum is an upper bound;
with interpreters, the relaxation's linear programme also shares the interpreters' slots among
the language classes (``interpreter_lp``), certified by weak duality.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from ortools.graph.python import min_cost_flow
from scipy.optimize import linprog

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
    """The flow bound, and with interpreters the tighter bound of ``interpreter_lp``."""
    value, _ = best_flow(g, r, weight, cap, total)
    if not (g.lang_class[r] >= 0).any() or value <= lower:
        return value
    return min(value, interpreter_lp(g, r, weight, cap, total))


def interpreter_lp(
    g: RequestGraph, r: IntArray, weight: IntArray, cap: IntArray, total: int
) -> int:
    """The flow's linear programme with the interpreters in it, certified by its dual.

    Variables: x_r in [0, 1] per request, and z_ci >= 0, the meetings of language class c
    that interpreter i takes (only if i is capable of c; at most i's available slots).
    Rows: each participant within its capacity, all meetings within the tables, each
    class's interpreted meetings equal to what its interpreters take, each interpreter within
    its available slots. Any schedule gives such an (x, z), so the optimum bounds it; the
    classes share interpreters exactly (Hall's condition for every set of classes holds),
    which per-class caps alone do not express.

    The value returned is the weak-duality bound of the solver's duals, ``b·y + Σ max(0,
    reduced cost) · upper``, valid for any multipliers of the right sign, so an inexact LP
    answer can only make it looser, never wrong.
    """
    use = weight > 0
    r, w = r[use], weight[use].astype(np.float64)
    n = r.size
    cls = g.lang_class[r]
    pairs = [(c, int(i)) for c, able in enumerate(g.class_interpreters) for i in able]
    pc = np.array([c for c, _ in pairs], dtype=np.int64)
    pi = np.array([i for _, i in pairs], dtype=np.int64)
    slots = g.interp_avail.sum(axis=1).astype(np.float64)
    n_z, n_c, n_i, n_p = len(pairs), len(g.class_interpreters), slots.size, g.n_participants
    cols = np.arange(n)
    zs = n + np.arange(n_z)
    ends = sp.csr_matrix(
        (np.ones(2 * n), (np.concatenate([g.buyer[r], g.exhibitor[r]]), np.tile(cols, 2))),
        shape=(n_p, n + n_z),
    )
    tables = sp.csr_matrix((np.ones(n), (np.zeros(n, np.int64), cols)), shape=(1, n + n_z))
    per_interp = sp.csr_matrix((np.ones(n_z), (pi, zs)), shape=(n_i, n + n_z))
    a_ub = sp.vstack([ends, tables, per_interp]).tocsr()
    b_ub = np.concatenate([cap.astype(np.float64), [float(total)], slots])
    interpreted = np.flatnonzero(cls >= 0)
    a_eq = sp.csr_matrix(
        (
            np.concatenate([np.ones(interpreted.size), -np.ones(n_z)]),
            (np.concatenate([cls[interpreted], pc]), np.concatenate([interpreted, zs])),
        ),
        shape=(n_c, n + n_z),
    )
    gain = np.concatenate([w, np.zeros(n_z)])
    upper = np.concatenate([np.ones(n), slots[pi]])
    result = linprog(
        -gain,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=np.zeros(n_c),
        bounds=np.column_stack([np.zeros(n + n_z), upper]),
        # Equal weights make the dual simplex crawl through ties (19 s against 6 s for the
        # interior point at the reference size); distinct priorities suit the simplex (1.4 s).
        method="highs-ipm" if np.all(w == w[0]) else "highs-ds",
    )
    if result.status != 0:
        return int(np.floor(w.sum()))  # every request met: trivially valid
    y = np.maximum(-result.ineqlin.marginals, 0.0)
    mu = -result.eqlin.marginals
    reduced = gain - a_ub.T @ y - a_eq.T @ mu
    certified = float(b_ub @ y + (np.maximum(reduced, 0.0) * upper).sum())
    return int(np.floor(certified + 1e-6))
