"""The scheduler of general B2B events: any two participants, required meetings, windows,
fixed slots, order and a fair spread of idle gaps (docs/algorithms/scheduling.md).

One CP-SAT model over (request, slot) Booleans with every required meeting a hard rule,
solved in stages with the optimum of each stage fixed before the next: the most kept meetings
of a previous solution, the most people who asked with a meeting, the largest total priority,
and the fewest idle gaps. A gap is a Boolean per participant and slot, true exactly where a
run of free slots starts between two meetings of the same day, so the objective is a plain
sum of Booleans: CP-SAT's core-based search raises its lower bound one unsatisfiable core at a
time, which is what proves the optimum on events of the size of the literature's (Bofill et
al., JAIR 74, 2022), helped by an all-different over each person's meeting slots, which
counts where clauses cannot. When there is no schedule, a second model asks for the
required meetings through assumptions, and its proof names a set that clashes. Large events
count gaps the lighter way, as runs minus days attended, and bound them by what each person's
own meetings force (``alone``).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

import numpy as np
from ortools.sat.python import cp_model

from tradefair.engine.schedule import alone, hints, holders, patterns
from tradefair.engine.schedule.anneal import anneal
from tradefair.engine.schedule.board import Board
from tradefair.engine.schedule.bounds import Bounds
from tradefair.engine.schedule.exact import WORKERS
from tradefair.engine.schedule.general_model import Model, build, slots_by_request
from tradefair.engine.schedule.graph import RequestGraph, request_graph
from tradefair.engine.schedule.keep import pin_kept
from tradefair.engine.schedule.problem import Problem, Solution
from tradefair.engine.schedule.report import build_solution

Progress = Callable[[str, float], None]
Var = cp_model.IntVar

# Share of the time left that each optional stage may take; the gaps stage takes the rest.
KEEP_SHARE = 0.2
SERVED_SHARE = 0.25
PRIORITY_SHARE = 0.25
# The gaps stage, as (stage, share of the time left). On events of the literature's size
# ("together") CP-SAT's core search proves the bound on one core while the other anneals
# CP-SAT's first schedule and then improves it in neighbourhoods that keep people's busy
# slots (``patterns``); it ends when either reaches the other. Core search starts its bound
# afresh with each solve, so it gets one solve; on paper-28 it proves the bound of 13 in
# 9-27 s, but its schedule at the bound comes at 32-120 s, where the neighbourhoods reach
# 13-15 gaps in 50 s. On large events (no core search) CP-SAT's first schedule is annealed
# for the rest: handed back to CP-SAT for the last half, as before, CP-SAT started from it
# (complete hint) and improved nothing in 23 s, where annealing on ended 10x-13 and 10x-14
# at 219 and 123 gaps against 253 and 139.
GAPS_PLAN = {  # by large
    False: (("together", 1.0),),
    True: (("gaps", 0.2), ("anneal", 1.0)),
}
# In "together", the share of the time the annealing gets before the neighbourhoods. Three
# runs each of the whole solver (other seeds for the annealing and the neighbourhoods), a
# tenth against a fifth: paper-5 6 (proven in 56.9 s), 7, 7 against 9, 7, 9; paper-28 13,
# 13, 14 against 14, 14, 13; paper-31 14, 14, 13 against 14, 14, 14.
ANNEAL_SHARE = 0.1
# Share of the time left for the large events' bound (``alone``): 2.0 s and 1.0 s of two
# cores on the bench's two events of ten times the size, where it proves 52 and 34 gaps
# (CP-SAT's bound on the whole model: 0).
ALONE_SHARE = 0.05
# CP-SAT workers beyond the cores in the stages other than the gaps stage of events of the
# literature's size: three on two cores (the LP search, another full search and
# neighbourhood search between them).
EXTRA_WORKERS = 1
# The gaps stage of events of the literature's size on two workers: core search and the LP
# search, a core each, and no neighbourhood search. Core search's bound proves these events
# and it finds the schedule at its bound itself; the LP search's bound proves small events
# with optional meetings in a second. Three runs each (seeds 0-2, two cores, the whole
# solver): paper-9 proven in 20-25 s and paper-2 in 18-22 s, where three workers (the two
# and neighbourhood search, sharing the cores) proved them in 35 s once and not within 60 s
# twice, and in 24-31 s. Unnamed, two workers run one full search (without core search) and
# the neighbourhoods; core search alone with the neighbourhoods left the small event with
# optional meetings unproven after 18 s (4 >= 3), where the LP search proves it in 0.3 s.
GAPS_SUBSOLVERS = ("core", "default_lp")
CLASH = (
    "cannot all be scheduled together under the rules "
    "(slots, availability, tables, order and the gap spread)"
)


class Infeasible(Exception):
    """No schedule places every required meeting: ``proven`` when none exists, not only
    when none was found in the time limit."""

    def __init__(self, message: str, *, proven: bool) -> None:
        super().__init__(message)
        self.proven = proven

    def __str__(self) -> str:
        head = "infeasible (proven)" if self.proven else "no complete schedule found"
        return f"{head}: {self.args[0]}"


def solve_general(
    problem: Problem,
    *,
    time_limit: float = 60.0,
    keep: Solution | None = None,
    progress: Progress | None = None,
    workers: int = WORKERS,
) -> Solution:
    """The lexicographic optimum, or the best found in ``time_limit``; ``Infeasible`` when the
    required meetings cannot all be placed.

    ``keep``, a previous solution: as many of its still-valid meetings as the required ones
    allow stay in their slots and at their tables (a stage before all others).
    """
    started = time.monotonic()
    deadline = started + time_limit
    report: Progress = progress if progress is not None else (lambda _phase, _share: None)
    report("index", 0.0)
    g = request_graph(problem)
    _refuse_impossible(g)
    m = build(g)
    solver = cp_model.CpSolver()

    report("required", 0.1)
    for v in m.need.values():
        m.model.add(v == 1)  # hard: presolve and the neighbourhood workers need no assumptions
    stages: list[tuple[str, cp_model.LinearExprT, bool, float]] = []
    kept = _kept(g, m, keep)
    if kept:
        stages.append(("keep", cp_model.LinearExpr.sum([m.x[rt] for rt in kept]), True, KEEP_SHARE))
    if {r for r, _ in m.x} - m.need.keys():  # something optional to choose
        weights = [int(g.priority[r]) for r, _ in m.x]
        stages += [
            ("served", cp_model.LinearExpr.sum(m.served), True, SERVED_SHARE),
            (
                "priority",
                cp_model.LinearExpr.weighted_sum(list(m.x.values()), weights),
                True,
                PRIORITY_SHARE,
            ),
        ]
    if m.interp:  # annealing moves slots; interpreters are matched in CP-SAT's model only
        stages.append(("gaps", m.gaps, False, 1.0))
    else:  # CP-SAT and annealing, shared by size (GAPS_PLAN)
        stages += [(name, m.gaps, False, share) for name, share in GAPS_PLAN[m.large]]
    hint: list[int] | None = None
    settled: dict[str, bool] = {}  # per stage: proven optimal
    bounds: dict[str, int] = {}
    if m.large:  # no core search there: the gaps each person's own meetings force
        until = time.monotonic() + ALONE_SHARE * (deadline - time.monotonic())
        bounds["gaps"] = alone.bound(g, m.x, until, threads=max(1, min(workers, _cores())))
    annealed: int | None = None
    for n, (name, objective, most, share) in enumerate(stages):
        report("gaps" if name in ("anneal", "together") else name, 0.2 + 0.7 * n / len(stages))
        left = deadline - time.monotonic()
        if name == "anneal":
            until = time.monotonic() + share * left
            if hint is None:  # CP-SAT's share found no schedule: its first one, then anneal
                hint = _first_schedule(solver, m, until - time.monotonic(), workers)
            if hint is not None:
                hint, annealed = _anneal(g, m, hint, kept, until)
            continue
        if hint is None and name in ("gaps", "together") and not m.large:
            # Core search and the LP search find their first schedule late (paper-5: none in
            # 12 s), CP-SAT's whole portfolio in a second: their search starts from it.
            hint = _first_schedule(solver, m, share * left, workers)
            left = deadline - time.monotonic()
        if name == "together":
            if hint is not None:
                hint, bounds["gaps"], settled["gaps"] = _together(
                    g, m, solver, hint, kept, time.monotonic() + share * left, workers
                )
                break
            # None yet (found in none of this time, or there is none): CP-SAT's portfolio
            # searches on alone, and proves it when there is none.
            name = "first"
        solver.parameters.max_time_in_seconds = max(0.5, share * left)
        _portfolio(solver, m, workers, core=name == "gaps")
        m.model.clear_hints()
        if hint is not None:
            _hint(m, hint)
        else:  # the kept meetings, a partial schedule to start from
            for rt in kept:
                m.model.add_hint(m.x[rt], 1)
        if most:
            m.model.maximize(objective)
        else:
            m.model.minimize(objective)
        status = _solve_stage(solver, m.model)
        if status == cp_model.INFEASIBLE:
            raise Infeasible(_clash(g, max(1.0, deadline - time.monotonic())), proven=True)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            settled[name] = False
            if hint is None:
                continue  # nothing found yet: the next stage searches on with its time
            break  # the hint is a complete schedule
        best = round(solver.objective_value)
        # The runs model's relaxation can go below 0; a later gaps stage's bound may be
        # below an earlier one's (its core search starts afresh): the best holds.
        bounds[name] = max(round(solver.best_objective_bound), bounds.get(name, 0))
        settled[name] = status == cp_model.OPTIMAL
        if annealed is not None and annealed < best:
            best = annealed  # CP-SAT did not get back to the annealed schedule: keep that
        else:
            hint = [int(solver.boolean_value(v)) for v in m.x.values()]
        m.model.add(objective >= best if most else objective <= best)
        if name == "gaps" and settled[name]:
            break  # proven: annealing has nothing to gain
    proven = all(settled.values())
    if hint is None:
        raise Infeasible(
            f"no schedule with all {len(m.need)} required meetings was found in the time "
            "limit; allow more time (--time-limit)",
            proven=False,
        )
    board = _board(g, m, hint)
    requesting = len({p for r in problem.requests for p in r.requesters})
    served_bound = bounds.get("served", len(m.served))
    unmet_elsewhere = requesting - len(m.served)  # people who asked and can meet nobody
    solution = build_solution(
        board,
        {r: table for (r, t), table in kept.items() if board.slot[r] == t},
        Bounds(
            count=_count_bound(g),
            priority=bounds.get("priority", int(g.priority[g.valid].clip(min=0).sum())),
            min_buyers_without_meeting=unmet_elsewhere + len(m.served) - served_bound,
            buyers_requesting=requesting,
        ),
        seconds=time.monotonic() - started,
        method="general",
        proven=proven,
    )
    report("done", 1.0)
    assert solution.stats is not None
    stats = replace(
        solution.stats,
        idle_gaps_lower_bound=bounds.get("gaps"),
        status="optimal" if proven else "feasible",
    )
    return replace(solution, stats=stats)


def _portfolio(solver: cp_model.CpSolver, m: Model, workers: int, *, core: bool) -> None:
    """Set the workers of the next solve: core search in the gaps stage of events of the
    literature's size, with the LP search beside it on two workers (``GAPS_SUBSOLVERS``);
    CP-SAT's own portfolio otherwise."""
    params = solver.parameters
    core = core and not m.large
    params.optimize_with_core = core
    params.subsolvers.clear()
    params.num_full_subsolvers = 0  # CP-SAT's own count
    params.use_lns = True
    cores = _cores()
    if core and min(workers, cores) == 2:
        params.num_workers = 2
        params.subsolvers.extend(GAPS_SUBSOLVERS)
        params.num_full_subsolvers = len(GAPS_SUBSOLVERS)
        params.use_lns = False  # no thread is left for it
    elif core:
        params.num_workers = min(workers, cores)  # one: core search; more: it is among them
    else:
        params.num_workers = min(workers, cores + (0 if m.large else EXTRA_WORKERS))


