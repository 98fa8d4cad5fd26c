"""Phase 3: repair what phase 2 left, fill leftover room, then close idle gaps.

Repair and filling place a request in a common free slot, or first move one meeting that
blocks it to another slot (a one-step alternating path, as in Kempe-chain recolouring).
Gap closing moves single meetings to slots where both sides have fewer idle gaps that day;
the gap count of a participant-day is read off a bit mask of their busy positions.
"""

from __future__ import annotations

import time

import numpy as np

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import IntArray


def positions(board: Board) -> tuple[IntArray, IntArray]:
    """Each slot's day and its position among that day's slots by start time."""
    g = board.graph
    pos = np.zeros(g.n_slots, dtype=np.int64)
    seen: dict[int, int] = {}
    for t in np.argsort(g.rank).tolist():
        d = int(g.day[t])
        pos[t] = seen.get(d, 0)
        seen[d] = pos[t] + 1
    return g.day, pos


def _gaps(masks: np.ndarray) -> np.ndarray:
    """Idle gaps in a day's busy mask: runs of meetings minus one."""
    runs = np.bitwise_count(masks & ~(masks << np.uint64(1)))
    return np.maximum(runs.astype(np.int64) - 1, 0)


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


def compact(board: Board, *, deadline: float, rounds: int = 20) -> int:
    """Move meetings to slots where their two sides have fewer idle gaps; return gaps saved."""
    g = board.graph
    day, pos = positions(board)
    n_days = int(day.max()) + 1 if day.size else 0
    if n_days == 0 or int(pos.max()) >= 63:
        return 0
    bit = np.left_shift(np.uint64(1), pos.astype(np.uint64))
    saved = 0
    for _ in range(rounds):
        if time.monotonic() > deadline:
            break
        masks = np.zeros((g.n_participants, n_days), dtype=np.uint64)
        for d in range(n_days):
            cols = np.flatnonzero(day == d)
            masks[:, d] = (board.busy[:, cols].astype(np.uint64) * bit[cols]).sum(axis=1)
        m = board.placed()
        m = m[~board.pinned[m]]
        if m.size == 0:
            break
        b, e, t0 = g.buyer[m], g.exhibitor[m], board.slot[m]
        ok = (g.avail[b] & g.avail[e]) & ~board.busy[b] & ~board.busy[e]
        ok &= (board.used < g.tables)[None, :]
        cls = g.lang_class[m]
        if g.class_avail.size:
            ok &= np.where((cls >= 0)[:, None], g.class_avail[np.maximum(cls, 0)], True)
        rows, t1 = np.nonzero(ok)
        delta = np.zeros(rows.size, dtype=np.int64)
        for p in (b, e):
            d0, d1 = day[t0[rows]], day[t1]
            old0 = masks[p[rows], d0]
            old1 = masks[p[rows], d1]
            new0 = old0 ^ bit[t0[rows]]
            same = d0 == d1
            new1 = np.where(same, new0, old1) | bit[t1]
            delta += np.where(
                same,
                _gaps(new1) - _gaps(old0),
                _gaps(new0) + _gaps(new1) - _gaps(old0) - _gaps(old1),
            )
        better = np.flatnonzero(delta < 0)
        if better.size == 0:
            break
        better = better[np.argsort(delta[better], kind="stable")]
        touched = np.zeros(g.n_participants, dtype=bool)
        gained = 0
        for k in better.tolist():
            r, t = int(m[rows[k]]), int(t1[k])
            bb, ee = int(g.buyer[r]), int(g.exhibitor[r])
            if touched[bb] or touched[ee]:
                continue
            t_old, i_old = int(board.slot[r]), int(board.interp[r])
            board.remove(r)
            if board.try_place(r, t, augment=False):  # gap moves are not worth a search
                touched[bb] = touched[ee] = True
                gained -= int(delta[k])
            else:
                board.place(r, t_old, i_old)
        saved += gained
        if gained == 0:
            break
    return saved
