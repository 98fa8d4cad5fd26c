"""The scheduling problem and its solution as plain, immutable data.

These mirror the JSON interchange format (``docs/formats/schedule.md``) one to one; solvers
work on the integer indices that ``Problem`` derives once, never on the string ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Side(StrEnum):
    BUYER = "buyer"
    EXHIBITOR = "exhibitor"
    PARTICIPANT = "participant"  # neither: may meet anyone through a request naming two


@dataclass(frozen=True)
class Slot:
    id: str
    start: dt.datetime
    end: dt.datetime
    tables: int

    @property
    def day(self) -> dt.date:
        """The calendar day in the slot's own time zone: gaps are counted per day."""
        return self.start.date()


@dataclass(frozen=True)
class Participant:
    id: str
    side: Side
    available: frozenset[str] | None = None  # None: every slot
    max_meetings: int | None = None  # None: no cap beyond the number of slots
    languages: frozenset[str] | None = None  # None: needs no interpreter


@dataclass(frozen=True)
class Request:
    """A meeting asked for. ``buyer`` and ``exhibitor`` are its two participants; when
    ``pair`` is set the file named them as ``participants`` (any two, of any side), and
    the fields are only its first and second."""

    id: str
    buyer: str
    exhibitor: str
    priority: int = 1
    pair: bool = False
    required: bool = False  # must be scheduled, or there is no schedule
    slots: frozenset[str] | None = None  # the only slots it may take; None: any
    fixed_slot: str | None = None
    after: tuple[str, ...] = ()  # requests that must be met in earlier slots

    @property
    def ends(self) -> tuple[str, str]:
        return self.buyer, self.exhibitor

    @property
    def requesters(self) -> tuple[str, ...]:
        """Who asked: the buyer of a buyer-exhibitor request, both sides of a pair. Objective
        (a) counts these people."""
        return (self.buyer, self.exhibitor) if self.pair else (self.buyer,)

    @property
    def own_slots(self) -> frozenset[str] | None:
        """The slots its own rules allow (``fixed_slot``, else ``slots``); None: any."""
        return frozenset((self.fixed_slot,)) if self.fixed_slot is not None else self.slots

    @property
    def constrained(self) -> bool:
        """Has a rule beyond its two sides' availability."""
        return (
            self.required
            or self.slots is not None
            or self.fixed_slot is not None
            or bool(self.after)
        )


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[str] | None = None


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]  # in arrival order
    interpreters: tuple[Interpreter, ...] = ()
    max_gap_spread: int | None = None  # every participant's gaps minus the fewest anyone has

    @property
    def is_general(self) -> bool:
        """Uses a rule of general B2B events (pairs of any participants, required meetings,
        windows, fixed slots, order, the gap spread): the general solver's problem."""
        return self.max_gap_spread is not None or any(
            r.pair or r.constrained for r in self.requests
        )

    @cached_property
    def slot_index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.slots)}

    @cached_property
    def participant_index(self) -> dict[str, int]:
        return {p.id: i for i, p in enumerate(self.participants)}

    @cached_property
    def request_index(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.requests)}

    @cached_property
    def slot_order(self) -> tuple[int, ...]:
        """Slot indices by start time."""
        return tuple(sorted(range(len(self.slots)), key=lambda i: self.slots[i].start))

    def available_slots(self, participant: Participant | Interpreter) -> frozenset[int]:
        """Indices of the slots someone can attend."""
        if participant.available is None:
            return frozenset(range(len(self.slots)))
        return frozenset(self.slot_index[s] for s in participant.available)

    def capacity(self, participant: Participant) -> int:
        """How many meetings a participant can have at most: cap and available slots."""
        slots = len(self.available_slots(participant))
        if participant.max_meetings is None:
            return slots
        return min(slots, participant.max_meetings)


def needs_interpreter(buyer: Participant, exhibitor: Participant) -> bool:
    """Both sides state languages and share none."""
    if not buyer.languages or not exhibitor.languages:
        return False
    return not (buyer.languages & exhibitor.languages)


def can_interpret(interpreter: Interpreter, buyer: Participant, exhibitor: Participant) -> bool:
    """Speaks a language of each side."""
    return bool(
        buyer.languages
        and exhibitor.languages
        and interpreter.languages & buyer.languages
        and interpreter.languages & exhibitor.languages
    )


@dataclass(frozen=True)
class Meeting:
    request: str
    slot: str
    table: int
    interpreter: str | None = None


# A reason's parameter (``reasons.py``): an id, a side, a number, or a list of ids or languages.
ReasonParam = str | int | list[str]


@dataclass(frozen=True)
class Unscheduled:
    """A request left out. ``reason`` is in English words, as the interchange format writes it;
    ``code`` (a ``reasons.Code``) and ``params`` say the same as data, and are empty when a
    solution file gave only words."""

    request: str
    reason: str
    code: str = ""
    params: Mapping[str, ReasonParam] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Stats:
    count: int
    priority: int
    upper_bound: int  # on the count
    buyers_without_meeting: int  # buyers who asked and got none
    min_buyers_without_meeting: int  # proven lower bound on the above
    seconds: float
    priority_upper_bound: int | None = None
    idle_gaps: int | None = None
    days_attended: int | None = None  # objective (d), ``metrics.days_attended``
    idle_gaps_lower_bound: int | None = None  # proven: no schedule has fewer
    status: str | None = None  # "optimal" (every objective proven) or "feasible"


@dataclass(frozen=True)
class Solution:
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...] = ()
    stats: Stats | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
