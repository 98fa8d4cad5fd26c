"""Conflicts listed before publishing: each kind found exactly, and only among live activities."""

import datetime as dt

import pytest

from tests.programme.conftest import at
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.queries.conflicts import (
    DATES,
    ROOM,
    SEATS,
    SPEAKER,
    conflicts_of,
    more_seated_than_seats,
    outside_the_edition,
    rooms_booked_twice,
    speakers_in_two_places,
)

pytestmark = pytest.mark.django_db


def described(conflicts) -> list[tuple[str, tuple[int, ...], str]]:
    return [(c.kind, c.activity_ids, c.message) for c in conflicts]


def test_a_room_booked_twice(expo, room, make_activity, django_assert_num_queries):
    first = make_activity(title="First")
    second = make_activity(title="Second", start=at(10, 30), end=at(12))
    make_activity(title="Back to back", start=at(12), end=at(13))  # touches, no overlap
    make_activity(title="Called off", status=Activity.Status.CANCELLED)
    other_room = Room.objects.create(expo=expo, name="Hall A Stage", capacity=50)
    make_activity(title="Elsewhere", room=other_room)
    with django_assert_num_queries(1):
        found = rooms_booked_twice(expo)
    assert described(found) == [
        (
            ROOM,
            (first.pk, second.pk),
            "Forum Room 1 is booked twice: “First” (18 Sept 2025, 10:00) and “Second” "
            "(18 Sept 2025, 10:30) overlap.",
        )
    ]
    assert described(rooms_booked_twice(expo, {second.pk})) == described(found)
    assert rooms_booked_twice(expo, {other_room.pk + 1000}) == []


def test_a_speaker_in_two_places(expo, room, halls, buyer, make_activity):
    hall_a_room = Room.objects.create(expo=expo, name="A1", capacity=40, hall=halls[0])
    forum = make_activity(title="Forum")  # 10:00-11:00 in hall B
    walk = make_activity(title="Walk away", room=hall_a_room, start=at(11, 10), end=at(12))
    later = make_activity(title="Later", start=at(15), end=at(16))
    Speaker.objects.create(activity=forum, name="Li Wei", user=buyer.user)
    Speaker.objects.create(activity=walk, name="Wei Li", user=buyer.user)  # same account
    Speaker.objects.create(activity=later, name="Li Wei", user=buyer.user)
    Speaker.objects.create(activity=forum, name="Ana  Cruz")
    Speaker.objects.create(activity=walk, name="ana cruz")  # same name, no account
    other = make_activity(title="Other", start=at(10, 30), end=at(11, 30))
    Speaker.objects.create(activity=other, name="Ana Cruz", user=buyer.user)  # counts too
    found = speakers_in_two_places(expo)
    # Pairs in the order they start; a pair named once per person, whichever way it was found.
    assert [(c.activity_ids, c.subject) for c in found] == [
        ((forum.pk, walk.pk), "Li Wei"),  # 10 minutes to walk from hall B to hall A
        ((forum.pk, walk.pk), "Ana  Cruz"),
        ((forum.pk, other.pk), "Li Wei"),
        ((forum.pk, other.pk), "Ana  Cruz"),
        ((other.pk, walk.pk), "Ana Cruz"),  # the account, whatever the name on the row
    ]
    assert found[0].message == (
        "Li Wei is in two places: “Forum” (18 Sept 2025, 10:00) and “Walk away” "
        "(18 Sept 2025, 11:10) overlap (allowing 15 minutes to walk between halls)."
    )
    assert [c.activity_ids for c in speakers_in_two_places(expo, {later.pk})] == []


def test_two_accounts_with_one_name_are_two_people(expo, buyer, exhibitor, make_activity):
    forum = make_activity(title="Forum")
    other = make_activity(title="Other", start=at(10, 30), end=at(11, 30))
    Speaker.objects.create(activity=forum, name="Li Wei", user=buyer.user)
    Speaker.objects.create(activity=other, name="Li Wei", user=exhibitor.user)
    assert speakers_in_two_places(expo) == []


