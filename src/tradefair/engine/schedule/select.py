"""Phase 1: choose which requests to meet, ignoring time, by one min-cost flow.

The flow is the relaxation the bounds use, with lexicographic weights: each buyer's first
meeting earns a bonus larger than all priorities together, so the optimum first covers the
most buyers and then has the largest total priority. What the later phases cannot place is
refilled from the requests not chosen here.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

from tradefair.engine.schedule import interpreter_lp
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import IntArray

SCALE = 100  # penalties are in hundredths of a priority unit


def select(board: Board, candidates: IntArray, penalty: IntArray | None = None) -> IntArray:
    """The requests among ``candidates`` worth scheduling, within the board's residual room.

    ``penalty`` (per candidate, in hundredths of a priority unit) discourages
    requests that need a scarce resource the flow cannot see, such as interpreters.
    """
    g = board.graph
    if candidates.size == 0:
        return candidates
    cap = g.cap - board.load
    ok = (cap[g.buyer[candidates]] > 0) & (cap[g.exhibitor[candidates]] > 0)
    r = candidates[ok & (g.priority[candidates] >= 0)]
    if r.size == 0:
        return r
    room = int(np.minimum(g.tables - board.used, g.tables).sum())
    weight = g.priority[r] * SCALE
    if penalty is not None:
        weight = weight - penalty[ok & (g.priority[candidates] >= 0)]
    bonus = int(np.maximum(weight, 0).sum()) + 1
    met = np.zeros(g.n_participants, dtype=bool)
    met[g.buyer[board.slot >= 0]] = True

    n_p = g.n_participants
    src, col, snk = n_p, n_p + 1, n_p + 2
    buyers = np.unique(g.buyer[r])
    exhibitors = np.unique(g.exhibitor[r])
    first = buyers[~met[buyers]]  # a first meeting still to win: the bonus arc
    supply = int(min(room, cap[buyers].sum(), cap[exhibitors].sum(), r.size))
    tails = np.concatenate(
        [np.full(first.size + buyers.size, src), g.buyer[r], exhibitors, [col, src]]
    )
    heads = np.concatenate(
        [first, buyers, g.exhibitor[r], np.full(exhibitors.size, col), [snk, snk]]
    )
    rest = cap[buyers] - (~met[buyers]).astype(np.int64)
    caps = np.concatenate(
        [
            np.ones(first.size, np.int64),
            rest,
            np.ones(r.size, np.int64),
            cap[exhibitors],
            [room, supply],
        ]
    )
    costs = np.concatenate(
        [
            np.full(first.size, -bonus, np.int64),
            np.zeros(buyers.size, np.int64),
            -weight,
            np.zeros(exhibitors.size + 2, np.int64),
        ]
    )
    mcf = min_cost_flow.SimpleMinCostFlow()
    arcs = mcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    mcf.set_node_supply(src, supply)
    mcf.set_node_supply(snk, -supply)
    status = mcf.solve()
    if status != mcf.OPTIMAL:
        raise RuntimeError(f"selection flow failed: {status}")
    start = first.size + buyers.size
    flows = mcf.flows(arcs[start : start + r.size])
    return r[flows > 0]


def select_with_interpreters(
    board: Board, candidates: IntArray, *, at_least: int, serve: int
) -> IntArray | None:
    """The requests among ``candidates`` of the most total priority, with at least
    ``at_least`` meetings and ``serve`` more buyers with a meeting, chosen on the linear
    programme that shares the interpreters' free slots among the language classes
    (``interpreter_lp.choose``); None when no selection reaches both.
    """
    g = board.graph
    cap = g.cap - board.load
    ok = (cap[g.buyer[candidates]] > 0) & (cap[g.exhibitor[candidates]] > 0)
    r = candidates[ok & (g.priority[candidates] >= 0)]
    if r.size == 0:
        return r
    met = np.zeros(g.n_participants, dtype=bool)
    met[g.buyer[board.slot >= 0]] = True
    waiting = np.unique(g.buyer[r])
    return interpreter_lp.choose(
        g,
        r,
        cap=cap,
        total=int(np.minimum(g.tables - board.used, g.tables).sum()),
        slots=(g.interp_avail & ~board.ibusy).sum(axis=1).astype(np.float64),
        at_least=at_least,
        newly_served=waiting[~met[waiting]],
        serve=serve,
    )
