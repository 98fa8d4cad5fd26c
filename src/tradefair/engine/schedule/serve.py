"""Serve buyers left without a meeting by displacing meetings of buyers who have others.

Objective (a) comes before everything else, so a buyer with no meeting may take the place of
a meeting whose buyer keeps at least one other. For each request of such a buyer and each slot
the pair could use, what blocks it is cleared one obstacle at a time (at most ``MAX_VICTIMS``
displaced meetings): the exhibitor's meeting in that slot, one of a side's meetings if it is at
its cap, a meeting at a full slot's table, or, for an interpreted pair with no capable
interpreter free even after an augmenting path of interpreter exchanges in that slot (the
board tries one on every placement), the meeting holding a capable interpreter. The cheapest
plan (fewest displaced meetings, then least priority lost) is applied, and every displaced
meeting is then put back elsewhere if any slot, or a one-move repair, allows it.
"""

from __future__ import annotations

import time

import numpy as np

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import BoolArray, IntArray
from tradefair.engine.schedule.improve import place_somewhere

MAX_VICTIMS = 3
CHUNK = 8192  # requests screened at once for an upgrade

# Undo log: (request, slot, interpreter, swapped). swapped=0: the meeting was removed from
# (slot, interpreter); swapped=1: it stayed in the slot but its interpreter was exchanged.
Removed = list[tuple[int, int, int, int]]


def unserved_buyers(board: Board) -> list[int]:
    """Buyers with a valid request but no meeting on the board."""
    g = board.graph
    met = np.zeros(g.n_participants, dtype=bool)
    met[g.buyer[board.slot >= 0]] = True
    wants = np.zeros(g.n_participants, dtype=bool)
    wants[g.buyer[g.valid]] = True
    return np.flatnonzero(wants & ~met).tolist()


def serve_unserved(board: Board, *, deadline: float) -> int:
    """Give a meeting to every buyer without one that displacement allows; return how many."""
    served = 0
    for b in unserved_buyers(board):
        if time.monotonic() > deadline:
            break
        if _serve(board, b):
            served += 1
    return served


def _serve(board: Board, b: int) -> bool:
    g = board.graph
    reqs = np.flatnonzero((g.buyer == b) & g.valid & (board.slot < 0))
    best: tuple[tuple[int, int], int, int] | None = None
    for r in reqs.tolist():
        for t in np.flatnonzero(g.pair_slots(r)).tolist():
            removed = _clear_and_place(board, r, t)
            if removed is None:
                continue
            gone = [v for v, _, _, swapped in removed if not swapped]
            cost = (len(gone), int(g.priority[gone].sum()) - int(g.priority[r]))
            board.remove(r)
            _restore(board, removed)
            if best is None or cost < best[0]:
                best = (cost, r, t)
                if cost[0] == 0:
                    break
        if best is not None and best[0][0] == 0:
            break
    if best is None:
        return False
    _, r, t = best
    removed = _clear_and_place(board, r, t)
    assert removed is not None
    for v, _, _, swapped in removed:
        if not swapped:
            place_somewhere(board, v)
    return True


