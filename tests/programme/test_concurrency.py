"""The last seat under real concurrency, on PostgreSQL (docs/adr/0004-activity-seats.md).

Each worker is a thread with its own database connection, released together by a barrier.
The first test takes the lock away and shows the race it prevents; the others keep it.
``serialized_rollback`` restores the reference data that the flush after a transactional
test removes.
"""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings

from tests.threads import in_threads, kinds
from tradefair.accounts.models import User
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, Registration
from tradefair.programme.services import registration
from tradefair.programme.services.registration import cancel, register, waiting_position

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row locks need PostgreSQL: SQLite serialises every writer, so there is no race "
        "to show (set DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DELEGATE = Participation.Role.DELEGATE
REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED


def seats(activity: Activity) -> list[int | None]:
    return sorted(
        activity.registrations.filter(status=REGISTERED).values_list("seat", flat=True),
        key=lambda s: s or 0,
    )


def pause_after_the_check(monkeypatch: pytest.MonkeyPatch, n: int, wait: float) -> list[Any]:
    """Hold every writer between the capacity check and the insert until ``n`` have checked.

    Without the lock all ``n`` get there; with it the barrier breaks after ``wait`` seconds,
    because the others are queued on the lock, not checking. Returns what each check found.
    """
    checked = threading.Barrier(n)
    found: list[Any] = []
    real = registration._free_seat

    def free_seat_then_pause(activity: Activity) -> int | None:
        seat = real(activity)
        found.append(seat)
        with contextlib.suppress(threading.BrokenBarrierError):
            checked.wait(timeout=wait)
        return seat

    monkeypatch.setattr(registration, "_free_seat", free_seat_then_pause)
    return found


def record_outcome(
    record_property: Callable[[str, object], None], results: list[Any], found: list[Any]
) -> None:
    """The race's outcome as figures for ``make bench`` (bench/reliability.py reads them)."""
    places = [r for r in results if isinstance(r, registration.Place)]
    record_property("writers", len(results))
    record_property("passed_check", sum(seat is not None for seat in found))
    record_property("seated", sum(p.registration.status == REGISTERED for p in places))
    record_property("waitlisted", sum(p.registration.status == WAITLISTED for p in places))
    record_property("refused", len(results) - len(places))


@pytest.fixture
def last_seat(make_activity, make_party) -> tuple[Activity, list[User]]:
    """A forum of 10 seats with 9 taken, and 50 delegates who all want the last one."""
    forum = make_activity(capacity=10)
    for i in range(9):
        register(activity=forum, user=make_party(f"Early {i}", DELEGATE).user)
    return forum, [make_party(f"Delegate {i}", DELEGATE).user for i in range(50)]


def test_without_the_lock_only_the_seat_constraint_stops_overbooking(
    last_seat, monkeypatch, record_property
):
    """The race: every writer reads "seat 10 is free" and inserts it. The unique (activity,
    seat) constraint lets one in and refuses 49, who get an error instead of a place on the
    waiting list: the constraint is a guard, not a protocol."""
    forum, users = last_seat

    def unlocked(activity_id: int) -> Activity:
        return Activity.objects.select_related("room", "expo").get(pk=activity_id)

    monkeypatch.setattr(registration, "lock_activity", unlocked)
    found = pause_after_the_check(monkeypatch, 50, wait=30)

    results = in_threads(50, lambda i: register(activity=forum, user=users[i]))
    record_outcome(record_property, results, found)

    assert found == [10] * 50  # all 50 passed the capacity check
    assert kinds(results) == ["Place"] + ["SeatTaken"] * 49
    assert str(next(r for r in results if type(r).__name__ == "SeatTaken")) == (
        "Someone took that seat at the same moment. Please try again."
    )
    assert seats(forum) == list(range(1, 11))  # still no more than the capacity
    assert not forum.registrations.filter(status=WAITLISTED).exists()


def test_with_the_lock_one_gets_the_last_seat_and_49_wait_in_order(
    last_seat, monkeypatch, record_property
):
    forum, users = last_seat
    found = pause_after_the_check(monkeypatch, 50, wait=1)

    results = in_threads(50, lambda i: register(activity=forum, user=users[i]))
    record_outcome(record_property, results, found)

    assert kinds(results) == ["Place"] * 50
    assert sorted(found, key=lambda s: s or 0) == [None] * 49 + [10]
    winners = [p for p in results if p.registration.status == REGISTERED]
    assert [(p.registration.seat, p.position) for p in winners] == [(10, None)]
    assert sorted(p.position for p in results if p not in winners) == list(range(1, 50))
    assert seats(forum) == list(range(1, 11))
    waiting = forum.registrations.filter(status=WAITLISTED).order_by("arrived_at", "pk")
    assert [waiting_position(r) for r in waiting] == list(range(1, 50))
    # Each was told the place the waiting list still gives them.
    told = {p.registration.pk: p.position for p in results if p not in winners}
    assert {r.pk: waiting_position(r) for r in waiting} == told


