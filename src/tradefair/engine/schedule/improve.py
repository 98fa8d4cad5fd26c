"""Phase 3: repair what phase 2 left and fill leftover room (gaps are ``gaps.py``'s).

Repair and filling place a request in a common free slot, or first move one meeting that
blocks it to another slot (a one-step alternating path, as in Kempe-chain recolouring).
"""

from __future__ import annotations

import time

import numpy as np

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import IntArray


def _slot_order(board: Board, r: int, free: np.ndarray) -> list[int]:
    """Free common slots for ``r``, those next to the two sides' other meetings first."""
    g = board.graph
    slots = np.flatnonzero(free)
    if slots.size <= 1:
        return slots.tolist()
    b, e = g.buyer[r], g.exhibitor[r]
    rank = g.rank
    order = np.argsort(rank)
    busy_b, busy_e = board.busy[b][order], board.busy[e][order]
    near = np.zeros(g.n_slots, dtype=np.int64)
    by_rank = np.zeros(g.n_slots, dtype=np.int64)
    for busy in (busy_b, busy_e):
        by_rank[:] = 0
        by_rank[1:] += busy[:-1]
        by_rank[:-1] += busy[1:]
        near[order] += by_rank
    same_day = np.isin(g.day, g.day[board.busy[b] | board.busy[e]])
    score = -(near[slots] * 2 + same_day[slots])
    return slots[np.argsort(score, kind="stable")].tolist()


def place_somewhere(board: Board, r: int, *, moves: bool = True) -> bool:
    """Place ``r`` in a free common slot, else after moving one meeting that blocks it."""
    g = board.graph
    b, e = int(g.buyer[r]), int(g.exhibitor[r])
    if board.load[b] >= g.cap[b] or board.load[e] >= g.cap[e]:
        return False
    both = g.pair_slots(r)
    free = both & ~board.busy[b] & ~board.busy[e] & (board.used < g.tables)
    for t in _slot_order(board, r, free):
        if board.try_place(r, t):
            return True
    if not moves:
        return False
    # One side busy in t: move that meeting elsewhere, then take t.
    for t in np.flatnonzero(both & (board.busy[b] ^ board.busy[e])).tolist():
        blocker = int(board.who[b, t] if board.busy[b, t] else board.who[e, t])
        if board.pinned[blocker]:
            continue
        if _relocate(board, blocker, avoid=t) and board.try_place(r, t):
            return True
    return False


def _relocate(board: Board, r: int, *, avoid: int) -> bool:
    """Move meeting ``r`` to another free slot; leave it where it was if there is none."""
    g = board.graph
    t0, i0 = int(board.slot[r]), int(board.interp[r])
    b, e = int(g.buyer[r]), int(g.exhibitor[r])
    free = g.pair_slots(r) & ~board.busy[b] & ~board.busy[e] & (board.used < g.tables)
    free[avoid] = False
    cands = np.flatnonzero(free).tolist()
    if not cands:
        return False
    board.remove(r)
    for t in cands:
        if board.try_place(r, t):
            return True
    board.place(r, t0, i0)
    return False


def fill(board: Board, requests: IntArray, *, deadline: float) -> None:
    """Try every request in order, directly or with one move; stop at the deadline."""
    for k, r in enumerate(requests.tolist()):
        if k % 256 == 0 and time.monotonic() > deadline:
            return
        if board.slot[r] < 0:
            place_somewhere(board, r)


def fill_order(board: Board, requests: IntArray) -> IntArray:
    """Buyers still without a meeting first, then by priority, then the sparsest pairs."""
    g = board.graph
    met = np.zeros(g.n_participants, dtype=bool)
    met[g.buyer[board.slot >= 0]] = True
    first = met[g.buyer[requests]]
    keys = (-g.priority[requests], first)
    return requests[np.lexsort(keys)]
