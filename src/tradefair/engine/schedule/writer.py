"""Write problems and solutions in the JSON interchange format, stably ordered.

Meetings go out by slot start, table and request, one item per line, so two runs that agree
produce the same file and a diff shows what moved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tradefair.engine.jsonformat import dumps
from tradefair.engine.schedule.io import STATS_KEYS
from tradefair.engine.schedule.problem import Meeting, Problem, Request, Slot, Solution


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """The interchange form of a problem, omitting optional fields left at their default."""

    def slots(ids: frozenset[str] | None) -> list[str] | None:
        return None if ids is None else [s.id for s in _by_start(problem) if s.id in ids]

    def given(**fields: Any) -> dict[str, Any]:
        return {
            k: sorted(v) if isinstance(v, frozenset) else v
            for k, v in fields.items()
            if v is not None
        }

    data: dict[str, Any] = {
        "slots": [
            given(id=s.id, start=s.start.isoformat(), end=s.end.isoformat(), tables=s.tables)
            for s in problem.slots
        ],
        "participants": [
            given(
                id=p.id,
                side=p.side.value,
                available=slots(p.available),
                max_meetings=p.max_meetings,
                languages=p.languages,
            )
            for p in problem.participants
        ],
        "requests": [_request(r, slots) for r in problem.requests],
    }
    if problem.interpreters:
        data["interpreters"] = [
            given(id=i.id, languages=i.languages, available=slots(i.available))
            for i in problem.interpreters
        ]
    if problem.max_gap_spread is not None:
        data["max_gap_spread"] = problem.max_gap_spread
    return data


def _request(
    r: Request, slots: Callable[[frozenset[str] | None], list[str] | None]
) -> dict[str, Any]:
    """A request as the file names it; rules at their default are left out."""
    data: dict[str, Any] = {"id": r.id}
    if r.pair:
        data["participants"] = [r.buyer, r.exhibitor]
    else:
        data |= {"buyer": r.buyer, "exhibitor": r.exhibitor}
    data["priority"] = r.priority
    rules = {
        "required": r.required or None,
        "slots": slots(r.slots),
        "fixed_slot": r.fixed_slot,
        "after": list(r.after) or None,
    }
    return data | {k: v for k, v in rules.items() if v is not None}


def _by_start(problem: Problem) -> list[Slot]:
    return [problem.slots[i] for i in problem.slot_order]


def solution_to_dict(solution: Solution, problem: Problem | None = None) -> dict[str, Any]:
    """Meetings ordered by slot start (slot id without a problem), table, request; stable."""
    order = {s.id: n for n, s in enumerate(_by_start(problem))} if problem else {}

    def key(m: Meeting) -> tuple[int, str, int, str]:
        return (order.get(m.slot, len(order)), m.slot, m.table, m.request)

    arrival = problem.request_index if problem else {}
    data: dict[str, Any] = {
        "meetings": [
            {"request": m.request, "slot": m.slot, "table": m.table}
            | ({"interpreter": m.interpreter} if m.interpreter is not None else {})
            for m in sorted(solution.meetings, key=key)
        ],
        "unscheduled": [
            {"request": u.request, "reason": u.reason}
            | ({"code": u.code, "params": dict(u.params)} if u.code else {})
            for u in sorted(solution.unscheduled, key=lambda u: arrival.get(u.request, -1))
        ],
    }
    if solution.stats is not None:
        data["stats"] = {
            key: round(value, 3) if isinstance(value, float) else value
            for key in STATS_KEYS
            if (value := getattr(solution.stats, key)) is not None
        }
    data.update((k, v) for k, v in solution.extra.items() if k not in data)
    return data


def dump_solution(solution: Solution, problem: Problem | None = None) -> str:
    return dumps(solution_to_dict(solution, problem))


def dump_problem(problem: Problem) -> str:
    return dumps(problem_to_dict(problem))
