"""In a real browser: an exhibitor adds a product with a picture in the Chinese portal, then a
buyer searching by its HS code finds that exhibitor first, with the code highlighted.

Drives Debian's Chromium (tests/pages/conftest.py) and saves screenshots under test-results/.
The ORM writes the scene before the browser starts.
"""

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.pages.conftest import chromium  # noqa: F401  -- the browser fixture
from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Expo, HSCode
from tradefair.organisations.models import Offer, Organisation, Participation
from tradefair.organisations.services.search import refresh_search_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PASSWORD = "correct horse battery staple"
Role = Participation.Role


@dataclass
class Scene:
    slug: str
    exhibitor: str
    buyer: str


@pytest.fixture
def scene(transactional_db, settings, tmp_path) -> Scene:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    expo = Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    people = {}
    for name, name_zh, role in [
        ("Guangxi Agri Machinery", "广西农机", Role.EXHIBITOR),
        ("Saigon Fresh Foods", "", Role.BUYER),
    ]:
        org = Organisation.objects.create(name=name, name_zh=name_zh, country_id="CN")
        Participation.objects.create(expo=expo, organisation=org, role=role)
        user = User.objects.create_user(f"{role}@example.com", PASSWORD)
        Membership.objects.create(user=user, organisation=org, role=Membership.Role.ADMIN)
        people[role] = user.email
    # Other exhibitors whose offers share the chapter or the words, not the code.
    for name, title, code in [
        ("Nanning Harvest Tools", "Fruit sorting tables", "8436"),
        ("Beibu Packaging", "Egg trays", "4823"),
    ]:
        org = Organisation.objects.create(name=name, country_id="CN")
        p = Participation.objects.create(expo=expo, organisation=org, role=Role.EXHIBITOR)
        Offer.objects.create(participation=p, title=title).hs_codes.set(
            HSCode.objects.filter(code=code)
        )
        refresh_search_text([p.pk])
    return Scene(expo.slug, people[Role.EXHIBITOR], people[Role.BUYER])


@pytest.fixture
def page(live_server, scene, chromium: Browser) -> Iterator[Page]:  # noqa: F811
    tab = chromium.new_page(viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def log_in(page: Page, base: str, email: str, prefix: str = "") -> None:
    page.goto(f"{base}{prefix}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_a_product_added_in_chinese_is_found_by_its_hs_code(live_server, scene, page, tmp_path):
    RESULTS.mkdir(exist_ok=True)
    photo = tmp_path / "sorter.jpg"
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (10, 92, 120)).save(out, "JPEG")
    photo.write_bytes(out.getvalue())
    base = live_server.url

    log_in(page, base, scene.exhibitor, "/zh-hans")
    page.goto(f"{base}/zh-hans/{scene.slug}/exhibitor/products/new/")
    expect(page.locator("h1")).to_have_text("添加产品")
    page.fill("#id_title", "Mango sorting machine")
    page.fill("#id_title_zh", "芒果分选机")
    page.fill("#id_hs_codes", "843360")
    page.fill("#id_minimum_order", "1台")
    page.set_input_files("#id_picture", str(photo))
    page.click("form.catalogue-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_have_text("芒果分选机")
    expect(page.locator(".picture-grid img")).to_have_count(1)
    page.screenshot(path=str(RESULTS / "catalogue-product-added-zh.png"), full_page=True)

    page.context.clear_cookies()
    log_in(page, base, scene.buyer)
    page.goto(f"{base}/{scene.slug}/buyer/search/?q=843360")
    first = page.locator(".card").first
    expect(first.locator(".card-title")).to_have_text("Guangxi Agri Machinery")
    expect(first.locator(".match mark")).to_contain_text("843360")
    page.screenshot(path=str(RESULTS / "catalogue-found-by-hs-code.png"), full_page=True)
