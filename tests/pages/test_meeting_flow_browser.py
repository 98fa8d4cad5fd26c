"""The whole B2B flow in a real browser, in English and in Chinese: a buyer requests a meeting,
the exhibitor accepts, the organiser runs the scheduler and publishes, and the buyer's agenda
shows the table number.

Three browser contexts (three people, three sets of cookies) log in through the log-in page.
Labels are looked up through the catalogue, so the Chinese run also proves they are translated.
Drives Debian's Chromium and saves each language's final agenda under test-results/.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Page, expect

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting, MeetingRequest
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Organisation, Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"
SLUG = "caexpo-22"


def person(email: str, org: Organisation | None = None) -> User:
    user = User.objects.create_user(email, PASSWORD)
    if org is not None:
        Membership.objects.create(user=user, organisation=org)
    return user


@pytest.fixture
def fair(transactional_db) -> Participation:
    """An edition with one negotiation session; returns the exhibitor to be requested."""
    expo = Expo.objects.create(
        slug=SLUG,
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    buyer_org = Organisation.objects.create(
        name="Saigon Fresh Foods", name_zh="西贡鲜食公司", country_id="VN"
    )
    seller_org = Organisation.objects.create(
        name="Guangxi Robotics", name_zh="广西机器人公司", country_id="CN"
    )
    Participation.objects.create(expo=expo, organisation=buyer_org, role="buyer")
    exhibitor = Participation.objects.create(expo=expo, organisation=seller_org, role="exhibitor")
    person("buyer@saigon.example", buyer_org)
    person("sales@guangxi-robotics.example", seller_org)
    organiser = person("staff@caexpo.example")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    create_session(
        expo=expo,
        name="Procurement negotiation",
        name_zh="采购洽谈",
        date=dt.date(2025, 9, 18),
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 0),
        slot_minutes=20,
        tables=3,
        by_user=organiser,
    )
    return exhibitor


def log_in(browser: Browser, base: str, email: str, text: dict[str, str]) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=text["Log in"], exact=True).click()
    expect(page.get_by_role("link", name=email)).to_be_visible()
    return page


LABELS = [
    "Log in",
    "Send the request",
    "pending",
    "Accept",
    "accepted",
    "Start a run",
    "Publish this schedule",
]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_request_accept_schedule_publish_and_see_the_table(
    live_server, fair: Participation, chromium: Browser, language: str
) -> None:
    browser = chromium
    with translation.override(language):
        text = {label: gettext(label) for label in LABELS}
        table_label = gettext("Table %(table)s") % {"table": 1}
    if language != "en":
        assert text["Send the request"] != "Send the request"  # the catalogue has it
    prefix = "" if language == "en" else f"/{language}"
    base = f"{live_server.url}{prefix}"

    buyer = log_in(browser, base, "buyer@saigon.example", text)
    buyer.goto(f"{base}/{SLUG}/buyer/request/{fair.pk}/")
    buyer.fill("textarea[name=message]", "We pack dragon fruit and need two robot lines.")
    buyer.select_option("select[name=priority]", "4")
    buyer.get_by_role("button", name=text["Send the request"]).click()
    expect(buyer.get_by_text(text["pending"]).first).to_be_visible()
    request = MeetingRequest.objects.get()
    assert (request.status, request.priority) == ("pending", 4)

    exhibitor = log_in(browser, base, "sales@guangxi-robotics.example", text)
    exhibitor.goto(f"{base}/{SLUG}/exhibitor/")
    card = exhibitor.locator(f"#request-{request.pk}")
    expect(card).to_contain_text("dragon fruit")
    card.get_by_role("button", name=text["Accept"], exact=True).click()
    expect(card.locator(".badge")).to_have_text(text["accepted"])

    organiser = log_in(browser, base, "staff@caexpo.example", text)
    organiser.goto(f"{base}/{SLUG}/organiser/schedule/")
    organiser.get_by_role("button", name=text["Start a run"]).click()
    publish = organiser.get_by_role("button", name=text["Publish this schedule"])
    expect(publish).to_be_visible(timeout=30_000)
    publish.click()
    expect(organiser.get_by_role("button", name=text["Publish this schedule"])).to_have_count(0)
    assert list(Meeting.objects.values_list("published", "table_number")) == [(True, 1)]

    buyer.goto(f"{base}/{SLUG}/agenda/")
    row = buyer.locator(".agenda-table tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator(".table-number")).to_have_text(table_label)
    expect(row).to_contain_text("广西机器人公司" if language != "en" else "Guangxi Robotics")
    expect(row).to_contain_text(re.compile(r"09:\d\d"))
    RESULTS.mkdir(exist_ok=True)
    buyer.screenshot(path=str(RESULTS / f"agenda-{language}.png"), full_page=True)
