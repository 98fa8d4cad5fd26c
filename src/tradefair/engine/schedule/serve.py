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
from tradefair.engine.schedule.improve import place_somewhere

MAX_VICTIMS = 3

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


def _clear_and_place(board: Board, r: int, t: int) -> Removed | None:
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
            if v < 0 or sum(1 - s for *_, s in removed) >= MAX_VICTIMS:
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
