"""Hand-made scheduling problems shared by the solver, bound and exact-solver tests."""

from __future__ import annotations

import datetime as dt

from tradefair.engine.schedule.problem import Interpreter, Participant, Problem, Request, Side, Slot

TZ = dt.timezone(dt.timedelta(hours=8))


def slot(n: int, tables: int = 5, day: int = 17) -> Slot:
    start = dt.datetime(2025, 9, day, 9, tzinfo=TZ) + dt.timedelta(minutes=20 * n)
    return Slot(f"s{n}", start, start + dt.timedelta(minutes=20), tables)


def person(ident: str, **fields: object) -> Participant:
    side = Side.BUYER if ident.startswith("B") else Side.EXHIBITOR
    return Participant(ident, side, **fields)  # type: ignore[arg-type]


def problem(
    slots: list[Slot],
    people: list[Participant],
    pairs: list[tuple[str, str, int]],
    interpreters: tuple[Interpreter, ...] = (),
) -> Problem:
    requests = tuple(Request(f"R{k + 1}", b, e, p) for k, (b, e, p) in enumerate(pairs))
    return Problem(tuple(slots), tuple(people), requests, interpreters)


def coverage_first() -> Problem:
    """E1 can meet once: giving it to B1 (priority 5) would leave B2 with nothing."""
    return problem(
        [slot(0), slot(1)],
        [person("B1"), person("B2"), person("E1", max_meetings=1), person("E2")],
        [("B1", "E1", 5), ("B2", "E1", 1), ("B1", "E2", 1)],
    )
