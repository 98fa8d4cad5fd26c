"""From a finished board to a ``Solution``: table numbers, reasons and statistics."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import Bounds
from tradefair.engine.schedule.problem import Meeting, Solution, Stats
from tradefair.engine.schedule.reasons import Code, Reason, interpreter, limit, slot_ids


def build_solution(
    board: Board,
    kept_tables: dict[int, int],
    bounds: Bounds,
    *,
    seconds: float,
    method: str,
    proven: bool = False,
) -> Solution:
    """Number tables from 1 per slot (kept meetings keep theirs) and explain every miss;
    ``proven``: the schedule is a proven optimum, so a miss that still fits has a cause."""
    g = board.graph
    problem = g.problem
    placed = board.placed()
    taken: dict[int, set[int]] = defaultdict(set)
    for r, table in kept_tables.items():
        if board.slot[r] >= 0:
            taken[int(board.slot[r])].add(table)
    next_free: dict[int, int] = defaultdict(lambda: 1)
    meetings = []
    for r in placed.tolist():
        t = int(board.slot[r])
        if r in kept_tables:
            table = kept_tables[r]
        else:
            table = next_free[t]
            while table in taken[t]:
                table += 1
            next_free[t] = table + 1
            taken[t].add(table)
        i = int(board.interp[r])
        meetings.append(
            Meeting(
                request=problem.requests[r].id,
                slot=problem.slots[t].id,
                table=table,
                interpreter=problem.interpreters[i].id if i >= 0 else None,
            )
        )
    unscheduled = tuple(
        reason(board, r, proven=proven).left_out(problem.requests[r].id)
        for r in np.flatnonzero(board.slot < 0).tolist()
    )
    met = tuple(meetings)
    stats = Stats(
        count=len(met),
        priority=int(g.priority[placed].sum()),
        upper_bound=bounds.count,
        buyers_without_meeting=metrics.buyers_without_meeting(problem, met),
        min_buyers_without_meeting=bounds.min_buyers_without_meeting,
        seconds=round(seconds, 3),
        priority_upper_bound=bounds.priority,
        idle_gaps=metrics.idle_gaps(problem, met),
        days_attended=metrics.days_attended(problem, met),
    )
    return Solution(meetings=met, unscheduled=unscheduled, stats=stats, extra={"method": method})


def reason(board: Board, r: int, *, proven: bool = False) -> Reason:
    """Why request ``r`` is not in the schedule, naming the resource that ran out.

    A request that still fits is left out of a proven optimum with positive priority only by
    a rule no single slot shows: the gap spread.
    """
    g = board.graph
    known = g.reason[r]
    if known is not None:
        return known
    problem = g.problem
    people = problem.participants
    for p in (int(g.buyer[r]), int(g.exhibitor[r])):
        if board.load[p] >= g.cap[p]:
            cap = people[p].max_meetings
            if cap is not None and cap <= int(g.avail[p].sum()):
                return limit(Code.CAP_REACHED, people[p], max=cap)
            return limit(Code.FULLY_BOOKED, people[p])
    b, e = int(g.buyer[r]), int(g.exhibitor[r])
    free = g.both(r) & ~board.busy[b] & ~board.busy[e]
    if not free.any():
        return Reason(Code.BOTH_BOOKED)
    earlier = [problem.request_index[q] for q in problem.requests[r].after]
    if earlier:
        named = [problem.requests[q].id for q in earlier]
        missing = [problem.requests[q].id for q in earlier if board.slot[q] < 0]
        if missing:
            return Reason(Code.EARLIER_NOT_MET, {"requests": missing})
        free &= g.rank > max(int(g.rank[board.slot[q]]) for q in earlier)
        if not free.any():
            return Reason(Code.NO_SLOT_AFTER, {"requests": named})
    c = int(g.lang_class[r])
    if c >= 0:
        able = g.class_interpreters[c]
        idle = (g.interp_avail[able] & ~board.ibusy[able]).any(axis=0)
        if not (free & idle).any():
            slots = slot_ids(problem, np.flatnonzero(free).tolist())
            return interpreter(Code.INTERPRETERS_BUSY, people[b], people[e], slots=slots)
        free &= idle
    if not (free & (board.used < g.tables)).any():
        return Reason(Code.TABLES_FULL, {"slots": slot_ids(problem, np.flatnonzero(free).tolist())})
    if g.priority[r] < 0:
        return Reason(Code.NEGATIVE_PRIORITY)
    if proven and problem.max_gap_spread is not None and g.priority[r] > 0:
        return Reason(Code.GAP_SPREAD)
    return Reason(Code.NOT_PLACED)
