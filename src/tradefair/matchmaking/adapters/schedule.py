"""The only module that speaks both the ORM and the engine: rows in, ``Problem`` out, and back.

Engine ids are strings: ``"<pk>"`` for slots and requests, ``"p<pk>"`` for participations and
``"i<pk>"`` for interpreters. A must-meet request gets ``MUST_MEET_BONUS`` added to its priority
so the scheduler prefers it over any ordinary request of its pair's participants.

A participant's availability is its ``Availability`` rows (none: every slot) less the slots in
which all its meeting attendees are at activities of the programme (``busy.py``). A kept
meeting's slot stays open to both its sides, so published meetings stay where they are even
when someone confirmed an activity that clashes with one (their agendas show the clash); a
held or missed meeting's slot stays open to its sides whatever their availability says now.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from tradefair.engine.schedule import problem as engine
from tradefair.engine.schedule.reasons import Code, Reason
from tradefair.expos.models import Expo
from tradefair.matchmaking.adapters.busy import SlotPlace, busy_slots
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    MeetingProfile,
    MeetingRequest,
    Slot,
)
from tradefair.organisations.models import Participation

MUST_MEET_BONUS = 5


def participant_id(pk: int) -> str:
    return f"p{pk}"


def interpreter_id(pk: int) -> str:
    return f"i{pk}"


@dataclass(frozen=True)
class Built:
    """The problem and what the write-back needs to read the engine's ids."""

    problem: engine.Problem
    names: dict[str, str]  # participant id -> organisation name, for readable reasons


def _frozen(values: list[str] | None) -> frozenset[str] | None:
    return frozenset(values) if values else None


def build_problem(expo: Expo) -> Built:
    """Accepted requests, slots, availability, meeting profiles and interpreters of ``expo``."""
    slots = list(Slot.objects.filter(expo=expo).select_related("session").order_by("start", "pk"))
    slot_ids = {s.pk for s in slots}
    requests = list(
        MeetingRequest.objects.filter(expo=expo, status=MeetingRequest.Status.ACCEPTED).order_by(
            "created_at", "pk"
        )
    )
    people = {r.buyer_id for r in requests} | {r.exhibitor_id for r in requests}
    parts = Participation.objects.filter(pk__in=people).select_related("organisation")
    profiles = {
        p.participation_id: p for p in MeetingProfile.objects.filter(participation_id__in=people)
    }
    available: dict[int, set[str]] = defaultdict(set)
    for pid, sid in Availability.objects.filter(participation_id__in=people).values_list(
        "participation_id", "slot_id"
    ):
        # Rows for slots that no longer exist still mean "limited": keep the (empty) entry.
        mine = available.setdefault(pid, set())
        if sid in slot_ids:
            mine.add(str(sid))
    kept, held = _slots_of(_kept(expo))
    for pid, sids in held.items():
        if pid in available:  # what happened stays where it happened
            available[pid] |= {str(sid) for sid in sids if sid in slot_ids}
    _leave_out_busy_slots(expo, slots, people, available, kept)
    participants = []
    names = {}
    for part in parts.order_by("pk"):
        profile = profiles.get(part.pk)
        side = engine.Side.BUYER if part.role == Participation.Role.BUYER else engine.Side.EXHIBITOR
        participants.append(
            engine.Participant(
                id=participant_id(part.pk),
                side=side,
                available=frozenset(available[part.pk]) if part.pk in available else None,
                max_meetings=profile.max_meetings if profile else None,
                languages=_frozen(profile.languages) if profile else None,
            )
        )
        names[participant_id(part.pk)] = part.organisation.name
    interpreters = []
    for it in Interpreter.objects.filter(expo=expo).prefetch_related("available_slots"):
        limited = {str(s.pk) for s in it.available_slots.all() if s.pk in slot_ids}
        interpreters.append(
            engine.Interpreter(
                id=interpreter_id(it.pk),
                languages=frozenset(it.languages),
                available=frozenset(limited) if it.available_slots.all() else None,
            )
        )
    problem = engine.Problem(
        slots=tuple(engine.Slot(str(s.pk), s.start, s.end, s.tables) for s in slots),
        participants=tuple(participants),
        requests=tuple(
            engine.Request(
                id=str(r.pk),
                buyer=participant_id(r.buyer_id),
                exhibitor=participant_id(r.exhibitor_id),
                priority=r.priority + (MUST_MEET_BONUS if r.must_meet else 0),
            )
            for r in requests
        ),
        interpreters=tuple(interpreters),
    )
    return Built(problem=problem, names=names)


