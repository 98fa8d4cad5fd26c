"""Every hard rule a booth allocation breaks, whoever produced it.

Shares no code with the solvers beyond the geometry's definitions: it is the independent
witness that the greedy baseline, the solver and plans drawn elsewhere obey the rules. Each
fault names the exhibitor and the modules concerned.
"""

from __future__ import annotations

import math
from collections import defaultdict

from tradefair.engine.booths.geometry import booth_faults, clustering, premium_score
from tradefair.engine.booths.problem import Problem, Solution


def check(problem: Problem, solution: Solution) -> list[str]:
    """Every broken rule; an empty list for a valid allocation."""
    faults: list[str] = []
    seen: dict[str, str] = {}
    owner = [-1] * len(problem.modules)
    holders: dict[int, list[str]] = defaultdict(list)
    for index, allocation in enumerate(solution.allocations):
        where = f"allocations[{index}] ({allocation.exhibitor})"
        e = problem.exhibitor_index.get(allocation.exhibitor)
        if e is None:
            faults.append(f"{where}: unknown exhibitor")
            continue
        if allocation.exhibitor in seen:
            faults.append(f"{where}: exhibitor already in {seen[allocation.exhibitor]}")
            continue
        seen[allocation.exhibitor] = where
        unknown = [m for m in allocation.modules if m not in problem.module_index]
        if unknown:
            faults.append(f"{where}: unknown modules {', '.join(unknown)}")
            continue
        cells = [problem.module_index[m] for m in allocation.modules]
        faults += [f"{where}: {fault}" for fault in booth_faults(problem, e, cells)]
        for i in set(cells):
            holders[i].append(allocation.exhibitor)
            owner[i] = e
    for i, names in sorted(holders.items()):
        if len(names) > 1:
            faults.append(f"module {problem.modules[i].id}: given to {', '.join(names)}")
    faults += _competitors_touching(problem, owner)
    faults += _pins_moved(problem, solution)
    for index, left in enumerate(solution.unallocated):
        where = f"unallocated[{index}] ({left.exhibitor})"
        if left.exhibitor not in problem.exhibitor_index:
            faults.append(f"{where}: unknown exhibitor")
        elif left.exhibitor in seen:
            faults.append(f"{where}: exhibitor already in {seen[left.exhibitor]}")
        else:
            seen[left.exhibitor] = where
    missing = [e.id for e in problem.exhibitors if e.id not in seen]
    if missing:
        faults.append(f"neither allocated nor unallocated: {', '.join(missing)}")
    if solution.stats is not None and not faults:
        faults += _stats_faults(problem, solution, owner)
    return faults


def _competitors_touching(problem: Problem, owner: list[int]) -> list[str]:
    faults = []
    reported: set[tuple[int, int]] = set()
    for i, mine in enumerate(owner):
        if mine < 0:
            continue
        for j in problem.neighbours[i]:
            theirs = owner[j]
            if theirs >= 0 and theirs in problem.rivals[mine] and (mine, theirs) not in reported:
                reported.update({(mine, theirs), (theirs, mine)})
                faults.append(
                    f"competitors touch: {problem.exhibitors[mine].id} at "
                    f"{problem.modules[i].id} and {problem.exhibitors[theirs].id} at "
                    f"{problem.modules[j].id}"
                )
    return faults


def _pins_moved(problem: Problem, solution: Solution) -> list[str]:
    given = {a.exhibitor: set(a.modules) for a in solution.allocations}
    return [
        f"pinned {pin.exhibitor}: not kept at {', '.join(pin.modules)}"
        for pin in problem.pinned
        if given.get(pin.exhibitor) != set(pin.modules)
    ]


def _stats_faults(problem: Problem, solution: Solution, owner: list[int]) -> list[str]:
    stats = solution.stats
    assert stats is not None
    faults = []
    placed = sum(1 for e in owner if e >= 0)
    if stats.modules_placed != placed:
        faults.append(f"stats: modules_placed is {stats.modules_placed}, the allocations {placed}")
    if stats.upper_bound < placed:
        faults.append(f"stats: upper_bound {stats.upper_bound} is below the {placed} placed")
    pairs = clustering(problem, owner)
    if stats.clustering != pairs:
        faults.append(f"stats: clustering is {stats.clustering}, the allocations {pairs}")
    score = premium_score(problem, owner)
    if not math.isclose(stats.premium_score, score, rel_tol=1e-9, abs_tol=1e-6):
        faults.append(f"stats: premium_score is {stats.premium_score:g}, the allocations {score:g}")
    return faults
