"""The requests a run left out, in a real browser: a reason's link swaps in the filtered list
(htmx, with the address updated), and the chart and table fit the card at 1280 px.

Drives Debian's Chromium and saves a screenshot under test-results/.
"""

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import ScheduleRun
from tradefair.matchmaking.services.left_out import store_left_out
from tradefair.organisations.models import Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def run(transactional_db) -> ScheduleRun:
    expo = Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        city="Nanning",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    session = make_session(expo, user, tables=2, slots=2)
    buyer = make_party_in(expo, "Buyer 0", Participation.Role.BUYER).participation
    maker = make_party_in(expo, "Maker 0", Participation.Role.EXHIBITOR).participation
    pair = {"buyer": "Buyer 0", "exhibitor": "Maker 0", "buyer_id": buyer.pk}
    pair |= {"exhibitor_id": maker.pk, "reason": ""}
    cap = {"side": "exhibitor", "participant": maker.pk, "max": 12}
    rows = [{"request": n, **pair, "code": "cap_reached", "params": cap} for n in range(1, 8)] + [
        {"request": n, **pair, "code": "tables_full", "params": {"sessions": [session.pk]}}
        for n in range(8, 10)
    ]
    run = ScheduleRun.objects.create(
        expo=expo,
        started_by=user,
        status=ScheduleRun.Status.DONE,
        stats={"count": 4, "upper_bound": 4, "priority": 4, "buyers_without_meeting": 0},
    )
    store_left_out(run, rows)
    return run


@pytest.fixture
def page(live_server, run, request: pytest.FixtureRequest) -> Iterator[Page]:
    client = Client()
    client.force_login(run.started_by)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    chromium: Browser = request.getfixturevalue("chromium")  # after the fixtures' writes
    context = chromium.new_context(viewport={"width": 1280, "height": 1000})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    tab = context.new_page()
    yield tab
    tab.wait_for_load_state("networkidle")


def test_a_reason_filters_the_list_in_place(live_server, page, run):
    page.goto(f"{live_server.url}/caexpo-22/organiser/schedule/?run={run.pk}")
    left_out = page.locator("#left-out")
    expect(left_out.locator("tbody tr")).to_have_count(2 + 9)  # reasons, then requests
    page.get_by_role("link", name="Tables full").last.click()
    expect(left_out.get_by_text("Showing 2 left out for “Tables full”.")).to_be_visible()
    assert page.url.endswith(f"?run={run.pk}&reason=tables_full#left-out")
    rows = left_out.locator("table").nth(1).locator("tbody tr")
    expect(rows).to_have_count(2)
    card = left_out.bounding_box()
    chart = left_out.locator("svg").bounding_box()
    assert card and chart and chart["x"] + chart["width"] <= card["x"] + card["width"]
    RESULTS.mkdir(exist_ok=True)
    left_out.screenshot(path=str(RESULTS / "left-out-filtered.png"))


def test_the_filtered_list_is_exported_through_its_own_page(live_server, page, run):
    """The worker runs inline in the tests; the page then offers the file at once."""
    page.goto(f"{live_server.url}/zh-hans/caexpo-22/organiser/schedule/?run={run.pk}")
    page.get_by_role("link", name="洽谈桌已满").last.click()
    # htmx swaps the filtered list in: its export form then carries the reason
    expect(page.locator("#left-out input[name=reason]").first).to_have_value("tables_full")
    page.locator("#left-out").get_by_role("button", name="导出 XLSX").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/caexpo-22/organiser/schedule/left-out-exports/*/")
    link = page.get_by_role("link", name="下载 XLSX")
    expect(link).to_be_visible()
    expect(page.get_by_text(f"left-out-run-{run.pk}-tables_full.xlsx · 2 行")).to_be_visible()
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "left-out-export-zh.png"), full_page=True)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"left-out-run-{run.pk}-tables_full.xlsx"
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [8, 9]
