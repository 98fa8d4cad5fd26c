"""The last pass: fewer idle gaps (objective c), then fewer days attended (objective d).

Meetings only move, never leave, so (a) and (b) are untouched. A participant-day is a bit
mask of busy positions; its gaps are its runs of meetings minus one (a popcount), and the
day is attended if the mask is not zero, so every candidate move is scored at once.

Two kinds of move, each applied best first and without two touching the same participant in
one round: a meeting goes to another slot both sides have free, or two meetings of one
participant trade slots (that participant's agenda is unchanged; each other side moves one
meeting, reaching slots no single move can, as that participant holds them). The
pass first takes only moves that attend no new day, and then every improving move: a gap
closed by sending a meeting to a day its side had none is still an improvement, as (c)
ranks above (d), but is left for when nothing else closes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.graph import BoolArray, IntArray

Masks = npt.NDArray[np.uint64]

# A move's worth is Δgaps · DAY_WEIGHT + Δdays: a single move changes its two sides' days
# by at most 2 in all, so one gap outweighs any change in days.
DAY_WEIGHT = 3
# After the first, a round over everybody that gains less than one per this many meetings
# ends the phase: the last ones find a handful of moves each, at full cost.
FULL_ROUND_SHARE = 2000
MAX_OFFSET = 64  # exchange partners at most this far apart in a participant's meetings


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


def gaps(masks: Masks) -> IntArray:
    """Idle gaps in a day's busy mask: runs of meetings minus one."""
    runs = np.bitwise_count(masks & ~(masks << np.uint64(1)))
    return np.maximum(runs.astype(np.int64) - 1, 0)


def day_masks(board: Board) -> tuple[IntArray, Masks, Callable[[], Masks]]:
    """Each slot's day, its bit in its day's mask, and a function giving every participant's
    masks (participant by day) as the board stands; the bits are empty if a day has over 63
    slots (the masks are 64-bit)."""
    g = board.graph
    day, pos = positions(board)
    n_days = int(day.max()) + 1 if day.size else 0
    if n_days and int(pos.max()) >= 63:
        day = np.zeros(0, dtype=np.int64)
    bit = np.left_shift(np.uint64(1), pos.astype(np.uint64))
    cols = [np.flatnonzero(day == d) for d in range(n_days)]

    def masks() -> Masks:
        out = np.zeros((g.n_participants, len(cols)), dtype=np.uint64)
        for d, c in enumerate(cols):
            out[:, d] = (board.busy[:, c].astype(np.uint64) * bit[c]).sum(axis=1)
        return out

    return day, bit, masks


def gaps_and_days(board: Board) -> tuple[int, int]:
    """Objectives (c) and (d) of the board: idle gaps and days attended, summed."""
    day, _, masks = day_masks(board)
    if day.size == 0:
        return 0, 0
    m = masks()
    return int(gaps(m).sum()), int(np.count_nonzero(m))


