"""One timeline per person: registering over a seat, a talk or a published meeting is a clash.

Halls matter: two things in one hall may follow each other directly; in different halls, or
where a hall is unknown, they must be the 15-minute walk apart (``timeline.WALK``).
"""

import pytest
from django.utils import translation

from tests.matchmaking.conftest import Party, accepted, make_session
from tradefair.accounts.models import Membership, User
from tradefair.matchmaking.models import Meeting, MeetingProfile
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.errors import Clash
from tradefair.programme.services.registration import cancel, register
from tradefair.programme.timeline import WALK, Busy

from .conftest import at

REGISTERED = Registration.Status.REGISTERED
MESSAGE = (
    "This overlaps what is already on your timeline (allowing 15 minutes to walk between "
    "halls): {clashes}. Confirm to register anyway."
)


@pytest.fixture
def hall_a_room(expo, halls) -> Room:
    return Room.objects.create(expo=expo, name="Room A1", capacity=50, hall=halls[0])


@pytest.fixture
def seated(make_activity, buyer) -> Activity:
    """The buyer holds a seat at the forum, 10:00 to 11:00 in hall B."""
    forum = make_activity()
    register(activity=forum, user=buyer.user)
    return forum


def refused(activity: Activity, user: User) -> Clash:
    """Register and expect a clash; nothing may be written for ``activity``."""
    with pytest.raises(Clash) as raised:
        register(activity=activity, user=user)
    assert not activity.registrations.exists()
    return raised.value


# --- other activities ------------------------------------------------------------------------


def test_an_overlapping_seat_is_a_clash_named_in_the_message(seated, make_activity, buyer):
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    clash = refused(workshop, buyer.user)

    assert str(clash) == MESSAGE.format(clashes="Forum on the Blue Economy at 18 Sept 2025, 10:00")
    assert clash.clashes == [
        Busy("activity", seated.pk, at(10), at(11), seated.room.hall_id, seated.title)
    ]


def test_the_clash_is_named_in_the_readers_language(seated, make_activity, buyer):
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    with translation.override("zh-hans"):
        clash = refused(workshop, buyer.user)

    assert "蓝色经济论坛" in str(clash)
    assert "Forum on the Blue Economy" not in str(clash)


def test_every_clash_is_named_in_order(seated, make_activity, buyer):
    make_activity(title="Early Breakfast", start=at(8), end=at(9, 30), room=None)
    register(activity=Activity.objects.get(title="Early Breakfast"), user=buyer.user)
    long_day = make_activity(title="Long Day", start=at(9), end=at(12))

    clash = refused(long_day, buyer.user)

    assert [b.title for b in clash.clashes] == ["Early Breakfast", "Forum on the Blue Economy"]
    assert str(clash) == MESSAGE.format(
        clashes="Early Breakfast at 18 Sept 2025, 08:00; "
        "Forum on the Blue Economy at 18 Sept 2025, 10:00"
    )


def test_a_confirmed_clash_registers_and_is_recorded(seated, make_activity, buyer):
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    place = register(activity=workshop, user=buyer.user, confirm_clash=True)

    assert (place.registration.status, place.registration.seat) == (REGISTERED, 1)
    assert place.registration.clash_confirmed is True


def test_confirming_without_a_clash_records_none(forum, buyer):
    place = register(activity=forum, user=buyer.user, confirm_clash=True)

    assert place.registration.clash_confirmed is False


def test_a_confirmed_clash_onto_the_waiting_list_is_recorded(
    seated, make_activity, make_party, buyer
):
    full = make_activity(title="Full Workshop", start=at(10, 30), end=at(12), capacity=1)
    register(activity=full, user=make_party("First Comer", Participation.Role.DELEGATE).user)

    place = register(activity=full, user=buyer.user, confirm_clash=True)

    assert (place.registration.status, place.position) == (Registration.Status.WAITLISTED, 1)
    assert place.registration.clash_confirmed is True


def test_a_waiting_list_place_is_not_a_clash(make_activity, make_party, buyer):
    full = make_activity(capacity=1)
    register(activity=full, user=make_party("First Comer", Participation.Role.DELEGATE).user)
    assert register(activity=full, user=buyer.user).position == 1
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    place = register(activity=workshop, user=buyer.user)

    assert (place.registration.status, place.registration.clash_confirmed) == (REGISTERED, False)