def _slots_of(
    meetings: QuerySet[Meeting],
) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Per participation, the slots of ``meetings``, and of those held or missed, in one query.

    Held and missed meetings happened where they are: availability rows entered since (or a
    demo's traced orders) must not make the scheduler drop them and think their table and
    people free, or a new meeting lands there and the write-back fails on the database's
    unique constraints. A published meeting that is only scheduled still moves or goes when
    its sides' availability no longer allows it.
    """
    every: dict[int, set[int]] = defaultdict(set)
    held: dict[int, set[int]] = defaultdict(set)
    rows = meetings.values_list("buyer_id", "exhibitor_id", "slot_id", "status")
    for buyer, exhibitor, slot, status in rows:
        every[buyer].add(slot)
        every[exhibitor].add(slot)
        if status != Meeting.Status.SCHEDULED:
            held[buyer].add(slot)
            held[exhibitor].add(slot)
    return every, held


def _leave_out_busy_slots(
    expo: Expo,
    slots: list[Slot],
    people: set[int],
    available: dict[int, set[str]],
    kept: dict[int, set[int]],
) -> None:
    """Take from ``available`` the slots where all of a participant's attendees are busy."""
    places = [SlotPlace(s.pk, s.start, s.end, s.session.hall_id) for s in slots]
    busy = busy_slots(expo.pk, places, people)
    if not busy:
        return
    every = {str(s.pk) for s in slots}
    for pid, taken in busy.items():
        gone = {str(sid) for sid in taken - kept.get(pid, set())}
        available[pid] = available.get(pid, every) - gone


def _kept(expo: Expo) -> QuerySet[Meeting]:
    return Meeting.objects.filter(expo=expo).filter(
        Q(published=True) | ~Q(status=Meeting.Status.SCHEDULED)
    )


def to_engine(meeting: Meeting) -> engine.Meeting:
    return engine.Meeting(
        request=str(meeting.request_id),
        slot=str(meeting.slot_id),
        table=meeting.table_number,
        interpreter=interpreter_id(meeting.interpreter_id) if meeting.interpreter_id else None,
    )


def kept_solution(expo: Expo) -> engine.Solution:
    """Meetings that must stay where they are: published ones and those already held or missed."""
    rows = _kept(expo)
    return engine.Solution(meetings=tuple(to_engine(m) for m in rows.order_by("pk")))


def readable(left: engine.Unscheduled, built: Built, sessions: dict[int, int]) -> dict[str, object]:
    """A left-out request as the run stores it (``queries/left_out.py`` reads it back).

    Both sides as participation pk and organisation name; the reason's code with its
    parameters in the app's ids (a participation pk for ``participant``, the distinct
    ``sessions`` of its ``slots`` by ``sessions``: slot pk -> session pk); and the English
    words with organisation names, which older readers of ``reason`` still show.
    """
    request = built.problem.requests[built.problem.request_index[left.request]]
    words = left.reason
    params: dict[str, object] = dict(left.params)
    if left.code:
        named = dict(left.params)
        who = params.get("participant")
        if isinstance(who, str) and who in built.names:
            named["participant"] = built.names[who]
            params["participant"] = int(who.removeprefix("p"))
        words = Reason(Code(left.code), named).english()
        slots = params.pop("slots", None)
        if isinstance(slots, list):
            found = (sessions.get(int(s)) for s in slots)
            params["sessions"] = list(dict.fromkeys(s for s in found if s is not None))
    return {
        "request": int(left.request),
        "buyer": built.names.get(request.buyer, ""),
        "exhibitor": built.names.get(request.exhibitor, ""),
        "buyer_id": int(request.buyer.removeprefix("p")),
        "exhibitor_id": int(request.exhibitor.removeprefix("p")),
        "reason": words,
        "code": left.code,
        "params": params,
    }
