"""The request graph as NumPy arrays, derived once and shared by the bounds and every solver.

Participants, requests, slots and interpreters become integer indices; availability becomes
boolean matrices, so feasibility tests over 150,000 requests are array operations, not loops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tradefair.engine.schedule.problem import (
    Problem,
    Side,
    can_interpret,
    needs_interpreter,
)
from tradefair.engine.schedule.reasons import Code, Reason, interpreter, limit, slot_ids

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class RequestGraph:
    """Index arrays over one problem; ``buyer``/``exhibitor`` are -1 when a request is malformed."""

    problem: Problem
    tables: IntArray  # (T,) tables per slot
    day: IntArray  # (T,) day number of each slot, in time order
    rank: IntArray  # (T,) position of each slot in time order
    avail: BoolArray  # (P, T) participant can attend slot
    cap: IntArray  # (P,) max meetings: cap and available slots
    is_buyer: BoolArray  # (P,)
    buyer: IntArray  # (R,)
    exhibitor: IntArray  # (R,)
    priority: IntArray  # (R,)
    lang_class: IntArray  # (R,) -1: no interpreter needed, else index into class_interpreters
    class_interpreters: tuple[IntArray, ...]  # capable interpreter indices per language class
    class_avail: BoolArray  # (C, T) some capable interpreter can attend slot
    interp_avail: BoolArray  # (I, T)
    class_label: tuple[str, ...]  # "zh–th", for people reading the code
    reason: tuple[Reason | None, ...]  # why a request can never be met, or None
    own: dict[int, BoolArray]  # request -> (T,) the slots its own rules allow, if it has any

    @property
    def n_slots(self) -> int:
        return len(self.tables)

    @property
    def n_participants(self) -> int:
        return len(self.cap)

    @property
    def n_requests(self) -> int:
        return len(self.buyer)

    @property
    def needs_interp(self) -> BoolArray:
        return np.asarray(self.lang_class >= 0)

    @property
    def valid(self) -> BoolArray:
        """Requests that some schedule could contain, looking at nothing but their own pair."""
        return np.array([r is None for r in self.reason], dtype=bool)

    def days(self) -> list[list[int]]:
        """Each day's slots in time order, the days in time order: where gaps are counted."""
        by_day: dict[int, list[int]] = {}
        for t in np.argsort(self.rank).tolist():
            by_day.setdefault(int(self.day[t]), []).append(t)
        return list(by_day.values())

    def pair_slots(self, r: int) -> BoolArray:
        """Slots where both sides (and, if needed, some capable interpreter) can attend."""
        mask = self.both(r)
        c = self.lang_class[r]
        if c >= 0:
            mask &= self.class_avail[c]
        return np.asarray(mask)

    def both(self, r: int) -> BoolArray:
        """Slots where both sides can attend and the request's own rules allow."""
        mask = self.avail[self.buyer[r]] & self.avail[self.exhibitor[r]]
        own = self.own.get(r)
        return np.asarray(mask if own is None else mask & own)

    def buyers_requesting(self) -> int:
        """Distinct known buyers who asked for at least one meeting."""
        b = self.buyer[self.buyer >= 0]
        return int(np.unique(b).size)


def _mask(ids: frozenset[str] | None, index: dict[str, int], n: int) -> BoolArray:
    row = np.zeros(n, dtype=bool)
    if ids is None:
        row[:] = True
    else:
        row[[index[s] for s in ids if s in index]] = True
    return row


def _scarcest_first(able: list[IntArray], lang_class: IntArray, n_interp: int) -> list[IntArray]:
    """Order each class's interpreters by how much other demand they could serve, least first,
    so that a greedy pick leaves the versatile interpreters for the classes that need them."""
    demand = np.bincount(lang_class[lang_class >= 0], minlength=len(able))
    load = np.zeros(n_interp, dtype=np.int64)
    for c, a in enumerate(able):
        load[a] += demand[c]
    return [a[np.argsort(load[a], kind="stable")] for a in able]