def _cores() -> int:
    """The cores this process may run on (a benchmark pins it to two)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _kept(g: RequestGraph, m: Model, keep: Solution | None) -> dict[tuple[int, int], int]:
    """The previous solution's meetings that may stay, by (request, slot), with their tables:
    together they keep every rule a board checks (people, caps, tables, interpreters) and each
    slot is still one its request may take."""
    if keep is None:
        return {}
    board = Board(g)
    tables = pin_kept(board, keep)
    return {
        (r, int(board.slot[r])): table
        for r, table in tables.items()
        if (r, int(board.slot[r])) in m.x
    }


def _refuse_impossible(g: RequestGraph) -> None:
    """Required meetings that no schedule can hold, told before any search."""
    problem = g.problem
    faults = []
    required_of: dict[int, int] = defaultdict(int)
    for r, request in enumerate(problem.requests):
        if not request.required:
            continue
        why = g.reason[r]
        if why is not None:
            faults.append(f"required request {request.id} can never be met: {why.english()}")
            continue
        if not (g.pair_slots(r) & (g.tables > 0)).any():
            faults.append(f"required request {request.id} has no slot with tables it may take")
        required_of[int(g.buyer[r])] += 1
        required_of[int(g.exhibitor[r])] += 1
    for p, count in required_of.items():
        if count > g.cap[p]:
            person = problem.participants[p]
            faults.append(
                f"{person.side.value} {person.id} has {count} required meetings "
                f"but can have at most {int(g.cap[p])}"
            )
    if faults:
        raise Infeasible("; ".join(faults), proven=True)


def _solve_stage(solver: cp_model.CpSolver, model: cp_model.CpModel) -> int:
    """One stage's search (a seam for tests that need a stage to run out of time)."""
    return int(solver.solve(model))


