"""update_meeting_profile: languages, the cap and availability replaced at once, or nothing."""

import datetime as dt
from typing import Any

import pytest
from django.utils import translation

from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import Availability, Meeting, MeetingProfile, Slot
from tradefair.matchmaking.services.errors import InvalidRequest, NotAllowed
from tradefair.matchmaking.services.profiles import update_meeting_profile
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Participation

from .conftest import Party, accepted


def state(party: Party) -> tuple[list[str] | None, int | None, list[int]]:
    profile = MeetingProfile.objects.filter(participation=party.participation).first()
    slots = sorted(
        Availability.objects.filter(participation=party.participation).values_list(
            "slot_id", flat=True
        )
    )
    if profile is None:
        return None, None, slots
    return profile.languages, profile.max_meetings, slots


def update(
    party: Party,
    *,
    languages: list[str] | None = None,
    max_meetings: int | None = None,
    slot_ids: list[int] | None = None,
) -> MeetingProfile:
    """The party's own user changes the profile; unnamed parts are cleared."""
    return update_meeting_profile(
        participation=party.participation,
        languages=languages or [],
        max_meetings=max_meetings,
        slot_ids=slot_ids,
        by_user=party.user,
    )


def test_creates_the_profile_and_availability(buyer: Party, slots: list[Slot]) -> None:
    profile = update(
        buyer, languages=["vi", "en", "vi"], max_meetings=4, slot_ids=[slots[2].pk, slots[0].pk]
    )
    assert (profile.languages, profile.max_meetings) == (["en", "vi"], 4)
    assert state(buyer) == (["en", "vi"], 4, [slots[0].pk, slots[2].pk])


def test_replaces_availability_and_none_means_every_slot(buyer: Party, slots: list[Slot]) -> None:
    update(buyer, slot_ids=[slots[0].pk])
    update(buyer, languages=["zh"], slot_ids=[slots[1].pk, slots[2].pk])
    assert state(buyer) == (["zh"], None, [slots[1].pk, slots[2].pk])
    update(buyer, languages=["zh"], slot_ids=None)
    assert state(buyer) == (["zh"], None, [])


def test_an_exhibitor_has_a_profile_too(exhibitor: Party, slots: list[Slot]) -> None:
    update(exhibitor, languages=["th"], max_meetings=10)
    assert state(exhibitor) == (["th"], 10, [])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"languages": ["vi", "xx", "EN"]}, "Unknown language codes: EN, xx."),
        ({"languages": ["vie"]}, "Unknown language codes: vie."),
        ({"max_meetings": 0}, "The most meetings wanted must be at least 1, or left blank."),
        ({"slot_ids": []}, "Choose at least one slot, or every slot."),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(
    buyer: Party, slots: list[Slot], changes: dict[str, Any], message: str
) -> None:
    update(buyer, languages=["en"], max_meetings=3, slot_ids=[slots[0].pk])
    with pytest.raises(InvalidRequest) as refused:
        update(buyer, **changes)
    assert str(refused.value).startswith(message)
    assert state(buyer) == (["en"], 3, [slots[0].pk])


def test_slots_of_another_expo_are_refused(
    buyer: Party, slots: list[Slot], organiser, expo: Expo
) -> None:
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        city="Kunming",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2026, 6, 1),
        end_date=dt.date(2026, 6, 3),
    )
    organiser.staff_of.create(expo=other)
    foreign = create_session(
        expo=other,
        name="Elsewhere",
        date=dt.date(2026, 6, 2),
        start_time=dt.time(9, 0),
        end_time=dt.time(9, 20),
        slot_minutes=20,
        tables=1,
        by_user=organiser,
    ).slots.get()
    with pytest.raises(InvalidRequest, match="not slots of this expo"):
        update(buyer, slot_ids=[slots[0].pk, foreign.pk])
    assert state(buyer) == (None, None, [])


def test_someone_else_may_not_change_it(buyer: Party, exhibitor: Party, slots: list[Slot]) -> None:
    with pytest.raises(NotAllowed):
        update_meeting_profile(
            participation=buyer.participation,
            languages=["en"],
            max_meetings=1,
            slot_ids=None,
            by_user=exhibitor.user,
        )
    assert state(buyer) == (None, None, [])


def test_organisers_may_change_it(buyer: Party, organiser, slots: list[Slot]) -> None:
    update_meeting_profile(
        participation=buyer.participation,
        languages=["ms"],
        max_meetings=None,
        slot_ids=[slots[1].pk],
        by_user=organiser,
    )
    assert state(buyer) == (["ms"], None, [slots[1].pk])


def test_other_roles_have_no_profile(make_party) -> None:
    investor = make_party("Investor One", Participation.Role.INVESTOR)
    with pytest.raises(InvalidRequest, match="Only buyers and exhibitors"):
        update(investor, languages=["en"])
    assert state(investor) == (None, None, [])


def _meeting(buyer: Party, exhibitor: Party, slot: Slot) -> Meeting:
    request = accepted(buyer.participation, exhibitor.participation)
    return Meeting.objects.create(
        request=request,
        expo_id=request.expo_id,
        slot=slot,
        table_number=1,
        buyer=buyer.participation,
        exhibitor=exhibitor.participation,
    )


def test_cap_below_the_meetings_already_scheduled_is_refused(
    buyer: Party, exhibitor: Party, make_party, slots: list[Slot]
) -> None:
    _meeting(buyer, exhibitor, slots[0])
    _meeting(buyer, make_party("Exhibitor Two", Participation.Role.EXHIBITOR), slots[1])
    with pytest.raises(InvalidRequest) as refused:
        update(buyer, max_meetings=1)
    assert str(refused.value) == (
        "2 meetings are already scheduled: the most meetings wanted cannot be below 2. "
        "Cancel meetings first."
    )
    assert state(buyer) == (None, None, [])
    update(buyer, max_meetings=2)
    assert state(buyer) == ([], 2, [])


def test_withdrawing_a_slot_with_a_meeting_is_refused(
    buyer: Party, exhibitor: Party, slots: list[Slot]
) -> None:
    _meeting(buyer, exhibitor, slots[1])
    with pytest.raises(InvalidRequest) as refused:
        update(exhibitor, slot_ids=[slots[0].pk])
    # Slots are named in the expo's time zone (Asia/Shanghai), as the reader writes dates.
    assert str(refused.value) == (
        "You have meetings scheduled at 18 Sept 2025, 09:20: keep those slots."
    )
    with translation.override("zh-hans"), pytest.raises(InvalidRequest) as refused:
        update(exhibitor, slot_ids=[slots[0].pk])
    assert str(refused.value) == "您在 2025年9月18日 09:20 已安排洽谈：请保留这些时段。"
    assert state(exhibitor) == (None, None, [])
    update(exhibitor, slot_ids=[slots[0].pk, slots[1].pk])
    assert state(exhibitor) == ([], None, [slots[0].pk, slots[1].pk])
