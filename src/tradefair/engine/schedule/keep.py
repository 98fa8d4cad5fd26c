"""Re-scheduling: meetings of a previous solution stay where they are while still valid.

A kept meeting stays in its slot at its table if its request still exists, both sides can
still attend, nobody is double-booked or over their cap by it, and its table number still
exists in the slot. Its interpreter stays if still able and free; otherwise another free
capable interpreter takes over (the meeting does not move for that).
"""

from __future__ import annotations

import numpy as np

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.problem import Solution


def pin_kept(board: Board, keep: Solution | None) -> dict[int, int]:
    """Place and pin the still-valid kept meetings; return their tables by request index."""
    tables: dict[int, int] = {}
    if keep is None:
        return tables
    g = board.graph
    problem = g.problem
    rindex, sindex = problem.request_index, problem.slot_index
    iindex = {it.id: k for k, it in enumerate(problem.interpreters)}
    taken: set[tuple[int, int]] = set()
    for m in keep.meetings:
        r, t = rindex.get(m.request), sindex.get(m.slot)
        if r is None or t is None or g.reason[r] is not None:
            continue
        if not 1 <= m.table <= g.tables[t] or (t, m.table) in taken:
            continue
        if not board.fits(r, t):
            continue
        i = -1
        c = int(g.lang_class[r])
        if c >= 0:
            wanted = iindex.get(m.interpreter, -1) if m.interpreter else -1
            able = g.class_interpreters[c]
            if wanted in able.tolist() and g.interp_avail[wanted, t] and not board.ibusy[wanted, t]:
                i = wanted
            else:
                i = board.free_interpreter(r, t)
            if i < 0:
                continue
        board.place(r, t, i)
        board.pinned[r] = True
        taken.add((t, m.table))
        tables[r] = m.table
    return tables


def kept_count(board: Board) -> int:
    return int(np.count_nonzero(board.pinned))
