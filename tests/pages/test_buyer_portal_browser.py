"""A buyer in a real browser: live search without reloads, a request sent from the results,
then cancelled from the requests page, and availability narrowed on the settings page.

Drives Debian's Chromium and saves screenshots under test-results/.
"""

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import Party, make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Availability, MeetingRequest, Slot
from tradefair.organisations.models import Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def expo(transactional_db) -> Expo:
    return Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )


@pytest.fixture
def buyer(expo: Expo, add_exhibitor) -> Party:
    for name, country, pavilion, booth, title, hs in [
        ("Guangxi Beibu Gulf Seafood Co., Ltd.", "CN", "blue", "A-201", "Frozen shrimp", "0306"),
        ("Bangkok Durian Export Co., Ltd.", "TH", "food", "D-101", "Fresh durian", "0810"),
        ("PT Java Coffee Trading", "ID", "food", "D-103", "Green arabica beans", "0901"),
    ]:
        add_exhibitor(name, country=country, pavilion=pavilion, booth=booth, title=title, hs=(hs,))
    party = make_party_in(expo, "Saigon Fresh Foods", Participation.Role.BUYER)
    party.user.set_password(PASSWORD)
    party.user.save()
    staff = User.objects.create_user("staff@expo.example")
    ExpoStaff.objects.create(user=staff, expo=expo)
    make_session(expo, staff, slots=4)
    return party


@pytest.fixture
def page(live_server, buyer: Party, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.wait_for_load_state("networkidle")


def test_search_request_cancel_and_settings(live_server, page: Page, buyer: Party) -> None:
    page.goto(f"{live_server.url}/caexpo-22/buyer/search/")
    page.fill("#id_username", buyer.user.email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    count = page.locator("#result-count")
    expect(count).to_contain_text("3 exhibitors")

    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").press_sequentially("durian")
    expect(count).to_contain_text("1 exhibitor")
    expect(page).to_have_url(re.compile(r"/caexpo-22/buyer/search/\?q=durian"))
    assert page.evaluate("window.stillTheSamePage") is True
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "buyer-search.png"), full_page=True)

    page.get_by_role("link", name="Request a meeting").click()
    expect(page.locator("h1")).to_have_text(
        "Request a meeting with Bangkok Durian Export Co., Ltd."
    )
    page.fill("#id_message", "We import 20 t of durian a week.")
    page.select_option("#id_priority", "5")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".portal-messages")).to_contain_text(
        "Your request was sent to Bangkok Durian Export Co., Ltd."
    )
    request = MeetingRequest.objects.get()
    assert (request.priority, request.message) == (5, "We import 20 t of durian a week.")
    page.screenshot(path=str(RESULTS / "buyer-requests.png"), full_page=True)

    page.locator(f"#request-{request.pk}").get_by_role("button", name="Cancel the request").click()
    expect(page.locator(".portal-messages")).to_contain_text("is cancelled")
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.CANCELLED

    page.get_by_role("link", name="Meeting settings").click()
    expect(page.locator(".notice").first).to_contain_text("You are available in every slot")
    page.get_by_label("Vietnamese (vi)").check()
    slots = list(Slot.objects.order_by("start"))
    page.locator(f'input[name="slots"][value="{slots[0].pk}"]').uncheck()
    page.get_by_role("button", name="Save the settings").click()
    expect(page.locator(".portal-messages")).to_contain_text("Your meeting settings are saved.")
    page.screenshot(path=str(RESULTS / "buyer-settings.png"), full_page=True)
    available = Availability.objects.filter(participation=buyer.participation)
    assert sorted(available.values_list("slot_id", flat=True)) == [s.pk for s in slots[1:]]