def compact(board: Board, *, deadline: float, rounds: int = 50, days: bool = True) -> int:
    """Move meetings while gaps, then days attended, fall; return Δgaps · DAY_WEIGHT + Δdays
    saved. ``days=False`` leaves days out (gaps alone, as before objective (d)): the
    benchmark's comparison with the scheduler that did not pack days."""
    g = board.graph
    day, bit, masks = day_masks(board)
    if day.size == 0:
        return 0
    enough = max(1, int(board.placed().size) // FULL_ROUND_SHARE)
    saved = 0
    for new_days in (False, True) if days else (True,):
        # Only meetings of someone a move touched can have a new move (but for tables and
        # interpreters freed elsewhere): a round over those alone that finds nothing is
        # followed by one over everybody.
        active: BoolArray | None = None
        full_rounds = 0
        for _ in range(rounds):
            if time.monotonic() > deadline:
                return saved
            touched = np.zeros(g.n_participants, dtype=bool)
            scores = (day, bit, masks())
            gained = _single_moves(board, scores, touched, active, new_days=new_days, days=days)
            scores = (day, bit, masks())
            gained += _exchanges(board, scores, touched, active, new_days=new_days, days=days)
            saved += gained
            if active is None:
                if gained == 0 or (full_rounds and gained < enough):
                    break
                full_rounds += 1
            active = touched if gained else None
    return saved


Scores = tuple[IntArray, Masks, Masks]  # day and bit of each slot, masks of each participant


def _moved(scores: Scores, who: IntArray, t0: IntArray, t1: IntArray) -> tuple[IntArray, IntArray]:
    """Δgaps and Δdays of participants ``who`` if a meeting of each moves from t0 to t1."""
    day, bit, masks = scores
    d0, d1 = day[t0], day[t1]
    same = d0 == d1
    old0, old1 = masks[who, d0], masks[who, d1]
    new0 = old0 ^ bit[t0]
    new1 = np.where(same, new0, old1) | bit[t1]
    dg = np.where(
        same,
        gaps(new1) - gaps(old0),
        gaps(new0) + gaps(new1) - gaps(old0) - gaps(old1),
    )
    # Leaving a day emptied of meetings saves it; arriving on an empty day costs one.
    dd = (~same & (old1 == 0)).astype(np.int64) - (~same & (new0 == 0))
    return dg, dd


def _single_moves(
    board: Board,
    scores: Scores,
    touched: BoolArray,
    active: BoolArray | None,
    *,
    new_days: bool,
    days: bool = True,
) -> int:
    """Move single meetings (of ``active`` participants, if given) to better free slots;
    ``new_days``: also where someone attends a day more. Marks whom a move touched."""
    g = board.graph
    m = board.placed()
    m = m[~board.pinned[m]]
    if active is not None:
        m = m[active[g.buyer[m]] | active[g.exhibitor[m]]]
    if m.size == 0:
        return 0
    b, e, t0 = g.buyer[m], g.exhibitor[m], board.slot[m]
    ok = (g.avail[b] & g.avail[e]) & ~board.busy[b] & ~board.busy[e]
    ok &= (board.used < g.tables)[None, :]
    cls = g.lang_class[m]
    if g.class_avail.size:
        ok &= np.where((cls >= 0)[:, None], g.class_avail[np.maximum(cls, 0)], True)
    rows, t1 = np.nonzero(ok)
    gb, db = _moved(scores, b[rows], t0[rows], t1)
    ge, de = _moved(scores, e[rows], t0[rows], t1)
    delta = (gb + ge) * DAY_WEIGHT + (db + de) * days
    better = np.flatnonzero((delta < 0) & (new_days | (db + de <= 0)))
    better = better[np.argsort(delta[better], kind="stable")]
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
    return gained


def _exchanges(
    board: Board,
    scores: Scores,
    touched: BoolArray,
    active: BoolArray | None,
    *,
    new_days: bool,
    days: bool = True,
) -> int:
    """Let two meetings of one participant trade slots where that lowers gaps, then days
    (one of the three people involved ``active``, if given); marks whom it touches."""
    g = board.graph
    day = scores[0]
    m = board.placed()
    m = m[~board.pinned[m]]
    t = board.slot[m]
    found: list[tuple[IntArray, IntArray, IntArray]] = []
    for side, other in ((g.buyer, g.exhibitor), (g.exhibitor, g.buyer)):
        q = side[m]
        order = np.lexsort((t, day[t], q))
        qs = q[order]
        for k in range(1, min(MAX_OFFSET, order.size - 1) + 1):
            i = np.flatnonzero(qs[:-k] == qs[k:])
            if i.size == 0:
                break
            r1, r2 = m[order[i]], m[order[i + k]]
            a, c = other[r1], other[r2]
            if active is not None:
                keep = active[side[r1]] | active[a] | active[c]
                r1, r2, a, c = r1[keep], r2[keep], a[keep], c[keep]
            t1, t2 = board.slot[r1], board.slot[r2]
            ok = (a != c) & g.avail[a, t2] & ~board.busy[a, t2]
            ok &= g.avail[c, t1] & ~board.busy[c, t1]
            r1, r2, a, c, t1, t2 = r1[ok], r2[ok], a[ok], c[ok], t1[ok], t2[ok]
            ga, da = _moved(scores, a, t1, t2)
            gc, dc = _moved(scores, c, t2, t1)
            delta = (ga + gc) * DAY_WEIGHT + (da + dc) * days
            good = (delta < 0) & (new_days | (da + dc <= 0))
            found.append((r1[good], r2[good], delta[good]))
    if not found:
        return 0
    firsts, seconds, deltas = (np.concatenate(x) for x in zip(*found, strict=True))
    done = np.zeros(g.n_participants, dtype=bool)
    gained = 0
    for k in np.argsort(deltas, kind="stable").tolist():
        x, y = int(firsts[k]), int(seconds[k])
        who = [int(g.buyer[x]), int(g.exhibitor[x]), int(g.buyer[y]), int(g.exhibitor[y])]
        if done[who].any():
            continue
        if _trade(board, x, y):
            done[who] = True
            gained -= int(deltas[k])
    touched |= done
    return gained


def _trade(board: Board, r1: int, r2: int) -> bool:
    """Swap the slots of ``r1`` and ``r2`` if both still fit (interpreters included)."""
    t1, i1 = int(board.slot[r1]), int(board.interp[r1])
    t2, i2 = int(board.slot[r2]), int(board.interp[r2])
    board.remove(r1)
    board.remove(r2)
    if board.try_place(r1, t2, augment=False):
        if board.try_place(r2, t1, augment=False):
            return True
        board.remove(r1)
    board.place(r1, t1, i1)
    board.place(r2, t2, i2)
    return False
