"""Taking, giving up and passing on a place at an activity.

Seats are scarce like tables (docs/adr/0004-activity-seats.md): inside one transaction,
lock the activity row, then count and write. Everyone who changes an activity's seats takes
that lock first, so two people never both take the last seat; the unique (activity, seat)
constraint is the last guard and turns into ``SeatTaken`` if it ever fires. When the activity
is full the person joins the waiting list in arrival order; a cancelled seat passes, in the
same transaction, to the first person waiting, who is told after commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.expos.formatting import moment, number
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, Registration
from tradefair.programme.models.registrations import LIVE
from tradefair.programme.queries.commitments import activity_commitments
from tradefair.programme.services import notices
from tradefair.programme.services.errors import (
    AlreadyRegistered,
    Clash,
    Closed,
    NotAllowed,
    NotRegistered,
    SeatTaken,
)
from tradefair.programme.timeline import WALK, Busy, others, overlaps

# The role a person registers for when they hold several in one edition.
ROLE_ORDER = ["delegate", "investor", "buyer", "exhibitor", "partner"]


@dataclass(frozen=True)
class Place:
    """What a registration gave: a seat, or a place on the waiting list (1 = next)."""

    registration: Registration
    position: int | None


def lock_activity(activity_id: int) -> Activity:
    """The protocol's lock: one writer of an activity's seats at a time.

    Only the activity row: locking the joined expo would queue every registration of the
    edition behind one another, and PostgreSQL refuses FOR UPDATE on the nullable room join.
    """
    return (
        Activity.objects.select_for_update(of=("self",))
        .select_related("room", "expo")
        .get(pk=activity_id)
    )


def participation_for(user: User, activity: Activity) -> Participation:
    """The person's organisation's role in the edition they register for."""
    organisations = Membership.objects.filter(user=user).values("organisation_id")
    roles = {
        p.role: p
        for p in Participation.objects.filter(
            expo_id=activity.expo_id, organisation_id__in=organisations
        ).order_by("pk")
    }
    for role in ROLE_ORDER:
        if role in roles:
            return roles[role]
    raise NotAllowed(
        _("Only people of an organisation taking part in this expo can register for activities.")
    )


def may_attend(user: User, activity: Activity) -> bool:
    """Invitation-only activities admit invited people and members of invited organisations."""
    if activity.audience != Activity.Audience.INVITATION:
        return True
    if activity.invited_people.filter(pk=user.pk).exists():
        return True
    return activity.invited_organisations.filter(memberships__user=user).exists()


def clashes(user: User, activity: Activity) -> list[Busy]:
    """What already on the person's timeline overlaps ``activity``, walks included."""
    hall = activity.room.hall_id if activity.room else None
    mine = activity_commitments(activity.expo_id, [user.pk], start=activity.start, end=activity.end)
    found = [b for b in mine.get(user.pk, []) if b.ref != activity.pk]
    found += others(user, activity.expo, activity.start, activity.end)
    found.sort(key=lambda b: (b.start, b.kind, b.ref))
    return [b for b in found if overlaps(b, activity.start, activity.end, hall)]


