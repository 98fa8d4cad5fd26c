"""Place the exhibitors: the exact optimum when the problem is small, a sector-aware fill and
an improvement pass when it is not; never worse than the greedy baseline on the objectives'
order, and every answer checked against the hard rules by ``Plan``.

The fill goes zone by zone. Within a zone the sectors come in turn, largest first, and each
exhibitor (largest booking first within its sector) takes the free rectangle that touches
the most modules of its own sector already placed, then the one worth the most premium for
its points, then the first in reading order: a sector grows as one block that visitors find
in one place, and the first booth of a sector starts where the previous sector ended. A
zone filled this way is compared with the same zone filled largest-first (which packs more
when space is tight) and the better on (a), then (b), is kept. Last, exhibitors of one sector
and one booth shape swap booths when that gives more points on premium modules: the sector's
modules stay the same, so the clustering does not move.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable

from tradefair.engine.booths.bounds import upper_bound
from tradefair.engine.booths.exact import SHARES, ExactSolve
from tradefair.engine.booths.geometry import clustering, premium_score
from tradefair.engine.booths.greedy import fill_greedily
from tradefair.engine.booths.plan import Plan
from tradefair.engine.booths.problem import Problem, Solution
from tradefair.engine.booths.rectangles import Rectangle, Rectangles

EXACT_UP_TO = 60  # exhibitors: CP-SAT proves the optimum at this size within seconds


def solve(
    problem: Problem,
    *,
    time_limit: float = 60.0,
    keep: dict[str, tuple[str, ...]] | None = None,
    exact_up_to: int = EXACT_UP_TO,
) -> Solution:
    """The best allocation found; ``keep`` maps exhibitors to booths of a previous solution
    that stay where they are while still valid."""
    started = time.perf_counter()
    rectangles = Rectangles(problem)
    bound = upper_bound(problem, rectangles)

    def fresh() -> Plan:
        plan = Plan(problem, rectangles)
        _keep(plan, keep or {})
        return plan

    best = fresh()
    fill_greedily(best)  # the baseline: ours must beat it or be it
    if len(problem.exhibitors) <= exact_up_to:
        plan, hint = fresh(), _fill(fresh(), _by_sector).booth
        solves = [ExactSolve(plan, only=group, hint=hint) for group in zone_groups(problem)]
        # A little is kept back for the fills the answer is compared with.
        deadline = started + 0.95 * time_limit
        for stage, share in enumerate(SHARES):
            stage_end = time.perf_counter()
            stage_end += max(0.0, deadline - stage_end) * share / sum(SHARES[stage:])
            waiting = sum(len(s.options) for s in solves)
            for solve in solves:  # what a group leaves unused goes to the next ones
                left = max(0.0, stage_end - time.perf_counter())
                solve.run(left * len(solve.options) / max(1, waiting))
                waiting -= len(solve.options)
        for solve in solves:
            solve.place(plan)
        if all(solve.proven for solve in solves):
            return plan.solution(bound, time.perf_counter() - started)
        candidates = [plan, _fill(fresh(), _by_sector), _fill(fresh(), _by_size)]
    else:
        candidates = [_fill(fresh(), _by_sector), _fill(fresh(), _by_size)]
    for plan in candidates:
        fill_greedily(plan)  # anyone still left, wherever they fit
        if _score(plan) > _score(best):
            best = plan
    _swap_for_premium(best)
    return best.solution(bound, time.perf_counter() - started)


def zone_groups(problem: Problem) -> list[set[int]]:
    """The exhibitors in groups of zones that nothing links: zones link when two of their
    modules touch and their exhibitors share a sector or count a competitor between them.
    Each group's optimum is then found on its own, which is the optimum of the whole."""
    zones = sorted(problem.zone_modules)
    parent = {z: z for z in zones}

    def root(z: str) -> str:
        while parent[z] != z:
            parent[z] = parent[parent[z]]
            z = parent[z]
        return z

    sectors: dict[str, set[str]] = defaultdict(set)
    members: dict[str, set[int]] = defaultdict(set)
    for e, exhibitor in enumerate(problem.exhibitors):
        members[exhibitor.zone].add(e)
        if exhibitor.sector is not None:
            sectors[exhibitor.zone].add(exhibitor.sector)
    for i, module in enumerate(problem.modules):
        for j in problem.neighbours[i]:
            a, b = module.zone, problem.modules[j].zone
            if a == b or root(a) == root(b):
                continue
            rivals = any(problem.rivals[e] & members[b] for e in members[a])
            if rivals or sectors[a] & sectors[b]:
                parent[root(a)] = root(b)
    groups: dict[str, set[int]] = defaultdict(set)
    for zone in zones:
        groups[root(zone)] |= members[zone]
    return [group for group in groups.values() if group]


