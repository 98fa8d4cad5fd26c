"""The agenda page, print view, .ics and feed with the reader's activities next to the meetings."""

import datetime as dt

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.matchmaking.agenda_fair import ProgrammeScene, add_activity, at, build_programme_scene
from tradefair.accounts.models import User
from tradefair.matchmaking.queries.feed import feed_token
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity
from tradefair.programme.services.registration import register

INDEX = "/test-expo/agenda/"
CLASH = "Clash: Li Wei registered for Opening Ceremony at the same time"


@pytest.fixture
def scene(expo) -> ProgrammeScene:
    return build_programme_scene(expo)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows(response) -> list[tuple[str, str, str]]:
    """(time, kind, title) of every row, day after day."""
    return [
        (row.time, row.entry.kind, row.entry.title)
        for day in response.context["days"]
        for row in day.rows
    ]


def opening(scene: ProgrammeScene) -> Activity:
    """06:30-07:10 in hall A: the walk to the 07:20 meeting in hall B makes it a clash."""
    return add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.OPENING,
        title="Opening Ceremony",
        title_zh="开幕式",
        start=at(6, 30),
        end=at(7, 10),
    )


def test_the_page_shows_the_forum_between_the_meetings_by_day(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX)

    html = response.content.decode()
    assert [day.label for day in response.context["days"]] == [
        "Thursday, 18 September 2025",
        "Friday, 19 September 2025",
    ]
    assert rows(response) == [
        ("07:20–07:40", "meeting", "Meeting with Exhibitor 1"),
        ("09:00–10:30", "activity", "Forum on the Blue Economy"),
        ("14:00–14:20", "meeting", "Meeting with Exhibitor 2"),
    ]
    assert f'<a href="/test-expo/programme/{scene.forum.pk}/">Forum on the Blue Economy</a>' in html
    assert "Forum Room 1, Hall A" in html and "registered, seat 1" in html
    assert html.count("All times are Nanning time (UTC+8).") == 1


def test_the_chinese_page_shows_the_forum_in_chinese(scene):
    response = client_for(scene.fair.buyer.user).get("/zh-hans" + INDEX)

    html = response.content.decode()
    assert [day.label for day in response.context["days"]] == [
        "2025年9月18日星期四",
        "2025年9月19日星期五",
    ]
    assert [(time, title) for time, _, title in rows(response)] == [
        ("07:20–07:40", "与 Exhibitor 1 洽谈"),
        ("09:00–10:30", "蓝色经济论坛"),
        ("14:00–14:20", "与 Exhibitor 2 洽谈"),
    ]
    assert f'href="/zh-hans/test-expo/programme/{scene.forum.pk}/">蓝色经济论坛</a>' in html
    assert "论坛一号厅" in html and "A馆" in html


def test_the_print_view_lists_the_forum_with_its_reference(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX + "print/")

    html = response.content.decode()
    assert [time for time, _, _ in rows(response)] == ["07:20–07:40", "09:00–10:30", "14:00–14:20"]
    assert f"<code>A-{scene.forum.pk}</code>" in html
    assert "Forum on the Blue Economy" in html and "Forum Room 1, Hall A" in html


def test_nobody_else_finds_li_weis_signing_ceremony(scene):
    signing = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.SIGNING,
        title="Private Signing",
        start=at(12),
        end=at(13),
    )
    register(activity=signing, user=scene.fair.buyer.user)
    others = [scene.colleague, scene.fair.exhibitors[0].user, scene.outsider.user]

    assert "Private Signing" in client_for(scene.fair.buyer.user).get(INDEX).content.decode()
    for user in others:
        for page in ("", "print/", "agenda.ics"):
            body = client_for(user).get(INDEX + page).content.decode()
            assert "Private Signing" not in body, (user.email, page)
    # The outsider registered for the forum too: it is on their agenda, with their own seat.
    outsider = client_for(scene.outsider.user).get(INDEX)
    assert rows(outsider) == [("09:00–10:30", "activity", "Forum on the Blue Economy")]
    assert "registered, seat 2" in outsider.content.decode()


def test_a_waiting_list_place_shows_its_position(scene):
    launch = add_activity(
        scene.fair.expo,
        scene.room,
        kind=Activity.Kind.LAUNCH,
        title="New Products Launch",
        start=at(16, day=19),
        end=at(17, day=19),
        capacity=1,
    )
    for user in (scene.outsider.user, scene.colleague, scene.fair.buyer.user):
        register(activity=launch, user=user)

    html = client_for(scene.fair.buyer.user).get(INDEX).content.decode()

    assert "waiting list, position 2" in html
    assert "Clash" not in html


def test_a_cancelled_forum_is_struck_through(scene):
    Activity.objects.filter(pk=scene.forum.pk).update(status=Activity.Status.CANCELLED)

    html = client_for(scene.fair.buyer.user).get(INDEX).content.decode()

    assert "<del>Forum on the Blue Economy</del>" in html and "<del>09:00–10:30</del>" in html
    assert "cancelled by the organisers" in html


def test_a_confirmed_clash_shows_on_the_buyers_and_the_exhibitors_pages(scene):
    register(activity=opening(scene), user=scene.fair.buyer.user, confirm_clash=True)

    buyer = client_for(scene.fair.buyer.user).get(INDEX).content.decode()
    exhibitor = client_for(scene.fair.exhibitors[0].user).get(INDEX + "print/").content.decode()
    other = client_for(scene.fair.exhibitors[1].user).get(INDEX).content.decode()

    assert buyer.count(CLASH) == 1 and exhibitor.count(CLASH) == 1
    assert "Clash: you registered although it overlaps Meeting with Exhibitor 1" in buyer
    assert "Opening Ceremony" not in other and "Clash" not in other