def test_cancelling_and_registering_at_once_never_leave_a_seat_free_while_someone_waits(
    make_activity, make_party
):
    """10 seated people cancel while 10 newcomers register, 5 already waiting: whoever wins
    each turn, the 5 waiting are seated first and then the newcomers in arrival order."""
    forum = make_activity(capacity=10)
    seated = [make_party(f"Seated {i}", DELEGATE).user for i in range(10)]
    waiting = [make_party(f"Waiting {i}", DELEGATE).user for i in range(5)]
    newcomers = [make_party(f"Newcomer {i}", DELEGATE).user for i in range(10)]
    for user in seated + waiting:
        register(activity=forum, user=user)

    def work(i: int) -> Any:
        if i < 10:
            return cancel(activity=forum, user=seated[i])
        return register(activity=forum, user=newcomers[i - 10])

    results = in_threads(20, work)

    assert kinds(results) == ["Place"] * 10 + ["Registration"] * 10
    live = forum.registrations.exclude(status=Registration.Status.CANCELLED)
    assert seats(forum) == list(range(1, 11))
    in_order = [r.user for r in live.order_by("arrived_at", "pk").select_related("user")]
    assert in_order[:5] == waiting
    assert [r.status for r in live.order_by("arrived_at", "pk")] == [REGISTERED] * 10 + [
        WAITLISTED
    ] * 5
    assert [waiting_position(r) for r in live.filter(status=WAITLISTED)] == [1, 2, 3, 4, 5]


@pytest.fixture
def one_seat(make_activity, make_party) -> tuple[Activity, User, User]:
    """A forum of one seat: its holder cancels while a newcomer registers."""
    forum = make_activity(capacity=1)
    holder = make_party("Holder", DELEGATE).user
    register(activity=forum, user=holder)
    return forum, holder, make_party("Newcomer", DELEGATE).user


def meet_before_committing(monkeypatch: pytest.MonkeyPatch, wait: float) -> None:
    """The cancellation looks for someone to promote, the registration for a free seat; each
    then waits for the other (or, with the lock, for ``wait`` seconds) before it commits."""
    both = threading.Barrier(2)
    real_promote, real_free_seat = registration.promote, registration._free_seat

    def pause() -> None:
        with contextlib.suppress(threading.BrokenBarrierError):
            both.wait(timeout=wait)

    def promote_then_pause(activity: Activity) -> list[Registration]:
        promoted = real_promote(activity)
        pause()
        return promoted

    def free_seat_then_pause(activity: Activity) -> int | None:
        seat = real_free_seat(activity)
        pause()
        return seat

    monkeypatch.setattr(registration, "promote", promote_then_pause)
    monkeypatch.setattr(registration, "_free_seat", free_seat_then_pause)


def test_without_the_lock_a_cancellation_and_a_registration_leave_a_seat_free(
    one_seat, monkeypatch
):
    """The cancellation sees nobody waiting, the registration sees no seat free: both commit,
    the seat stays empty and the newcomer waits for it. No constraint can see this."""
    forum, holder, newcomer = one_seat
    monkeypatch.setattr(
        registration,
        "lock_activity",
        lambda pk: Activity.objects.select_related("room", "expo").get(pk=pk),
    )
    meet_before_committing(monkeypatch, wait=30)

    results = in_threads(
        2,
        lambda i: (
            cancel(activity=forum, user=holder)
            if i == 0
            else register(activity=forum, user=newcomer)
        ),
    )

    assert kinds(results) == ["Place", "Registration"]
    assert seats(forum) == []
    assert list(forum.registrations.filter(status=WAITLISTED).values_list("user", flat=True)) == [
        newcomer.pk
    ]


def test_with_the_lock_the_newcomer_gets_the_seat_given_up(one_seat, monkeypatch):
    forum, holder, newcomer = one_seat
    meet_before_committing(monkeypatch, wait=1)

    results = in_threads(
        2,
        lambda i: (
            cancel(activity=forum, user=holder)
            if i == 0
            else register(activity=forum, user=newcomer)
        ),
    )

    assert kinds(results) == ["Place", "Registration"]
    assert list(
        forum.registrations.exclude(status=Registration.Status.CANCELLED).values_list(
            "user", "status", "seat"
        )
    ) == [(newcomer.pk, REGISTERED, 1)]
