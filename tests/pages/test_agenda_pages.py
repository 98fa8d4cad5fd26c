"""The agenda pages: who sees what, the printable page's QR code, the .ics file and the feed."""

import datetime as dt

import icalendar
import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.matchmaking.agenda_fair import Scene, book, build_fair, build_scene, publish
from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.matchmaking.models import Meeting
from tradefair.matchmaking.queries.feed import SALT, feed_token
from tradefair.matchmaking.services.booking import move_meeting
from tradefair.organisations.models import Participation

Role = Participation.Role
INDEX = "/test-expo/agenda/"


@pytest.fixture
def scene(expo) -> Scene:
    return build_scene(expo)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def user_of(scene: Scene, who: str | None) -> User | None:
    return {
        None: None,
        "buyer": scene.fair.buyer.user,
        "exhibitor": scene.fair.exhibitors[0].user,
        "other_buyer": scene.other_buyer,
        "delegate": scene.delegate,
        "organiser": scene.organiser,
    }[who]


@pytest.mark.parametrize("page", ["", "print/", "agenda.ics"])
@pytest.mark.parametrize(
    ("who", "status", "location"),
    [
        (None, 302, "/accounts/login/?next=/test-expo/agenda/{page}"),
        ("delegate", 403, None),
        ("organiser", 302, "/test-expo/organiser/"),
        ("other_buyer", 200, None),
        ("buyer", 200, None),
        ("exhibitor", 200, None),
    ],
)
def test_permission_matrix(scene, page, who, status, location):
    response = client_for(user_of(scene, who)).get(INDEX + page)

    assert response.status_code == status
    if location is not None:
        assert response["Location"] == location.format(page=page)


def test_buyer_sees_published_meetings_by_day(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX)

    html = response.content.decode()
    days = [day.label for day in response.context["days"]]
    assert days == ["Thursday, 18 September 2025", "Friday, 19 September 2025"]
    rows = [
        (r.time, r.meeting.counterpart.name) for day in response.context["days"] for r in day.rows
    ]
    # The international English of CLDR (en_GB), like Chinese, puts no spaces around the dash.
    assert rows == [
        ("07:00–07:20", "Exhibitor 1"),
        ("14:40–15:00", "Exhibitor 2"),
    ]
    assert "Exhibitor 3" not in html  # booked but not published
    assert "Lan Nguyen" in html and "Booth B-01" in html and "Table 4" in html
    assert response.context["feed_url"] in html
    assert (
        'href="/test-expo/agenda/print/"' in html and 'href="/test-expo/agenda/agenda.ics"' in html
    )


def test_another_buyer_sees_only_their_own_empty_agenda(scene):
    response = client_for(scene.other_buyer).get(INDEX)

    html = response.content.decode()
    assert response.context["days"] == []
    assert "Exhibitor 1" not in html
    assert "The organisers schedule the accepted meeting requests and then publish" in html


def test_exhibitor_sees_the_buyer(scene):
    response = client_for(scene.fair.exhibitors[1].user).get(INDEX)

    rows = [row.meeting for day in response.context["days"] for row in day.rows]
    assert [(m.pk, m.counterpart.name, m.table_number) for m in rows] == [
        (scene.meetings[1].pk, "Buyer One", 4)
    ]


def test_a_user_acting_for_both_sides_chooses_with_as(scene, expo):
    buyer = scene.fair.buyer
    exhibitor_org = scene.fair.exhibitors[0].participation.organisation
    Membership.objects.create(user=buyer.user, organisation=exhibitor_org)
    client = client_for(buyer.user)

    as_buyer, as_exhibitor = client.get(INDEX), client.get(INDEX + "?as=exhibitor")
    wrong = client.get(INDEX + "?as=delegate")

    assert (as_buyer.context["side"], as_exhibitor.context["side"]) == ("buyer", "exhibitor")
    assert [m.counterpart.name for m in as_exhibitor.context["agenda"].meetings] == ["Buyer One"]
    assert 'href="/test-expo/agenda/print/?as=exhibitor"' in as_exhibitor.content.decode()
    assert wrong.status_code == 200 and wrong.context["side"] == "buyer"
    assert (
        wrong.context["side_error"] == "“delegate” is not a side: use ?as=buyer or ?as=exhibitor."
    )


