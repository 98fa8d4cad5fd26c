"""Registration: seats, the waiting list in arrival order, invitations and who may register.

Every refused action also asserts that nothing was written.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.matchmaking.conftest import MakeParty, Party
from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Organisation, Participation
from tradefair.programme.models import Activity, Registration
from tradefair.programme.services.errors import (
    AlreadyRegistered,
    Closed,
    NotAllowed,
    NotRegistered,
)
from tradefair.programme.services.registration import cancel, register, waiting_position

DELEGATE = Participation.Role.DELEGATE
REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def people(make_party: MakeParty, n: int, prefix: str = "Delegate") -> list[User]:
    return [make_party(f"{prefix} {i}", DELEGATE).user for i in range(n)]


def rows(activity: Activity) -> list[tuple[str, str, int | None]]:
    """Every registration of ``activity`` as (e-mail, status, seat), in arrival order."""
    return [
        (r.user.email, r.status, r.seat)
        for r in activity.registrations.select_related("user").order_by("arrived_at", "pk")
    ]


def positions(activity: Activity) -> list[tuple[str, int | None]]:
    return [
        (r.user.email, waiting_position(r))
        for r in activity.registrations.select_related("user").order_by("arrived_at", "pk")
        if r.status != CANCELLED
    ]


# --- capacity and the waiting list ---------------------------------------------------------


def test_seats_one_to_capacity_then_the_waiting_list_in_arrival_order(make_activity, make_party):
    forum = make_activity(capacity=2)
    users = people(make_party, 5)

    places = [register(activity=forum, user=u) for u in users]

    assert [(p.registration.status, p.registration.seat, p.position) for p in places] == [
        (REGISTERED, 1, None),
        (REGISTERED, 2, None),
        (WAITLISTED, None, 1),
        (WAITLISTED, None, 2),
        (WAITLISTED, None, 3),
    ]
    assert positions(forum) == [
        ("delegate-0@example.com", None),
        ("delegate-1@example.com", None),
        ("delegate-2@example.com", 1),
        ("delegate-3@example.com", 2),
        ("delegate-4@example.com", 3),
    ]


def test_a_registration_acts_for_the_persons_participation(forum, buyer):
    place = register(activity=forum, user=buyer.user)

    assert place.registration.participation == buyer.participation
    assert place.registration.clash_confirmed is False


def test_without_its_own_capacity_an_activity_holds_what_its_room_holds(
    make_activity, room, make_party
):
    room.capacity = 2
    room.save()
    forum = make_activity(capacity=None)

    places = [register(activity=forum, user=u) for u in people(make_party, 3)]

    assert [p.registration.seat for p in places] == [1, 2, None]
    assert [p.position for p in places] == [None, None, 1]


def test_its_own_capacity_wins_over_the_rooms(make_activity, make_party):
    forum = make_activity(capacity=1)  # the room holds 100

    places = [register(activity=forum, user=u) for u in people(make_party, 2)]

    assert [p.registration.status for p in places] == [REGISTERED, WAITLISTED]


def test_without_any_capacity_there_is_no_limit(make_activity, make_party):
    forum = make_activity(room=None, capacity=None)

    places = [register(activity=forum, user=u) for u in people(make_party, 12)]

    assert [p.registration.seat for p in places] == list(range(1, 13))
    assert {p.position for p in places} == {None}


# --- cancelling and promotion --------------------------------------------------------------


@pytest.fixture
def full(make_activity, make_party):
    """A forum with two seats taken and three people waiting, the first of them reading Chinese."""
    forum = make_activity(capacity=2)
    users = people(make_party, 5)
    users[2].language = "zh-hans"
    users[2].save()
    for user in users:
        register(activity=forum, user=user)
    return forum, users


def test_a_cancelled_seat_goes_to_the_first_person_waiting_who_is_told_in_chinese(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    forum, users = full

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = cancel(activity=forum, user=users[0])

    assert (cancelled.status, cancelled.seat) == (CANCELLED, None)
    assert rows(forum) == [
        ("delegate-0@example.com", CANCELLED, None),
        ("delegate-1@example.com", REGISTERED, 2),
        ("delegate-2@example.com", REGISTERED, 1),
        ("delegate-3@example.com", WAITLISTED, None),
        ("delegate-4@example.com", WAITLISTED, None),
    ]
    assert [p for _, p in positions(forum)] == [None, None, 1, 2]
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["delegate-2@example.com"]
    with translation.override("zh-hans"):
        subject = gettext("A seat is yours: %(title)s") % {"title": "蓝色经济论坛"}
    assert message.subject == subject
    assert "Forum on the Blue Economy" not in message.subject
    assert "时间: 2025" in message.body  # "When", in Chinese
    assert "地点: 论坛一号厅" in message.body  # "Where": the room's Chinese name


def test_the_promoted_person_reading_english_is_told_in_english(
    make_activity, make_party, mailoutbox, django_capture_on_commit_callbacks
):
    forum = make_activity(capacity=1)
    first, second = people(make_party, 2)
    register(activity=forum, user=first)
    register(activity=forum, user=second)

    with django_capture_on_commit_callbacks(execute=True):
        cancel(activity=forum, user=first)

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["delegate-1@example.com"], "A seat is yours: Forum on the Blue Economy")
    ]
    assert "When: " in mailoutbox[0].body
    assert "Where: Forum Room 1" in mailoutbox[0].body


def test_nothing_is_sent_before_the_cancellation_commits(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    forum, users = full

    with django_capture_on_commit_callbacks(execute=False) as queued:
        cancel(activity=forum, user=users[1])

    assert len(queued) == 1
    assert mailoutbox == []


def test_cancelling_a_waiting_list_place_promotes_no_one(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    forum, users = full

    with django_capture_on_commit_callbacks(execute=True):
        cancel(activity=forum, user=users[3])

    assert rows(forum) == [
        ("delegate-0@example.com", REGISTERED, 1),
        ("delegate-1@example.com", REGISTERED, 2),
        ("delegate-2@example.com", WAITLISTED, None),
        ("delegate-3@example.com", CANCELLED, None),
        ("delegate-4@example.com", WAITLISTED, None),
    ]
    assert [p for _, p in positions(forum)] == [None, None, 1, 2]
    assert mailoutbox == []


def test_cancelling_twice_is_refused_and_changes_nothing(full, mailoutbox):
    forum, users = full
    cancel(activity=forum, user=users[0])
    before = rows(forum)

    with pytest.raises(NotRegistered) as refused:
        cancel(activity=forum, user=users[0])

    assert str(refused.value) == "You are not registered for this activity."

    assert rows(forum) == before


def test_cancelling_without_a_registration_is_refused(forum, buyer):
    with pytest.raises(NotRegistered):
        cancel(activity=forum, user=buyer.user)

    assert not Registration.objects.exists()


def test_an_attended_place_cannot_be_cancelled(forum, buyer):
    registration = register(activity=forum, user=buyer.user).registration
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.ATTENDED)

    with pytest.raises(Closed, match="Your attendance was recorded"):
        cancel(activity=forum, user=buyer.user)

    assert rows(forum) == [("buyer-one@example.com", Registration.Status.ATTENDED, 1)]


def test_a_person_may_register_again_after_cancelling(make_activity, make_party):
    forum = make_activity(capacity=1)
    first, second = people(make_party, 2)
    register(activity=forum, user=first)
    register(activity=forum, user=second)
    cancel(activity=forum, user=first)  # second takes the seat

    again = register(activity=forum, user=first)

    assert (again.registration.status, again.position) == (WAITLISTED, 1)
    assert rows(forum) == [
        ("delegate-0@example.com", CANCELLED, None),
        ("delegate-1@example.com", REGISTERED, 1),
        ("delegate-0@example.com", WAITLISTED, None),
    ]


def test_a_seat_above_a_lowered_capacity_is_not_passed_on(full, mailoutbox):
    """The organiser lowered the capacity to one: the freed seat is not given to anyone."""
    forum, users = full
    Activity.objects.filter(pk=forum.pk).update(capacity=1)

    cancel(activity=forum, user=users[0])

    assert [status for _, status, _ in rows(forum)] == [
        CANCELLED,
        REGISTERED,
        WAITLISTED,
        WAITLISTED,
        WAITLISTED,
    ]


def test_a_raised_capacity_fills_from_the_waiting_list_at_the_next_cancellation(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    """Seat numbers do not matter, the count does: two seats free up, two people move up."""
    forum, users = full
    Activity.objects.filter(pk=forum.pk).update(capacity=3)

    with django_capture_on_commit_callbacks(execute=True):
        cancel(activity=forum, user=users[1])

    assert rows(forum) == [
        ("delegate-0@example.com", REGISTERED, 1),
        ("delegate-1@example.com", CANCELLED, None),
        ("delegate-2@example.com", REGISTERED, 2),
        ("delegate-3@example.com", REGISTERED, 3),
        ("delegate-4@example.com", WAITLISTED, None),
    ]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "delegate-2@example.com",
        "delegate-3@example.com",
    ]


def test_a_cancelled_activity_passes_no_seat_on(full, mailoutbox):
    forum, users = full
    Activity.objects.filter(pk=forum.pk).update(status=Activity.Status.CANCELLED)

    cancel(activity=forum, user=users[0])

    assert [status for _, status, _ in rows(forum)] == [
        CANCELLED,
        REGISTERED,
        WAITLISTED,
        WAITLISTED,
        WAITLISTED,
    ]


# --- refusals ------------------------------------------------------------------------------


def test_registering_twice_is_refused_and_changes_nothing(make_activity, make_party):
    forum = make_activity(capacity=1)
    first, second = people(make_party, 2)
    register(activity=forum, user=first)
    register(activity=forum, user=second)
    before = rows(forum)

    for user in (first, second):  # a seat, then a waiting-list place
        with pytest.raises(AlreadyRegistered, match="You are already registered"):
            register(activity=forum, user=user)

    assert rows(forum) == before


@pytest.mark.parametrize("status", [Activity.Status.DRAFT, Activity.Status.CANCELLED])
def test_a_draft_or_cancelled_activity_is_closed(make_activity, buyer, status):
    activity = make_activity(status=status)

    with pytest.raises(Closed) as refused:
        register(activity=activity, user=buyer.user)

    assert str(refused.value) == "This activity is not open for registration."

    assert not Registration.objects.exists()


@pytest.fixture
def by_invitation(make_activity):
    return make_activity(audience=Activity.Audience.INVITATION)


def test_invitation_only_refuses_the_uninvited(by_invitation, buyer, make_party):
    by_invitation.invited_people.add(make_party("Someone Else", DELEGATE).user)

    with pytest.raises(NotAllowed, match="by invitation only and you are not invited"):
        register(activity=by_invitation, user=buyer.user)

    assert not Registration.objects.exists()


def test_invitation_only_admits_an_invited_person(by_invitation, buyer):
    by_invitation.invited_people.add(buyer.user)

    place = register(activity=by_invitation, user=buyer.user)

    assert (place.registration.status, place.registration.seat) == (REGISTERED, 1)


def test_invitation_only_admits_a_member_of_an_invited_organisation(by_invitation, buyer):
    colleague = User.objects.create_user("colleague@example.com")
    Membership.objects.create(user=colleague, organisation=buyer.participation.organisation)
    by_invitation.invited_organisations.add(buyer.participation.organisation)

    place = register(activity=by_invitation, user=colleague)

    assert place.registration.user == colleague
    assert place.registration.participation == buyer.participation


def test_a_person_of_no_participating_organisation_is_refused(forum, expo):
    outsider = User.objects.create_user("outsider@example.com")
    Membership.objects.create(
        user=outsider,
        organisation=Organisation.objects.create(
            name="Not Here", country=Country.objects.get(code="CN")
        ),
    )

    with pytest.raises(NotAllowed, match="Only people of an organisation taking part"):
        register(activity=forum, user=outsider)

    assert not Registration.objects.exists()


def test_acting_for_another_organisations_participation_is_refused(
    forum, buyer: Party, exhibitor: Party
):
    with pytest.raises(NotAllowed) as refused:
        register(activity=forum, user=buyer.user, participation=exhibitor.participation)

    assert str(refused.value) == "You do not act for this organisation in this expo."

    assert not Registration.objects.exists()


def test_a_person_with_several_roles_registers_as_a_delegate_first(forum, buyer, expo):
    delegate = Participation.objects.create(
        expo=expo, organisation=buyer.participation.organisation, role=DELEGATE
    )

    place = register(activity=forum, user=buyer.user)

    assert place.registration.participation == delegate


def test_an_explicit_participation_of_ones_own_organisation_is_used(forum, buyer, expo):
    Participation.objects.create(
        expo=expo, organisation=buyer.participation.organisation, role=DELEGATE
    )

    place = register(activity=forum, user=buyer.user, participation=buyer.participation)

    assert place.registration.participation == buyer.participation


def test_taking_part_in_another_edition_only_is_refused(forum, expo):
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        host_country=expo.host_country,
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    elsewhere = Participation.objects.create(
        expo=other,
        organisation=Organisation.objects.create(name="Elsewhere", country=expo.host_country),
        role=DELEGATE,
    )
    user = User.objects.create_user("elsewhere@example.com")
    Membership.objects.create(user=user, organisation=elsewhere.organisation)

    for participation in (None, elsewhere):
        with pytest.raises(NotAllowed):
            register(activity=forum, user=user, participation=participation)

    assert not Registration.objects.exists()
