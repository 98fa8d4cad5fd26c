"""Moves and the scheduler's write-back under real concurrency, on PostgreSQL.

Same method as ``test_concurrency.py`` (threads with their own connections, released together
by a barrier): first the race without the lock, then the locking protocol of
docs/adr/0003-locking-protocol.md preventing it.

The scheduler's write-back has no "without the lock" twin here: besides every slot it locks
every accepted request row (protocol step 3), and each booking locks its own request row first,
so even without the slot locks a write-back and a booking of the same edition never overlap.
"""

import threading
import time
from typing import Any

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from tests.threads import in_threads, kinds
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.problem import Solution
from tradefair.engine.schedule.solver import solve
from tradefair.matchmaking.adapters import build_problem, stage, swap_in, to_engine
from tradefair.matchmaking.models import Meeting, MeetingRequest, ScheduleRun, Slot
from tradefair.matchmaking.services.booking import (
    book_meeting,
    check_placement,
    lock,
    move_meeting,
)
from tradefair.matchmaking.services.times import slot_start
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


def pair(make_party: Any, name: str) -> MeetingRequest:
    return accepted(
        make_party(f"Buyer {name}").participation,
        make_party(f"Maker {name}", EXHIBITOR).participation,
    )


@pytest.fixture
def crowded(expo, organiser, make_party):
    """Eight slots of three tables: the last slot has one free table, and twenty meetings in
    the other slots (different people) want it."""
    slots = list(make_session(expo, organiser, tables=3, slots=8).slots.order_by("start"))
    last = slots[-1]
    for k in range(2):
        book_meeting(request=pair(make_party, f"Early {k}"), slot=last)
    movers = [
        book_meeting(request=pair(make_party, f"Mover {k}"), slot=slots[k % 7]) for k in range(20)
    ]
    return last, movers


def test_without_the_lock_two_moves_both_see_the_last_table_free(crowded):
    """The race: both read "table 3 is free" before either writes; only the unique
    (slot, table) constraint stops the second, as a raw database error."""
    last, movers = crowded
    between = threading.Barrier(2)

    def unlocked(i: int) -> Meeting:
        with transaction.atomic():
            meeting = Meeting.objects.select_related("request").get(pk=movers[i].pk)
            table, _ = check_placement(
                request=meeting.request, slot=last, table_number=None, interpreter=None
            )
            between.wait(timeout=10)  # both have passed the check before either writes
            meeting.slot, meeting.table_number = last, table
            meeting.save(update_fields=["slot", "table_number"])
            return meeting

    results = in_threads(2, unlocked)

    assert kinds(results) == ["IntegrityError", "Meeting"]
    assert sorted(Meeting.objects.filter(slot=last).values_list("table_number", flat=True)) == [
        1,
        2,
        3,
    ]


def test_twenty_moves_into_the_last_table_one_wins(crowded, organiser):
    last, movers = crowded
    before = {m.pk: (m.slot_id, m.table_number) for m in movers}

    results = in_threads(
        20, lambda i: move_meeting(meeting=movers[i], slot=last, by_user=organiser)
    )

    assert kinds(results) == ["Meeting"] + ["SlotTaken"] * 19
    # Each loser was refused by the check, having waited for the winner's lock: none of them
    # got as far as the constraint ("Someone else just took this place").
    refusals = {str(r) for r in results if not isinstance(r, Meeting)}
    assert refusals == {f"No table is free at {slot_start(last)}."}
    winner = next(r for r in results if isinstance(r, Meeting))
    assert sorted(Meeting.objects.filter(slot=last).values_list("table_number", flat=True)) == [
        1,
        2,
        3,
    ]
    assert Meeting.objects.get(pk=winner.pk).table_number == 3
    stayed = {m.pk: (m.slot_id, m.table_number) for m in Meeting.objects.filter(pk__in=before)}
    del before[winner.pk], stayed[winner.pk]
    assert stayed == before


@pytest.fixture
def fair_to_schedule(expo, organiser, make_party):
    """Two slots of two tables and eight accepted requests between different people: the
    solver fills all four places; the other four requests stay unplaced."""
    make_session(expo, organiser, tables=2, slots=2)
    requests = [pair(make_party, f"S{k}") for k in range(8)]
    built = build_problem(expo)
    solution = solve(built.problem, time_limit=5.0)
    assert len(solution.meetings) == 4
    run = ScheduleRun.objects.create(expo=expo, status=ScheduleRun.Status.RUNNING)
    stage(run.pk, built.problem, solution)  # as the run does, before it takes the locks
    return built.problem, solution, requests, run


def placed(expo: Any) -> set[tuple[str, str, int]]:
    return {
        (str(m.request_id), str(m.slot_id), m.table_number)
        for m in Meeting.objects.filter(expo=expo)
    }


def test_with_the_lock_schedule_write_and_manual_bookings_never_double_book(expo, fair_to_schedule):
    """The write-back under every slot lock races eight manual bookings (each request into
    the first slot): whoever wins each lock, the solution is what stays, every refused booking
    is told why, and the engine's checker finds nothing wrong."""
    problem, solution, requests, run = fair_to_schedule
    first_slot = min(problem.slot_index, key=lambda s: problem.slot_index[s])
    slot = Slot.objects.get(pk=int(first_slot))

    def work(i: int) -> Any:
        if i == 0:
            with transaction.atomic():
                lock(
                    slot_ids=[int(s) for s in problem.slot_index],
                    participation_ids=[],
                )
                return swap_in(expo, run.pk)
        return book_meeting(request=requests[i - 1], slot=slot)

    results = in_threads(9, work)

    writer, bookings = results[0], results[1:]
    assert type(writer).__name__ == "Written"
    assert {type(r).__name__ for r in bookings} <= {"Meeting", "SlotTaken", "InvalidTransition"}
    assert not any(isinstance(r, IntegrityError) for r in results)
    # Bookings before the write are replaced by it; those after it find the places taken.
    assert placed(expo) == {(m.request, m.slot, m.table) for m in solution.meetings}
    final = Solution(meetings=tuple(to_engine(m) for m in Meeting.objects.filter(expo=expo)))
    assert check(problem, final) == []


def test_with_the_lock_a_booking_waits_for_the_write_it_raced(expo, fair_to_schedule):
    """A booking that starts while the write-back holds the slot locks (its meetings written,
    not yet committed) waits for it, then sees the solution and is refused."""
    problem, solution, _, run = fair_to_schedule
    written = threading.Event()
    first = solution.meetings[0]
    slot = Slot.objects.get(pk=int(first.slot))
    request = MeetingRequest.objects.get(pk=int(first.request))

    def work(i: int) -> Any:
        if i == 0:
            with transaction.atomic():
                lock(slot_ids=[int(s) for s in problem.slot_index], participation_ids=[])
                result = swap_in(expo, run.pk)
                written.set()
                time.sleep(0.5)  # still holding the locks while the booking starts
                return result
        written.wait(timeout=10)  # the write is in, not yet committed
        return book_meeting(request=request, slot=slot)

    results = in_threads(2, work)

    assert type(results[0]).__name__ == "Written"
    assert type(results[1]).__name__ == "InvalidTransition"
    assert str(results[1]) == "This request already has a meeting."
    assert placed(expo) == {(m.request, m.slot, m.table) for m in solution.meetings}