def test_a_cancelled_registration_is_not_a_clash(seated, make_activity, buyer):
    cancel(activity=seated, user=buyer.user)
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    place = register(activity=workshop, user=buyer.user)

    assert place.registration.clash_confirmed is False


@pytest.mark.parametrize("status", [Activity.Status.CANCELLED, Activity.Status.DRAFT])
def test_a_seat_at_an_activity_no_longer_published_is_not_a_clash(
    seated, make_activity, buyer, status
):
    Activity.objects.filter(pk=seated.pk).update(status=status)
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    place = register(activity=workshop, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_another_persons_seat_is_not_a_clash(seated, make_activity, make_party):
    workshop = make_activity(title="Digital Economy Workshop", start=at(10, 30), end=at(12))

    place = register(activity=workshop, user=make_party("Someone Else").user)

    assert place.registration.clash_confirmed is False


# --- halls and the walk --------------------------------------------------------------------


def test_back_to_back_in_the_same_hall_is_no_clash(seated, make_activity, buyer, expo, halls):
    other_room_same_hall = Room.objects.create(
        expo=expo, name="Room B2", capacity=50, hall=halls[1]
    )
    after = make_activity(title="After", start=at(11), end=at(12), room=other_room_same_hall)

    place = register(activity=after, user=buyer.user)

    assert place.registration.clash_confirmed is False


@pytest.mark.parametrize("minutes", [0, 10, 14])
def test_within_the_walk_in_another_hall_is_a_clash(
    seated, make_activity, buyer, hall_a_room, minutes
):
    after = make_activity(title="After", start=at(11, minutes), end=at(12, 30), room=hall_a_room)

    clash = refused(after, buyer.user)

    assert [b.ref for b in clash.clashes] == [seated.pk]


def test_the_walk_counts_before_the_activity_too(seated, make_activity, buyer, hall_a_room):
    before = make_activity(title="Before", start=at(9), end=at(9, 50), room=hall_a_room)

    clash = refused(before, buyer.user)

    assert [b.ref for b in clash.clashes] == [seated.pk]


def test_a_full_walk_apart_in_another_hall_is_no_clash(seated, make_activity, buyer, hall_a_room):
    after = make_activity(title="After", start=at(11) + WALK, end=at(12, 30), room=hall_a_room)

    place = register(activity=after, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_within_the_walk_where_the_hall_is_unknown_is_a_clash(seated, make_activity, buyer):
    after = make_activity(title="Somewhere", start=at(11, 5), end=at(12), room=None)

    clash = refused(after, buyer.user)

    assert [b.ref for b in clash.clashes] == [seated.pk]


def test_a_room_without_a_hall_is_an_unknown_hall(seated, make_activity, buyer, expo):
    hallless = Room.objects.create(expo=expo, name="Marquee", capacity=50)
    after = make_activity(title="Marquee Talk", start=at(11, 5), end=at(12), room=hallless)

    clash = refused(after, buyer.user)

    assert [b.ref for b in clash.clashes] == [seated.pk]


# --- speaking ------------------------------------------------------------------------------


def test_speaking_at_an_overlapping_activity_is_a_clash(make_activity, buyer):
    panel = make_activity(title="Trade Panel", start=at(10, 30), end=at(11, 30))
    Speaker.objects.create(activity=panel, name="Buyer One", user=buyer.user)
    forum = make_activity()

    clash = refused(forum, buyer.user)

    assert clash.clashes == [
        Busy("activity", panel.pk, at(10, 30), at(11, 30), panel.room.hall_id, "Trade Panel")
    ]


def test_speaking_at_the_activity_itself_is_no_clash(forum, buyer):
    Speaker.objects.create(activity=forum, name="Buyer One", user=buyer.user)

    place = register(activity=forum, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_a_speaker_without_a_login_keeps_no_one_busy(make_activity, buyer):
    panel = make_activity(title="Trade Panel", start=at(10, 30), end=at(11, 30))
    Speaker.objects.create(activity=panel, name="Buyer One")
    forum = make_activity()

    place = register(activity=forum, user=buyer.user)

    assert place.registration.clash_confirmed is False


# --- B2B meetings ----------------------------------------------------------------------------


@pytest.fixture
def meeting(expo, organiser, buyer: Party, exhibitor: Party) -> Meeting:
    """A meeting of the buyer with the exhibitor, 09:20 to 09:40, in a session of no hall."""
    slot = make_session(expo, organiser, slots=3).slots.order_by("start")[1]
    assert (slot.start, slot.end) == (at(9, 20), at(9, 40))
    return book_meeting(request=accepted(buyer.participation, exhibitor.participation), slot=slot)


@pytest.fixture
def early_forum(make_activity) -> Activity:
    return make_activity(title="Early Forum", start=at(9), end=at(10))


def publish(meeting: Meeting) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(published=True)


def test_a_published_meeting_of_the_persons_organisation_is_a_clash(meeting, early_forum, buyer):
    publish(meeting)

    clash = refused(early_forum, buyer.user)

    assert clash.clashes == [
        Busy("meeting", meeting.pk, at(9, 20), at(9, 40), None, "B2B meeting with Exhibitor One")
    ]
    assert str(clash) == MESSAGE.format(
        clashes="B2B meeting with Exhibitor One at 18 Sept 2025, 09:20"
    )


def test_the_exhibitor_side_of_the_meeting_clashes_too(meeting, early_forum, exhibitor):
    publish(meeting)

    clash = refused(early_forum, exhibitor.user)

    assert [(b.kind, b.title) for b in clash.clashes] == [("meeting", "B2B meeting with Buyer One")]


def test_an_unpublished_meeting_is_not_a_clash(meeting, early_forum, buyer):
    place = register(activity=early_forum, user=buyer.user)

    assert place.registration.clash_confirmed is False


@pytest.mark.parametrize("status", [Meeting.Status.HELD, Meeting.Status.NO_SHOW])
def test_a_meeting_no_longer_scheduled_is_not_a_clash(meeting, early_forum, buyer, status):
    Meeting.objects.filter(pk=meeting.pk).update(published=True, status=status)

    place = register(activity=early_forum, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_a_meeting_within_the_walk_is_a_clash(meeting, make_activity, buyer):
    """The meeting ends at 09:40 in a session of no known hall: 09:50 is too soon."""
    publish(meeting)
    after = make_activity(title="After", start=at(9, 50), end=at(10, 30))

    clash = refused(after, buyer.user)

    assert [b.ref for b in clash.clashes] == [meeting.pk]


def test_a_meeting_a_walk_away_is_no_clash(meeting, make_activity, buyer):
    publish(meeting)
    after = make_activity(title="After", start=at(9, 40) + WALK, end=at(10, 30))

    place = register(activity=after, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_a_meeting_on_another_day_is_no_clash(meeting, make_activity, buyer):
    publish(meeting)
    next_day = make_activity(title="Next Day", start=at(9, day=19), end=at(10, day=19))

    place = register(activity=next_day, user=buyer.user)

    assert place.registration.clash_confirmed is False


def test_a_colleague_named_as_the_meeting_attendee_takes_the_meeting_off_ones_timeline(
    meeting, early_forum, buyer
):
    colleague = User.objects.create_user("colleague@example.com")
    Membership.objects.create(user=colleague, organisation=buyer.participation.organisation)
    profile = MeetingProfile.objects.create(participation=buyer.participation)
    profile.attendees.add(colleague)
    publish(meeting)

    place = register(activity=early_forum, user=buyer.user)
    assert place.registration.clash_confirmed is False

    with pytest.raises(Clash) as raised:
        register(activity=early_forum, user=colleague)
    assert [b.ref for b in raised.value.clashes] == [meeting.pk]
    assert list(early_forum.registrations.values_list("user__email", flat=True)) == [
        "buyer-one@example.com"
    ]


def test_every_member_attends_when_no_one_is_named(meeting, early_forum, buyer):
    colleague = User.objects.create_user("colleague@example.com")
    Membership.objects.create(user=colleague, organisation=buyer.participation.organisation)
    publish(meeting)

    clash = refused(early_forum, colleague)

    assert [b.ref for b in clash.clashes] == [meeting.pk]


def test_a_meeting_and_a_seat_are_both_named(meeting, early_forum, make_activity, buyer):
    publish(meeting)
    register(activity=early_forum, user=buyer.user, confirm_clash=True)
    overlapping = make_activity(title="Overlapping", start=at(9, 15), end=at(9, 45))

    clash = refused(overlapping, buyer.user)

    assert sorted((b.kind, b.ref) for b in clash.clashes) == [
        ("activity", early_forum.pk),
        ("meeting", meeting.pk),
    ]
