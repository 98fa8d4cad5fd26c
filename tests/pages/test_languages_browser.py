"""The public pages and the buyer portal in Vietnamese, Thai, Indonesian and Malay, in a real
browser: no English left outside names and data, and Thai drawn with a Thai font.

"English left" is checked two ways on every page. Each text on the page (text nodes, and the
placeholders, labels and titles people read) that is exactly an English message of the
catalogue whose translation differs is a message the page did not translate. On Thai pages,
whose script is not Latin, any Latin word outside the data (names, products, e-mails, codes)
is English that never went through the catalogue at all. Text marked with another ``lang``
(a company's English name, the switcher's "English") is in that language on purpose.

Drives Debian's Chromium and saves a screenshot per language under test-results/.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.db import models
from django.test import Client
from playwright.sync_api import Browser, Page

import tradefair
from tests.matchmaking.conftest import Party, make_party_in, make_session
from tests.pages.conftest import caexpo_22
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
LANGUAGES = ["vi", "th", "id", "ms"]
THAI_NAME = "บริษัท ทุเรียนกรุงเทพ ส่งออก จำกัด"
THAI_FONTS = {
    "Noto Sans Thai",
    "Noto Serif Thai",
    "Loma",
    "Garuda",
    "Norasi",
    "Kinnari",
    "Laksaman",
    "Umpush",
    "Waree",
    "Sawasdee",
    "Purisa",
}


@pytest.fixture
def expo(transactional_db) -> Expo:
    return caexpo_22()


@pytest.fixture
def buyer(expo: Expo, add_exhibitor) -> Party:
    add_exhibitor(
        "Bangkok Durian Export Co., Ltd.",
        "曼谷榴莲出口有限公司",
        country="TH",
        pavilion="food",
        booth="D-101",
        title="Fresh Monthong durian",
        hs=("0810",),
        sectors=("agriculture-food",),
        local=THAI_NAME,
        local_language="th",
    )
    add_exhibitor(
        "Dong Tam Group",
        country="VN",
        pavilion="vn",
        booth="D-201",
        title="Ceramic floor tiles",
        hs=("6907",),
        local="Công ty Cổ phần Đồng Tâm",
        local_language="vi",
    )
    add_exhibitor(
        "PT Java Coffee Trading",
        country="ID",
        pavilion="food",
        booth="D-103",
        title="Green arabica beans",
        hs=("0901",),
        local="PT Perdagangan Kopi Jawa",
        local_language="id",
    )
    for name, country, local, language in [
        ("Angkor Rice Co., Ltd.", "KH", "ក្រុមហ៊ុន អង្គរ អង្ករ ឯ.ក", "km"),
        ("Lanexang Coffee Co., Ltd.", "LA", "ບໍລິສັດ ລ້ານຊ້າງ ກາເຟ ຈຳກັດ", "lo"),
        ("Shwe Rice Company Limited", "MM", "ရွှေဆန် ကုမ္ပဏီလီမိတက်", "my"),
    ]:
        add_exhibitor(
            name,
            country=country,
            pavilion="food",
            title="Rice",
            hs=("1006",),
            local=local,
            local_language=language,
        )
    party = make_party_in(expo, "Penang Fresh Foods", Participation.Role.BUYER)
    staff = User.objects.create_user("staff@expo.example")
    ExpoStaff.objects.create(user=staff, expo=expo)
    make_session(expo, staff, slots=4)
    return party


def _english_messages(language: str) -> set[str]:
    """The catalogue's English messages that the language writes differently."""
    folder = Path(tradefair.__file__).parent / "locale" / language / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as f:
        catalog = read_po(f)
    found = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            if text and "%" not in text and "{" not in text and text not in strings:
                found.add(text.strip())
    return found


def _data() -> set[str]:
    """Every string the database holds: names, titles, descriptions, e-mails, codes."""
    found: set[str] = set()
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if fields:
            for row in model._default_manager.values_list(*fields):
                found.update(str(value).strip() for value in row if value)
    return found


