"""The bulletin in a real browser: an organiser publishes the live figures from the console,
then anyone reads the bulletin in English and in Chinese, charts drawn as SVG on the server,
each with its table, and downloads the PDF. Screenshots go under test-results/."""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Page, expect

from tests.deals.conftest import make_parties
from tradefair.accounts.models import ExpoStaff, User
from tradefair.deals.models import Deal
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal
from tradefair.expos.models import Expo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"


def zh(text: str) -> str:
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.fixture
def organiser(transactional_db, expo: Expo) -> User:
    parties = make_parties(expo)
    for n, (kind, value, currency) in enumerate(
        [
            (Deal.Kind.INVESTMENT, "6200000000", "CNY"),
            (Deal.Kind.INVESTMENT, "380000000", "USD"),
            (Deal.Kind.TRADE, "2500000", "USD"),
        ],
        start=1,
    ):
        fields = {
            "kind": kind,
            "title": f"Deal {n}",
            "counterpart_country_id": "MY" if n < 3 else "VN",
            "value": Decimal(value),
            "currency": currency,
            "stage": Deal.Stage.SIGNED,
            "signed_on": dt.date(2025, 9, 17),
        }
        sides = (PartyLine(parties.fund.pk, "investor"), PartyLine(parties.port.pk, "seller"))
        write_deal(expo, DealValues(f"D-{n}", fields, sides), None)
    user = User.objects.create_user("staff@expo.example", password=PASSWORD)
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


@pytest.fixture
def page(live_server, organiser: User, chromium: Browser) -> Iterator[Page]:
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def test_publish_then_read_the_bulletin_in_english_and_chinese(
    live_server, page: Page, expo: Expo
) -> None:
    RESULTS.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/accounts/login/?next=/{expo.slug}/organiser/bulletin/")
    page.fill("#id_username", "staff@expo.example")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Bulletin")
    expect(page.locator(".figures").first).to_contain_text("3")
    page.get_by_role("button", name="Publish these figures").click()
    expect(page.get_by_role("status")).to_contain_text("Bulletin no. 1 is published")

    page.goto(f"{live_server.url}/{expo.slug}/bulletin/")
    expect(page.locator("h1")).to_have_text("Statistical bulletin")
    expect(page.locator(".bulletin-chart svg")).to_have_count(6)
    kinds = page.locator("#chart-kinds").locator("..")
    expect(kinds).to_contain_text("Investment project")
    kinds.get_by_text("The figures as a table").click()
    expect(kinds.locator("table")).to_contain_text("CN¥8.9bn")  # 6.2 bn + US$380m
    page.screenshot(path=str(RESULTS / "bulletin-en.png"), full_page=True)

    page.locator("#language-switcher summary").click()
    page.get_by_role("link", name="简体中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_have_text(zh("Statistical bulletin"))
    expect(page.locator("#chart-kinds")).to_have_text(zh("Deals by kind"))
    expect(page.locator(".bulletin-chart svg").first).to_contain_text("投资项目")
    expect(page.locator(".bulletin-chart svg")).to_have_count(6)
    page.screenshot(path=str(RESULTS / "bulletin-zh.png"), full_page=True)