def _clash(g: RequestGraph, seconds: float) -> str:
    """Which required requests clash, for the message of a proven infeasibility.

    The staged search makes the required rule hard, so its proof names nothing. A fresh model
    asks for each required meeting through an assumption literal, and one sequential worker
    (which reports the assumptions its proof used) returns a subset that already clashes.
    """
    m = build(g, assumed=True)
    ids = {v.index: g.problem.requests[r].id for r, v in m.need.items()}
    m.model.add_assumptions(list(m.need.values()))
    single = cp_model.CpSolver()
    single.parameters.num_workers = 1
    single.parameters.max_time_in_seconds = seconds
    named: list[str] = []
    if single.solve(m.model) == cp_model.INFEASIBLE:
        used = single.sufficient_assumptions_for_infeasibility()
        named = [ids[i] for i in used if i in ids]
    told = f"requests {', '.join(named)}" if named else "the required requests"
    return f"{told} {CLASH}"


def _hint(m: Model, chosen: list[int]) -> None:
    """Hint the schedule ``chosen`` (a value per meeting Boolean) with every variable's value
    (``hints``: CP-SAT starts from complete hints only); the meetings alone, for the
    branching, if the rest cannot be completed in time."""
    slot_of = {r: t for (r, t), on in zip(m.x, chosen, strict=True) if on}
    if not hints.hint_schedule(m.model, m.x, slot_of):
        for v, on in zip(m.x.values(), chosen, strict=True):
            m.model.add_hint(v, on)


