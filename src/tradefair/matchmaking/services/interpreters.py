"""The interpreter pool of an edition: add, change and remove interpreters.

Changes that could break meetings take every slot lock of the edition first (protocol step 1,
docs/adr/0003-locking-protocol.md), as the scheduler's write-back does, so they never interleave
with a run writing meetings that name the interpreter.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.expos.languages import CODES
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Interpreter, Meeting, MeetingProfile, Slot
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.booking import lock
from tradefair.matchmaking.services.errors import InvalidRequest, InvalidTransition


def _clean(name: str, languages: list[str]) -> tuple[str, list[str]]:
    name = name.strip()
    if not name:
        raise InvalidRequest(_("The interpreter needs a name."))
    codes = sorted({code.strip().lower() for code in languages})
    unknown = [code for code in codes if code not in CODES]
    if unknown:
        raise InvalidRequest(
            _("Unknown ISO 639-1 language codes: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    if len(codes) < 2:
        raise InvalidRequest(_("An interpreter speaks at least two languages."))
    return name, codes


def _lock_edition(expo_id: int) -> None:
    lock(
        slot_ids=Slot.objects.filter(expo_id=expo_id).values_list("pk", flat=True),
        participation_ids=[],
    )


def _own_slots(expo_id: int, slots: Sequence[Slot]) -> list[Slot]:
    if any(slot.expo_id != expo_id for slot in slots):
        raise InvalidRequest(_("Some of the chosen slots belong to another expo."))
    return list(slots)


def add_interpreter(
    *,
    expo: Expo,
    name: str,
    email: str = "",
    languages: list[str],
    available_slots: Sequence[Slot] = (),
    by_user: User,
) -> Interpreter:
    """Add an interpreter; no ``available_slots`` means free in every slot.

    The next scheduler run may assign them.
    """
    require_staff(by_user, expo)
    name, codes = _clean(name, languages)
    slots = _own_slots(expo.pk, available_slots)
    with transaction.atomic():
        added = Interpreter.objects.create(
            expo=expo, name=name, email=email.strip(), languages=codes
        )
        added.available_slots.set(slots)
    return added


def _stranded(interpreter: Interpreter, codes: list[str]) -> int:
    """Scheduled meetings of the interpreter that ``codes`` would no longer cover."""
    meetings = list(
        Meeting.objects.filter(
            interpreter=interpreter, status=Meeting.Status.SCHEDULED
        ).values_list("buyer_id", "exhibitor_id")
    )
    people = {pk for pair in meetings for pk in pair}
    spoken = {
        p.participation_id: set(p.languages)
        for p in MeetingProfile.objects.filter(participation_id__in=people)
    }
    offered = set(codes)
    return sum(
        1
        for buyer, exhibitor in meetings
        if any(spoken.get(side) and not spoken[side] & offered for side in (buyer, exhibitor))
    )


def update_interpreter(
    *,
    interpreter: Interpreter,
    name: str,
    email: str = "",
    languages: list[str],
    available_slots: Sequence[Slot] = (),
    by_user: User,
) -> Interpreter:
    """Change name, e-mail, languages and availability (none: every slot).

    Refused if a language or a slot their scheduled meetings need would go.
    """
    require_staff(by_user, interpreter.expo)
    name, codes = _clean(name, languages)
    slots = _own_slots(interpreter.expo_id, available_slots)
    with transaction.atomic():
        _lock_edition(interpreter.expo_id)
        current = Interpreter.objects.select_for_update().get(pk=interpreter.pk)
        stranded = _stranded(current, codes)
        if stranded:
            raise InvalidTransition(
                _(
                    "%(name)s interprets %(count)d scheduled meetings that need a language "
                    "you removed; move those meetings first or keep the language."
                )
                % {"name": current.name, "count": stranded}
            )
        if slots:
            outside = (
                Meeting.objects.filter(interpreter=current, status=Meeting.Status.SCHEDULED)
                .exclude(slot__in=slots)
                .count()
            )
            if outside:
                raise InvalidTransition(
                    _(
                        "%(name)s interprets %(count)d scheduled meetings in slots you left "
                        "out; move those meetings first or keep the slots."
                    )
                    % {"name": current.name, "count": outside}
                )
        current.name, current.email, current.languages = name, email.strip(), codes
        current.save(update_fields=["name", "email", "languages"])
        current.available_slots.set(slots)
    return current


def remove_interpreter(*, interpreter: Interpreter, by_user: User) -> int:
    """Remove an interpreter; returns how many unpublished meetings were unscheduled with them.

    Refused while they are assigned to a published meeting (its sides were told who comes) or
    one already held or missed (the record keeps who was there). Unpublished meetings relying
    on them are removed, not left without the interpreter they need: the next run places them
    again with someone else.
    """
    require_staff(by_user, interpreter.expo)
    with transaction.atomic():
        _lock_edition(interpreter.expo_id)
        current = Interpreter.objects.select_for_update().get(pk=interpreter.pk)
        theirs = Meeting.objects.filter(interpreter=current)
        if theirs.filter(published=True).exists():
            raise InvalidTransition(
                _(
                    "%(name)s is assigned to published meetings whose sides were told who "
                    "interprets; they cannot be removed."
                )
                % {"name": current.name}
            )
        if theirs.exclude(status=Meeting.Status.SCHEDULED).exists():
            raise InvalidTransition(
                _("%(name)s took part in meetings already recorded as held or missed.")
                % {"name": current.name}
            )
        unscheduled = list(theirs.values_list("pk", flat=True))
        Meeting.objects.filter(pk__in=unscheduled).delete()
        current.delete()
    return len(unscheduled)
