"""A buyer in a real browser, in Chinese: opens the programme, opens a forum, is sent to log in
when registering, registers, and finds the forum on their agenda next to their meetings.

Labels are looked up through the catalogue, so once the strings are translated the test
proves the Chinese page reads them. Drives Debian's Chromium; the final agenda is saved
under test-results/.
"""

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.agenda_fair import AgendaFair, book, build_fair, publish
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.programme.models import Activity, Registration, Room

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"
SLUG = "caexpo-22"
NANNING = ZoneInfo("Asia/Shanghai")


def zh(text: str) -> str:
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.fixture
def fair(transactional_db) -> AgendaFair:
    expo = Expo.objects.create(
        slug=SLUG,
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        city="Nanning",
        city_zh="南宁",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    organiser = User.objects.create_user("staff@expo.example")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    fair = build_fair(expo, organiser)
    book(fair.buyer.participation, fair.exhibitors[0].participation, fair.early[0], table=3)
    publish(expo, organiser)
    fair.buyer.user.set_password(PASSWORD)
    fair.buyer.user.save()
    return fair


@pytest.fixture
def forum(fair: AgendaFair) -> Activity:
    room = Room.objects.create(
        expo=fair.expo, name="Forum Room 1", name_zh="论坛一号厅", capacity=80, hall=fair.hall
    )
    Activity.objects.create(
        expo=fair.expo,
        kind=Activity.Kind.OPENING,
        title="Opening Ceremony",
        title_zh="开幕式",
        start=dt.datetime(2025, 9, 18, 9, 0, tzinfo=NANNING),
        end=dt.datetime(2025, 9, 18, 9, 45, tzinfo=NANNING),
        audience=Activity.Audience.INVITATION,
        status=Activity.Status.PUBLISHED,
    )
    return Activity.objects.create(
        expo=fair.expo,
        kind=Activity.Kind.FORUM,
        title="Forum on the Blue Economy",
        title_zh="中国—东盟蓝色经济论坛",
        description_zh="港口、渔业和海上风电。",
        start=dt.datetime(2025, 9, 18, 10, 0, tzinfo=NANNING),
        end=dt.datetime(2025, 9, 18, 11, 30, tzinfo=NANNING),
        room=room,
        capacity=60,
        status=Activity.Status.PUBLISHED,
    )


@pytest.fixture
def page(live_server, fair: AgendaFair, forum: Activity, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.wait_for_load_state("networkidle")


def test_buyer_registers_for_a_forum_in_chinese_and_finds_it_on_the_agenda(
    live_server, page: Page, fair: AgendaFair, forum: Activity
) -> None:
    base = f"{live_server.url}/zh-hans/{SLUG}"
    page.goto(f"{base}/programme/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator(".clock-note")).to_have_text("所有时间均为南宁时间（UTC+8）。")
    expect(page.locator("#day-2025-09-18")).to_have_text("2025年9月18日星期四")
    row = page.locator(f"#activity-{forum.pk}")
    expect(row.locator(".activity-time")).to_have_text("10:00–11:30")
    expect(row.locator(".where")).to_contain_text("论坛一号厅")

    page.get_by_role("link", name="中国—东盟蓝色经济论坛").click()
    expect(page.locator("h1")).to_have_text("中国—东盟蓝色经济论坛")
    expect(page.locator(".registration-box")).to_contain_text("论坛一号厅")
    register = page.locator(f"form[action='/zh-hans/{SLUG}/programme/{forum.pk}/register/'] button")
    register.click()

    # Anonymous: to the log-in page, and back to the forum afterwards.
    expect(page).to_have_url(re.compile(r"/zh-hans/accounts/login/\?next="))
    page.fill("#id_username", fair.buyer.user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name=zh("Log in")).click()
    expect(page).to_have_url(f"{base}/programme/{forum.pk}/")
    assert Registration.objects.count() == 0

    register.click()
    expect(page.locator(".portal-messages")).to_contain_text(
        zh("You are registered for %(title)s.") % {"title": "中国—东盟蓝色经济论坛"}
    )
    expect(page.locator(".registration-state")).to_contain_text(
        zh("Your seat number is %(seat)s.") % {"seat": "1"}
    )
    registration = Registration.objects.get()
    assert (registration.user, registration.status, registration.seat) == (
        fair.buyer.user,
        Registration.Status.REGISTERED,
        1,
    )

    page.get_by_role("link", name=zh("My agenda")).click()
    expect(page).to_have_url(f"{base}/agenda/")
    main = page.locator("main")
    expect(main).to_contain_text("Exhibitor 1")  # the meeting, 07:00–07:20
    expect(main).to_contain_text("中国—东盟蓝色经济论坛")  # the forum beside it
    expect(main).to_contain_text("论坛一号厅")
    text = main.inner_text()
    assert text.index("Exhibitor 1") < text.index("中国—东盟蓝色经济论坛")  # by time of day
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "programme-agenda-zh.png"), full_page=True)
