"""Objective (d): each participant's meetings on as few days as their availability allows.

Days are easier to choose before slots: with no slot fixed, a meeting can go to any day both
sides attend, bounded only by how many slots each side has that day and the tables. So the
finished schedule's days are taken as a plan, the plan is improved by closing
participant-days (all of a participant's meetings on a sparse day go to days the participant
already attends, the other side's days first), and the same meetings are swept into slots
again day by day (``assign.assign`` with the plan). The new timing is kept only if every
meeting found a slot, so the meetings, and with them objectives (a) and (b), never change,
and only if it has fewer idle gaps, or as many and fewer days, so (c) never gets worse.
Interpreted meetings keep their slot and interpreter, which are scarce.
"""

from __future__ import annotations

import time

import numpy as np

from tradefair.engine.schedule.assign import assign
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.gaps import gaps_and_days
from tradefair.engine.schedule.graph import IntArray, RequestGraph
from tradefair.engine.schedule.improve import fill, fill_order

ROUNDS = 4  # passes over all participant-days; the last ones close almost nothing
ATTEMPTS = 3  # re-timings tried; meetings a failed one could not place keep their slot


def retime(board: Board, base: Board, *, deadline: float) -> Board:
    """The schedule's meetings re-timed into fewer days, or ``board`` itself if they do not all
    fit or the gaps and days are no better; ``base`` is the board before the meetings were
    placed (kept meetings only)."""
    g = board.graph
    if g.day.size == 0:
        return board
    met = board.placed()
    met = met[~board.pinned[met]]
    stay = met[g.lang_class[met] >= 0]
    for _ in range(ATTEMPTS):
        if time.monotonic() > deadline:
            break
        move = np.setdiff1d(met, stay)
        plan = plan_days(board, move, deadline=deadline)
        other = base.copy()
        for r in stay.tolist():
            other.place(r, int(board.slot[r]), int(board.interp[r]))
        left = assign(other, move, plan)
        fill(other, fill_order(other, left), deadline=deadline)
        missing = move[other.slot[move] < 0]
        if missing.size == 0:
            # (c) ranks above (d): fewer days may not cost a gap.
            return other if gaps_and_days(other) < gaps_and_days(board) else board
        stay = np.union1d(stay, missing)
    return board


def plan_days(board: Board, movable: IntArray, *, deadline: float) -> IntArray:
    """A day for each request (-1: none): the board's days, then ``movable`` meetings moved
    where that closes a participant-day without opening more elsewhere."""
    g = board.graph
    plan = np.full(g.n_requests, -1, dtype=np.int64)
    on = board.placed()
    plan[on] = g.day[board.slot[on]]
    state = _Plan(g, plan, on)
    day = state.plan
    mine: dict[int, list[int]] = {}
    for r, b, e in zip(
        movable.tolist(), g.buyer[movable].tolist(), g.exhibitor[movable].tolist(), strict=True
    ):
        mine.setdefault(b, []).append(r)
        mine.setdefault(e, []).append(r)
    for _ in range(ROUNDS):
        load = np.array(state.load)
        people, days = np.nonzero(load > 0)
        order = np.lexsort((days, load[people, days]))  # the sparsest days first
        closed = 0
        for k, (p, x) in enumerate(zip(people[order].tolist(), days[order].tolist(), strict=True)):
            if k % 1024 == 0 and time.monotonic() > deadline:
                return np.array(day, dtype=np.int64)
            group = [r for r in mine.get(p, ()) if day[r] == x]
            # All of p's meetings that day must be movable (kept and interpreted ones stay).
            if group and len(group) == state.load[p][x] and state.close(p, x, group):
                closed += 1
        if closed == 0:
            break
    return np.array(day, dtype=np.int64)


class _Plan:
    """Meetings per participant-day and per day, in plain lists: the moves are many and each
    touches a few numbers, where NumPy's per-call cost would dominate."""

    def __init__(self, g: RequestGraph, plan: IntArray, on: IntArray) -> None:
        self.plan: list[int] = plan.tolist()
        n_days = int(g.day.max()) + 1
        onehot = np.zeros((g.n_slots, n_days), dtype=np.int64)
        onehot[np.arange(g.n_slots), g.day] = 1
        self.n_days = n_days
        self.cap = (g.avail.astype(np.int64) @ onehot).tolist()  # slots a side has that day
        self.room = (g.tables @ onehot).tolist()
        self.class_day = ((g.class_avail.astype(np.int64) @ onehot) > 0).tolist()
        load = np.zeros((g.n_participants, n_days), dtype=np.int64)
        np.add.at(load, (g.buyer[on], plan[on]), 1)
        np.add.at(load, (g.exhibitor[on], plan[on]), 1)
        self.load: list[list[int]] = load.tolist()
        self.used: list[int] = np.bincount(plan[on], minlength=n_days).tolist()
        self.buyer: list[int] = g.buyer.tolist()
        self.exhibitor: list[int] = g.exhibitor.tolist()
        self.lang_class: list[int] = g.lang_class.tolist()

    def close(self, p: int, x: int, group: list[int]) -> bool:
        """Move ``group`` (all of p's meetings on day x) to days p already attends if the days
        attended fall; True if done, else nothing changes."""
        load, cap = self.load, self.cap
        targets = [y for y in range(self.n_days) if y != x and load[p][y] > 0]
        if not targets:
            return False
        moves: list[tuple[int, int]] = []
        gain = -1  # p leaves day x
        for r in group:
            q = self.exhibitor[r] if self.buyer[r] == p else self.buyer[r]
            c = self.lang_class[r]
            best, best_key = -1, (True, 0)
            for y in targets:
                if load[p][y] >= cap[p][y] or load[q][y] >= cap[q][y]:
                    continue
                if self.used[y] >= self.room[y] or (c >= 0 and not self.class_day[c][y]):
                    continue
                key = (load[q][y] == 0, load[p][y] - cap[p][y])  # q there, then most room
                if best < 0 or key < best_key:
                    best, best_key = y, key
            if best < 0:
                break
            gain += (load[q][best] == 0) - (load[q][x] == 1)
            self._shift(r, x, best)
            moves.append((r, best))
        else:
            if gain < 0:
                return True
        for r, y in reversed(moves):
            self._shift(r, y, x)
        return False

    def _shift(self, r: int, x: int, y: int) -> None:
        for side in (self.buyer[r], self.exhibitor[r]):
            self.load[side][x] -= 1
            self.load[side][y] += 1
        self.used[x] -= 1
        self.used[y] += 1
        self.plan[r] = y
