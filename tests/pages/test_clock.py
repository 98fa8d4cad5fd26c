"""One clock: times in the edition's time zone said once per page, CLDR dates, grouped numbers.

A meeting at 09:40 Nanning time is stored as 01:40 UTC; its request was sent at 16:05 UTC on
16 September, which is already 00:05 on the 17th in Nanning. The exhibitor's name ends in a
dot, so a sentence that ends with it must not end in "..".
"""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.matchmaking.conftest import Party, make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos import formatting
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services.requests import cancel_request
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Organisation, Participation

NOTE_EN = "All times are Nanning time (UTC+8)."
NOTE_ZH = "所有时间均为南宁时间（UTC+8）。"
SENT_AT = dt.datetime(2025, 9, 16, 16, 5, tzinfo=dt.UTC)
NAME = "Guangxi Beibu Gulf Seafood Co., Ltd."


@dataclass
class Scene:
    expo: Expo
    organiser: User
    buyer: Party
    exhibitor: Party
    meeting: Meeting


@pytest.fixture
def scene(expo: Expo) -> Scene:
    organiser = User.objects.create_user("staff@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    buyer = make_party_in(expo, "Buyer One", Participation.Role.BUYER)
    exhibitor = make_party_in(expo, NAME, Participation.Role.EXHIBITOR)
    session = create_session(
        expo=expo,
        name="Procurement",
        date=dt.date(2025, 9, 17),
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 0),
        slot_minutes=20,
        tables=2,
        by_user=organiser,
    )
    slot = session.slots.order_by("start").last()
    assert slot is not None and slot.start == dt.datetime(2025, 9, 17, 1, 40, tzinfo=dt.UTC)
    request = MeetingRequest.objects.create(
        expo=expo,
        buyer=buyer.participation,
        exhibitor=exhibitor.participation,
        priority=3,
        status=MeetingRequest.Status.ACCEPTED,
    )
    MeetingRequest.objects.filter(pk=request.pk).update(created_at=SENT_AT)
    meeting = Meeting.objects.create(
        request=request,
        expo=expo,
        slot=slot,
        table_number=1,
        buyer=buyer.participation,
        exhibitor=exhibitor.participation,
        published=True,
    )
    return Scene(expo, organiser, buyer, exhibitor, meeting)


def page(scene: Scene, name: str, who: User, language: str, query: str = "") -> str:
    with translation.override(language):
        url = reverse(name, kwargs={"slug": scene.expo.slug}) + query
    client = Client()
    client.force_login(who)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# (page, who, query, what it shows in English, in Chinese)
PAGES = [
    (
        "agenda:index",
        "buyer",
        "",
        ["Wednesday, 17 September 2025", "09:40–10:00"],
        ["2025年9月17日星期三", "09:40–10:00"],
    ),
    (
        "agenda:print",
        "exhibitor",
        "",
        ["Wednesday, 17 September 2025", "09:40–10:00"],
        ["2025年9月17日星期三", "09:40–10:00"],
    ),
    (
        "organiser:meetings",
        "organiser",
        "",
        ["17 Sept 2025, 09:40–10:00"],
        ["2025年9月17日 09:40–10:00"],
    ),
    (
        "buyer:requests",
        "buyer",
        "?tab=accepted",
        ["Meeting on 17 Sept 2025, 09:40 at table 1.", "17 Sept 2025, 00:05"],
        ["洽谈时间：2025年9月17日 09:40，第 1 桌。", "2025年9月17日 00:05"],
    ),
    (
        "exhibitor:requests",
        "exhibitor",
        "?status=accepted",
        ["17 Sept 2025, 00:05"],
        ["2025年9月17日 00:05"],
    ),
]


def person(scene: Scene, who: str) -> User:
    return scene.organiser if who == "organiser" else getattr(scene, who).user


@pytest.mark.parametrize(("name", "who", "query", "english", "chinese"), PAGES)
def test_times_are_nanning_time_said_once_per_page(scene, name, who, query, english, chinese):
    html = page(scene, name, person(scene, who), "en", query)
    assert [text for text in english if text not in html] == []
    assert html.count(NOTE_EN) == 1
    assert "01:40" not in html and "Sep 17" not in html and "9/17" not in html

    html = page(scene, name, person(scene, who), "zh-hans", query)
    assert [text for text in chinese if text not in html] == []
    assert html.count(NOTE_ZH) == 1
    assert "01:40" not in html


def test_the_slot_a_service_names_is_in_the_expo_time_zone(scene):
    from tradefair.matchmaking.services.times import slot_start

    assert slot_start(scene.meeting.slot) == "17 Sept 2025, 09:40"
    with translation.override("zh-hans"):
        assert slot_start(scene.meeting.slot) == "2025年9月17日 09:40"


def test_a_page_without_times_has_no_clock_note(scene):
    html = page(scene, "buyer:home", scene.buyer.user, "en")
    assert NOTE_EN not in html


def test_the_console_overview_groups_and_dates_the_latest_run(scene, monkeypatch):
    from tradefair.expos import recent
    from tradefair.matchmaking.models import ScheduleRun

    counted = dt.datetime(2025, 9, 17, 1, 20, tzinfo=dt.UTC)
    monkeypatch.setattr(recent.timezone, "now", lambda: counted)

    run = ScheduleRun.objects.create(
        expo=scene.expo, status="done", stats={"count": 1250, "upper_bound": 12000}
    )
    ScheduleRun.objects.filter(pk=run.pk).update(created_at=SENT_AT)
    html = page(scene, "organiser:home", scene.organiser, "en")
    assert "started 17 Sept 2025, 00:05." in html
    assert "1,250 meetings placed of at most 12,000." in html
    assert "Counted at 09:20; the charts are counted again at most once a minute." in html
    assert html.count(NOTE_EN) == 1
    html = page(scene, "organiser:home", scene.organiser, "zh-hans")
    assert "2025年9月17日 00:05" in html and "12,000" in html
    assert "图表统计于 09:20" in html
    assert html.count(NOTE_ZH) == 1