def clash_message(found: list[Busy], activity: Activity) -> str:
    zone = activity.expo.time_zone
    named = "; ".join(
        _("%(title)s at %(when)s") % {"title": b.title, "when": moment(b.start, zone)}
        for b in found
    )
    return _(
        "This overlaps what is already on your timeline (allowing %(walk)s minutes to walk "
        "between halls): %(clashes)s. Confirm to register anyway."
    ) % {"clashes": named, "walk": number(int(WALK.total_seconds() // 60))}


def _check_open(activity: Activity) -> None:
    if activity.status != Activity.Status.PUBLISHED:
        raise Closed(_("This activity is not open for registration."))


def _taken(activity: Activity) -> set[int]:
    held = Registration.objects.filter(activity=activity, seat__isnull=False)
    return {seat for seat in held.values_list("seat", flat=True) if seat is not None}


def _free_seats(taken: set[int], limit: int | None, wanted: int) -> list[int]:
    """Up to ``wanted`` lowest free seat numbers, no more than ``limit`` leaves free.

    Counts what is taken rather than trusting numbers: once the capacity is lowered below
    the seats taken, nothing is free, whichever seat was given up.
    """
    if limit is not None:
        wanted = min(wanted, limit - len(taken))
    seats: list[int] = []
    seat = 1
    while len(seats) < wanted:
        if seat not in taken:
            seats.append(seat)
        seat += 1
    return seats


def _free_seat(activity: Activity) -> int | None:
    """The lowest free seat number, or None when every seat is taken."""
    seats = _free_seats(_taken(activity), activity.seats, 1)
    return seats[0] if seats else None


def waiting_position(registration: Registration) -> int | None:
    """1 for the next person to be promoted; None when the registration holds a seat."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        activity_id=registration.activity_id,
        status=Registration.Status.WAITLISTED,
        arrived_at__lte=registration.arrived_at,
    ).exclude(arrived_at=registration.arrived_at, pk__gt=registration.pk)
    return ahead.count()


def register(
    *,
    activity: Activity,
    user: User,
    participation: Participation | None = None,
    confirm_clash: bool = False,
) -> Place:
    """A seat if one is free, else the waiting list; refused on a clash the person did not confirm.

    Raises ``Closed``, ``NotAllowed``, ``AlreadyRegistered``, ``Clash`` or ``SeatTaken``;
    nothing is written when it raises.
    """
    if participation is None:
        participation = participation_for(user, activity)
    elif (
        participation.expo_id != activity.expo_id
        or not Membership.objects.filter(
            user=user, organisation_id=participation.organisation_id
        ).exists()
    ):
        raise NotAllowed(_("You do not act for this organisation in this expo."))
    with transaction.atomic():
        activity = lock_activity(activity.pk)
        _check_open(activity)
        if not may_attend(user, activity):
            raise NotAllowed(_("This activity is by invitation only and you are not invited."))
        if Registration.objects.filter(activity=activity, user=user, status__in=LIVE).exists():
            raise AlreadyRegistered(_("You are already registered for this activity."))
        found = clashes(user, activity)
        if found and not confirm_clash:
            raise Clash(clash_message(found, activity), found)
        seat = _free_seat(activity)
        status = Registration.Status.REGISTERED if seat else Registration.Status.WAITLISTED
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    activity=activity,
                    user=user,
                    participation=participation,
                    status=status,
                    seat=seat,
                    clash_confirmed=bool(found),
                )
        except IntegrityError as error:
            # Asked again, not parsed from the message: SQLite does not name the constraint.
            if Registration.objects.filter(activity=activity, user=user, status__in=LIVE).exists():
                raise AlreadyRegistered(
                    _("You are already registered for this activity.")
                ) from error
            raise SeatTaken(
                _("Someone took that seat at the same moment. Please try again.")
            ) from error
        return Place(registration, waiting_position(registration))


def cancel(*, activity: Activity, user: User) -> Registration:
    """Give up a seat or a waiting-list place; a freed seat goes to the first person waiting."""
    with transaction.atomic():
        activity = lock_activity(activity.pk)
        registration = (
            Registration.objects.filter(activity=activity, user=user, status__in=LIVE)
            .order_by("pk")
            .first()
        )
        if registration is None:
            raise NotRegistered(_("You are not registered for this activity."))
        if registration.status == Registration.Status.ATTENDED:
            raise Closed(_("Your attendance was recorded; it cannot be cancelled."))
        freed = registration.seat
        registration.status = Registration.Status.CANCELLED
        registration.seat = None
        registration.save(update_fields=["status", "seat", "updated_at"])
        if freed is not None and activity.status == Activity.Status.PUBLISHED:
            promote(activity)
        return registration


def promote(activity: Activity) -> list[Registration]:
    """Fill the free seats from the waiting list in arrival order; the caller holds the lock.

    Anyone who changes how many seats an activity has (its capacity or room) calls this too,
    under ``lock_activity``, so a seat is never free while someone waits.
    """
    taken = _taken(activity)
    waiting = (
        Registration.objects.filter(activity=activity, status=Registration.Status.WAITLISTED)
        .select_related("user")
        .order_by("arrived_at", "pk")
    )
    if activity.seats is not None:
        waiting = waiting[: max(activity.seats - len(taken), 0)]
    promoted = list(waiting)
    for registration, seat in zip(
        promoted, _free_seats(taken, activity.seats, len(promoted)), strict=True
    ):
        registration.status = Registration.Status.REGISTERED
        registration.seat = seat
        registration.save(update_fields=["status", "seat", "updated_at"])
        notices.promoted(registration, activity)
    return promoted


def mark_attended(*, activity: Activity, user: User) -> bool:
    """The registered person came (their badge was scanned at the door): their seat is now an
    attended one. Idempotent; False when they had no seat (walk-ins at open activities, or a
    waiting-list place) — the scan itself still records that they came."""
    with transaction.atomic():
        lock_activity(activity.pk)
        updated = Registration.objects.filter(
            activity=activity, user=user, status=Registration.Status.REGISTERED
        ).update(status=Registration.Status.ATTENDED)
    return bool(updated)