def test_asking_for_a_side_one_does_not_have_is_refused(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX + "?as=exhibitor")

    assert response.status_code == 403


def test_unknown_expo_is_404(scene):
    assert client_for(scene.fair.buyer.user).get("/no-such-expo/agenda/").status_code == 404


def test_print_page_has_an_inline_svg_qr_code_and_references(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX + "print/")

    html = response.content.decode()
    assert response.context["live_url"] == "http://testserver/test-expo/agenda/"
    assert html.count("<svg") == 1 and 'class="segno"' in html
    assert f"M-{scene.meetings[0].pk}" in html and f"M-{scene.meetings[1].pk}" in html
    assert "@media print" not in html  # the print rules live in the stylesheet
    assert "/static/css/agenda.css" in html
    assert (
        "Times and tables may change: the live agenda is at http://testserver/test-expo/agenda/"
        in html
    )


def test_chinese_page_writes_days_the_chinese_way(scene):
    response = client_for(scene.fair.buyer.user).get("/zh-hans" + INDEX)

    assert [day.label for day in response.context["days"]] == [
        "2025年9月18日星期四",
        "2025年9月19日星期五",
    ]


def parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def test_ics_download_has_one_event_per_published_meeting(scene):
    response = client_for(scene.fair.buyer.user).get(INDEX + "agenda.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="test-expo-buyer-agenda.ics"'
    cal = parse(response.content)
    assert (str(cal["VERSION"]), str(cal["METHOD"]), str(cal["PRODID"])) == (
        "2.0",
        "PUBLISH",
        "-//tradefair//agenda//EN",
    )
    assert str(cal["X-WR-CALNAME"]) == "Test Expo: meetings of Buyer One"
    events = cal.walk("VEVENT")
    first, second = scene.meetings
    assert [str(e["UID"]) for e in events] == [
        f"meeting-{first.pk}@testserver",
        f"meeting-{second.pk}@testserver",
    ]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (
            dt.datetime(2025, 9, 17, 23, 0, tzinfo=dt.UTC),
            dt.datetime(2025, 9, 17, 23, 20, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2025, 9, 19, 6, 40, tzinfo=dt.UTC),
            dt.datetime(2025, 9, 19, 7, 0, tzinfo=dt.UTC),
        ),
    ]
    assert "DTSTART:20250917T230000Z" in response.content.decode()
    assert [str(e["SUMMARY"]) for e in events] == [
        "Meeting with Exhibitor 1",
        "Meeting with Exhibitor 2",
    ]
    assert [str(e["LOCATION"]) for e in events] == ["Hall B, table 1", "Hall B, table 4"]
    assert str(events[0]["DESCRIPTION"]).splitlines() == [
        "Session: Morning talks",
        "Country: China",
        "Their booth: B-01",
        "Interpreter: Lan Nguyen",
        "Status: scheduled",
        f"Reference: M-{first.pk}",
    ]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CONFIRMED"]
    assert all("DTSTAMP" in e for e in events)


def test_moving_a_meeting_raises_its_sequence_and_keeps_its_uid(scene):
    client = client_for(scene.fair.buyer.user)
    meeting = scene.meetings[0]

    def event() -> icalendar.Event:
        events = parse(client.get(INDEX + "agenda.ics").content).walk("VEVENT")
        return next(e for e in events if str(e["UID"]) == f"meeting-{meeting.pk}@testserver")

    before = event()
    Meeting.objects.filter(pk=meeting.pk).update(
        updated_at=meeting.updated_at - dt.timedelta(minutes=5)
    )
    older = event()
    move_meeting(meeting=meeting, slot=scene.fair.early[2], by_user=scene.organiser)
    after = event()

    assert int(older["SEQUENCE"]) < int(after["SEQUENCE"])
    assert int(before["SEQUENCE"]) - int(older["SEQUENCE"]) == 300
    assert after.decoded("DTSTART") == dt.datetime(2025, 9, 17, 23, 40, tzinfo=dt.UTC)