def parse(content: bytes) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


def test_the_ics_holds_the_meetings_and_the_forum(scene):
    first, second = scene.meetings

    events = parse(client_for(scene.fair.buyer.user).get(INDEX + "agenda.ics").content)

    assert [str(e["UID"]) for e in events] == [
        f"meeting-{first.pk}@testserver",
        f"activity-{scene.forum.pk}@testserver",
        f"meeting-{second.pk}@testserver",
    ]
    forum = events[1]
    assert (forum.decoded("DTSTART"), forum.decoded("DTEND")) == (
        dt.datetime(2025, 9, 18, 1, 0, tzinfo=dt.UTC),
        dt.datetime(2025, 9, 18, 2, 30, tzinfo=dt.UTC),
    )
    assert (str(forum["SUMMARY"]), str(forum["LOCATION"])) == (
        "Forum on the Blue Economy",
        "Forum Room 1, Hall A",
    )
    assert str(forum["DESCRIPTION"]).splitlines() == [
        "Kind: forum or supporting event",
        "Status: registered, seat 1",
    ]
    assert (str(forum["STATUS"]), str(forum["TRANSP"])) == ("CONFIRMED", "OPAQUE")
    assert [str(e["SUMMARY"]) for e in (events[0], events[2])] == [
        "Meeting with Exhibitor 1",
        "Meeting with Exhibitor 2",
    ]


def test_the_chinese_ics_names_the_forum_in_chinese(scene):
    response = client_for(scene.fair.buyer.user).get("/zh-hans" + INDEX + "agenda.ics")

    forum = next(e for e in parse(response.content) if str(e["UID"]).startswith("activity-"))
    assert str(forum["SUMMARY"]) == "蓝色经济论坛"
    assert "论坛一号厅" in str(forum["LOCATION"]) and "A馆" in str(forum["LOCATION"])


def test_the_ics_marks_waiting_cancelled_and_clashing_activities(scene):
    buyer = scene.fair.buyer.user
    ceremony = opening(scene)
    register(activity=ceremony, user=buyer, confirm_clash=True)
    full = add_activity(scene.fair.expo, scene.room, title="Full", start=at(12), end=at(13))
    Activity.objects.filter(pk=full.pk).update(capacity=1)
    register(activity=full, user=scene.outsider.user)
    register(activity=full, user=buyer)
    Activity.objects.filter(pk=scene.forum.pk).update(status=Activity.Status.CANCELLED)

    events = {str(e["UID"]): e for e in parse(client_for(buyer).get(INDEX + "agenda.ics").content)}

    def status(activity: Activity) -> tuple[str, str]:
        event = events[f"activity-{activity.pk}@testserver"]
        return str(event["STATUS"]), str(event["TRANSP"])

    assert status(ceremony) == ("CONFIRMED", "OPAQUE")
    assert status(full) == ("TENTATIVE", "TRANSPARENT")
    assert status(scene.forum) == ("CANCELLED", "TRANSPARENT")
    meeting = events[f"meeting-{scene.meetings[0].pk}@testserver"]
    assert str(meeting["DESCRIPTION"]).splitlines()[-1] == CLASH
    assert str(events[f"activity-{ceremony.pk}@testserver"]["DESCRIPTION"]).splitlines() == [
        "Kind: opening ceremony",
        "Status: registered, seat 1",
        "Clash: you registered although it overlaps Meeting with Exhibitor 1",
    ]


def feed(user: User, participation: Participation) -> list[str]:
    url = reverse(
        "agenda:feed",
        kwargs={"slug": "test-expo", "token": feed_token(user=user, participation=participation)},
    )
    response = Client().get(url)
    assert response.status_code == 200
    return [str(e["UID"]) for e in parse(response.content)]


def test_the_feed_carries_the_subscribers_own_activities_only(scene):
    buyer = scene.fair.buyer
    first, second = scene.meetings

    assert feed(buyer.user, buyer.participation) == [
        f"meeting-{first.pk}@testserver",
        f"activity-{scene.forum.pk}@testserver",
        f"meeting-{second.pk}@testserver",
    ]
    assert feed(scene.colleague, buyer.participation) == [
        f"meeting-{first.pk}@testserver",
        f"meeting-{second.pk}@testserver",
    ]


# The agenda's pinned count (tests/pages/test_agenda_pages.py) plus the confirmed clashes and
# who attends whose meetings (four queries), asked only because a confirmed clash lies near the
# meetings.
@pytest.mark.parametrize(("page", "expected"), [("", 15), ("print/", 15), ("agenda.ics", 13)])
def test_query_count_is_the_same_for_one_and_three_activities(scene, page, expected):
    buyer = scene.fair.buyer.user
    register(activity=opening(scene), user=buyer, confirm_clash=True)
    client = client_for(buyer)
    counts = []
    for n in range(3):
        if n:
            talk = add_activity(
                scene.fair.expo, scene.room, title=f"Talk {n}", start=at(12 + n), end=at(13 + n)
            )
            register(activity=talk, user=buyer)
        if n in (0, 2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(INDEX + page).status_code == 200
            counts.append(len(queries))

    assert counts == [expected, expected]
