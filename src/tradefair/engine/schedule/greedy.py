"""First come, first served: the baseline most matchmaking platforms ship.

Requests are booked in arrival order into the earliest slot where everything needed is free.
It is what the real solver is measured against, so it must be a fair, competent greedy rather
than a straw man: it never breaks a rule and never leaves a request out while a place exists.

Slots are bits of a Python int in start order, so "the earliest slot where both sides are
available and free and a table is left" is a few ANDs and the lowest set bit; 150,000
requests over 90 slots take about a second.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import (
    Interpreter,
    Meeting,
    Participant,
    Problem,
    Solution,
    Stats,
    Unscheduled,
    can_interpret,
    needs_interpreter,
)
from tradefair.engine.schedule.reasons import Code, Reason, limit
from tradefair.engine.schedule.reasons import interpreter as interpreter_reason


def _lowest(bits: int) -> int:
    return (bits & -bits).bit_length() - 1


class _Book:
    """Who is free when, as bit masks over slot positions in start order."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.position = {problem.slots[i].id: n for n, i in enumerate(problem.slot_order)}
        self.slots = [problem.slots[i] for i in problem.slot_order]
        self.everything = (1 << len(self.slots)) - 1
        self.tables_used = [0] * len(self.slots)
        self.full = sum(1 << n for n, s in enumerate(self.slots) if s.tables == 0)
        self.busy: dict[str, int] = {}
        self.held: dict[str, int] = {}
        self.masks: dict[str, int] = {}
        self.interpreters = sorted(problem.interpreters, key=lambda i: i.id)
        self.qualified: dict[tuple[frozenset[str], frozenset[str]], list[Interpreter]] = {}

    def available(self, who: Participant | Interpreter) -> int:
        if who.id not in self.masks:
            slots = who.available
            bits = sum(1 << self.position[s] for s in slots) if slots is not None else -1
            self.masks[who.id] = bits & self.everything
        return self.masks[who.id]

    def free(self, who: Participant | Interpreter) -> int:
        return self.available(who) & ~self.busy.get(who.id, 0)

    def qualified_for(self, buyer: Participant, exhibitor: Participant) -> list[Interpreter]:
        key = (buyer.languages or frozenset(), exhibitor.languages or frozenset())
        if key not in self.qualified:
            self.qualified[key] = [
                i for i in self.interpreters if can_interpret(i, buyer, exhibitor)
            ]
        return self.qualified[key]

    def slot_ids(self, bits: int) -> list[str]:
        return [s.id for n, s in enumerate(self.slots) if bits >> n & 1]

    def take(self, who: str, bit: int) -> None:
        self.busy[who] = self.busy.get(who, 0) | bit
        self.held[who] = self.held.get(who, 0) + 1


def greedy(problem: Problem, *, bounds: bool = True) -> Solution:
    """Book requests in arrival order into the earliest possible slot, or say why not.

    ``bounds=False`` skips the upper bounds in the stats (left at -1): they can take far longer
    than the greedy itself on large problems with interpreters.
    """
    started = time.perf_counter()
    book = _Book(problem)
    people = {p.id: p for p in problem.participants}
    meetings: list[Meeting] = []
    unscheduled: list[Unscheduled] = []
    for request in problem.requests:
        buyer, exhibitor = people[request.buyer], people[request.exhibitor]
        reason = _own_limit(book, buyer) or _own_limit(book, exhibitor)
        candidates = 0
        if not reason:
            both = book.available(buyer) & book.available(exhibitor)
            free = book.free(buyer) & book.free(exhibitor)
            candidates = free & ~book.full
            if not both:
                reason = Reason(Code.NO_COMMON_SLOT)
            elif not free:
                reason = Reason(Code.BOTH_BOOKED)
            elif not candidates:
                reason = Reason(Code.TABLES_FULL, {"slots": book.slot_ids(free)})
        interpreter: Interpreter | None = None
        if not reason and needs_interpreter(buyer, exhibitor):
            candidates, interpreter, reason = _with_interpreter(book, buyer, exhibitor, candidates)
        if reason:
            unscheduled.append(reason.left_out(request.id))
            continue
        bit = candidates & -candidates
        position = _lowest(candidates)
        book.tables_used[position] += 1
        if book.tables_used[position] == book.slots[position].tables:
            book.full |= bit
        book.take(buyer.id, bit)
        book.take(exhibitor.id, bit)
        if interpreter is not None:
            book.take(interpreter.id, bit)
        meetings.append(
            Meeting(
                request.id,
                book.slots[position].id,
                book.tables_used[position],
                interpreter.id if interpreter else None,
            )
        )
    seconds = time.perf_counter() - started
    stats = (
        _stats(problem, meetings, seconds)
        if bounds
        else metrics.summarise(problem, meetings, seconds=seconds)
    )
    return Solution(tuple(meetings), tuple(unscheduled), stats)


def _own_limit(book: _Book, p: Participant) -> Reason | None:
    """Why one side can take no more meetings, if so (the solver's words for the same)."""
    cap = p.max_meetings
    if cap == 0:
        return limit(Code.NO_MEETINGS_ALLOWED, p)
    available = book.available(p)
    if not available:
        return limit(Code.NEVER_AVAILABLE, p)
    if cap is not None and book.held.get(p.id, 0) >= cap and cap <= available.bit_count():
        return limit(Code.CAP_REACHED, p, max=cap)
    if not book.free(p):
        return limit(Code.FULLY_BOOKED, p)
    return None


def _with_interpreter(
    book: _Book, buyer: Participant, exhibitor: Participant, candidates: int
) -> tuple[int, Interpreter | None, Reason | None]:
    """Narrow the candidate slots to those with a qualified interpreter free; pick the first."""
    qualified = book.qualified_for(buyer, exhibitor)
    if not qualified:
        return 0, None, interpreter_reason(Code.NO_INTERPRETER, buyer, exhibitor)
    union = 0
    for interpreter in qualified:
        union |= candidates & book.free(interpreter)
    if not union:
        slots = book.slot_ids(candidates)
        return 0, None, interpreter_reason(Code.INTERPRETERS_BUSY, buyer, exhibitor, slots=slots)
    bit = union & -union
    first = next(i for i in qualified if book.free(i) & bit)
    return bit, first, None


def _stats(problem: Problem, meetings: Sequence[Meeting], seconds: float) -> Stats:
    """Fill the bounds when ``bounds`` exists; -1 says nobody proved one."""
    try:
        from tradefair.engine.schedule.bounds import upper_bounds
    except ModuleNotFoundError as exc:
        if exc.name != "tradefair.engine.schedule.bounds":
            raise
        return metrics.summarise(problem, meetings, seconds=seconds)
    bounds = upper_bounds(problem)
    return metrics.summarise(
        problem,
        meetings,
        seconds=seconds,
        upper_bound=bounds.count,
        min_buyers_without_meeting=bounds.min_buyers_without_meeting,
        priority_upper_bound=bounds.priority,
    )
