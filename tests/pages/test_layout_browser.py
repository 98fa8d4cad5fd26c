"""The main pages at a laptop's 1280 px and a phone's 390 px, in English and Chinese: no
figure is clipped by its card, no page scrolls sideways on the phone, and the portal header
and tabs keep to one line on the laptop.

The scene has the demo's real sizes, because they are what overflowed: 3,200 exhibitors from
45 countries and regions, 10,000 buyers, the 160,000 m² of the demo's eight halls (written
"160,000 平方米" in Chinese), the demo's pavilion names, long company names in both
languages and a scheduler run of the reference size. One browser and one tab visit every
page; each screenshot goes to the test's tmp_path.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page

from tests.pages.conftest import caexpo_22
from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.demo.layout import build_halls_and_pavilions
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion
from tradefair.floorplan.services.grid import GridSpec, generate_grid
from tradefair.matchmaking.models import (
    Interpreter,
    Meeting,
    MeetingRequest,
    ScheduleRun,
)
from tradefair.matchmaking.services.left_out import store_left_out
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Organisation, Participation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Role = Participation.Role
NANNING = ZoneInfo("Asia/Shanghai")
EXHIBITORS = 3_200
BUYERS = 10_000
# 45 countries and regions, as in the demo: China, the ten ASEAN members and 34 others.
COUNTRIES = [
    "CN", "VN", "TH", "MY", "ID", "PH", "SG", "KH", "LA", "MM", "BN", "KR", "JP", "IN", "PK",
    "BD", "LK", "NP", "KZ", "UZ", "KG", "TJ", "TR", "AE", "SA", "QA", "EG", "ZA", "NG", "KE",
    "ET", "RU", "BY", "DE", "FR", "IT", "ES", "NL", "GB", "US", "CA", "BR", "CL", "AU", "NZ",
]  # fmt: skip
# (English, Chinese, country): the longest names of the demo's kinds, first in the directory.
LONG_NAMES = [
    (
        "Anhui Conch International Building Materials Trading Co., Ltd.",
        "安徽海螺国际建材贸易有限公司",
        "CN",
    ),
    (
        "Asia Pacific Rubber Glove Manufacturing Sdn. Bhd.",
        "马来西亚亚太橡胶手套制造有限公司",
        "MY",
    ),
    ("Baiterek Food Industry LLP", "哈萨克斯坦巴伊杰列克食品工业有限责任合伙企业", "KZ"),
    (
        "Bangkok Durian and Tropical Fruit Export Public Company Limited",
        "曼谷榴莲与热带水果出口大众有限公司",
        "TH",
    ),
]
PORTAL_EXHIBITOR = (
    "Guangxi Beibu Gulf International Port Group Co., Ltd.",
    "广西北部湾国际港务集团有限公司",
)
PORTAL_BUYER = (
    "Saigon Fresh Foods Import-Export Joint Stock Company",
    "西贡鲜食进出口股份公司",
)
WIDTHS = (1280, 390)


@dataclass
class Fair:
    expo: Expo
    organiser: User
    exhibitor: User
    buyer: User
    everything: User  # organiser staff who also acts for an exhibitor and a buyer
    run: ScheduleRun


@pytest.fixture
def expo(transactional_db) -> Expo:
    return caexpo_22()


def _floor(expo: Expo) -> list[Pavilion]:
    halls, pavilions = build_halls_and_pavilions()
    hall_ids = {
        h.code: h.pk
        for h in Hall.objects.bulk_create(
            Hall(expo=expo, code=h.code, name=h.name, name_zh=h.name_zh, area_m2=h.area_m2)
            for h in halls
        )
    }
    sector_ids = dict(Sector.objects.values_list("slug", "id"))
    return Pavilion.objects.bulk_create(
        Pavilion(
            expo=expo,
            hall_id=hall_ids[p.hall],
            code=p.code,
            name=p.name,
            name_zh=p.name_zh,
            kind=p.kind,
            sector_id=sector_ids.get(p.sector) if p.sector else None,
            country_id=p.country,
            area_m2=p.area_m2,
        )
        for p in pavilions
    )


def _organisations(expo: Expo, pavilions: list[Pavilion]) -> tuple[Participation, Participation]:
    """Every exhibitor and buyer in bulk; returns the portal users' exhibitor and buyer."""
    exhibitors = [
        *LONG_NAMES,
        (*PORTAL_EXHIBITOR, "CN"),
        *(
            (f"Exhibitor {n:04d} Industrial Co., Ltd.", f"第{n:04d}号展商实业有限公司", country)
            for n in range(len(LONG_NAMES) + 1, EXHIBITORS)
            # two in three from China, the rest spread over the other 44
            for country in [COUNTRIES[0] if n % 3 else COUNTRIES[1 + n % 44]]
        ),
    ]
    buyers = [
        (*PORTAL_BUYER, "VN"),
        *(
            (f"Buyer {n:05d} Trading Company", f"第{n:05d}号采购商贸易公司", COUNTRIES[1 + n % 44])
            for n in range(1, BUYERS)
        ),
    ]
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=en, name_zh=zh, country_id=c) for en, zh, c in exhibitors + buyers],
        batch_size=2000,
    )
    Participation.objects.bulk_create(
        [
            Participation(
                expo=expo,
                organisation=org,
                role=Role.EXHIBITOR,
                pavilion=pavilions[n % len(pavilions)],
                booth_area_m2=Decimal("18"),
            )
            for n, org in enumerate(organisations[:EXHIBITORS])
        ]
        + [
            Participation(expo=expo, organisation=org, role=Role.BUYER)
            for org in organisations[EXHIBITORS:]
        ],
        batch_size=2000,
    )
    mine = Participation.objects.filter(expo=expo).select_related("organisation")
    return (
        mine.get(organisation__name=PORTAL_EXHIBITOR[0]),
        mine.get(organisation__name=PORTAL_BUYER[0]),
    )