def request_graph(problem: Problem) -> RequestGraph:
    """Index the problem; requests that can never be met get their reason here."""
    slots, people, interps = problem.slots, problem.participants, problem.interpreters
    n_t, n_p = len(slots), len(people)
    sidx, pidx = problem.slot_index, problem.participant_index
    tables = np.array([s.tables for s in slots], dtype=np.int64)
    order = problem.slot_order
    rank = np.empty(n_t, dtype=np.int64)
    rank[list(order)] = np.arange(n_t)
    days = sorted({s.day for s in slots})
    day_no = {d: i for i, d in enumerate(days)}
    day = np.array([day_no[s.day] for s in slots], dtype=np.int64)

    avail = np.zeros((n_p, n_t), dtype=bool)
    cap = np.zeros(n_p, dtype=np.int64)
    for i, p in enumerate(people):
        avail[i] = _mask(p.available, sidx, n_t)
        n_av = int(avail[i].sum())
        cap[i] = n_av if p.max_meetings is None else max(0, min(n_av, p.max_meetings))
    is_buyer = np.array([p.side == Side.BUYER for p in people], dtype=bool)
    interp_avail = np.zeros((len(interps), n_t), dtype=bool)
    for i, it in enumerate(interps):
        interp_avail[i] = _mask(it.available, sidx, n_t)

    n_r = len(problem.requests)
    buyer = np.full(n_r, -1, dtype=np.int64)
    exhibitor = np.full(n_r, -1, dtype=np.int64)
    priority = np.zeros(n_r, dtype=np.int64)
    lang_class = np.full(n_r, -1, dtype=np.int64)
    reason: list[Reason | None] = [None] * n_r
    classes: dict[tuple[frozenset[str], frozenset[str]], int] = {}
    class_interpreters: list[IntArray] = []
    class_label: list[str] = []
    own: dict[int, BoolArray] = {}
    for k, req in enumerate(problem.requests):
        priority[k] = req.priority
        b, e = pidx.get(req.buyer, -1), pidx.get(req.exhibitor, -1)
        if b < 0 or not (req.pair or people[b].side == Side.BUYER):
            reason[k] = Reason(Code.UNKNOWN_BUYER, {"participant": req.buyer})
            continue
        if e < 0 or not (req.pair or people[e].side == Side.EXHIBITOR):
            reason[k] = Reason(Code.UNKNOWN_EXHIBITOR, {"participant": req.exhibitor})
            continue
        if req.own_slots is not None:
            own[k] = _mask(req.own_slots, sidx, n_t)
        buyer[k], exhibitor[k] = b, e
        pb, pe = people[b], people[e]
        if needs_interpreter(pb, pe):
            assert pb.languages is not None and pe.languages is not None
            key = (pb.languages, pe.languages)
            c = classes.get(key)
            if c is None:
                c = classes[key] = len(class_interpreters)
                able = [i for i, it in enumerate(interps) if can_interpret(it, pb, pe)]
                class_interpreters.append(np.array(able, dtype=np.int64))
                class_label.append(
                    "/".join(sorted(pb.languages)) + "–" + "/".join(sorted(pe.languages))
                )
            lang_class[k] = c
    class_interpreters = _scarcest_first(class_interpreters, lang_class, len(interps))
    class_avail = np.zeros((len(class_interpreters), n_t), dtype=bool)
    for c, members in enumerate(class_interpreters):
        if members.size:
            class_avail[c] = interp_avail[members].any(axis=0)

    known = buyer >= 0
    common = np.zeros(n_r, dtype=bool)
    kk = np.flatnonzero(known)
    both = avail[buyer[kk]] & avail[exhibitor[kk]]
    for row, k in enumerate(kk.tolist()):
        if k in own:
            both[row] &= own[k]
    common[kk] = both.any(axis=1)
    with_interp = np.zeros(n_r, dtype=bool)
    need = kk[lang_class[kk] >= 0]
    if need.size:
        rows = np.searchsorted(kk, need)
        with_interp[need] = (both[rows] & class_avail[lang_class[need]]).any(axis=1)
    has_tables = tables > 0
    for row, k in enumerate(kk.tolist()):
        b, e = int(buyer[k]), int(exhibitor[k])
        if cap[b] == 0 or cap[e] == 0:
            p = people[b] if cap[b] == 0 else people[e]
            code = Code.NO_MEETINGS_ALLOWED if p.max_meetings == 0 else Code.NEVER_AVAILABLE
            reason[k] = limit(code, p)
        elif not common[k]:
            reason[k] = Reason(Code.NO_COMMON_SLOT)
        elif not (both[row] & has_tables).any():
            pair = np.flatnonzero(both[row]).tolist()
            reason[k] = Reason(Code.NO_TABLE, {"slots": slot_ids(problem, pair)})
        elif lang_class[k] >= 0 and not with_interp[k]:
            if class_interpreters[lang_class[k]].size == 0:
                reason[k] = interpreter(Code.NO_INTERPRETER, people[b], people[e])
            else:
                pair = np.flatnonzero(both[row]).tolist()
                reason[k] = interpreter(
                    Code.INTERPRETER_UNAVAILABLE,
                    people[b],
                    people[e],
                    slots=slot_ids(problem, pair),
                )
    return RequestGraph(
        problem=problem,
        tables=tables,
        day=day,
        rank=rank,
        avail=avail,
        cap=cap,
        is_buyer=is_buyer,
        buyer=buyer,
        exhibitor=exhibitor,
        priority=priority,
        lang_class=lang_class,
        class_interpreters=tuple(class_interpreters),
        class_avail=class_avail,
        interp_avail=interp_avail,
        class_label=tuple(class_label),
        reason=tuple(reason),
        own=own,
    )