def test_an_activity_outside_the_editions_days_on_its_clock(expo, make_activity):
    # 17-21 Sept in Nanning: 16 Sept 16:00 UTC is already 17 Sept 00:00 there.
    make_activity(title="First minute", start=at(0, 0, day=17), end=at(1, 0, day=17))
    early = make_activity(title="Early", start=at(23, 0, day=16), end=at(23, 30, day=16))
    late = make_activity(title="Late", start=at(23, 0, day=21), end=at(0, 30, day=22))
    make_activity(title="Last minute", start=at(23, 0, day=21), end=at(0, 0, day=22))
    found = outside_the_edition(expo)
    assert described(found) == [
        (
            DATES,
            (early.pk,),
            "“Early” (16 Sept 2025, 23:00) lies outside the expo's days, "
            "17\u2009–\u200921 Sept 2025.",
        ),
        (
            DATES,
            (late.pk,),
            "“Late” (21 Sept 2025, 23:00) lies outside the expo's days, "
            "17\u2009–\u200921 Sept 2025.",
        ),
    ]
    assert early.start == dt.datetime(2025, 9, 16, 15, tzinfo=dt.UTC)


def test_more_seated_than_the_activity_holds(expo, room, make_activity, make_party):
    forum = make_activity(title="Forum", capacity=3)
    roomy = make_activity(title="Roomy", start=at(14), end=at(15))  # the room's 100 seats
    people = [make_party(f"Guest {n}").user for n in range(3)]
    for seat, user in enumerate(people, start=1):
        Registration.objects.create(
            activity=forum,
            user=user,
            participation=user.memberships.get().organisation.participations.get(),
            status=Registration.Status.REGISTERED,
            seat=seat,
        )
    assert more_seated_than_seats(expo) == []
    Activity.objects.filter(pk=forum.pk).update(capacity=2)  # lowered after people registered
    Registration.objects.filter(user=people[2]).update(status="cancelled", seat=None)
    assert more_seated_than_seats(expo) == []
    Activity.objects.filter(pk=forum.pk).update(capacity=1)
    found = more_seated_than_seats(expo)
    assert described(found) == [
        (
            SEATS,
            (forum.pk,),
            "“Forum” (18 Sept 2025, 10:00) has 2 seated registrations but holds only 1.",
        )
    ]
    Room.objects.filter(pk=room.pk).update(capacity=1)
    Activity.objects.filter(pk=forum.pk).update(capacity=None)
    assert [c.activity_ids for c in more_seated_than_seats(expo)] == [(forum.pk,)]
    assert roomy.pk not in {c.activity_ids[0] for c in more_seated_than_seats(expo)}


def test_all_four_kinds_in_four_queries(
    expo, room, buyer, make_activity, django_assert_num_queries
):
    a = make_activity(title="A", capacity=1)
    b = make_activity(title="B", start=at(10, 30), end=at(11, 30), status=Activity.Status.DRAFT)
    c = make_activity(title="C", start=at(9, day=25), end=at(10, day=25), room=None)
    Speaker.objects.create(activity=a, name="Li Wei")
    Speaker.objects.create(activity=b, name="Li Wei")
    Registration.objects.create(
        activity=a, user=buyer.user, participation=buyer.participation, status="registered", seat=1
    )
    Registration.objects.create(
        activity=a, user=buyer.user, participation=buyer.participation, status="cancelled"
    )
    with django_assert_num_queries(4):
        found = conflicts_of(expo)
    assert [(x.kind, x.activity_ids) for x in found] == [
        (ROOM, (a.pk, b.pk)),
        (SPEAKER, (a.pk, b.pk)),
        (DATES, (c.pk,)),
    ]
    assert [(x.kind, x.activity_ids) for x in conflicts_of(expo, activity_ids=[c.pk])] == [
        (DATES, (c.pk,))
    ]


def test_messages_read_in_chinese(expo, room, make_activity):
    from django.utils import translation

    make_activity(title="First")
    make_activity(title="Second", start=at(10, 30), end=at(12))
    with translation.override("zh-hans"):
        message = rooms_booked_twice(expo)[0].message
    assert "论坛一号厅" in message and "蓝色经济论坛" in message