def _first_schedule(
    solver: cp_model.CpSolver, m: Model, seconds: float, workers: int
) -> list[int] | None:
    """CP-SAT's first complete schedule within ``seconds``, as a hint, or None. At ten times
    the literature's size the first gaps share sometimes ends before any schedule (10x-13 then
    ended at 994 gaps without annealing, 208-240 with it)."""
    solver.parameters.max_time_in_seconds = max(0.5, seconds)
    solver.parameters.stop_after_first_solution = True
    _portfolio(solver, m, workers, core=False)  # core search has a schedule only at its end
    m.model.clear_hints()
    try:
        status = _solve_stage(solver, m.model)
    finally:
        solver.parameters.stop_after_first_solution = False
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [int(solver.boolean_value(v)) for v in m.x.values()]


def _anneal(
    g: RequestGraph, m: Model, hint: list[int], kept: dict[tuple[int, int], int], until: float
) -> tuple[list[int], int]:
    """The schedule ``hint`` annealed until ``until`` (``anneal.anneal``), as a hint again,
    and its gaps."""
    found, gaps = _anneal_slots(g, m, hint, kept, until)
    return [int(found.get(r) == t) for r, t in m.x], gaps


def _anneal_slots(
    g: RequestGraph,
    m: Model,
    hint: list[int],
    kept: dict[tuple[int, int], int],
    until: float,
    stop: Callable[[], bool] = lambda: False,
) -> tuple[dict[int, int], int]:
    """The schedule ``hint`` annealed until ``until`` or ``stop()``, as request -> slot, and
    its gaps. Kept meetings still in their slot stay there."""
    slot_of = {r: t for (r, t), on in zip(m.x, hint, strict=True) if on}
    allowed = {r: set(ts) for r, ts in slots_by_request(m.x).items()}
    fixed = {r for r, t in kept if slot_of.get(r) == t}
    return anneal(g, slot_of, allowed, fixed=fixed, deadline=until, stop=stop)


