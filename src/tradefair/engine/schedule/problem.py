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
    id: str
    buyer: str
    exhibitor: str
    priority: int = 1


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


@dataclass(frozen=True)
class Solution:
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...] = ()
    stats: Stats | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