def feed_url(user: User, participation: Participation) -> str:
    return reverse(
        "agenda:feed",
        kwargs={"slug": "test-expo", "token": feed_token(user=user, participation=participation)},
    )


def test_feed_answers_calendar_apps_without_a_session(scene):
    buyer = scene.fair.buyer
    url = feed_url(buyer.user, buyer.participation)

    response = Client().get(url)

    assert url.startswith("/test-expo/agenda/feed/") and url.endswith(".ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Disposition" not in response
    uids = [str(e["UID"]) for e in parse(response.content).walk("VEVENT")]
    assert uids == [f"meeting-{m.pk}@testserver" for m in scene.meetings]


def test_the_agenda_page_shows_the_feed_of_the_user_and_side(scene):
    buyer = scene.fair.buyer
    response = client_for(buyer.user).get(INDEX)

    assert response.context["feed_url"] == "http://testserver" + feed_url(
        buyer.user, buyer.participation
    )
    assert response.context["webcal_url"].startswith("webcal://testserver/test-expo/agenda/feed/")


def test_a_tampered_feed_token_is_404(scene):
    buyer = scene.fair.buyer
    token = feed_token(user=buyer.user, participation=buyer.participation)
    other = scene.fair.exhibitors[0].participation
    forged = signing.Signer(salt="another salt").sign_object([buyer.user.pk, other.pk])
    signature = token.split(":", 1)[1]
    swapped = signing.Signer(salt=SALT).sign_object([buyer.user.pk, other.pk]).split(":", 1)[0]

    assert feed_token(user=buyer.user, participation=buyer.participation) == token  # stable
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, forged, f"{swapped}:{signature}", "nonsense", "WzEsMl0"):
        url = reverse("agenda:feed", kwargs={"slug": "test-expo", "token": bad})
        assert Client().get(url).status_code == 404


def test_a_feed_of_another_organisation_or_edition_is_404(scene, expo):
    buyer = scene.fair.buyer
    # Signed correctly, but for a participation the user does not act for.
    theirs = feed_url(buyer.user, scene.fair.exhibitors[0].participation)
    wrong_expo = feed_url(buyer.user, buyer.participation).replace("/test-expo/", "/other/")

    assert Client().get(theirs).status_code == 404
    assert Client().get(wrong_expo).status_code == 404


def test_the_feed_stops_when_the_user_leaves_the_organisation(scene):
    buyer = scene.fair.buyer
    url = feed_url(buyer.user, buyer.participation)
    assert Client().get(url).status_code == 200

    Membership.objects.filter(user=buyer.user).delete()

    assert Client().get(url).status_code == 404


def test_the_feed_stops_when_the_user_is_deactivated(scene):
    buyer = scene.fair.buyer
    url = feed_url(buyer.user, buyer.participation)
    User.objects.filter(pk=buyer.user.pk).update(is_active=False)

    assert Client().get(url).status_code == 404


# Session and user, the user's buyer and exhibitor sides (one query), the expo, the meetings,
# the booths, the user's registrations and speaking roles, the registrations confirmed despite
# a clash; the pages add the header's portal links (roles and staff).
@pytest.mark.parametrize(("page", "expected"), [("", 11), ("print/", 11), ("agenda.ics", 9)])
def test_query_count_is_the_same_for_one_and_three_meetings(expo, page, expected):
    organiser = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    fair = build_fair(expo, organiser)
    buyer = fair.buyer.participation
    client = client_for(fair.buyer.user)
    counts = []
    for n in range(3):
        book(buyer, fair.exhibitors[n].participation, fair.early[n], interpreter=fair.interpreter)
        publish(expo, organiser)
        if n in (0, 2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(INDEX + page).status_code == 200
            counts.append(len(queries))

    assert counts == [expected, expected]
