"""The agenda query with activities: the reader's seats, waiting-list places and stage next to
the organisation's meetings, and confirmed clashes marked on both sides."""

import datetime as dt

import pytest
from django.utils import translation

from tests.matchmaking.agenda_fair import (
    NANNING,
    ProgrammeScene,
    add_activity,
    at,
    build_programme_scene,
)
from tradefair.accounts.models import User
from tradefair.matchmaking.models import MeetingProfile
from tradefair.matchmaking.queries.agenda import Agenda, agenda_of
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, Registration, Speaker
from tradefair.programme.services.errors import Clash
from tradefair.programme.services.registration import register


@pytest.fixture
def scene(expo) -> ProgrammeScene:
    return build_programme_scene(expo)


def read(participation: Participation, reader: User) -> Agenda:
    return agenda_of(Participation.objects.get(pk=participation.pk), reader.pk)


def lines(agenda: Agenda) -> list[list[tuple[str, str, str, str]]]:
    """Each day's entries as (kind, start-end, title, place)."""
    return [
        [(e.kind, f"{e.start:%H:%M}-{e.end:%H:%M}", e.title, e.place) for e in day.entries]
        for day in agenda.days
    ]


def test_the_readers_forum_sits_between_the_meetings_of_its_day(scene):
    buyer = scene.fair.buyer

    agenda = read(buyer.participation, buyer.user)

    assert [day.date for day in agenda.days] == [dt.date(2025, 9, 18), dt.date(2025, 9, 19)]
    assert lines(agenda) == [
        [
            ("meeting", "07:20-07:40", "Meeting with Exhibitor 1", "Hall B, table 1"),
            ("activity", "09:00-10:30", "Forum on the Blue Economy", "Forum Room 1, Hall A"),
        ],
        [("meeting", "14:00-14:20", "Meeting with Exhibitor 2", "Hall B, table 2")],
    ]
    [forum] = agenda.activities
    assert (forum.pk, forum.start, forum.end) == (
        scene.forum.pk,
        dt.datetime(2025, 9, 18, 9, 0, tzinfo=NANNING),
        dt.datetime(2025, 9, 18, 10, 30, tzinfo=NANNING),
    )
    assert (forum.status, forum.seat, forum.position, forum.status_label) == (
        "registered",
        1,
        None,
        "registered, seat 1",
    )
    assert (forum.activity_kind, forum.activity_kind_label, forum.clash) == (
        "forum",
        "forum or supporting event",
        "",
    )
    assert [m.clash for m in agenda.meetings] == ["", ""]


def test_titles_rooms_and_halls_follow_the_readers_language(scene):
    buyer = scene.fair.buyer

    with translation.override("zh-hans"):
        agenda = read(buyer.participation, buyer.user)

    [forum] = agenda.activities
    assert (forum.title, forum.room, forum.hall) == ("蓝色经济论坛", "论坛一号厅", "A馆")
    assert [m.session for m in agenda.meetings] == ["Morning talks（中文）", "Afternoon（中文）"]


def test_nobody_else_sees_the_readers_activities(scene):
    buyer, exhibitor = scene.fair.buyer, scene.fair.exhibitors[0]
    signing = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.SIGNING,
        title="Signing",
        start=at(12),
        end=at(13),
    )
    register(activity=signing, user=buyer.user)

    colleague = read(buyer.participation, scene.colleague)
    theirs = read(exhibitor.participation, exhibitor.user)
    outsider = read(scene.outsider.participation, scene.outsider.user)

    # The colleague shares the organisation's meetings, not Li Wei's seats.
    assert [m.pk for m in colleague.meetings] == [m.pk for m in scene.meetings]
    assert colleague.activities == []
    assert theirs.activities == [] and [m.pk for m in theirs.meetings] == [scene.meetings[0].pk]
    # The outsider registered for the forum after Li Wei: their own seat, nothing else.
    assert [(a.pk, a.seat) for a in outsider.activities] == [(scene.forum.pk, 2)]
    assert outsider.meetings == []
    assert [a.title for a in read(buyer.participation, buyer.user).activities] == [
        "Forum on the Blue Economy",
        "Signing",
    ]


