"""Placing one accepted request at a slot and table, under the locking protocol.

Protocol (docs/adr/0003-locking-protocol.md): inside one ``transaction.atomic``, lock the slot
rows (by id), then the two participations (by id), then check and write. Everyone who writes
meetings takes the locks in this order, so two writers never wait on each other in a cycle.
The slot lock serialises everything that counts tables in a slot; the participation locks
serialise everything that counts a participant's meetings (caps are not a database
constraint, so only the lock protects them). The unique constraints on ``Meeting`` are the
last guard: if they fire anyway, the caller gets ``SlotTaken``, never an ``IntegrityError``.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tradefair.accounts.models import User
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    MeetingProfile,
    MeetingRequest,
    Slot,
)
from tradefair.matchmaking.services import notifications
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.errors import (
    InvalidRequest,
    InvalidTransition,
    SlotTaken,
    Unavailable,
)
from tradefair.matchmaking.services.times import slot_start
from tradefair.organisations.models import Participation


def lock(*, slot_ids: Iterable[int], participation_ids: Iterable[int]) -> dict[int, Slot]:
    """Take the protocol's row locks in its fixed order; returns the locked slots by id."""
    slots = {
        s.pk: s
        for s in Slot.objects.select_for_update().filter(pk__in=set(slot_ids)).order_by("pk")
    }
    # Evaluated for the side effect: the rows stay locked until the transaction ends.
    list(
        Participation.objects.select_for_update()
        .filter(pk__in=set(participation_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return slots


def _besides(meetings: QuerySet[Meeting], ignore: int | None) -> QuerySet[Meeting]:
    """Leave out the meeting being moved, which must not count against itself."""
    return meetings if ignore is None else meetings.exclude(pk=ignore)


def _profile(participation_id: int) -> MeetingProfile | None:
    return MeetingProfile.objects.filter(participation_id=participation_id).first()


def _languages(profile: MeetingProfile | None) -> set[str]:
    return set(profile.languages) if profile is not None else set()


def _speaks_for(interpreter: Interpreter, buyer: set[str], exhibitor: set[str]) -> bool:
    spoken = set(interpreter.languages)
    return all(not side or spoken & side for side in (buyer, exhibitor))


def _interpreter_free(interpreter: Interpreter, slot: Slot, ignore: int | None) -> bool:
    if interpreter.expo_id != slot.expo_id:
        return False
    limited = interpreter.available_slots.exists()
    if limited and not interpreter.available_slots.filter(pk=slot.pk).exists():
        return False
    busy = _besides(Meeting.objects.filter(slot=slot, interpreter=interpreter), ignore)
    return not busy.exists()


# Whole sentences per side (a translator cannot inflect an interpolated "buyer"); marked here,
# translated at raise time in the reader's language.
_BUYER_REFUSALS = {
    "unavailable": gettext_noop("The buyer is not available at %(slot)s."),
    "busy": gettext_noop("The buyer already has a meeting at %(slot)s."),
    "full": gettext_noop("The buyer already has the most meetings wanted (%(count)d)."),
}
_EXHIBITOR_REFUSALS = {
    "unavailable": gettext_noop("The exhibitor is not available at %(slot)s."),
    "busy": gettext_noop("The exhibitor already has a meeting at %(slot)s."),
    "full": gettext_noop("The exhibitor already has the most meetings wanted (%(count)d)."),
}


def check_placement(
    *,
    request: MeetingRequest,
    slot: Slot,
    table_number: int | None,
    interpreter: Interpreter | None,
    ignore: int | None = None,
) -> tuple[int, Interpreter | None]:
    """Every application-level rule for ``request`` at ``slot``; returns the table and interpreter.

    Reads without locking: only call it under the protocol's locks (``ignore`` is the meeting
    being moved, which must not count against itself).
    """
    if slot.expo_id != request.expo_id:
        raise InvalidRequest(_("The slot belongs to another expo."))
    mine = _besides(Meeting.objects.filter(slot=slot), ignore)
    for participation_id, refusals in (
        (request.buyer_id, _BUYER_REFUSALS),
        (request.exhibitor_id, _EXHIBITOR_REFUSALS),
    ):
        limited = Availability.objects.filter(participation_id=participation_id)
        if limited.exists() and not limited.filter(slot=slot).exists():
            raise Unavailable(_(refusals["unavailable"]) % {"slot": slot_start(slot)})
        if mine.filter(Q(buyer_id=participation_id) | Q(exhibitor_id=participation_id)).exists():
            raise SlotTaken(_(refusals["busy"]) % {"slot": slot_start(slot)})
        profile = _profile(participation_id)
        if profile is not None and profile.max_meetings is not None:
            theirs = Meeting.objects.filter(
                Q(buyer_id=participation_id) | Q(exhibitor_id=participation_id)
            )
            held = _besides(theirs, ignore).count()
            if held >= profile.max_meetings:
                raise Unavailable(_(refusals["full"]) % {"count": profile.max_meetings})
    taken = set(mine.values_list("table_number", flat=True))
    if table_number is None:
        free = [t for t in range(1, slot.tables + 1) if t not in taken]
        if not free:
            raise SlotTaken(_("No table is free at %(slot)s.") % {"slot": slot_start(slot)})
        table_number = free[0]
    elif not 1 <= table_number <= slot.tables:
        raise InvalidRequest(
            _("Tables at %(slot)s are numbered 1 to %(tables)d.")
            % {"slot": slot_start(slot), "tables": slot.tables}
        )
    elif table_number in taken:
        raise SlotTaken(
            _("Table %(table)d is taken at %(slot)s.")
            % {"table": table_number, "slot": slot_start(slot)}
        )
    return table_number, _choose_interpreter(request, slot, interpreter, ignore)


def _choose_interpreter(
    request: MeetingRequest, slot: Slot, interpreter: Interpreter | None, ignore: int | None
) -> Interpreter | None:
    """The given interpreter if able and free; else one from the pool when the sides need one."""
    buyer = _languages(_profile(request.buyer_id))
    exhibitor = _languages(_profile(request.exhibitor_id))
    if interpreter is not None:
        if not _speaks_for(interpreter, buyer, exhibitor):
            raise Unavailable(
                _("%(name)s does not speak a language of each side.") % {"name": interpreter.name}
            )
        if not _interpreter_free(interpreter, slot, ignore):
            raise SlotTaken(
                _("%(name)s is not free at %(slot)s.")
                % {"name": interpreter.name, "slot": slot_start(slot)}
            )
        return interpreter
    if not buyer or not exhibitor or buyer & exhibitor:
        return None
    for candidate in Interpreter.objects.filter(expo_id=slot.expo_id).order_by("pk"):
        if _speaks_for(candidate, buyer, exhibitor) and _interpreter_free(candidate, slot, ignore):
            return candidate
    raise Unavailable(
        _("No interpreter for these languages is free at %(slot)s.") % {"slot": slot_start(slot)}
    )


def insert_meeting(
    *, request: MeetingRequest, slot: Slot, table_number: int, interpreter: Interpreter | None
) -> Meeting:
    """Insert in a savepoint so a constraint violation becomes ``SlotTaken``."""
    try:
        with transaction.atomic():
            return Meeting.objects.create(
                request=request,
                expo_id=request.expo_id,
                slot=slot,
                table_number=table_number,
                buyer_id=request.buyer_id,
                exhibitor_id=request.exhibitor_id,
                interpreter=interpreter,
            )
    except IntegrityError as exc:
        raise SlotTaken(
            _("Someone else just took this place at %(slot)s; choose again.")
            % {"slot": slot_start(slot)}
        ) from exc


def _accepted_unplaced(request: MeetingRequest) -> MeetingRequest:
    """Lock the request last (protocol step 3) so a concurrent cancel cannot slip in between."""
    current = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if current.status != MeetingRequest.Status.ACCEPTED:
        raise InvalidTransition(_("Only accepted requests can be scheduled."))
    if Meeting.objects.filter(request=current).exists():
        raise InvalidTransition(_("This request already has a meeting."))
    return current


def book_meeting(
    *,
    request: MeetingRequest,
    slot: Slot,
    table_number: int | None = None,
    interpreter: Interpreter | None = None,
    by_user: User | None = None,
) -> Meeting:
    """Place an accepted request at ``slot`` (lowest free table unless one is given).

    ``by_user`` is checked as organiser staff when given; trusted callers (the scheduler's
    tests, management commands) pass none. The meeting starts unpublished.
    """
    if by_user is not None:
        require_staff(by_user, request.expo)
    with transaction.atomic():
        locked = lock(
            slot_ids=[slot.pk], participation_ids=[request.buyer_id, request.exhibitor_id]
        )[slot.pk]
        current = _accepted_unplaced(request)
        table, chosen = check_placement(
            request=current, slot=locked, table_number=table_number, interpreter=interpreter
        )
        return insert_meeting(request=current, slot=locked, table_number=table, interpreter=chosen)


def move_meeting(
    *, meeting: Meeting, slot: Slot, table_number: int | None = None, by_user: User
) -> Meeting:
    """Move a scheduled meeting; its sides are told at once if it was already published."""
    require_staff(by_user, meeting.expo)
    with transaction.atomic():
        slots = lock(
            slot_ids=[meeting.slot_id, slot.pk],
            participation_ids=[meeting.buyer_id, meeting.exhibitor_id],
        )
        current = Meeting.objects.select_related("request", "interpreter").get(pk=meeting.pk)
        if current.status != Meeting.Status.SCHEDULED:
            raise InvalidTransition(_("A meeting that took place cannot be moved."))
        if current.slot_id == slot.pk and table_number in (None, current.table_number):
            return current
        keep = current.interpreter
        if keep is not None and not _interpreter_free(keep, slots[slot.pk], current.pk):
            keep = None
        table, chosen = check_placement(
            request=current.request,
            slot=slots[slot.pk],
            table_number=table_number,
            interpreter=keep,
            ignore=current.pk,
        )
        current.slot, current.table_number, current.interpreter = slots[slot.pk], table, chosen
        try:
            with transaction.atomic():
                current.save(update_fields=["slot", "table_number", "interpreter", "updated_at"])
        except IntegrityError as exc:
            raise SlotTaken(
                _("Someone else just took this place at %(slot)s.") % {"slot": slot_start(slot)}
            ) from exc
        if current.published:
            notifications.schedule_changed([current], moved=True)
    return current


def _mark(meeting: Meeting, status: str, by_user: User) -> Meeting:
    require_staff(by_user, meeting.expo)
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.status != status:
            current.status = status
            current.save(update_fields=["status", "updated_at"])
    meeting.status = current.status
    return current


def mark_held(*, meeting: Meeting, by_user: User) -> Meeting:
    """Record that the meeting took place (idempotent; corrects an earlier no-show)."""
    return _mark(meeting, Meeting.Status.HELD, by_user)


def mark_no_show(*, meeting: Meeting, by_user: User) -> Meeting:
    """Record that a side did not come (idempotent; corrects an earlier "held")."""
    return _mark(meeting, Meeting.Status.NO_SHOW, by_user)
