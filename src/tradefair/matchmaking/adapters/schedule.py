"""The only module that speaks both the ORM and the engine: rows in, ``Problem`` out, and back.

Engine ids are strings: ``"<pk>"`` for slots and requests, ``"p<pk>"`` for participations and
``"i<pk>"`` for interpreters. A must-meet request gets ``MUST_MEET_BONUS`` added to its priority
so the scheduler prefers it over any ordinary request of its pair's participants.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from tradefair.engine.schedule import problem as engine
from tradefair.expos.models import Expo
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
    slots = list(Slot.objects.filter(expo=expo).order_by("start", "pk"))
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


def to_engine(meeting: Meeting) -> engine.Meeting:
    return engine.Meeting(
        request=str(meeting.request_id),
        slot=str(meeting.slot_id),
        table=meeting.table_number,
        interpreter=interpreter_id(meeting.interpreter_id) if meeting.interpreter_id else None,
    )


def kept_solution(expo: Expo) -> engine.Solution:
    """Meetings that must stay where they are: published ones and those already held or missed."""
    rows = Meeting.objects.filter(expo=expo).filter(
        Q(published=True) | ~Q(status=Meeting.Status.SCHEDULED)
    )
    return engine.Solution(meetings=tuple(to_engine(m) for m in rows.order_by("pk")))


def readable(reason: str, names: dict[str, str]) -> str:
    """Replace engine participant ids in a reason by organisation names."""
    for ident, name in names.items():
        reason = reason.replace(f" {ident} ", f" {name} ")
    return reason


# What the e-mails about moved and dropped meetings read.
_MAILED = ("expo", "slot", "interpreter", "buyer__organisation", "exhibitor__organisation")


@dataclass(frozen=True)
class Written:
    """What a write-back changed. ``moved`` and ``dropped`` are published meetings whose sides
    must be told: moved ones are saved at their new place, dropped ones are deleted rows
    (loaded before the delete, for the message)."""

    kept: int
    created: int
    moved: list[Meeting]
    dropped: list[Meeting]

    def stats(self) -> dict[str, int]:
        return {
            "kept": self.kept,
            "created": self.created,
            "moved_published": len(self.moved),
            "dropped_published": len(self.dropped),
        }


def write_solution(expo: Expo, solution: engine.Solution) -> Written:
    """Make the expo's meetings match ``solution``; call under the protocol's slot locks.

    Held and no-show meetings are never touched. For a published scheduled meeting:

    - the solution leaves it in place: its row stays (published; its interpreter may change);
    - the solution places it elsewhere (it became invalid where it was, or the run did not keep
      published meetings): it moves, keeping its id and staying published;
    - the solution does not place it: it is deleted (its request stays accepted).

    Every other scheduled meeting is replaced; new meetings start unpublished. Requests no
    longer accepted are skipped. The caller tells the sides of moved and dropped meetings.
    """
    # Locked so that a cancellation committed during the solve is seen, not overwritten.
    accepted = set(
        MeetingRequest.objects.select_for_update()
        .filter(expo=expo, status=MeetingRequest.Status.ACCEPTED)
        .values_list("pk", flat=True)
    )
    target = {int(m.request): m for m in solution.meetings if int(m.request) in accepted}
    existing = list(Meeting.objects.filter(expo=expo))
    fixed = {m.request_id for m in existing if m.status != Meeting.Status.SCHEDULED}
    stay: dict[int, Meeting] = {}
    moving: dict[int, int] = {}  # request -> id of its published meeting, kept at the new place
    dropped_ids = []
    for m in existing:
        if not m.published or m.status != Meeting.Status.SCHEDULED:
            continue
        t = target.get(m.request_id)
        if t is None:
            dropped_ids.append(m.pk)
        elif (str(m.slot_id), m.table_number) == (t.slot, t.table):
            stay[m.request_id] = m
        else:
            moving[m.request_id] = m.pk
    replaced = [
        m.pk for m in existing if m.status == Meeting.Status.SCHEDULED and m.request_id not in stay
    ]
    dropped = list(Meeting.objects.filter(pk__in=dropped_ids).select_related(*_MAILED))
    # Moving rows are deleted and inserted again under their id: updating them in place could
    # trip the per-slot unique constraints when two meetings swap places.
    Meeting.objects.filter(pk__in=replaced).delete()
    changed = [
        m for m in stay.values() if to_engine(m).interpreter != target[m.request_id].interpreter
    ]
    # Interpreters may swap between kept meetings: clear first so no unique check trips.
    Meeting.objects.filter(pk__in=[m.pk for m in changed]).update(interpreter=None)
    for m in changed:
        new = target[m.request_id].interpreter
        m.interpreter_id = int(new[1:]) if new else None
        m.save(update_fields=["interpreter", "updated_at"])
    requests = {
        r.pk: r for r in MeetingRequest.objects.filter(pk__in=set(target) - set(stay) - fixed)
    }
    Meeting.objects.bulk_create(
        Meeting(
            pk=moving.get(pk),
            request=requests[pk],
            expo=expo,
            slot_id=int(t.slot),
            table_number=t.table,
            buyer_id=requests[pk].buyer_id,
            exhibitor_id=requests[pk].exhibitor_id,
            interpreter_id=int(t.interpreter[1:]) if t.interpreter else None,
            published=pk in moving,
        )
        for pk, t in target.items()
        if pk in requests
    )
    moved = list(Meeting.objects.filter(pk__in=moving.values()).select_related(*_MAILED))
    return Written(kept=len(stay), created=len(requests) - len(moved), moved=moved, dropped=dropped)
