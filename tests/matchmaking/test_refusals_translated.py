"""Refusals are translated when raised, in the active language, with their placeholders filled.

The Chinese catalogue is filled in later, so the services' ``gettext`` is swapped for one that
marks what it was given: the message must be the marked English source with the values put in
after translation (a translator can move ``%(name)s``, not an f-string's text).
"""

from types import ModuleType

import pytest
from django.utils import translation

from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services import access, booking, requests
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.matchmaking.services.errors import (
    DuplicateRequest,
    InvalidTransition,
    NotAllowed,
    SlotTaken,
)
from tradefair.matchmaking.services.requests import accept_request, request_meeting
from tradefair.matchmaking.services.times import slot_start
from tradefair.organisations.models import Participation

from .conftest import MakeParty, Party, accepted

pytestmark = pytest.mark.django_db
EXHIBITOR = Participation.Role.EXHIBITOR


def marking(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
    monkeypatch.setattr(module, "_", lambda text: f"«{text}»")


def test_a_duplicate_request_names_the_other_side_after_translation(
    buyer: Party, exhibitor: Party, monkeypatch: pytest.MonkeyPatch
):
    ask = {"buyer": buyer.participation, "exhibitor": exhibitor.participation}
    request_meeting(**ask, by_user=buyer.user)
    with pytest.raises(DuplicateRequest) as english:
        request_meeting(**ask, by_user=buyer.user)
    assert str(english.value) == "You already have an open request to Exhibitor One."
    marking(monkeypatch, requests)
    with pytest.raises(DuplicateRequest) as marked:
        request_meeting(**ask, by_user=buyer.user)
    assert str(marked.value) == "«You already have an open request to Exhibitor One.»"
    assert MeetingRequest.objects.count() == 1


def test_accepting_a_declined_request_names_the_status_by_its_label(
    buyer: Party, exhibitor: Party, monkeypatch: pytest.MonkeyPatch
):
    declined = MeetingRequest.objects.create(
        expo_id=buyer.participation.expo_id,
        buyer=buyer.participation,
        exhibitor=exhibitor.participation,
        status=MeetingRequest.Status.DECLINED,
    )
    with pytest.raises(InvalidTransition) as english:
        accept_request(request=declined, by_user=exhibitor.user)
    assert str(english.value) == "This request was declined and cannot be accepted."
    marking(monkeypatch, requests)
    # The label, not the stored code: "declined" as the model's choices translate it.
    monkeypatch.setattr(MeetingRequest, "get_status_display", lambda self: "LABEL")
    with pytest.raises(InvalidTransition) as marked:
        accept_request(request=declined, by_user=exhibitor.user)
    assert str(marked.value) == "«This request was LABEL and cannot be accepted.»"
    declined.refresh_from_db()
    assert (declined.status, declined.answered_at) == (MeetingRequest.Status.DECLINED, None)


def test_no_free_table_gives_the_slot_in_the_expo_time_zone_and_reader_locale(
    make_party: MakeParty, slots, monkeypatch: pytest.MonkeyPatch
):
    requests_ = [
        accepted(make_party(f"B{i}").participation, make_party(f"E{i}", EXHIBITOR).participation)
        for i in range(3)
    ]
    book_meeting(request=requests_[0], slot=slots[0])
    book_meeting(request=requests_[1], slot=slots[0])
    with pytest.raises(SlotTaken) as english:
        book_meeting(request=requests_[2], slot=slots[0])
    # 09:00 in Nanning, where the session was created (stored as 01:00 UTC).
    assert str(english.value) == "No table is free at 18 Sept 2025, 09:00."
    marking(monkeypatch, booking)
    with translation.override("zh-hans"), pytest.raises(SlotTaken) as marked:
        book_meeting(request=requests_[2], slot=slots[0])
    assert str(marked.value) == "«No table is free at 2025年9月18日 09:00.»"
    assert list(
        Meeting.objects.filter(slot=slots[0])
        .order_by("request_id")
        .values_list("request_id", flat=True)
    ) == [
        requests_[0].pk,
        requests_[1].pk,
    ]


def test_only_organisers_is_said_in_the_readers_language(
    buyer: Party, monkeypatch: pytest.MonkeyPatch
):
    expo = buyer.participation.expo
    with pytest.raises(NotAllowed) as english:
        access.require_staff(buyer.user, expo)
    assert str(english.value) == "Only the organisers of this expo may do this."
    marking(monkeypatch, access)
    with pytest.raises(NotAllowed) as marked:
        access.require_staff(buyer.user, expo)
    assert str(marked.value) == "«Only the organisers of this expo may do this.»"


def test_slot_start_reads_the_expo_time_zone(slots):
    assert slot_start(slots[1]) == "18 Sept 2025, 09:20"