def _person(email: str, organisation: Organisation | None = None) -> User:
    user = User.objects.create_user(email)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def fair(expo: Expo) -> Fair:
    pavilions = _floor(expo)
    exhibitor, buyer = _organisations(expo, pavilions)
    booth = Booth.objects.create(
        expo=expo, pavilion=exhibitor.pavilion, number="A1-1208", area_m2=Decimal("18")
    )
    BoothAssignment.objects.create(booth=booth, participation=exhibitor)
    generate_grid(
        Hall.objects.get(expo=expo, code=exhibitor.pavilion.hall.code),
        GridSpec(rows=4, columns=6, block_columns=10),
        pavilion=exhibitor.pavilion,
    )
    Module.objects.filter(pavilion=exhibitor.pavilion, x__in=(0, 1), y=0).update(booth=booth)
    organiser = _person("organiser@caexpo.demo")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    session = create_session(
        expo=expo,
        name="Procurement Matchmaking, 18 September morning",
        name_zh="9月18日上午采购洽谈会",
        hall=Hall.objects.get(expo=expo, code="A1"),
        date=dt.date(2025, 9, 18),
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 0),
        slot_minutes=20,
        tables=1200,
        by_user=organiser,
    )
    slots = list(session.slots.order_by("start"))
    interpreter = Interpreter.objects.create(
        expo=expo, name="Nguyễn Thị Thu Hương", languages=["vi", "zh", "en"]
    )
    others = list(
        Participation.objects.filter(expo=expo, role=Role.EXHIBITOR)
        .exclude(pk=exhibitor.pk)
        .order_by("pk")[:6]
    )
    for n, other in enumerate([exhibitor, *others]):
        request = MeetingRequest.objects.create(
            expo=expo, buyer=buyer, exhibitor=other, status=MeetingRequest.Status.ACCEPTED
        )
        if n < 4:
            Meeting.objects.create(
                request=request,
                expo=expo,
                slot=slots[n * 2],
                table_number=1187 - n,
                buyer=buyer,
                exhibitor=other,
                interpreter=interpreter if n == 0 else None,
                published=True,
            )
    asking = Participation.objects.filter(expo=expo, role=Role.BUYER).exclude(pk=buyer.pk)
    for other_buyer in asking[:12]:
        MeetingRequest.objects.create(
            expo=expo,
            buyer=other_buyer,
            exhibitor=exhibitor,
            message="We import frozen seafood for supermarkets in Ho Chi Minh City and Hanoi.",
        )
    run = ScheduleRun.objects.create(
        expo=expo,
        status=ScheduleRun.Status.DONE,
        started_by=organiser,
        progress=1.0,
        phase="done",
        finished_at=dt.datetime(2025, 9, 10, 16, 42, tzinfo=NANNING),
        # the reference-size run with interpreters of docs/benchmarks.md
        stats={
            "count": 53_419,
            "priority": 117_359,
            "upper_bound": 55_260,
            "priority_upper_bound": 122_287,
            "buyers_without_meeting": 5,
            "min_buyers_without_meeting": 0,
            "seconds": 39.0,
            "requests": 150_408,
            "kept": 0,
            "created": 53_419,
        },
    )
    store_left_out(
        run,
        [
            {
                "request": 148_000 + n,
                "buyer": f"Buyer {n:05d} Trading Company",
                "exhibitor": LONG_NAMES[n % len(LONG_NAMES)][0],
                "reason": "No interpreter who speaks Vietnamese and Chinese is free "
                "when both sides are.",
            }
            for n in range(1, 4)
        ],
    )
    everything = _person("trade-promotion.office@caexpo.demo", exhibitor.organisation)
    Membership.objects.create(user=everything, organisation=buyer.organisation)
    ExpoStaff.objects.create(user=everything, expo=expo)
    return Fair(
        expo=expo,
        organiser=organiser,
        exhibitor=_person("exhibitor1@caexpo.demo", exhibitor.organisation),
        buyer=_person("buyer1@caexpo.demo", buyer.organisation),
        everything=everything,
        run=run,
    )


