"""Requesting, answering and cancelling meetings: the rules of issue #4, each refusal inert."""

import pytest
from django.db import transaction

from tradefair.accounts.models import User
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.errors import (
    DuplicateRequest,
    InvalidRequest,
    InvalidTransition,
    NotAllowed,
)
from tradefair.matchmaking.services.requests import (
    accept_request,
    add_must_meet,
    cancel_request,
    decline_request,
    request_meeting,
)
from tradefair.organisations.models import Participation

from .conftest import MakeParty, Party

pytestmark = pytest.mark.django_db
Status = MeetingRequest.Status


@pytest.fixture
def pending(buyer: Party, exhibitor: Party, django_capture_on_commit_callbacks) -> MeetingRequest:
    with django_capture_on_commit_callbacks(execute=True):
        return request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            message="Looking for cassava starch",
            priority=3,
            by_user=buyer.user,
        )


def test_a_request_is_pending_and_tells_the_exhibitor_after_commit(
    buyer: Party, exhibitor: Party, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        request = request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            message="Looking for cassava starch",
            priority=3,
            by_user=buyer.user,
        )
        assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert (request.status, request.priority, request.requested_by) == (
        Status.PENDING,
        3,
        buyer.user,
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["exhibitor-one@example.com"]
    assert mailoutbox[0].subject == "New meeting request from Buyer One"
    assert "Looking for cassava starch" in mailoutbox[0].body


def test_a_rolled_back_request_sends_nothing(
    buyer: Party, exhibitor: Party, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        request_meeting(
            buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=buyer.user
        )
        raise RuntimeError("the caller failed later")
    assert MeetingRequest.objects.count() == 0
    assert mailoutbox == []


def test_no_second_open_request_for_the_same_pair(
    pending: MeetingRequest, buyer: Party, exhibitor: Party, mailoutbox
):
    mailoutbox.clear()
    with pytest.raises(DuplicateRequest, match="already have an open request to Exhibitor One"):
        request_meeting(
            buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=buyer.user
        )
    assert list(MeetingRequest.objects.values_list("pk", flat=True)) == [pending.pk]
    assert mailoutbox == []


def test_after_a_decline_the_buyer_may_ask_again(
    pending: MeetingRequest, buyer: Party, exhibitor: Party
):
    decline_request(request=pending, reason="not our market", by_user=exhibitor.user)
    again = request_meeting(
        buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=buyer.user
    )
    assert again.status == Status.PENDING
    assert MeetingRequest.objects.count() == 2


@pytest.mark.parametrize(
    ("buyer_role", "exhibitor_role", "message"),
    [
        ("exhibitor", "exhibitor", "Only buyers can request meetings."),
        ("buyer", "buyer", "Meetings can only be requested with exhibitors."),
        ("investor", "exhibitor", "Only buyers can request meetings."),
    ],
)
def test_roles_are_checked(
    make_party: MakeParty, buyer_role: str, exhibitor_role: str, message: str
):
    asker = make_party("Asker", buyer_role)
    asked = make_party("Asked", exhibitor_role)
    with pytest.raises(InvalidRequest, match=message):
        request_meeting(
            buyer=asker.participation, exhibitor=asked.participation, by_user=asker.user
        )
    assert MeetingRequest.objects.count() == 0


def test_the_exhibitor_must_take_part_in_the_same_expo(buyer: Party, expo):
    from .conftest import make_party_in

    other = type(expo).objects.create(
        slug="other",
        name="Other",
        city="Nanning",
        host_country=expo.host_country,
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    stranger = make_party_in(other, "Elsewhere Ltd", Participation.Role.EXHIBITOR)
    with pytest.raises(InvalidRequest, match="does not take part in this expo"):
        request_meeting(
            buyer=buyer.participation, exhibitor=stranger.participation, by_user=buyer.user
        )
    assert MeetingRequest.objects.count() == 0


def test_only_the_buyers_people_may_request(buyer: Party, exhibitor: Party):
    with pytest.raises(NotAllowed):
        request_meeting(
            buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=exhibitor.user
        )
    assert MeetingRequest.objects.count() == 0


@pytest.mark.parametrize("priority", [0, 6])
def test_priority_is_1_to_5(buyer: Party, exhibitor: Party, priority: int):
    with pytest.raises(InvalidRequest, match="between 1 and 5"):
        request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            priority=priority,
            by_user=buyer.user,
        )
    assert MeetingRequest.objects.count() == 0


def test_accepting_twice_changes_nothing_and_mails_once(
    pending: MeetingRequest, exhibitor: Party, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = accept_request(request=pending, by_user=exhibitor.user)
    with django_capture_on_commit_callbacks(execute=True):
        second = accept_request(request=pending, by_user=exhibitor.user)
    assert (first.status, second.status) == (Status.ACCEPTED, Status.ACCEPTED)
    assert first.answered_at == second.answered_at
    assert [m.subject for m in mailoutbox] == ["Exhibitor One accepted your meeting request"]
    assert mailoutbox[0].to == ["buyer-one@example.com"]


def test_declining_twice_keeps_the_first_reason_and_mails_once(
    pending: MeetingRequest, exhibitor: Party, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decline_request(request=pending, reason="sold out", by_user=exhibitor.user)
        again = decline_request(request=pending, reason="changed mind", by_user=exhibitor.user)
    stored = MeetingRequest.objects.get(pk=pending.pk)
    assert (again.status, stored.status, stored.decline_reason) == (
        Status.DECLINED,
        Status.DECLINED,
        "sold out",
    )
    assert len(mailoutbox) == 1
    assert "Reason: sold out" in mailoutbox[0].body


def test_a_declined_request_cannot_be_accepted(
    pending: MeetingRequest, exhibitor: Party, mailoutbox
):
    decline_request(request=pending, reason="sold out", by_user=exhibitor.user)
    mailoutbox.clear()
    with pytest.raises(InvalidTransition, match="was declined and cannot be accepted"):
        accept_request(request=pending, by_user=exhibitor.user)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.DECLINED
    assert mailoutbox == []


def test_only_the_exhibitors_people_answer(pending: MeetingRequest, buyer: Party):
    with pytest.raises(NotAllowed):
        accept_request(request=pending, by_user=buyer.user)
    with pytest.raises(NotAllowed):
        decline_request(request=pending, by_user=buyer.user)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.PENDING


def test_an_accepted_request_is_cancelled_not_declined(pending: MeetingRequest, exhibitor: Party):
    accept_request(request=pending, by_user=exhibitor.user)
    with pytest.raises(InvalidTransition, match="was accepted and cannot be declined"):
        decline_request(request=pending, by_user=exhibitor.user)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.ACCEPTED


def test_cancelling_is_idempotent_and_frees_the_meeting(
    pending: MeetingRequest, buyer: Party, exhibitor: Party, slots
):
    accept_request(request=pending, by_user=exhibitor.user)
    book_meeting(request=pending, slot=slots[0])
    first = cancel_request(request=pending, by_user=buyer.user)
    second = cancel_request(request=pending, by_user=exhibitor.user)
    assert (first.status, second.status) == (Status.CANCELLED, Status.CANCELLED)
    assert Meeting.objects.count() == 0


def test_a_stranger_cannot_cancel(pending: MeetingRequest, make_party: MakeParty):
    stranger = make_party("Stranger", Participation.Role.BUYER)
    with pytest.raises(NotAllowed):
        cancel_request(request=pending, by_user=stranger.user)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.PENDING


def test_a_declined_request_cannot_be_cancelled(pending: MeetingRequest, buyer, exhibitor):
    decline_request(request=pending, by_user=exhibitor.user)
    with pytest.raises(InvalidTransition, match="was declined and cannot be cancelled"):
        cancel_request(request=pending, by_user=buyer.user)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.DECLINED


def test_must_meet_is_accepted_for_both_sides_and_idempotent(
    buyer: Party, exhibitor: Party, organiser: User
):
    first = add_must_meet(
        buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=organiser
    )
    second = add_must_meet(
        buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=organiser
    )
    assert first.pk == second.pk
    assert (second.status, second.must_meet) == (Status.ACCEPTED, True)
    assert MeetingRequest.objects.count() == 1


def test_must_meet_promotes_a_pending_request(pending: MeetingRequest, buyer, exhibitor, organiser):
    promoted = add_must_meet(
        buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=organiser
    )
    assert promoted.pk == pending.pk
    assert (promoted.status, promoted.must_meet) == (Status.ACCEPTED, True)


def test_only_organisers_add_must_meet(buyer: Party, exhibitor: Party):
    with pytest.raises(NotAllowed, match="Only the organisers"):
        add_must_meet(
            buyer=buyer.participation, exhibitor=exhibitor.participation, by_user=buyer.user
        )
    assert MeetingRequest.objects.count() == 0


def test_an_exhibitor_asks_a_buyer_and_only_the_buyer_answers(
    buyer: Party, exhibitor: Party, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with pytest.raises(NotAllowed):
        request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            from_exhibitor=True,
            by_user=buyer.user,
        )
    assert MeetingRequest.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        made = request_meeting(
            buyer=buyer.participation,
            exhibitor=exhibitor.participation,
            message="We make cassava starch lines",
            from_exhibitor=True,
            by_user=exhibitor.user,
        )
    assert (made.requester, made.receiver) == (exhibitor.participation, buyer.participation)
    assert [m.to for m in mailoutbox] == [["buyer-one@example.com"]]
    assert mailoutbox[0].subject == "New meeting request from Exhibitor One"
    with pytest.raises(NotAllowed):
        accept_request(request=made, by_user=exhibitor.user)
    assert MeetingRequest.objects.get().status == Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        accept_request(request=made, by_user=buyer.user)
    assert MeetingRequest.objects.get().status == Status.ACCEPTED
    assert mailoutbox[1].to == ["exhibitor-one@example.com"]
    assert mailoutbox[1].subject == "Buyer One accepted your meeting request"


def test_organisers_answer_no_request_for_the_asked_side(pending: MeetingRequest, organiser: User):
    """Answering is the asked organisation's own decision; no organiser page gives it for them."""
    for answer in (accept_request, decline_request):
        with pytest.raises(NotAllowed, match="You do not act for this organisation"):
            answer(request=pending, by_user=organiser)
    assert MeetingRequest.objects.get(pk=pending.pk).status == Status.PENDING
