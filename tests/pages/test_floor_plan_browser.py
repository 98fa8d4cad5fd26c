"""'Find on map' in a real browser: from the directory to the hall's plan with the booth
highlighted and brought into view inside the map, then the same in Chinese, then zoom.

Drives Debian's Chromium (never a downloaded one) and saves a screenshot under test-results/.
"""

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.booths.services.publishing import publish_run
from tradefair.booths.services.runs import allocate_now
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, Hall, Pavilion
from tradefair.floorplan.services.grid import GridSpec, generate_grid
from tradefair.organisations.models import Participation
from tradefair.organisations.services.search import refresh_search_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOT = Path(__file__).resolve().parents[2] / "test-results" / "floor-plan.png"


@pytest.fixture
def placed(expo: Expo) -> Booth:
    """A long hall of 24 blocks (about 300 m) with 64 exhibitors; returns the booth of the one
    placed furthest along, which a fresh map does not show without scrolling."""
    hall = Hall.objects.create(
        expo=expo, code="A1", name="Hall A1", name_zh="A1号馆", area_m2=30_000
    )
    pavilion = Pavilion.objects.create(
        expo=expo, hall=hall, code="ai", name="AI Pavilion", name_zh="人工智能馆", kind="themed",
        area_m2=20_000,
    )  # fmt: skip
    generate_grid(hall, GridSpec(rows=2, columns=24, block_columns=4), pavilion=pavilion)
    for k in range(64):
        party = make_party_in(expo, f"Maker {k:02d} Robotics", Participation.Role.EXHIBITOR)
        Participation.objects.filter(pk=party.participation.pk).update(
            pavilion=pavilion, booth_area_m2=Decimal(18)
        )
    refresh_search_text(expo.participations.values_list("pk", flat=True))
    organiser = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    return Booth.objects.order_by("-x_m", "-y_m").select_related("assignment").first()


@pytest.fixture
def page(live_server, placed, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.wait_for_load_state("networkidle")


def visible_in_frame(page: Page, number: str) -> bool:
    return page.evaluate(
        """(number) => {
            const booth = document.getElementById("booth-" + number).getBoundingClientRect();
            const frame = document.querySelector(".map-frame").getBoundingClientRect();
            return booth.left >= frame.left && booth.right <= frame.right
                && booth.top >= frame.top && booth.bottom <= frame.bottom;
        }""",
        number,
    )


def test_find_on_map_from_the_directory(live_server, page, placed):
    name = placed.assignment.participation.organisation.name
    page.goto(f"{live_server.url}/test-expo/exhibitors/")
    page.locator("#id_q").fill(name)
    page.locator("#id_q").press("Enter")
    expect(page.locator(".card-title")).to_have_text([name])
    page.get_by_role("link", name=f"Find booth {placed.number} on the map").click()
    expect(page).to_have_url(f"{live_server.url}/test-expo/map/A1/?booth={placed.number}")
    page.wait_for_load_state("load")  # the map's script centres the booth once styled
    booth = page.locator(f"#booth-{placed.number}")
    expect(booth).to_have_class("booth highlighted")
    expect(page.locator(".map-found")).to_contain_text(f"1 booth highlighted · {placed.number}")
    assert visible_in_frame(page, placed.number)  # scrolled into view inside the map only
    assert page.evaluate("window.scrollY") == 0
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    before = booth.bounding_box()
    page.get_by_role("button", name="Zoom in").click()
    after = booth.bounding_box()
    assert before and after and after["width"] > before["width"] * 1.4

    page.locator("#language-switcher summary").click()
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("A1号馆")
    expect(page.locator(f"#booth-{placed.number}")).to_have_class("booth highlighted")
    expect(page.locator(".map-legend")).to_contain_text("人工智能馆")
    assert visible_in_frame(page, placed.number)


def test_a_search_on_the_map_and_the_list_view(live_server, page, placed):
    page.goto(f"{live_server.url}/test-expo/map/A1/")
    page.get_by_label("Find a booth or an exhibitor in this hall").fill("Maker 1")
    page.get_by_role("button", name="Highlight").click()
    expect(page.locator(".map-found")).to_contain_text("10 booths highlighted")  # 10 to 19
    expect(page.locator(".booth.highlighted")).to_have_count(10)
    expect(page.locator(".booth-list tr.highlighted")).to_have_count(10)