def _keep(plan: Plan, keep: dict[str, tuple[str, ...]]) -> None:
    """Booths of a previous solution stay where they still fit the exhibitor's booking."""
    problem = plan.problem
    for exhibitor, modules in keep.items():
        e = problem.exhibitor_index.get(exhibitor)
        if e is None or e in plan.booth or any(m not in problem.module_index for m in modules):
            continue
        booth = tuple(sorted(problem.module_index[m] for m in modules))
        options = {
            tuple(sorted(r))
            for r in plan.rectangles.of(problem.exhibitors[e].zone, problem.exhibitors[e].modules)
        }
        if booth in options and plan.fits(e, booth):
            plan.place(e, booth)
            plan.pinned.add(e)


def _score(plan: Plan) -> tuple[int, int, float]:
    return (
        plan.placed,
        clustering(plan.problem, plan.owner),
        premium_score(plan.problem, plan.owner),
    )


Order = Callable[[Plan, list[int]], list[int]]


def _by_sector(plan: Plan, exhibitors: list[int]) -> list[int]:
    problem = plan.problem
    size: dict[str | None, int] = defaultdict(int)
    for e in exhibitors:
        size[problem.exhibitors[e].sector] += problem.exhibitors[e].modules
    return sorted(
        exhibitors,
        key=lambda e: (
            -size[problem.exhibitors[e].sector],
            problem.exhibitors[e].sector or "",
            -problem.exhibitors[e].modules,
            -problem.exhibitors[e].points,
            problem.exhibitors[e].id,
        ),
    )


def _by_size(plan: Plan, exhibitors: list[int]) -> list[int]:
    problem = plan.problem
    return sorted(
        exhibitors,
        key=lambda e: (-problem.exhibitors[e].modules, -problem.exhibitors[e].points, e),
    )


def _fill(plan: Plan, order: Order) -> Plan:
    problem = plan.problem
    zones: dict[str, list[int]] = defaultdict(list)
    for e, exhibitor in enumerate(problem.exhibitors):
        if e not in plan.booth:
            zones[exhibitor.zone].append(e)
    for zone in sorted(zones):
        for e in order(plan, zones[zone]):
            rectangle = _best_place(plan, e)
            if rectangle is not None:
                plan.place(e, rectangle)
    return plan


def _best_place(plan: Plan, e: int) -> Rectangle | None:
    problem = plan.problem
    exhibitor = problem.exhibitors[e]
    sector = exhibitor.sector
    owner = plan.owner
    neighbours = problem.neighbours
    best: tuple[int, float] | None = None
    chosen = None
    for rectangle in plan.rectangles.of(exhibitor.zone, exhibitor.modules):
        if not plan.fits(e, rectangle):
            continue
        contact = 0
        if sector is not None:
            for i in rectangle:
                for j in neighbours[i]:
                    o = owner[j]
                    if o >= 0 and problem.exhibitors[o].sector == sector:
                        contact += 1
        worth = exhibitor.points * sum(problem.modules[i].premium for i in rectangle)
        score = (contact, worth)
        if best is None or score > best:
            best, chosen = score, rectangle
    return chosen


def _swap_for_premium(plan: Plan) -> None:
    """Exhibitors of one sector and one booth shape trade booths towards the premium modules
    for the most points; competitors' rule re-checked for each trade."""
    problem = plan.problem
    groups: dict[tuple[str | None, int, int, str], list[int]] = defaultdict(list)
    for e, booth in plan.booth.items():
        if e in plan.pinned:
            continue
        xs = {problem.modules[i].x for i in booth}
        ys = {problem.modules[i].y for i in booth}
        zone = problem.exhibitors[e].zone
        groups[(problem.exhibitors[e].sector, len(xs), len(ys), zone)].append(e)
    for members in groups.values():
        if len(members) < 2:
            continue
        booths = sorted(
            (plan.booth[e] for e in members),
            key=lambda b: -sum(problem.modules[i].premium for i in b),
        )
        wanted = sorted(members, key=lambda e: (-problem.exhibitors[e].points, e))
        before = {e: plan.remove(e) for e in members}
        for e, booth in zip(wanted, booths, strict=True):
            plan.place(e, booth)
        if any(plan.touches_rival(e, plan.booth[e]) for e in members):
            for e in members:
                plan.remove(e)
            for e, booth in before.items():
                plan.place(e, booth)
