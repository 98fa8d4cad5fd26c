"""The exhibitor answers buyers in a real browser: accept and decline (with the reason typed
into the inline form) without leaving the dashboard, then the declined tab shows the reason.

Drives Debian's Chromium and saves screenshots under test-results/. The ORM is only used
before the browser starts (a query beside Playwright's loop keeps a connection open that
stops PostgreSQL from dropping the test database); the stored state is tested in
``test_exhibitor_portal``.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Expo, HSCode
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Need, Organisation, Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"
Role = Participation.Role


def party(expo: Expo, name: str, country: str, role: str) -> Participation:
    org = Organisation.objects.create(name=name, country_id=country)
    return Participation.objects.create(expo=expo, organisation=org, role=role)


@dataclass
class Scene:
    saigon: MeetingRequest  # pending, to be accepted
    bangkok: MeetingRequest  # pending, to be declined
    jakarta: Participation  # a buyer without a request, to be invited


@pytest.fixture
def scene(transactional_db) -> Scene:
    expo = Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    me = party(expo, "Guangxi Robotics", "CN", Role.EXHIBITOR)
    user = User.objects.create_user("sales@guangxi-robotics.example", PASSWORD)
    Membership.objects.create(user=user, organisation=me.organisation)
    made = []
    for name, country, title, hs, message in [
        ("Saigon Fresh Foods", "VN", "Packing robots", "8479", "We pack dragon fruit."),
        ("Bangkok Durian Export", "TH", "Cold-chain conveyors", "8428", "Need 3 lines."),
    ]:
        buyer = party(expo, name, country, Role.BUYER)
        need = Need.objects.create(participation=buyer, title=title)
        need.hs_codes.set(HSCode.objects.filter(code=hs))
        need.markets.set(["CN"])
        made.append(
            MeetingRequest.objects.create(
                expo=expo, buyer=buyer, exhibitor=me, message=message, priority=3
            )
        )
    saigon, bangkok = made
    return Scene(saigon, bangkok, party(expo, "Jakarta Agro Trading", "ID", Role.BUYER))


@pytest.fixture
def page(live_server, scene, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.wait_for_load_state("networkidle")


def test_accept_and_decline_inline(live_server, page: Page, scene: Scene):
    saigon, bangkok = scene.saigon, scene.bangkok
    page.goto(f"{live_server.url}/caexpo-22/exhibitor/")
    page.fill("#id_username", "sales@guangxi-robotics.example")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Your meetings at the expo")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "exhibitor-dashboard.png"), full_page=True)
    page.evaluate("window.stillTheSamePage = true")

    card = page.locator(f"#request-{saigon.pk}")
    card.get_by_role("button", name="Accept").click()
    expect(page.locator(f"#request-{saigon.pk} .badge")).to_have_text("accepted")
    expect(page.locator("#exhibitor-figures dd").nth(1)).to_have_text("1")  # accepted

    page.locator(f"#request-{bangkok.pk}").get_by_role("link", name="Decline…").click()
    reason = page.locator(f"#request-{bangkok.pk} textarea")
    reason.fill("We do not make conveyors.")
    page.locator(f"#request-{bangkok.pk}").get_by_role("button", name="Decline the request").click()
    expect(page.locator(f"#request-{bangkok.pk} .badge")).to_have_text("declined")
    expect(page.locator(f"#request-{bangkok.pk} .decline-reason")).to_contain_text(
        "We do not make conveyors."
    )
    assert page.evaluate("window.stillTheSamePage") is True
    page.screenshot(path=str(RESULTS / "exhibitor-answered.png"), full_page=True)

    page.get_by_role("link", name="Requests", exact=True).click()
    page.get_by_role("link", name="Declined").click()
    expect(page.locator(".decline-reason")).to_contain_text("We do not make conveyors.")

    page.goto(f"{live_server.url}/caexpo-22/exhibitor/invite/{scene.jakarta.pk}/")
    page.fill("#id_message", "Our robots sort 60 boxes a minute.")
    page.select_option("#id_priority", "4")
    page.screenshot(path=str(RESULTS / "exhibitor-invite.png"), full_page=True)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".portal-messages")).to_contain_text(
        "Your invitation was sent to Jakarta Agro Trading"
    )
    expect(page.locator("#sent .card-title")).to_have_text(["Jakarta Agro Trading"])
    expect(page.locator("#sent .facts")).to_contain_text("4 / 5")
    page.screenshot(path=str(RESULTS / "exhibitor-requests.png"), full_page=True)