_TEXTS = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, [hidden], .skip-link')) continue;
    // Text marked as written in another language on purpose: names, the switcher's entries.
    if (parent.closest('[lang]').getAttribute('lang') !== document.documentElement.lang) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
    for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push(value.trim());
    }
  }
  return out;
}"""
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _leaks(page: Page, language: str, english: set[str], data: set[str]) -> list[str]:
    texts = page.evaluate(_TEXTS)
    leaked = [t for t in texts if t in english and t not in data]
    if language == "th":
        longest_first = sorted((d for d in data if len(d) >= 3), key=len, reverse=True)
        leaked += [
            t for t in texts if _LATIN_WORD.search(_without_codes(_without(t, longest_first)))
        ]
    return sorted(set(leaked))


def _without(text: str, data: list[str]) -> str:
    """The text with the data it quotes taken out ("Nanning · Nanning International …")."""
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def _without_codes(text: str) -> str:
    """A Thai text without what is Latin in any language: codes (HS, CSV, ISO 3166), the
    product's name, addresses and language names written in their own script."""
    text = re.sub(r"\S+@\S+|https?://\S+", "", text)
    text = re.sub(r"\b[A-Z]{2,5}\b", "", text)  # HS, CN, PDF, CLDR, ISO
    for kept in ("tradefair", "Unicode", "Harmonized System", "English", "Tiếng Việt", "Bahasa"):
        text = text.replace(kept, "")
    return text


def _drawn_with(page: Page, selector: str) -> set[str]:
    """The fonts Chromium actually drew the element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts if font["glyphCount"]}


@pytest.fixture
def page(live_server, buyer: Party, chromium: Browser) -> Iterator[Page]:
    client = Client()
    client.force_login(buyer.user)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    tab = context.new_page()
    yield tab
    tab.wait_for_load_state("networkidle")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_and_the_buyer_portal_read_fully_in(live_server, page: Page, language):
    english, data = _english_messages(language), _data()
    durian = Participation.objects.get(organisation__name__startswith="Bangkok Durian").pk
    pages = {
        "home": f"/{language}/",
        "expo": f"/{language}/caexpo-22/",
        "directory": f"/{language}/caexpo-22/exhibitors/",
        "profile": f"/{language}/caexpo-22/exhibitors/{durian}/",
        "buyer-portal": f"/{language}/caexpo-22/buyer/",
    }
    problems = {}
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, (name, path)
        assert page.locator("html").get_attribute("lang") == language
        leaked = _leaks(page, language, english, data)
        if leaked:
            problems[name] = leaked
    assert problems == {}

    page.goto(f"{live_server.url}/{language}/caexpo-22/exhibitors/")
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / f"directory-{language}.png"), full_page=True)
    thai_card = page.locator(".card-title a[lang=th], .other-name[lang=th]").first
    if language == "th":  # a Thai reader sees the Thai company's Thai name first
        assert thai_card.get_attribute("lang") == "th" and thai_card.text_content() == THAI_NAME
        assert page.locator(".card-title a", has_text=THAI_NAME).count() == 1
    else:  # others read it under the English one
        assert page.locator(".other-name[lang=th]").text_content() == THAI_NAME


@pytest.mark.parametrize(
    ("language", "fonts"),
    [("km", {"Noto Sans Khmer"}), ("lo", {"Noto Sans Lao"}), ("my", {"Noto Sans Myanmar"})],
)
def test_khmer_lao_and_burmese_names_are_drawn_with_their_fonts(
    live_server, page: Page, language, fonts
):
    page.goto(f"{live_server.url}/caexpo-22/exhibitors/?q=rice")
    used = _drawn_with(page, f".other-name[lang={language}]")
    assert used and used <= fonts, used


def test_thai_is_drawn_with_a_thai_font(live_server, page: Page):
    durian = Participation.objects.get(organisation__name__startswith="Bangkok Durian").pk
    page.goto(f"{live_server.url}/th/caexpo-22/exhibitors/{durian}/")
    assert page.locator("h1").text_content() == THAI_NAME
    used = _drawn_with(page, "h1")
    assert used and used <= THAI_FONTS, used  # no glyph fell back to a non-Thai font
    page.goto(f"{live_server.url}/th/caexpo-22/exhibitors/")
    assert _drawn_with(page, "h1") <= THAI_FONTS  # the page's own Thai heading too