def _together(
    g: RequestGraph,
    m: Model,
    solver: cp_model.CpSolver,
    hint: list[int],
    kept: dict[tuple[int, int], int],
    until: float,
    workers: int,
) -> tuple[list[int], int, bool]:
    """The gaps stage on events of the literature's size (``GAPS_PLAN``): CP-SAT's core search
    on the whole model in a thread, from ``hint``, while this thread anneals the schedule,
    then improves it by ``patterns``, choosing who holds the gaps (``holders``) after their
    first step; each stops the other when it reaches it (a schedule at the proven bound, or
    a proof). The schedule, the bound and whether proven."""
    m.model.minimize(m.gaps)
    m.model.clear_hints()
    _hint(m, hint)
    base = m.model.clone()  # the neighbourhoods' copies come from this one, not the one solved
    bound = [0]
    solver.best_bound_callback = lambda b: bound.__setitem__(0, max(bound[0], math.ceil(b - 1e-6)))
    solver.parameters.max_time_in_seconds = max(0.5, until - time.monotonic())
    _portfolio(solver, m, max(1, min(workers, _cores()) - 1), core=True)
    if solver.parameters.num_workers == 1:  # CP-SAT's single worker is no core search
        solver.parameters.subsolvers.append("core")
        solver.parameters.num_full_subsolvers = 1
        solver.parameters.use_lns = False  # its thread is core search's
    status: list[int] = []
    search = threading.Thread(target=lambda: status.append(_solve_stage(solver, m.model)))
    search.start()
    try:
        slot_of, gaps = _anneal_slots(
            g,
            m,
            hint,
            kept,
            time.monotonic() + ANNEAL_SHARE * (until - time.monotonic()),
            stop=lambda: not search.is_alive(),
        )

        def choose_holders(slot_of: dict[int, int], gaps: int) -> tuple[dict[int, int], int]:
            return holders.improve(
                base,
                m.x,
                m.starts,
                g,
                slot_of,
                gaps,
                deadline=until,
                stop=lambda: gaps <= bound[0] or not search.is_alive(),
                workers=max(1, min(workers, _cores())),
            )

        slot_of, gaps, proven = patterns.improve(
            base,
            m.x,
            m.busy,
            m.starts,
            g,
            slot_of,
            gaps,
            deadline=until,
            enough=lambda best: best <= bound[0] or not search.is_alive(),
            then=choose_holders,
        )
    finally:
        solver.stop_search()
        search.join()
        solver.best_bound_callback = None
    code = status[0] if status else cp_model.UNKNOWN  # none: the thread raised (it said so)
    found = code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    low = max(bound[0], math.ceil(solver.best_objective_bound - 1e-6) if found else 0)
    if found and round(solver.objective_value) <= gaps:
        chosen = [int(solver.boolean_value(v)) for v in m.x.values()]
        gaps, proven = round(solver.objective_value), code == cp_model.OPTIMAL or proven
    else:
        chosen = [int(slot_of.get(r) == t) for r, t in m.x]
    low = gaps if proven else min(low, gaps)
    return chosen, low, proven or gaps <= low


def _board(g: RequestGraph, m: Model, chosen: list[int]) -> Board:
    """The chosen meetings on a board. Interpreters are matched slot by slot along augmenting
    paths, which finds a full matching whenever one exists, as the model guarantees."""
    board = Board(g)
    for (r, t), on in zip(m.x, chosen, strict=True):
        if on:
            board.place(r, t, board.augment_interpreter(r, t) if (r, t) in m.interp else -1)
    return board


def _count_bound(g: RequestGraph) -> int:
    """Meetings no schedule can exceed: the valid requests, the tables and people present in
    each slot (two per meeting), and everyone's capacity (two ends per meeting)."""
    valid = np.flatnonzero(g.valid)
    if valid.size == 0:
        return 0
    used = np.zeros(g.n_participants, dtype=bool)
    used[g.buyer[valid]] = used[g.exhibitor[valid]] = True
    present = (g.avail & used[:, None]).sum(axis=0)
    per_slot = int(np.minimum(g.tables, present // 2).sum())
    degree = np.bincount(
        np.concatenate([g.buyer[valid], g.exhibitor[valid]]), minlength=g.n_participants
    )
    ends = int(np.minimum(g.cap, degree).sum()) // 2
    return min(int(valid.size), per_slot, ends)