def upgrade(board: Board, *, deadline: float) -> int:
    """Swap meetings in for lower-priority ones; return the priority gained.

    Phase 2 may not staff every interpreted pair chosen (and the flow's selection, when
    used, charged them a penalty); here, slot by slot, open interpreted requests of
    priority 2 and up, highest first, go into a slot with a capable interpreter free by
    displacing at most one meeting that blocks them, of lower priority and whose buyer keeps
    another meeting. (Tried on plain requests too, at the reference size it found nothing in
    15 s: the flow already has the best priorities there.) The displaced meeting goes
    elsewhere if a free slot allows (one meeting more), or is dropped (the same number, more
    priority). Nobody loses their only meeting.
    """
    g = board.graph
    todo = np.flatnonzero(g.valid & (board.slot < 0) & (g.priority >= 2) & (g.lang_class >= 0))
    todo = todo[np.argsort(-g.priority[todo], kind="stable")]
    hopeful = [
        chunk[_upgrade_slots(board, chunk).any(axis=1)]
        for chunk in np.array_split(todo, max(1, todo.size // CHUNK))
    ]
    gained = 0
    for k, r in enumerate(np.concatenate([todo[:0], *hopeful]).tolist()):
        if k % 64 == 0 and time.monotonic() > deadline:
            break
        for t in np.flatnonzero(_upgrade_slots(board, np.array([r]))[0]).tolist():
            removed = _clear_and_place(board, r, t, limit=1)
            if removed is None:
                continue
            gone = [v for v, _, _, swapped in removed if not swapped]
            if gone and g.priority[gone[0]] >= g.priority[r]:
                board.remove(r)
                _restore(board, removed)
                continue
            gained += int(g.priority[r]) - sum(int(g.priority[v]) for v in gone)
            for v in gone:
                if place_somewhere(board, v, moves=False):
                    gained += int(g.priority[v])
            break
    return gained


def _upgrade_slots(board: Board, rs: IntArray) -> BoolArray:
    """For each of ``rs``, the slots where it needs at most one displacement, cheaper than
    itself, to fit (and where a capable interpreter is free, if it needs one)."""
    g = board.graph
    b, e = g.buyer[rs], g.exhibitor[rs]
    usable = g.avail[b] & g.avail[e]
    c = g.lang_class[rs]
    for k in np.unique(c[c >= 0]).tolist():
        a = g.class_interpreters[k]
        usable[c == k] &= (g.interp_avail[a] & ~board.ibusy[a]).any(axis=0)
    busy_b, busy_e = board.busy[b], board.busy[e]
    # A side at its cap must drop a meeting: only worth it if one is cheaper than r.
    cheapest = _cheapest_priority(board, np.union1d(b, e))
    p = g.priority[rs]
    full_b = ((board.load[b] >= g.cap[b]) & (cheapest[b] < p))[:, None]
    full_e = ((board.load[e] >= g.cap[e]) & (cheapest[e] < p))[:, None]
    stuck = ((board.load[b] >= g.cap[b]) & ~full_b[:, 0]) | (
        (board.load[e] >= g.cap[e]) & ~full_e[:, 0]
    )
    blocks = busy_b.astype(np.int64) + busy_e
    blocks += (full_b & ~busy_b) + (full_e & ~busy_e)
    blocks += (board.used >= g.tables)[None, :] & ~busy_b & ~busy_e
    for busy, who in ((busy_b, board.who[b]), (busy_e, board.who[e])):
        blocks += busy & (g.priority[np.maximum(who, 0)] >= p[:, None])  # not worth it
    # A full side busy in the slot frees its cap with that meeting; otherwise it is stuck.
    blocks += (stuck[:, None] & ~busy_b & ~busy_e) * 2
    return np.asarray(usable & (blocks <= 1))


def _cheapest_priority(board: Board, people: IntArray) -> IntArray:
    """Per participant (indexed by participant, filled for ``people`` only): the lowest
    priority among their meetings that could be displaced; a large number if none."""
    g = board.graph
    out = np.full(g.n_participants, np.iinfo(np.int64).max, dtype=np.int64)
    who = board.who[people]
    prio = np.where(who >= 0, g.priority[np.maximum(who, 0)], np.iinfo(np.int64).max)
    prio = np.where((who >= 0) & board.pinned[np.maximum(who, 0)], np.iinfo(np.int64).max, prio)
    out[people] = prio.min(axis=1)
    return out


def _clear_and_place(board: Board, r: int, t: int, limit: int = MAX_VICTIMS) -> Removed | None:
    """Place ``r`` in ``t`` after displacing what blocks it; None (board unchanged) if it fails.

    Interpreter exchanges made on the way (augmenting paths in ``try_place``) are logged too.
    """
    removed: Removed = []
    board.journal = removed
    try:
        while True:
            if board.try_place(r, t):
                return removed
            v = _blocker(board, r, t)
            if v < 0 or sum(1 - s for *_, s in removed) >= limit:
                break
            removed.append((v, int(board.slot[v]), int(board.interp[v]), 0))
            board.remove(v)
    finally:
        board.journal = None
    _restore(board, removed)
    return None


def _restore(board: Board, removed: Removed) -> None:
    """Undo the log in reverse: put removed meetings back, give moved ones their interpreter."""
    for v, tv, iv, swapped in reversed(removed):
        if swapped:
            board.reassign(v, iv)
        else:
            board.place(v, tv, iv)


def _cheapest(board: Board, meetings: np.ndarray) -> int:
    """The displaceable meeting among ``meetings`` that costs least: -1 if none."""
    g = board.graph
    m = meetings[~board.pinned[meetings]]
    m = m[board.load[g.buyer[m]] >= 2]  # its buyer keeps a meeting
    if m.size == 0:
        return -1
    return int(m[np.lexsort((-board.load[g.buyer[m]], g.priority[m]))[0]])


def _blocker(board: Board, r: int, t: int) -> int:
    """One meeting whose removal brings ``r`` in slot ``t`` closer to fitting; -1 if none."""
    g = board.graph
    b, e = int(g.buyer[r]), int(g.exhibitor[r])
    for p in (b, e):
        if board.busy[p, t]:
            return _cheapest(board, np.array([board.who[p, t]]))
    for p in (b, e):
        if board.load[p] >= g.cap[p]:
            return _cheapest(board, board.who[p][board.busy[p]])
    if board.used[t] >= g.tables[t]:
        return _cheapest(board, np.flatnonzero(board.slot == t))
    c = int(g.lang_class[r])
    if c >= 0 and board.free_interpreter(r, t) < 0:
        able = g.class_interpreters[c]
        return _cheapest(board, np.flatnonzero((board.slot == t) & np.isin(board.interp, able)))
    return -1
