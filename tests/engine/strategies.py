"""Hypothesis strategies for small scheduling problems, shared by every solver's property tests.

Problems are tiny (1-4 slots over 1-2 days, 0-3 tables, a handful of people) so that shrinking
ends in a case a person can read, yet they cover every rule: availability subsets, caps,
priorities, repeated pairs, languages with and without interpreters.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tradefair.engine.schedule.problem import (
    Interpreter,
    Participant,
    Problem,
    Request,
    Side,
    Slot,
)

LANGUAGES = ("en", "zh", "th", "vi")
TZ = dt.timezone(dt.timedelta(hours=8))

# Mostly one language each, so pairs that share none (and need an interpreter) are common.
languages = st.frozensets(st.sampled_from(LANGUAGES), max_size=2).map(lambda s: s or None)


@st.composite
def slots(draw: st.DrawFn, *, max_tables: int = 3) -> tuple[Slot, ...]:
    """1-4 back-to-back 20-minute slots over one or two days, listed in shuffled order."""
    n = draw(st.integers(1, 4))
    days = draw(st.integers(1, min(2, n)))
    out = []
    for i in range(n):
        day = i * days // n
        start = dt.datetime(2025, 9, 17 + day, 9, tzinfo=TZ) + dt.timedelta(minutes=20 * i)
        end = start + dt.timedelta(minutes=20)
        out.append(Slot(f"d{day + 1}s{i + 1:02}", start, end, draw(st.integers(0, max_tables))))
    return tuple(draw(st.permutations(out)))


def _availability(draw: st.DrawFn, slot_ids: list[str]) -> frozenset[str] | None:
    """Every slot (None) two times in three, else a subset, possibly empty."""
    if draw(st.integers(0, 2)) > 0:
        return None
    return draw(st.frozensets(st.sampled_from(slot_ids)))


@st.composite
def problems(
    draw: st.DrawFn,
    *,
    max_buyers: int = 4,
    max_exhibitors: int = 4,
    max_requests: int = 10,
    min_interpreters: int = 0,
    max_interpreters: int = 3,
    max_tables: int = 3,
    speakers: st.SearchStrategy[frozenset[str] | None] = languages,
) -> Problem:
    """A random valid problem: every reference resolves and every side is right.

    ``speakers`` draws a participant's languages; narrow it to force interpreter meetings.
    """
    problem_slots = draw(slots(max_tables=max_tables))
    slot_ids = [s.id for s in problem_slots]
    people = []
    for side, prefix, most in (
        (Side.BUYER, "B", max_buyers),
        (Side.EXHIBITOR, "E", max_exhibitors),
    ):
        for i in range(draw(st.integers(1, most))):
            people.append(
                Participant(
                    f"{prefix}{i + 1}",
                    side,
                    available=_availability(draw, slot_ids),
                    max_meetings=draw(st.sampled_from([None, 2, 1, 3, 0])),
                    languages=draw(speakers),
                )
            )
    buyers = [p.id for p in people if p.side == Side.BUYER]
    exhibitors = [p.id for p in people if p.side == Side.EXHIBITOR]
    pairs = st.tuples(st.sampled_from(buyers), st.sampled_from(exhibitors), st.integers(1, 5))
    n_requests = draw(st.integers(0, max_requests))
    requests = tuple(
        Request(f"R{n + 1}", buyer, exhibitor, priority)
        for n, (buyer, exhibitor, priority) in enumerate(
            draw(st.lists(pairs, min_size=n_requests, max_size=n_requests))
        )
    )
    interpreters = tuple(
        Interpreter(
            f"I{n + 1}",
            draw(st.frozensets(st.sampled_from(LANGUAGES), min_size=1, max_size=3)),
            _availability(draw, slot_ids),
        )
        for n in range(draw(st.integers(min_interpreters, max_interpreters)))
    )
    people = draw(st.permutations(people))
    return Problem(problem_slots, tuple(people), requests, interpreters)
