"""Synthetic general B2B events like those of the scheduling literature (Bofill et al.).

Brokerage events and investment forums: one or two days of a morning and an afternoon
session, 40-80 participants of no fixed side, every agreed meeting required. The meeting
graph is not bipartite: popular participants (a Pareto weight) meet many, and a share of
meetings closes a triangle (A meets B and C, so B meets C). A few participants have as many
meetings as the slots they attend; some come only in the morning or the afternoon or miss a
few slots; some meetings may only take the morning or the afternoon, a few are fixed, and
some must follow another of the same participant.

Feasible events are planted: each meeting is given a slot while the graph is drawn, and every
rule is then written so that this planted schedule keeps it, so a schedule exists (the
solvers do not see it). An infeasible event adds a clash no schedule can keep:
three people who all meet each other, their three meetings allowed only two slots.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from tradefair.engine.schedule.problem import Participant, Problem, Request, Side, Slot

TZ = ZoneInfo("Asia/Shanghai")
FIRST_DAY = dt.date(2025, 9, 17)
SLOT_MINUTES = 30
MORNING, AFTERNOON = dt.time(9, 0), dt.time(14, 0)
LUNCH = dt.timedelta(hours=1)


@dataclass(frozen=True)
class EventShape:
    participants: int
    meetings: int
    slots_per_session: int  # a day has a morning and an afternoon session
    days: int = 1
    spread: int | None = None  # max_gap_spread, if any
    feasible: bool = True


def paper_sized(seed: int) -> EventShape:
    """An event within the literature's real ones: 42-78 participants, 125-302 meetings,
    8-22 slots."""
    rng = np.random.default_rng(seed)
    participants = int(rng.integers(42, 79))
    per_session = int(rng.integers(4, 12))
    days = 2 if per_session <= 5 else 1
    slots = 2 * per_session * days
    most = min(302, participants * slots // 5)
    meetings = int(rng.integers(min(125, most), most + 1))
    return EventShape(participants, meetings, per_session, days)


def generate(shape: EventShape, seed: int = 1) -> Problem:
    """The same seed and shape always give the same event."""
    rng = np.random.default_rng(seed)
    slots = _slots(shape)
    n_t, half = len(slots), shape.slots_per_session
    session = np.array([(t // half) % 2 for t in range(n_t)])  # 0 morning, 1 afternoon
    avail = np.ones((shape.participants, n_t), dtype=bool)
    kind = rng.random(shape.participants)
    avail[kind < 0.2] &= session == 0  # mornings only
    avail[(kind >= 0.2) & (kind < 0.3)] &= session == 1  # afternoons only
    for p in np.flatnonzero(kind > 0.85).tolist():  # a few slots missed
        avail[p, rng.choice(n_t, size=int(rng.integers(1, 4)), replace=False)] = False
    weight = rng.pareto(1.5, shape.participants) + 1.0
    weight /= weight.sum()
    busy = np.zeros_like(avail)
    used = np.zeros(n_t, dtype=np.int64)
    tables = max(1, int(np.ceil(shape.meetings / n_t * 1.2)))
    pairs: list[tuple[int, int]] = []
    planted: list[int] = []
    seen: set[tuple[int, int]] = set()
    neighbours: list[list[int]] = [[] for _ in range(shape.participants)]
    for _ in range(shape.meetings * 40):
        if len(pairs) >= shape.meetings:
            break
        if pairs and rng.random() < 0.3:  # close a triangle
            a, b = pairs[int(rng.integers(len(pairs)))]
            if len(neighbours[b]) < 2:
                continue
            c = neighbours[b][int(rng.integers(len(neighbours[b])))]
            a, b = (a, c) if rng.random() < 0.5 else (c, a)
        else:
            a, b = (int(v) for v in rng.choice(shape.participants, size=2, p=weight))
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        free = np.flatnonzero(avail[a] & avail[b] & ~busy[a] & ~busy[b] & (used < tables))
        if free.size == 0:
            continue
        t = int(free[int(rng.integers(free.size))])
        busy[a, t] = busy[b, t] = True
        used[t] += 1
        seen.add(key)
        pairs.append((a, b))
        planted.append(t)
        neighbours[a].append(b)
        neighbours[b].append(a)
    return _problem(shape, rng, slots, session, avail, busy, tables, pairs, planted)


def _slots(shape: EventShape) -> list[Slot]:
    slots = []
    for d in range(shape.days):
        day = FIRST_DAY + dt.timedelta(days=d)
        length = dt.timedelta(minutes=SLOT_MINUTES * shape.slots_per_session)
        morning = dt.datetime.combine(day, MORNING, TZ)
        lunch_over = max(dt.datetime.combine(day, AFTERNOON, TZ), morning + length + LUNCH)
        for s, start in enumerate((morning, lunch_over)):
            for k in range(shape.slots_per_session):
                at = start + dt.timedelta(minutes=SLOT_MINUTES * k)
                end = at + dt.timedelta(minutes=SLOT_MINUTES)
                slots.append(Slot(f"d{d + 1}{'ma'[s]}{k + 1:02d}", at, end, 0))
    return slots


def _problem(
    shape: EventShape,
    rng: np.random.Generator,
    slots: list[Slot],
    session: np.ndarray,
    avail: np.ndarray,
    busy: np.ndarray,
    tables: int,
    pairs: list[tuple[int, int]],
    planted: list[int],
) -> Problem:
    n_t = len(slots)
    ids = [f"P{p + 1:03d}" for p in range(shape.participants)]
    slot_ids = [s.id for s in slots]
    people = []
    for p in range(shape.participants):
        own = avail[p]
        given = None if own.all() else frozenset(slot_ids[t] for t in np.flatnonzero(own))
        people.append(Participant(ids[p], Side.PARTICIPANT, available=given))
    requests = []
    last_of: dict[int, tuple[str, int]] = {}  # participant -> a meeting of theirs, its slot
    for k, ((a, b), t) in enumerate(sorted(zip(pairs, planted, strict=True), key=lambda x: x[1])):
        rid = f"M{k + 1:03d}"
        roll = rng.random()
        window: frozenset[str] | None = None
        fixed = None
        if roll < 0.2:  # only in the session it was planted in
            window = frozenset(slot_ids[s] for s in range(n_t) if session[s] == session[t])
        elif roll < 0.23:
            fixed = slot_ids[t]
        after: tuple[str, ...] = ()
        mine = last_of.get(a)
        if mine is not None and mine[1] < t and rng.random() < 0.08:
            after = (mine[0],)
        requests.append(
            Request(
                rid,
                ids[a],
                ids[b],
                pair=True,
                required=True,
                slots=window,
                fixed_slot=fixed,
                after=after,
            )
        )
        last_of[a] = last_of[b] = (rid, t)
    if not shape.feasible:
        requests = _clash(requests, people, slots)
    with_tables = tuple(Slot(s.id, s.start, s.end, tables) for s in slots)
    return Problem(
        slots=with_tables,
        participants=tuple(people),
        requests=tuple(requests),
        max_gap_spread=shape.spread,
    )


def _attends(available: frozenset[str] | None, slot: str) -> bool:
    return available is None or slot in available


def _clash(requests: list[Request], people: list[Participant], slots: list[Slot]) -> list[Request]:
    """Three people who all meet each other, their three meetings squeezed into two slots all
    three can attend: each window alone is fine, together no schedule keeps them."""
    by_pair = {frozenset(r.ends): n for n, r in enumerate(requests)}
    free = {p.id: p.available for p in people}
    for r in requests:
        a, b = r.ends
        for c in sorted({x for q in requests for x in q.ends if a in q.ends} - {a, b}):
            third = (by_pair.get(frozenset((a, c))), by_pair.get(frozenset((b, c))))
            if None in third:
                continue
            common = [s.id for s in slots if all(_attends(free[x], s.id) for x in (a, b, c))]
            if len(common) < 2:
                continue
            window = frozenset(common[:2])
            out = list(requests)
            for n in (by_pair[frozenset((a, b))], *third):
                assert n is not None
                q = out[n]
                out[n] = Request(q.id, q.buyer, q.exhibitor, pair=True, required=True, slots=window)
            return out
    raise ValueError("no three people meet each other: draw more meetings")