def test_a_waiting_list_place_shows_its_position_and_is_no_clash(scene):
    buyer = scene.fair.buyer
    launch = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.LAUNCH,
        title="New Products Launch",
        start=at(16, day=19),
        end=at(17, day=19),
        capacity=1,
    )
    register(activity=launch, user=scene.outsider.user)
    register(activity=launch, user=scene.colleague)
    place = register(activity=launch, user=buyer.user)

    [_, waiting] = read(buyer.participation, buyer.user).activities

    assert place.position == 2
    assert (waiting.pk, waiting.status, waiting.seat, waiting.position) == (
        launch.pk,
        "waitlisted",
        None,
        2,
    )
    assert (waiting.status_label, waiting.keeps_busy, waiting.clash) == (
        "waiting list, position 2",
        False,
        "",
    )
    [colleague_waits] = read(buyer.participation, scene.colleague).activities
    assert colleague_waits.position == 1


def test_speaking_roles_show_and_a_seat_at_the_same_activity_gives_way(scene):
    buyer = scene.fair.buyer
    Speaker.objects.create(
        activity=scene.forum, name="Li Wei", user=buyer.user, role=Speaker.Role.MODERATOR
    )
    summit = add_activity(
        scene.fair.expo,
        None,
        kind=Activity.Kind.MAIN_EVENT,
        title="Summit",
        start=at(15),
        end=at(16),
    )
    Speaker.objects.create(activity=summit, name="Li Wei", user=buyer.user)

    forum, on_stage = read(buyer.participation, buyer.user).activities

    assert (forum.pk, forum.status, forum.status_label) == (
        scene.forum.pk,
        "speaking",
        "speaking (moderator)",
    )
    assert (on_stage.pk, on_stage.status_label, on_stage.place) == (
        summit.pk,
        "speaking (speaker)",
        "",
    )


def test_cancelled_activities_stay_marked_and_drafts_never_show(scene):
    buyer = scene.fair.buyer
    Activity.objects.filter(pk=scene.forum.pk).update(status=Activity.Status.CANCELLED)
    draft = add_activity(
        scene.fair.expo,
        scene.room,
        title="Draft",
        start=at(12),
        end=at(13),
        status=Activity.Status.DRAFT,
    )
    Speaker.objects.create(activity=draft, name="Li Wei", user=buyer.user)

    [forum] = read(buyer.participation, buyer.user).activities

    assert (forum.pk, forum.status, forum.cancelled, forum.seat) == (
        scene.forum.pk,
        "cancelled",
        True,
        None,
    )
    assert (forum.status_label, forum.keeps_busy) == ("cancelled by the organisers", False)
    # Giving up one's own seat takes the activity off one's agenda.
    Registration.objects.filter(user=buyer.user).update(
        status=Registration.Status.CANCELLED, seat=None
    )
    assert read(buyer.participation, buyer.user).activities == []


def opening(scene: ProgrammeScene, hall_a: bool = True) -> Activity:
    """06:30-07:10: ten minutes before the 07:20 meeting, less than the walk from hall A."""
    room = scene.room
    if not hall_a:
        room.hall = scene.fair.hall
        room.save()
    return add_activity(
        scene.fair.expo,
        room,
        kind=Activity.Kind.OPENING,
        title="Opening Ceremony",
        title_zh="开幕式",
        start=at(6, 30),
        end=at(7, 10),
    )


def clashes(agenda: Agenda) -> list[tuple[int, str]]:
    return [(m.pk, m.clash) for m in agenda.meetings]


