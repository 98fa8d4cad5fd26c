"""The organiser console in a real browser: the run's progress panel polls until the run ends,
then the page shows the result; the must-meet search fills its candidates as one types.

Drives Debian's Chromium (never a downloaded one) and saves screenshots under test-results/.
"""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from tests.matchmaking.conftest import make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import MeetingRequest, ScheduleRun
from tradefair.matchmaking.services.left_out import store_left_out
from tradefair.organisations.models import Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def expo(transactional_db) -> Expo:
    return Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        city="Nanning",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    make_session(expo, user, tables=2, slots=2)
    countries = ["VN", "TH", "MY", "VN"]
    makers = [
        make_party_in(expo, f"Maker {i}", Participation.Role.EXHIBITOR).participation
        for i in range(2)
    ]
    for i, country in enumerate(countries):
        buyer = make_party_in(expo, f"Buyer {i}", Participation.Role.BUYER).participation
        buyer.organisation.country_id = country
        buyer.organisation.save()
        MeetingRequest.objects.create(
            expo=expo,
            buyer=buyer,
            exhibitor=makers[i % 2],
            status=MeetingRequest.Status.DECLINED if i == 2 else MeetingRequest.Status.ACCEPTED,
        )
    return user


@pytest.fixture
def page(live_server, organiser, request: pytest.FixtureRequest) -> Iterator[Page]:
    client = Client()
    client.force_login(organiser)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    chromium: Browser = request.getfixturevalue("chromium")  # after the log-in's writes
    context = chromium.new_context(viewport={"width": 1280, "height": 1000})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    tab = context.new_page()
    yield tab
    tab.wait_for_load_state("networkidle")


def test_progress_polls_until_the_run_ends(live_server, page, expo):
    run = ScheduleRun.objects.create(
        expo=expo, status=ScheduleRun.Status.RUNNING, phase="assign", progress=0.4
    )
    page.goto(f"{live_server.url}/caexpo-22/organiser/schedule/")
    expect(page.locator("#run-progress")).to_contain_text("running")
    expect(page.locator("#run-progress .run-phase")).to_have_text(
        "Placing meetings at slots and tables…"
    )
    ScheduleRun.objects.filter(pk=run.pk).update(phase="gaps", progress=0.8)
    expect(page.locator("#run-progress .run-phase")).to_have_text(
        "Closing idle gaps in people's days…", timeout=5000
    )
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=ScheduleRun.Status.DONE,
        phase="done",
        progress=1.0,
        stats={"count": 3, "upper_bound": 3, "priority": 3, "buyers_without_meeting": 0},
    )
    store_left_out(
        run, [{"request": 9, "buyer": "Buyer 9", "exhibitor": "Maker 9", "reason": "no slot"}]
    )
    # The poll sees the end and htmx reloads the whole page, which now shows the result.
    expect(page.locator("#run-progress")).to_have_count(0, timeout=5000)
    expect(page.get_by_text("Meetings placed", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="no slot")).to_be_visible()
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "organiser-schedule.png"), full_page=True)


def test_must_meet_search_and_pair(live_server, page, expo):
    page.goto(f"{live_server.url}/caexpo-22/organiser/must-meet/")
    page.get_by_label("Find a buyer by name or id").fill("Buyer 1")
    page.get_by_label("Find an exhibitor by name or id").fill("Maker 0")
    page.get_by_role("radio", name="Buyer 1").check()
    page.get_by_role("radio", name="Maker 0").check()
    page.get_by_role("button", name="Add the must-meet pair").click()
    expect(page.get_by_text("Buyer 1 must meet Maker 0")).to_be_visible()
    assert MeetingRequest.objects.filter(must_meet=True).count() == 1


def test_overview_charts(live_server, page, expo):
    page.goto(f"{live_server.url}/caexpo-22/organiser/")
    chart = page.locator("#country-chart")
    expect(chart).to_have_attribute("aria-label", "By country")
    # Drawn on the server by vl-convert: the countries are the axis labels of the SVG.
    labels = chart.locator(".role-axis-label text").all_text_contents()
    assert labels == ["Vietnam", "Malaysia", "Thailand"]
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "organiser-home.png"), full_page=True)
