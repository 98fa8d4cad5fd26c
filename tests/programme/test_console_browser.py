"""The programme console in a real browser, in English and Chinese at 1280 px: nothing spills
sideways, the timetable puts each activity under its room's heading, and the edit form shows
the edition's clock. Screenshots go to /tmp/console-shots/ for a person to look at.

Drives Debian's Chromium (never a downloaded one).
"""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page

from tests.matchmaking.conftest import make_party_in
from tests.pages.conftest import chromium  # noqa: F401
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.services.registration import register

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/console-shots")
NANNING = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, day: int = 18) -> dt.datetime:
    return dt.datetime(2025, 9, day, hour, minute, tzinfo=NANNING)


@pytest.fixture
def expo(transactional_db) -> Expo:
    return Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        city="Nanning",
        city_zh="南宁",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )


@pytest.fixture
def programme(expo: Expo) -> dict[str, Activity]:
    hall = Hall.objects.create(expo=expo, code="B", name="Hall B", name_zh="B馆", area_m2=9000)
    rooms = [
        Room.objects.create(
            expo=expo, name=name, name_zh=zh, capacity=capacity, hall=hall if n else None
        )
        for n, (name, zh, capacity) in enumerate(
            [
                ("Grand Hall", "大会堂", 1200),
                ("Forum Room 1", "论坛一号厅", 120),
                ("Forum Room 2", "论坛二号厅", 80),
                ("Launch Stage", "首发台", 60),
            ]
        )
    ]
    made = {
        "summit": Activity.objects.create(
            expo=expo,
            kind="main_event",
            title="China-ASEAN Business and Investment Summit: Opening Plenary",
            title_zh="中国—东盟商务与投资峰会开幕大会",
            start=at(9),
            end=at(11),
            room=rooms[0],
            status="published",
        ),
        "forum": Activity.objects.create(
            expo=expo,
            kind="forum",
            title="Forum on the Blue Economy",
            title_zh="蓝色经济论坛",
            start=at(10),
            end=at(12),
            room=rooms[1],
            capacity=1,
            status="published",
        ),
        "double": Activity.objects.create(
            expo=expo,
            kind="forum",
            title="Digital Trade Roundtable",
            title_zh="数字贸易圆桌会",
            start=at(11, 30),
            end=at(12, 30),
            room=rooms[1],
            status="draft",
        ),
        "launch": Activity.objects.create(
            expo=expo,
            kind="launch",
            title="New Energy Vehicles Product Launch",
            title_zh="新能源汽车新品首发",
            start=at(14),
            end=at(15, 15),
            room=rooms[3],
            status="published",
        ),
        "loose": Activity.objects.create(
            expo=expo,
            kind="signing",
            title="Signing Ceremony of Major Projects",
            title_zh="重大项目签约仪式",
            start=at(16),
            end=at(17),
            status="draft",
        ),
    }
    Speaker.objects.create(activity=made["forum"], name="Li Wei", name_zh="李伟", role="moderator")
    Speaker.objects.create(activity=made["double"], name="Li Wei", position="Director")
    for n in range(3):
        guest = make_party_in(expo, f"Guest {n}", Participation.Role.BUYER)
        register(activity=made["forum"], user=guest.user)
    return made


@pytest.fixture
def organiser(expo: Expo, programme) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


@pytest.fixture
def page(live_server, organiser, request: pytest.FixtureRequest) -> Iterator[Page]:
    client = Client()
    client.force_login(organiser)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser: Browser = request.getfixturevalue("chromium")  # after the log-in's writes
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    yield context.new_page()
    context.close()


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_console_pages_at_1280(live_server, page, expo, programme, language):
    SHOTS.mkdir(exist_ok=True)
    prefix = "" if language == "en" else "/zh-hans"
    base = f"{live_server.url}{prefix}/{expo.slug}/organiser/programme/"

    page.goto(base)
    _no_sideways_scroll(page)
    assert page.locator(".conflicts li").count() == 2  # room booked twice, Li Wei twice
    page.screenshot(path=SHOTS / f"list-{language}.png", full_page=True)

    page.goto(f"{base}timetable/?day=2025-09-18")
    _no_sideways_scroll(page)
    heads = {
        page.locator(".timetable .head").nth(n).inner_text().split("\n")[0]: page.locator(
            ".timetable .head"
        )
        .nth(n)
        .bounding_box()
        for n in range(1, 6)
    }
    forum_room = "Forum Room 1" if language == "en" else "论坛一号厅"
    column = heads[forum_room]
    assert column is not None
    for title in ("Forum on the Blue Economy", "蓝色经济论坛"):
        slot = page.locator(".timetable .slot", has_text=title)
        if slot.count():
            box = slot.bounding_box()
            assert box is not None
            assert (
                column["x"] <= box["x"]
                and box["x"] + box["width"] <= column["x"] + column["width"] + 1
            )
    page.screenshot(path=SHOTS / f"timetable-{language}.png", full_page=True)

    page.goto(f"{base}{programme['forum'].pk}/")
    page.screenshot(path=SHOTS / f"edit-{language}.png", full_page=True)
    _no_sideways_scroll(page)
    assert page.locator("input[name=start]").input_value() == "2025-09-18T10:00"

    page.goto(f"{base}{programme['double'].pk}/publish/")
    _no_sideways_scroll(page)
    assert page.locator(".conflicts li").count() == 2
    page.screenshot(path=SHOTS / f"publish-{language}.png", full_page=True)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(base)
    assert page.locator(".conflicts li").count() == 2  # published anyway, still listed
