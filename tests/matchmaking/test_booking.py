"""Placing one accepted request by hand: every rule, each refusal leaving nothing behind."""

import pytest

from tradefair.matchmaking.models import Availability, Interpreter, Meeting, MeetingRequest
from tradefair.matchmaking.services.booking import (
    book_meeting,
    insert_meeting,
    mark_held,
    mark_no_show,
    move_meeting,
)
from tradefair.matchmaking.services.errors import (
    InvalidRequest,
    InvalidTransition,
    NotAllowed,
    SlotTaken,
    Unavailable,
)
from tradefair.organisations.models import Participation

from .conftest import MakeParty, accepted

pytestmark = pytest.mark.django_db
EXHIBITOR = Participation.Role.EXHIBITOR


def placements():
    return sorted(Meeting.objects.values_list("request_id", "slot_id", "table_number"))


def test_books_the_lowest_free_table(make_party: MakeParty, slots):
    pairs = [
        accepted(make_party(f"B{i}").participation, make_party(f"E{i}", EXHIBITOR).participation)
        for i in range(2)
    ]
    first = book_meeting(request=pairs[0], slot=slots[0])
    second = book_meeting(request=pairs[1], slot=slots[0])
    assert (first.table_number, second.table_number) == (1, 2)
    assert (first.buyer_id, first.exhibitor_id, first.published) == (
        pairs[0].buyer_id,
        pairs[0].exhibitor_id,
        False,
    )


def test_a_full_slot_is_refused(make_party: MakeParty, slots):
    requests = [
        accepted(make_party(f"B{i}").participation, make_party(f"E{i}", EXHIBITOR).participation)
        for i in range(3)
    ]
    book_meeting(request=requests[0], slot=slots[0])
    book_meeting(request=requests[1], slot=slots[0])
    before = placements()
    with pytest.raises(SlotTaken, match="No table is free"):
        book_meeting(request=requests[2], slot=slots[0])
    assert placements() == before


def test_a_taken_or_missing_table_is_refused(make_party: MakeParty, slots):
    one, two = (
        accepted(make_party(f"B{i}").participation, make_party(f"E{i}", EXHIBITOR).participation)
        for i in range(2)
    )
    book_meeting(request=one, slot=slots[0], table_number=2)
    with pytest.raises(SlotTaken, match="Table 2 is taken"):
        book_meeting(request=two, slot=slots[0], table_number=2)
    with pytest.raises(InvalidRequest, match="numbered 1 to 2"):
        book_meeting(request=two, slot=slots[0], table_number=3)
    assert placements() == [(one.pk, slots[0].pk, 2)]


def test_nobody_meets_twice_at_once(buyer, make_party: MakeParty, slots):
    one = accepted(buyer.participation, make_party("E1", EXHIBITOR).participation)
    two = accepted(buyer.participation, make_party("E2", EXHIBITOR).participation)
    book_meeting(request=one, slot=slots[0])
    with pytest.raises(SlotTaken, match="The buyer already has a meeting"):
        book_meeting(request=two, slot=slots[0])
    assert book_meeting(request=two, slot=slots[1]).slot_id == slots[1].pk


def test_availability_and_caps_hold(make_party: MakeParty, slots):
    busy = make_party("Busy Buyer", max_meetings=1)
    one = accepted(busy.participation, make_party("E1", EXHIBITOR).participation)
    two = accepted(busy.participation, make_party("E2", EXHIBITOR).participation)
    Availability.objects.create(participation=one.exhibitor, slot=slots[1])
    with pytest.raises(Unavailable, match="The exhibitor is not available"):
        book_meeting(request=one, slot=slots[0])
    book_meeting(request=one, slot=slots[1])
    with pytest.raises(Unavailable, match=r"most meetings wanted \(1\)"):
        book_meeting(request=two, slot=slots[2])
    assert placements() == [(one.pk, slots[1].pk, 1)]


