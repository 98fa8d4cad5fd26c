"""Write booth problems and allocations in the format ``io`` reads, stably ordered.

Allocations go out in the problem's exhibitor order, one per line (``jsonformat.dumps``), so
two runs that agree write the same file and a diff shows who moved.
"""

from __future__ import annotations

from typing import Any

from tradefair.engine.booths.problem import Problem, Solution


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """The format's form of a problem, leaving out optional fields at their default."""

    def given(**fields: Any) -> dict[str, Any]:
        return {k: v for k, v in fields.items() if v not in (None, 0, 0.0, [])}

    data: dict[str, Any] = {
        "modules": [
            {"id": m.id, "hall": m.hall, "x": m.x, "y": m.y, "zone": m.zone}
            | given(premium=_number(m.premium))
            for m in problem.modules
        ],
        "exhibitors": [
            {"id": e.id, "modules": e.modules, "zone": e.zone}
            | given(sector=e.sector, points=_number(e.points), competitors=sorted(e.competitors))
            for e in problem.exhibitors
        ],
    }
    if problem.pinned:
        data["pinned"] = [
            {"exhibitor": p.exhibitor, "modules": list(p.modules)} for p in problem.pinned
        ]
    return data


def solution_to_dict(problem: Problem, solution: Solution) -> dict[str, Any]:
    order = problem.exhibitor_index
    data: dict[str, Any] = {
        "allocations": [
            {"exhibitor": a.exhibitor, "modules": list(a.modules)}
            for a in sorted(solution.allocations, key=lambda a: order.get(a.exhibitor, -1))
        ],
        "unallocated": [
            {"exhibitor": u.exhibitor, "reason": u.reason}
            for u in sorted(solution.unallocated, key=lambda u: order.get(u.exhibitor, -1))
        ],
    }
    if solution.stats is not None:
        s = solution.stats
        data["stats"] = {
            "modules_placed": s.modules_placed,
            "upper_bound": s.upper_bound,
            "clustering": s.clustering,
            "premium_score": _number(s.premium_score),
            "seconds": s.seconds,
        }
    return data


def _number(value: float) -> int | float:
    """Whole numbers written as integers (12, not 12.0)."""
    return int(value) if float(value).is_integer() else value
