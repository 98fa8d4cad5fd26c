"""What a set of modules is on the grid: one full rectangle, touching another set or not.

Shared by the reader (a pinned booth must obey the rules) and the checker; the solvers build
their rectangles from ``rectangles`` and never produce any other shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tradefair.engine.booths.problem import Problem


def shape_fault(problem: Problem, modules: Sequence[int]) -> str | None:
    """Why the modules (indices, distinct) are not one full axis-aligned rectangle; None if
    they are."""
    if not modules:
        return "no modules"
    cells = [problem.modules[i] for i in modules]
    halls = sorted({m.hall for m in cells})
    if len(halls) > 1:
        return f"modules in several halls ({', '.join(halls)})"
    xs = [m.x for m in cells]
    ys = [m.y for m in cells]
    width, height = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    if width * height != len(cells):
        return (
            f"not one full rectangle: {len(cells)} modules spread over "
            f"x {min(xs)}..{max(xs)}, y {min(ys)}..{max(ys)} in hall {halls[0]}"
        )
    return None


def booth_faults(problem: Problem, e: int, cells: Sequence[int]) -> list[str]:
    """What is wrong with giving exhibitor ``e`` the modules ``cells`` (indices) on their own:
    a module twice, a count other than booked, a module outside its zone, not a rectangle."""
    if len(set(cells)) != len(cells):
        return ["a module is listed twice"]
    exhibitor = problem.exhibitors[e]
    faults = []
    if len(cells) != exhibitor.modules:
        faults.append(f"{len(cells)} modules, but the exhibitor booked {exhibitor.modules}")
    outside = [problem.modules[i].id for i in cells if problem.modules[i].zone != exhibitor.zone]
    if outside:
        faults.append(f"modules outside zone {exhibitor.zone}: {', '.join(outside)}")
    fault = shape_fault(problem, cells)
    if fault:
        faults.append(fault)
    return faults


def touching(problem: Problem, mine: Iterable[int], theirs: set[int]) -> list[tuple[int, int]]:
    """Adjacent pairs (one of mine, one of theirs)."""
    return [(i, j) for i in mine for j in problem.neighbours[i] if j in theirs]


def pin_faults(problem: Problem) -> list[str]:
    """Every hard rule a problem's pinned booths break between themselves."""
    faults = []
    owner: dict[int, int] = {}
    for pin in problem.pinned:
        e = problem.exhibitor_index[pin.exhibitor]
        exhibitor = problem.exhibitors[e]
        where = f"pinned ({pin.exhibitor})"
        cells = [problem.module_index[m] for m in pin.modules]
        if len(set(cells)) != len(cells):
            faults.append(f"{where}: a module is listed twice")
            continue
        if len(cells) != exhibitor.modules:
            faults.append(
                f"{where}: {len(cells)} modules, but the exhibitor booked {exhibitor.modules}"
            )
        outside = [
            problem.modules[i].id for i in cells if problem.modules[i].zone != exhibitor.zone
        ]
        if outside:
            faults.append(f"{where}: modules outside zone {exhibitor.zone}: {', '.join(outside)}")
        fault = shape_fault(problem, cells)
        if fault:
            faults.append(f"{where}: {fault}")
        for i in cells:
            owner[i] = e
    for pin in problem.pinned:
        e = problem.exhibitor_index[pin.exhibitor]
        for i in (problem.module_index[m] for m in pin.modules):
            for j in problem.neighbours[i]:
                other = owner.get(j)
                if other is not None and other in problem.rivals[e] and e < other:
                    faults.append(
                        f"pinned ({pin.exhibitor}): module {problem.modules[i].id} touches "
                        f"{problem.modules[j].id} of competitor {problem.exhibitors[other].id}"
                    )
    return faults


def clustering(problem: Problem, owner: Sequence[int]) -> int:
    """Adjacent module pairs held by two different exhibitors of one sector (``owner[i]`` is
    module i's exhibitor index, -1 when free)."""
    pairs = 0
    sector = [e.sector for e in problem.exhibitors]
    for i, mine in enumerate(owner):
        if mine < 0 or sector[mine] is None:
            continue
        for j in problem.neighbours[i]:
            theirs = owner[j]
            if j > i and theirs >= 0 and theirs != mine and sector[theirs] == sector[mine]:
                pairs += 1
    return pairs


def premium_score(problem: Problem, owner: Sequence[int]) -> float:
    """Sum over the modules placed of the holder's points times the module's premium."""
    return sum(
        problem.exhibitors[e].points * problem.modules[i].premium
        for i, e in enumerate(owner)
        if e >= 0
    )
