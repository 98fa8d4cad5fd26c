"""Phase 2: put the chosen meetings into slots, one slot at a time.

Assigning meetings to slots so that nobody meets twice at once is edge colouring of the
chosen bipartite graph, with lists (availability) and colour-class sizes (tables). Slots are
filled in time order; in each, a greedy matching takes the meetings whose two sides are most
urgent: those with the most meetings still to place per free slot left. Someone whose
meetings left equal their slots left must meet now, and is served first. Given a day for
each meeting (``days.py``), the same sweep runs over each day's slots with that day's
meetings first.
"""

from __future__ import annotations

import numpy as np

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import IntArray

# With a plan, someone who met in the previous slot and still has meetings that day is this
# much more urgent: meeting now rather than later leaves no idle gap between.
CONTINUE = 0.5


def assign(board: Board, chosen: IntArray, plan: IntArray | None = None) -> IntArray:
    """Place as many of ``chosen`` as the greedy matchings allow; return the rest.

    With ``plan`` (a day per request, -1 for any), each day first takes only the meetings
    planned for it, urgency counted within the day and runs kept going (``CONTINUE``); what
    does not fit is then swept again with the rest, over every slot.
    """
    order = np.argsort(board.graph.rank)
    if plan is not None:
        day = board.graph.day
        late = [
            _sweep(board, chosen[plan[chosen] == d], order[day[order] == d], bonus=CONTINUE)
            for d in np.unique(day).tolist()
        ]
        chosen = np.concatenate([*late, chosen[plan[chosen] < 0]])
    return _sweep(board, chosen, order, bonus=0.0)


def _sweep(board: Board, chosen: IntArray, slots: IntArray, *, bonus: float) -> IntArray:
    """Fill ``slots`` in the order given with ``chosen``; return what was not placed.

    ``bonus`` is added to the urgency of whoever met in the previous slot of the sweep.
    """
    g = board.graph
    n_p = g.n_participants
    todo = np.zeros(g.n_requests, dtype=bool)
    todo[chosen] = True
    rem = chosen.copy()
    deg = (
        np.bincount(g.buyer[rem], minlength=n_p) + np.bincount(g.exhibitor[rem], minlength=n_p)
    ).astype(np.float64)
    free = g.avail[:, slots] & ~board.busy[:, slots]
    left = free.sum(axis=1).astype(np.float64)
    tie = g.priority.astype(np.float64) * 1e-6
    prev = np.zeros(n_p)  # bonus for whoever met in the previous slot
    for k, t in enumerate(slots.tolist()):
        rem = rem[todo[rem]]
        ok = free[g.buyer[rem], k] & free[g.exhibitor[rem], k]
        cls = g.lang_class[rem]
        if g.class_avail.size:
            ok &= (cls < 0) | g.class_avail[np.maximum(cls, 0), t]
        cand = rem[ok]
        room = int(g.tables[t] - board.used[t])
        if cand.size and room > 0:
            urgency = deg / np.maximum(left, 1.0) + prev
            score = urgency[g.buyer[cand]] + urgency[g.exhibitor[cand]] + tie[cand]
            cand = cand[np.argsort(-score, kind="stable")]
            _fill_slot(board, t, cand, room, todo)
            placed = cand[~todo[cand]]
            np.subtract.at(deg, g.buyer[placed], 1.0)
            np.subtract.at(deg, g.exhibitor[placed], 1.0)
        left -= free[:, k]
        if bonus:
            prev = np.where(board.busy[:, t], bonus, 0.0)
    return rem[todo[rem]]


def _fill_slot(board: Board, t: int, cand: IntArray, room: int, todo: np.ndarray) -> int:
    """Greedy matching in slot ``t`` over ``cand`` in order; marks placed requests done."""
    g = board.graph
    taken = board.busy[:, t].copy()
    cap_left = (g.cap - board.load).tolist()
    interp = g.lang_class[cand].tolist()
    for r, b, e, c in zip(
        cand.tolist(), g.buyer[cand].tolist(), g.exhibitor[cand].tolist(), interp, strict=True
    ):
        if taken[b] or taken[e] or cap_left[b] <= 0 or cap_left[e] <= 0:
            continue
        i = -1
        if c >= 0:
            i = board.free_interpreter(r, t)
            if i < 0:
                continue
        board.place(r, t, i)
        taken[b] = taken[e] = True
        cap_left[b] -= 1
        cap_left[e] -= 1
        todo[r] = False
        room -= 1
        if room == 0:
            break
    return room