def test_sessions_show_days_without_us_month_day_order(scene):
    html = page(scene, "organiser:sessions", scene.organiser, "en")
    assert "<td>17 Sept 2025</td>" in html and "09/17/2025" not in html
    assert html.count(NOTE_EN) == 1
    html = page(scene, "organiser:sessions", scene.organiser, "zh-hans")
    assert "<td>2025年9月17日</td>" in html
    assert html.count(NOTE_ZH) == 1


@pytest.fixture
def crowd(expo: Expo) -> None:
    """3,200 exhibitors, as at the 22nd China-ASEAN Expo (rows written in bulk)."""
    china = Country.objects.get(code="CN")
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Exporter {i:04d}", country=china) for i in range(3200)
    )
    Participation.objects.bulk_create(
        Participation(expo=expo, organisation=o, role=Participation.Role.EXHIBITOR)
        for o in organisations
    )


@pytest.mark.parametrize(
    ("prefix", "figure", "count"),
    [("", "<dd>3,200</dd>", "3,200 exhibitors"), ("/zh-hans", "<dd>3,200</dd>", "3,200 家展商")],
)
def test_counts_are_grouped_in_both_languages(client, expo, crowd, prefix, figure, count):
    home = client.get(f"{prefix}/test-expo/").content.decode()
    assert figure in home
    directory = client.get(f"{prefix}/test-expo/exhibitors/").content.decode()
    assert count in directory and "3200" not in directory


def test_a_name_ending_in_a_dot_ends_a_sentence_with_one_full_stop(scene):
    client = Client()
    client.force_login(scene.buyer.user)
    MeetingRequest.objects.update(status=MeetingRequest.Status.PENDING, from_exhibitor=True)
    Meeting.objects.all().delete()
    request = MeetingRequest.objects.get()
    response = client.post(
        reverse("buyer:accept", kwargs={"slug": "test-expo", "pk": request.pk}), follow=True
    )
    html = response.content.decode()
    assert f"You accepted to meet {NAME}</p>" in html
    assert "Ltd.." not in html


def test_e_mails_say_the_clock_once_and_never_ltd_dot_dot(
    scene, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cancel_request(request=scene.meeting.request, by_user=scene.organiser)
    to_buyer = next(m for m in mailoutbox if m.to == ["buyer-one@example.com"])
    assert to_buyer.body.startswith(
        "The organisers of Test Expo cancelled the meeting request between you and "
        f"{NAME}\n\n"
        "The meeting on 17 Sept 2025, 09:40 at table 1 will not take place.\n"
        f"{NOTE_EN}\n"
    )
    assert all("Ltd.." not in m.body and m.body.count("UTC+8") == 1 for m in mailoutbox)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"You accepted to meet {NAME}.", f"You accepted to meet {NAME}"),
        ("Wait...", "Wait..."),
        ("Ltd.. Then Co.", "Ltd. Then Co."),
        ("已接受。", "已接受。"),
    ],
)
def test_one_full_stop(text, expected):
    assert formatting.one_full_stop(text) == expected


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("Asia/Shanghai", "UTC+8"),
        ("Asia/Kolkata", "UTC+5:30"),
        ("UTC", "UTC"),
        ("America/New_York", "UTC-4"),
    ],
)
def test_utc_offset_on_the_first_day(zone, offset):
    assert formatting.utc_offset(zone, dt.date(2025, 9, 17)) == offset


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ("3,200", "1,234.5", "17 Sept 2025, 09:40", "17\u2009–\u200921 Sept 2025", "12%")),
        (
            "zh-hans",
            ("3,200", "1,234.5", "2025年9月17日 09:40", "2025年9月17日\u2009–\u200921日", "12%"),
        ),
    ],
)
def test_formatters_in_each_language(language, expected):
    stored = dt.datetime(2025, 9, 17, 1, 40, tzinfo=dt.UTC)
    with translation.override(language):
        assert (
            formatting.number(3200),
            formatting.number(1234.5),
            formatting.moment(stored, "Asia/Shanghai"),
            formatting.day_span(dt.date(2025, 9, 17), dt.date(2025, 9, 21)),
            formatting.percent(0.123),
        ) == expected


def test_remembered_spans_and_counts_follow_the_zone_and_the_reader():
    """One instant shown in two zones, and one count read in two languages, never share an
    answer although the formatters remember what they worked out."""
    start = dt.datetime(2025, 9, 17, 1, 40, tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=20)
    with translation.override("en"):
        assert formatting.time_span(start, end, "Asia/Shanghai") == "09:40–10:00"
        assert formatting.time_span(start, end, "Asia/Jakarta") == "08:40–09:00"
        assert formatting.time_span(start, end, "Asia/Shanghai") == "09:40–10:00"
        assert (formatting.number(1200), formatting.number(1200.0)) == ("1,200", "1,200")
    with translation.override("th"):
        assert formatting.time_span(start, end, "Asia/Bangkok") == "08:40 น. – 09:00 น."
    with translation.override("de"):
        assert formatting.number(1200) == "1.200"
