"""The scheduler: exact CP-SAT on small problems, a flow-based decomposition at scale.

See docs/algorithms/scheduling.md. Both routes start from the same board (kept meetings
pinned first), end with the same gap-closing pass and report against the same bounds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from tradefair.engine.schedule.assign import assign
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import Bounds, upper_bounds
from tradefair.engine.schedule.days import retime
from tradefair.engine.schedule.exact import solve_exact
from tradefair.engine.schedule.gaps import compact
from tradefair.engine.schedule.general import solve_general
from tradefair.engine.schedule.graph import IntArray, RequestGraph, request_graph
from tradefair.engine.schedule.improve import fill, fill_order
from tradefair.engine.schedule.keep import pin_kept
from tradefair.engine.schedule.problem import Problem, Solution
from tradefair.engine.schedule.report import build_solution
from tradefair.engine.schedule.select import select, select_with_interpreters
from tradefair.engine.schedule.serve import serve_unserved, upgrade

Progress = Callable[[str, float], None]

SMALL_PARTICIPANTS = 120  # CP-SAT proves the optimum of fairs this size in seconds
SMALL_REQUESTS = 1_500
LAMBDA_STEPS = 7  # flows spent balancing the count against the priority
MIX_STEPS = 6  # flows spent on points between the last two λ values
# The decomposition stops its local search at this share of the time limit, leaving the
# rest for the gap pass and for slow machines.
UPGRADE_SHARE = 0.5
RETIME_SHARE = 0.7  # re-timing into fewer days stops here; the gap pass may use the rest
# Hundredths of a priority unit charged to interpreted meetings in the selection: the flow
# does not see interpreters, and choosing fewer of those pairs leaves room for plain ones.
INTERPRETER_PENALTY = 600
# With interpreted requests the selection keeps this share of the count bound and takes the
# most priority under it: interpreters cost priority, and the point where the two ratios meet
# (about 98.8 % of each bound at the reference size) gives up more meetings than priority.
COUNT_SHARE = 0.995


def solve(
    problem: Problem,
    *,
    time_limit: float = 60.0,
    keep: Solution | None = None,
    progress: Progress | None = None,
    pack_days: bool = True,
) -> Solution:
    """Schedule every request it can; hard rules always hold, whatever the time limit.

    Problems with general rules (``Problem.is_general``) go to ``general.solve_general``,
    which raises ``general.Infeasible`` when the required meetings cannot all be placed.

    ``pack_days=False`` skips objective (d) on fairs too large for the exact model (no
    re-timing into fewer days, gaps alone in the last pass): the scheduler as it was before
    that objective, which the benchmark runs beside it.
    """
    if problem.is_general:
        return solve_general(problem, time_limit=time_limit, keep=keep, progress=progress)
    started = time.monotonic()
    deadline = started + time_limit
    report: Progress = progress if progress is not None else (lambda _phase, _share: None)
    report("index", 0.0)
    g = request_graph(problem)
    report("bounds", 0.05)
    bounds = upper_bounds(problem, g)
    board = Board(g)
    tables = pin_kept(board, keep)
    method = "decomposition"
    proven = False
    if _is_small(problem):
        report("exact", 0.2)
        budget = max(1.0, (deadline - time.monotonic()) * 0.8)
        proven = solve_exact(board, time_limit=budget)
        method = "exact"
        if not proven:
            # CP-SAT ran out of time: keep its schedule but still fill what it left.
            fill(board, fill_order(board, _open(g, board)), deadline=deadline)
    else:
        base = board.copy()
        _decompose(board, bounds, min(deadline, started + UPGRADE_SHARE * time_limit), report)
        if pack_days:
            report("days", 0.85)
            board = retime(board, base, deadline=started + RETIME_SHARE * time_limit)
    report("gaps", 0.9)
    compact(board, deadline=deadline, days=pack_days)
    report("done", 1.0)
    solution = build_solution(
        board, tables, bounds, seconds=time.monotonic() - started, method=method
    )
    solution.extra["proven_optimal"] = proven
    return solution


def _is_small(problem: Problem) -> bool:
    return (
        len(problem.participants) <= SMALL_PARTICIPANTS and len(problem.requests) <= SMALL_REQUESTS
    )


def _open(g: RequestGraph, board: Board) -> IntArray:
    """Valid requests not on the board."""
    return np.flatnonzero(g.valid & (board.slot < 0))


def _decompose(board: Board, bounds: Bounds, deadline: float, report: Progress) -> None:
    """Select by flow, assign slot by slot, then repair and fill."""
    g = board.graph
    report("select", 0.15)
    chosen = _interpreter_selection(board, bounds)
    if chosen is None:
        chosen = _balanced_selection(board, bounds)
    report("assign", 0.5)
    left = assign(board, chosen)
    report("repair", 0.6)
    fill(board, fill_order(board, left), deadline=deadline)
    report("fill", 0.7)
    rest = _open(g, board)
    fill(board, fill_order(board, rest[g.priority[rest] >= 0]), deadline=deadline)
    report("serve", 0.8)
    serve_unserved(board, deadline=deadline)
    upgrade(board, deadline=deadline)


def _interpreter_selection(board: Board, bounds: Bounds) -> IntArray | None:
    """With interpreted requests among the open ones: the most priority with at least
    ``COUNT_SHARE`` of the count bound, on the programme that sees the interpreters (the flow
    does not, and charging interpreted pairs a penalty there loses priority the interpreters
    could carry). Buyers first: as many as the bound says can be served, else the later
    phases serve them. None without interpreted requests or when no selection keeps that
    many meetings."""
    g = board.graph
    cands = _open(g, board)
    if not (g.lang_class[cands] >= 0).any():
        return None
    on = board.slot >= 0
    at_least = max(0, math.ceil(COUNT_SHARE * bounds.count) - int(on.sum()))
    served = np.unique(g.buyer[on]).size
    can_serve = bounds.buyers_requesting - bounds.min_buyers_without_meeting - served
    for serve in (max(can_serve, 0), 0):
        chosen = select_with_interpreters(board, cands, at_least=at_least, serve=serve)
        if chosen is not None:
            return chosen
    return None


def _balanced_selection(board: Board, bounds: Bounds) -> IntArray:
    """The selection on the count-priority frontier whose worse ratio to its bound is best.

    Buyers served always come first (the selection's bonus). Priority alone often leaves a
    few percent of the possible meetings out; valuing each meeting at λ extra priority trades
    a little priority for many more meetings. λ is found by bisection on where the two ratios
    to their bounds cross; λ = 0.01 is a pure tie-break towards more meetings.
    """
    g = board.graph
    cands = _open(g, board)
    base_count = int((board.slot >= 0).sum())
    base_prio = int(g.priority[board.slot >= 0].sum())

    scarce = np.where(g.lang_class[cands] >= 0, INTERPRETER_PENALTY, 0).astype(np.int64)

    def ratios(k: int | IntArray) -> tuple[float, float, IntArray]:
        chosen = select(board, cands, penalty=scarce - k)
        count = (base_count + chosen.size) / max(bounds.count, 1)
        prio = (base_prio + int(g.priority[chosen].sum())) / max(bounds.priority, 1)
        return count, prio, chosen

    lo, hi = 1, 1000
    count, prio, best = ratios(lo)
    best_score = min(count, prio)
    if count >= prio:
        return best
    for _ in range(LAMBDA_STEPS):
        mid = (lo + hi) // 2
        count, prio, chosen = ratios(mid)
        if min(count, prio) > best_score:
            best, best_score = chosen, min(count, prio)
        if count < prio:
            lo = mid
        else:
            hi = mid
    # Priorities are small integers, so the frontier jumps between λ values (many exchanges
    # tie at once). Points between lo and hi: a share φ of the candidates (a fixed random
    # order) is valued at hi, the rest at lo; φ is bisected the same way.
    rank = np.random.default_rng(0).permutation(cands.size)
    a, z = 0.0, 1.0
    for _ in range(MIX_STEPS):
        phi = (a + z) / 2
        count, prio, chosen = ratios(np.where(rank < phi * cands.size, hi, lo).astype(np.int64))
        if min(count, prio) > best_score:
            best, best_score = chosen, min(count, prio)
        if count < prio:
            a = phi
        else:
            z = phi
    return best