def _session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def tab(fair: Fair, request: pytest.FixtureRequest) -> Iterator[Page]:
    chromium: Browser = request.getfixturevalue("chromium")  # after the scene's writes
    page = chromium.new_page(viewport={"width": WIDTHS[0], "height": 900})
    yield page
    page.close()


# The layout rules, measured by the browser itself. A "card" is anything drawn as a box
# around content: key figures, portal figures, cards and panels.
MEASURE = r"""() => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string'
       ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const text = (el) => (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  const clips = (el) => getComputedStyle(el).overflowX !== 'visible';
  const cards = document.querySelectorAll(
    'main .figures > div, main .stat-grid > div, main .card, main .panel');
  for (const card of cards) {
    const box = card.getBoundingClientRect();
    if (box.width === 0) continue;
    if (card.scrollWidth > card.clientWidth + 1) {
      problems.push(`${name(card)} "${text(card)}" is ${card.scrollWidth} px wide`
        + ` inside ${card.clientWidth} px`);
      continue;
    }
    // Everything drawn in the card lies inside it, unless a scroll box inside the card holds it.
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const reported = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      if (node.nodeType === Node.TEXT_NODE && !node.textContent.trim()) continue;
      if (reported.some((outer) => outer.contains(el))) continue;
      let scrolled = false;
      for (let up = el.parentElement; up && up !== card; up = up.parentElement) {
        if (clips(up)) { scrolled = true; break; }
      }
      if (node !== el && el !== card && clips(el)) scrolled = true;
      if (scrolled) continue;
      let rects;
      if (node.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        range.selectNodeContents(node);
        rects = [...range.getClientRects()];
      } else {
        rects = [...node.getClientRects()];
      }
      for (const r of rects) {
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1) {
          const [from, to] = [Math.round(r.left), Math.round(r.right)];
          problems.push(`${name(el)} "${text(el)}" sticks out of ${name(card)} "${text(card)}"`
            + ` (${from}–${to} px in ${Math.round(box.left)}–${Math.round(box.right)} px)`);
          reported.push(el);
          break;
        }
      }
    }
  }
  // A table squeezed into too narrow a space breaks its words letter by letter: every word
  // (every character of Chinese, which may break anywhere) fits its cell's width.
  const pen = document.createElement('canvas').getContext('2d');
  for (const cell of document.querySelectorAll('main td, main th')) {
    const style = getComputedStyle(cell);
    if (cell.getClientRects().length === 0) continue;  // not shown, e.g. in closed details
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      pen.font = getComputedStyle(node.parentElement).font;
      const words = node.textContent.split(/\s+/)
        .flatMap((w) => (/[\u3000-\u9fff\uff00-\uffef]/.test(w) ? [...w] : [w]));
      const widest = words.reduce((most, w) => Math.max(most, pen.measureText(w).width), 0);
      // half an em of slack: the canvas knows neither tabular digits nor letter spacing
      if (widest > room + parseFloat(style.fontSize) / 2) {
        problems.push(`${name(cell)} "${text(cell)}" is ${Math.round(room)} px wide,`
          + ` too narrow for its words (${Math.round(widest)} px)`);
        break;
      }
    }
  }
  for (const row of document.querySelectorAll('.site-header .header-row')) {
    if (row.scrollWidth > row.clientWidth + 1) {
      problems.push(`the header is ${row.scrollWidth} px wide inside ${row.clientWidth} px`);
    }
  }
  const root = document.documentElement;
  return {
    problems,
    pageWidth: root.scrollWidth,
    viewport: window.innerWidth,
  };
}"""

# Rows of a header or a row of tabs: the distinct tops of their direct children.
ROWS = """(selector) => [...document.querySelectorAll(selector)].map((bar) => {
  const tops = new Set([...bar.children]
    .filter((c) => c.getBoundingClientRect().height > 0)
    .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
  return tops.size;
})"""

# Links and buttons of the header and tabs whose text runs over more than one line.
BROKEN_LINKS = """() => [...document.querySelectorAll(
  '.site-header a, .site-header button, .portal-tabs a, .console-nav a')]
  .filter((a) => {
    const range = document.createRange();
    range.selectNodeContents(a);
    const lines = new Set([...range.getClientRects()]
      .filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return lines.size > 1;
  }).map((a) => a.textContent.trim())"""