def test_only_accepted_unplaced_requests_are_booked(buyer, exhibitor, slots):
    request = accepted(buyer.participation, exhibitor.participation)
    book_meeting(request=request, slot=slots[0])
    with pytest.raises(InvalidTransition, match="already has a meeting"):
        book_meeting(request=request, slot=slots[1])
    MeetingRequest.objects.filter(pk=request.pk).update(status="pending")
    Meeting.objects.all().delete()
    with pytest.raises(InvalidTransition, match="Only accepted requests"):
        book_meeting(request=request, slot=slots[1])
    assert Meeting.objects.count() == 0


def test_an_interpreter_is_found_when_the_sides_share_no_language(make_party, expo, slots):
    request = accepted(
        make_party("Hanoi Buyer", languages=["vi"]).participation,
        make_party("Guangxi Maker", EXHIBITOR, languages=["zh"]).participation,
    )
    with pytest.raises(Unavailable, match="No interpreter for these languages"):
        book_meeting(request=request, slot=slots[0])
    english = Interpreter.objects.create(expo=expo, name="Ann", languages=["en", "zh"])
    both = Interpreter.objects.create(expo=expo, name="Lan", languages=["vi", "zh"])
    with pytest.raises(Unavailable, match="Ann does not speak a language of each side"):
        book_meeting(request=request, slot=slots[0], interpreter=english)
    assert book_meeting(request=request, slot=slots[0]).interpreter == both


def test_the_constraints_are_the_last_guard(buyer, exhibitor, make_party, slots):
    book_meeting(request=accepted(buyer.participation, exhibitor.participation), slot=slots[0])
    other = accepted(make_party("B2").participation, make_party("E2", EXHIBITOR).participation)
    with pytest.raises(SlotTaken, match="Someone else just took this place"):
        # Skipping the checks as a racing writer would: the unique table constraint answers.
        insert_meeting(request=other, slot=slots[0], table_number=1, interpreter=None)
    assert Meeting.objects.count() == 1


def test_organisers_move_and_published_moves_are_mailed(
    buyer, exhibitor, organiser, slots, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = book_meeting(
        request=accepted(buyer.participation, exhibitor.participation), slot=slots[0]
    )
    with pytest.raises(NotAllowed):
        move_meeting(meeting=meeting, slot=slots[1], by_user=buyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        moved = move_meeting(meeting=meeting, slot=slots[1], by_user=organiser)
    assert (moved.slot_id, moved.table_number, mailoutbox) == (slots[1].pk, 1, [])
    Meeting.objects.filter(pk=meeting.pk).update(published=True)
    with django_capture_on_commit_callbacks(execute=True):
        move_meeting(meeting=meeting, slot=slots[2], table_number=2, by_user=organiser)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "buyer-one@example.com",
        "exhibitor-one@example.com",
    ]
    assert {m.subject for m in mailoutbox} == {"A meeting at Test Expo has moved"}
    assert "table 2: Exhibitor One" in next(m.body for m in mailoutbox if "buyer" in m.to[0])


def test_held_and_no_show_are_idempotent_and_final(buyer, exhibitor, organiser, slots):
    meeting = book_meeting(
        request=accepted(buyer.participation, exhibitor.participation), slot=slots[0]
    )
    assert mark_held(meeting=meeting, by_user=organiser).status == Meeting.Status.HELD
    assert mark_held(meeting=meeting, by_user=organiser).status == Meeting.Status.HELD
    with pytest.raises(InvalidTransition, match="cannot be moved"):
        move_meeting(meeting=meeting, slot=slots[1], by_user=organiser)
    assert mark_no_show(meeting=meeting, by_user=organiser).status == Meeting.Status.NO_SHOW
    with pytest.raises(NotAllowed):
        mark_held(meeting=meeting, by_user=buyer.user)
    assert Meeting.objects.get().status == Meeting.Status.NO_SHOW
