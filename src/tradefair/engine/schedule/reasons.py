"""Why a request is left out, as data: a code and the ids, numbers and languages it concerns.

Each solver names what ran out with a ``Code`` and its parameters (``Reason``), so the app can
phrase it in the reader's language and count requests by cause; ``Reason.english`` phrases it
for the command line and for the interchange format's ``reason`` text. Parameters are plain
JSON values:

- ``side`` (``"buyer"`` or ``"exhibitor"``) and ``participant`` (its id): whose limit it is;
- ``max``: that participant's ``max_meetings``;
- ``buyer_languages``, ``exhibitor_languages``: each side's languages, sorted;
- ``slots``: the slot ids the reason is about, in start order (those the two sides could use,
  where the tables or interpreters ran out);
- ``requests``: the earlier meetings (``after``) the reason is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from tradefair.engine.schedule.problem import Participant, Problem, ReasonParam, Unscheduled


class Code(StrEnum):
    """What ran out. The first seven hold whatever else is scheduled; the rest depend on it."""

    UNKNOWN_BUYER = "unknown_buyer"  # participant: not a buyer of the problem
    UNKNOWN_EXHIBITOR = "unknown_exhibitor"  # participant: not an exhibitor of the problem
    NO_MEETINGS_ALLOWED = "no_meetings_allowed"  # side, participant: max_meetings is 0
    NEVER_AVAILABLE = "never_available"  # side, participant: available in no slot
    NO_COMMON_SLOT = "no_common_slot"  # the two sides are never available at the same time
    NO_TABLE = "no_table"  # slots: both can attend them, none has tables
    NO_INTERPRETER = "no_interpreter"  # languages: nobody in the pool speaks one of each side
    INTERPRETER_UNAVAILABLE = "interpreter_unavailable"  # languages, slots: able ones absent
    CAP_REACHED = "cap_reached"  # side, participant, max: has its maximum of meetings
    FULLY_BOOKED = "fully_booked"  # side, participant: every slot it can attend is taken
    BOTH_BOOKED = "both_booked"  # each side is busy whenever the other is free
    INTERPRETERS_BUSY = "interpreters_busy"  # languages, slots: able ones are in other meetings
    TABLES_FULL = "tables_full"  # slots: every table is taken when both sides are free
    EARLIER_NOT_MET = "earlier_not_met"  # requests: meetings it must follow, not scheduled
    NO_SLOT_AFTER = "no_slot_after"  # requests: no free slot after the last of them
    GAP_SPREAD = "gap_spread"  # it fits, but someone's idle gaps would exceed the spread
    NEGATIVE_PRIORITY = "negative_priority"  # the solver only places these to fill gaps
    NOT_PLACED = "not_placed"  # it still fits: the solver's passes ended before placing it


ENGLISH = {
    Code.UNKNOWN_BUYER: "unknown buyer {participant}",
    Code.UNKNOWN_EXHIBITOR: "unknown exhibitor {participant}",
    Code.NO_MEETINGS_ALLOWED: "{side} {participant} max_meetings is 0",
    Code.NEVER_AVAILABLE: "{side} {participant} is available in no slot",
    Code.NO_COMMON_SLOT: "the two sides are never available at the same time",
    Code.NO_TABLE: "no slot both sides can attend has any tables",
    Code.NO_INTERPRETER: "no interpreter for {languages} in the pool",
    Code.INTERPRETER_UNAVAILABLE: "no interpreter for {languages} is available when both sides are",
    Code.CAP_REACHED: "{side} {participant} is fully booked (max {max} meetings)",
    Code.FULLY_BOOKED: "{side} {participant} is fully booked (every available slot taken)",
    Code.BOTH_BOOKED: "the two sides have no free slot in common (both are booked elsewhere)",
    Code.INTERPRETERS_BUSY: "no interpreter for {languages} free",
    Code.TABLES_FULL: "every table is taken in the slots both sides have free",
    Code.EARLIER_NOT_MET: "a meeting it must follow is not scheduled: {requests}",
    Code.NO_SLOT_AFTER: "no slot both sides have free comes after {requests}",
    Code.GAP_SPREAD: "it would break the gap spread (max_gap_spread)",
    Code.NEGATIVE_PRIORITY: "not selected: negative priority",
    Code.NOT_PLACED: "not placed: it still fits, but the solver stopped before placing it",
}


def language_pair(buyer: Iterable[str], exhibitor: Iterable[str]) -> str:
    """The buyer's languages, an en dash, the exhibitor's (as in the solver's class labels)."""
    return "/".join(sorted(buyer)) + "–" + "/".join(sorted(exhibitor))


@dataclass(frozen=True)
class Reason:
    code: Code
    params: Mapping[str, ReasonParam] = field(default_factory=dict, hash=False)

    def english(self) -> str:
        values = dict(self.params)
        buyer, exhibitor = values.get("buyer_languages"), values.get("exhibitor_languages")
        if isinstance(buyer, list) and isinstance(exhibitor, list):
            values["languages"] = language_pair(buyer, exhibitor)
        earlier = values.get("requests")
        if isinstance(earlier, list):
            values["requests"] = ", ".join(str(r) for r in earlier)
        return ENGLISH[self.code].format(**values)

    def left_out(self, request: str) -> Unscheduled:
        """The request as the solution lists it: the English words, the code, the data."""
        return Unscheduled(request, self.english(), self.code.value, dict(self.params))


def limit(code: Code, participant: Participant, **more: ReasonParam) -> Reason:
    """A reason about one side's own limit: its cap, its availability."""
    return Reason(code, {"side": participant.side.value, "participant": participant.id, **more})


def interpreter(
    code: Code, buyer: Participant, exhibitor: Participant, **more: ReasonParam
) -> Reason:
    """A reason about the interpreters a pair without a common language needs."""
    return Reason(
        code,
        {
            "buyer_languages": sorted(buyer.languages or ()),
            "exhibitor_languages": sorted(exhibitor.languages or ()),
            **more,
        },
    )


def slot_ids(problem: Problem, chosen: Iterable[int]) -> list[str]:
    """Ids of the slots at indices ``chosen``, in start order."""
    wanted = set(chosen)
    return [problem.slots[t].id for t in problem.slot_order if t in wanted]