@dataclass(frozen=True)
class Visit:
    name: str
    who: str
    path: str
    tabs: str  # selector of the page's own row of tabs, or "" when it has none


VISITS = [
    Visit("expo-home", "exhibitor", "/caexpo-22/", ""),
    Visit("directory", "exhibitor", "/caexpo-22/exhibitors/", ""),
    Visit("exhibitor-home", "exhibitor", "/caexpo-22/exhibitor/", "nav.portal-tabs"),
    Visit("buyer-home", "buyer", "/caexpo-22/buyer/", "nav.portal-tabs"),
    Visit("agenda", "buyer", "/caexpo-22/agenda/", ""),
    Visit("console-home", "organiser", "/caexpo-22/organiser/", "nav.console-nav"),
    Visit("console-schedule", "organiser", "/caexpo-22/organiser/schedule/", "nav.console-nav"),
    Visit("console-booths", "organiser", "/caexpo-22/organiser/booths/", "nav.console-nav"),
    # its header line to copy is one long word
    Visit("deals-import", "organiser", "/caexpo-22/organiser/deals/import/", "nav.console-nav"),
    Visit("floor-plan", "exhibitor", "/caexpo-22/map/A1/?booth=A1-1208", "nav.hall-tabs"),
    # the longest header: every portal's link and a long address
    Visit("header-every-portal", "everything", "/caexpo-22/", ""),
]


def test_main_pages_fit_their_cards_at_1280_and_390_px(
    live_server, fair: Fair, tab: Page, tmp_path: Path
) -> None:
    cookies = {
        "exhibitor": _session_cookie(fair.exhibitor),
        "buyer": _session_cookie(fair.buyer),
        "organiser": _session_cookie(fair.organiser),
        "everything": _session_cookie(fair.everything),
    }
    problems: list[str] = []
    seen: list[str] = []
    for visit in VISITS:
        tab.context.clear_cookies()
        tab.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookies[visit.who],
                    "url": live_server.url,
                }
            ]
        )
        for prefix in ("", "/zh-hans"):
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 900})
                response = tab.goto(f"{live_server.url}{prefix}{visit.path}")
                assert response is not None and response.status == 200, visit
                tab.evaluate("document.fonts.ready")
                where = f"{prefix or '/en'} {visit.name} at {width} px"
                shot = tmp_path / f"{visit.name}-{prefix.strip('/') or 'en'}-{width}.png"
                tab.screenshot(path=str(shot), full_page=True)
                seen.append(shot.name)
                measured = tab.evaluate(MEASURE)
                problems += [f"{where}: {p}" for p in measured["problems"]]
                if measured["pageWidth"] > measured["viewport"]:
                    problems.append(
                        f"{where}: the page is {measured['pageWidth']} px wide, "
                        f"wider than the {measured['viewport']} px window"
                    )
                problems += [
                    f"{where}: {link!r} breaks over two lines"
                    for link in tab.evaluate(BROKEN_LINKS)
                ]
                if width == 1280:
                    header_rows = tab.evaluate(ROWS, ".site-header .header-row")
                    if header_rows != [1]:
                        problems.append(f"{where}: the header takes {header_rows} rows")
                    if visit.tabs:
                        tab_rows = tab.evaluate(ROWS, visit.tabs)
                        if tab_rows != [1]:
                            problems.append(f"{where}: the tabs take {tab_rows} rows")
    assert problems == [], "\n".join(problems)
    assert len(seen) == len(VISITS) * 2 * len(WIDTHS)


def test_console_tables_scroll_inside_their_panel_on_a_phone(
    live_server, fair: Fair, tab: Page
) -> None:
    """A header's hidden label (.visually-hidden, absolutely placed) escaped its table's own
    scrolling and made the whole page 480-630 px wide on a 390 px phone."""
    tab.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": _session_cookie(fair.organiser),
                "url": live_server.url,
            }
        ]
    )
    tab.set_viewport_size({"width": 390, "height": 900})
    widths = {}
    for prefix in ("", "/zh-hans"):
        for name in ("meetings", "sessions"):
            tab.goto(f"{live_server.url}{prefix}/caexpo-22/organiser/{name}/")
            assert tab.locator("table.console-table .visually-hidden").count() >= 1
            widths[prefix + name] = tab.evaluate("document.documentElement.scrollWidth")
    assert widths == {
        "meetings": 390,
        "sessions": 390,
        "/zh-hansmeetings": 390,
        "/zh-hanssessions": 390,
    }
