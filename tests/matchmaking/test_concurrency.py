"""Scarce places under real concurrency, on PostgreSQL (docs/adr/0003-locking-protocol.md).

Each worker is a thread with its own database connection. ``serialized_rollback`` restores
the reference data (countries, HS codes) that the flush after a transactional test removes.
"""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction

from tests.threads import in_threads, kinds
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services import booking
from tradefair.matchmaking.services.booking import book_meeting, check_placement, insert_meeting
from tradefair.matchmaking.services.errors import SlotTaken, Unavailable
from tradefair.organisations.models import Participation

from .conftest import accepted, make_session

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row locks need PostgreSQL: SQLite serialises every writer, so there is no race "
        "to show (set DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
EXHIBITOR = Participation.Role.EXHIBITOR


def test_fifty_writers_for_the_last_table_one_wins(expo, organiser, make_party):
    slot = make_session(expo, organiser, tables=3, slots=1).slots.get()
    for i in range(2):
        request = accepted(
            make_party(f"Early {i}").participation,
            make_party(f"Early Maker {i}", EXHIBITOR).participation,
        )
        book_meeting(request=request, slot=slot)
    requests = [
        accepted(
            make_party(f"Buyer {i}").participation,
            make_party(f"Maker {i}", EXHIBITOR).participation,
        )
        for i in range(50)
    ]

    results = in_threads(50, lambda i: book_meeting(request=requests[i], slot=slot))

    assert kinds(results) == ["Meeting"] + ["SlotTaken"] * 49
    assert sorted(Meeting.objects.filter(slot=slot).values_list("table_number", flat=True)) == [
        1,
        2,
        3,
    ]


def test_one_participant_twice_in_one_slot_one_wins(expo, organiser, buyer, make_party):
    slots = list(make_session(expo, organiser, tables=5, slots=5).slots.order_by("start"))
    for round_, slot in enumerate(slots):
        pair = [
            accepted(
                buyer.participation, make_party(f"Maker {round_}-{k}", EXHIBITOR).participation
            )
            for k in range(2)
        ]

        results = in_threads(
            2, lambda i, pair=pair, slot=slot: book_meeting(request=pair[i], slot=slot)
        )

        assert kinds(results) == ["Meeting", "SlotTaken"]
        assert "The buyer already has a meeting" in str(
            next(r for r in results if isinstance(r, SlotTaken))
        )
    assert Meeting.objects.filter(buyer=buyer.participation).count() == 5


@pytest.fixture
def capped(expo, organiser, make_party):
    """A buyer who wants one meeting, two accepted requests, two different slots."""
    buyer = make_party("Capped Buyer", max_meetings=1).participation
    requests = [
        accepted(buyer, make_party(f"Maker {k}", EXHIBITOR).participation) for k in range(2)
    ]
    slots = list(make_session(expo, organiser, tables=5, slots=2).slots.order_by("start"))
    return buyer, requests, slots


def test_without_the_lock_both_writers_pass_the_cap_check(capped):
    """The race: checks read, both see "0 of 1 meetings", both insert. No constraint objects,
    because a participant's maximum is not expressible as one; only the lock can guard it."""
    buyer, requests, slots = capped
    between = threading.Barrier(2)

    def unlocked(i: int) -> Meeting:
        with transaction.atomic():
            request = MeetingRequest.objects.get(pk=requests[i].pk)
            table, interpreter = check_placement(
                request=request, slot=slots[i], table_number=None, interpreter=None
            )
            between.wait(timeout=10)  # both have passed the check before either writes
            return insert_meeting(
                request=request, slot=slots[i], table_number=table, interpreter=interpreter
            )

    results = in_threads(2, unlocked)

    assert kinds(results) == ["Meeting", "Meeting"]
    assert Meeting.objects.filter(buyer=buyer).count() == 2  # over the maximum of 1


def test_with_the_lock_the_second_writer_sees_the_first(capped, monkeypatch):
    buyer, requests, slots = capped
    between = threading.Barrier(2)
    real_insert = insert_meeting

    def insert_after_the_other_checked(**kwargs: Any) -> Meeting:
        # The barrier breaks: the other writer is blocked on the lock, not checking.
        with contextlib.suppress(threading.BrokenBarrierError):
            between.wait(timeout=2)
        return real_insert(**kwargs)

    monkeypatch.setattr(booking, "insert_meeting", insert_after_the_other_checked)

    results = in_threads(2, lambda i: book_meeting(request=requests[i], slot=slots[i]))

    assert kinds(results) == ["Meeting", "Unavailable"]
    refusal = next(r for r in results if isinstance(r, Unavailable))
    assert str(refusal) == "The buyer already has the most meetings wanted (1)."
    assert Meeting.objects.filter(buyer=buyer).count() == 1


def test_without_the_lock_only_the_constraint_stops_a_double_booked_table(
    expo, organiser, make_party
):
    """Both writers find table 1 free; the unique (slot, table) constraint refuses the second."""
    slot = make_session(expo, organiser, tables=1, slots=1).slots.get()
    requests = [
        accepted(make_party(f"B{k}").participation, make_party(f"M{k}", EXHIBITOR).participation)
        for k in range(2)
    ]
    between = threading.Barrier(2)

    def unlocked(i: int) -> Meeting:
        with transaction.atomic():
            table, _ = check_placement(
                request=requests[i], slot=slot, table_number=None, interpreter=None
            )
            between.wait(timeout=10)
            return insert_meeting(
                request=requests[i], slot=slot, table_number=table, interpreter=None
            )

    results = in_threads(2, unlocked)

    assert kinds(results) == ["Meeting", "SlotTaken"]
    assert Meeting.objects.filter(slot=slot).count() == 1


def race(request: MeetingRequest, slot: Any, user: Any) -> Callable[[int], Any]:
    from tradefair.matchmaking.services.requests import cancel_request

    def work(i: int) -> Any:
        if i == 0:
            return book_meeting(request=request, slot=slot)
        return cancel_request(request=request, by_user=user)

    return work


def test_a_cancellation_racing_a_booking_never_leaves_an_orphan_meeting(
    expo, organiser, buyer, make_party
):
    slots = list(make_session(expo, organiser, tables=2, slots=10).slots.order_by("start"))
    outcomes = set()
    for k, slot in enumerate(slots):
        request = accepted(buyer.participation, make_party(f"Maker {k}", EXHIBITOR).participation)
        outcomes.add(tuple(kinds(in_threads(2, race(request, slot, buyer.user)))))

    # Booked first then cancelled (the meeting goes with it), or cancelled first then refused.
    assert outcomes <= {("Meeting", "MeetingRequest"), ("InvalidTransition", "MeetingRequest")}
    # Whoever won each round, a cancelled request has no meeting.
    assert not Meeting.objects.filter(request__status="cancelled").exists()
    assert MeetingRequest.objects.filter(status="cancelled").count() == 10