def test_a_confirmed_clash_is_marked_on_both_sides(scene):
    buyer, exhibitor = scene.fair.buyer, scene.fair.exhibitors[0]
    ceremony = opening(scene)
    with pytest.raises(Clash):
        register(activity=ceremony, user=buyer.user)
    register(activity=ceremony, user=buyer.user, confirm_clash=True)
    first, second = scene.meetings
    note = "Clash: Li Wei registered for Opening Ceremony at the same time"

    mine = read(buyer.participation, buyer.user)
    theirs = read(exhibitor.participation, exhibitor.user)
    other_exhibitor = read(scene.fair.exhibitors[1].participation, scene.fair.exhibitors[1].user)

    assert clashes(mine) == [(first.pk, note), (second.pk, "")]
    assert clashes(theirs) == [(first.pk, note)]
    assert clashes(other_exhibitor) == [(second.pk, "")]
    assert clashes(read(buyer.participation, scene.colleague)) == clashes(mine)
    ceremony_entry, forum = mine.activities
    assert (ceremony_entry.pk, ceremony_entry.clash) == (
        ceremony.pk,
        "Clash: you registered although it overlaps Meeting with Exhibitor 1",
    )
    assert forum.clash == ""
    with translation.override("zh-hans"):
        [meeting] = read(exhibitor.participation, exhibitor.user).meetings
    assert "开幕式" in meeting.clash


def test_a_clash_confirmed_by_the_exhibitors_person_shows_on_the_buyers_agenda(scene):
    exhibitor = scene.fair.exhibitors[0]
    register(activity=opening(scene), user=exhibitor.user, confirm_clash=True)

    mine = read(scene.fair.buyer.participation, scene.fair.buyer.user)

    assert clashes(mine) == [
        (
            scene.meetings[0].pk,
            "Clash: exhibitor-1@example.com registered for Opening Ceremony at the same time",
        ),
        (scene.meetings[1].pk, ""),
    ]
    assert mine.activities[0].clash == ""  # the forum: Li Wei has no clash of their own


def test_within_the_meetings_hall_no_walk_is_needed_so_there_is_no_clash(scene):
    buyer = scene.fair.buyer
    registration = register(activity=opening(scene, hall_a=False), user=buyer.user).registration

    agenda = read(buyer.participation, buyer.user)

    assert registration.clash_confirmed is False
    assert [m.clash for m in agenda.meetings] == ["", ""]


def test_only_people_who_attend_the_meetings_mark_them(scene):
    buyer, exhibitor = scene.fair.buyer, scene.fair.exhibitors[0]
    register(activity=opening(scene), user=buyer.user, confirm_clash=True)
    # From now on only the colleague goes to the buyer's meetings.
    profile = MeetingProfile.objects.create(participation=buyer.participation)
    profile.attendees.set([scene.colleague])

    assert [m.clash for m in read(exhibitor.participation, exhibitor.user).meetings] == [""]


@pytest.mark.parametrize("activities", [1, 3])
def test_query_count_does_not_grow_with_activities(scene, activities, django_assert_num_queries):
    buyer = scene.fair.buyer
    register(activity=opening(scene), user=buyer.user, confirm_clash=True)
    for n in range(activities - 1):
        extra = add_activity(
            scene.fair.expo, scene.room, title=f"Talk {n}", start=at(12 + n), end=at(12 + n, 45)
        )
        register(activity=extra, user=buyer.user)
        Speaker.objects.create(activity=extra, name="Li Wei", user=buyer.user)
    participation = Participation.objects.select_related("expo").get(pk=buyer.participation.pk)

    # Meetings, booths, registrations, speaking roles, whether anyone confirmed a clash then,
    # the confirmed clashes, then who attends whose meetings (named attendees, the
    # participations without, their members).
    with django_assert_num_queries(9):
        agenda = agenda_of(participation, buyer.user.pk)

    assert len(agenda.activities) == activities + 1
    assert [e.kind for e in agenda.days[0].entries[:2]] == ["activity", "meeting"]  # 06:30 first
    assert agenda.meetings[0].clash == (
        "Clash: Li Wei registered for Opening Ceremony at the same time"
    )
