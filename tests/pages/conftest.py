"""A small but realistic floor: two halls, three themed pavilions and a country pavilion."""

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from django.db import connections
from playwright.sync_api import Browser, sync_playwright

from tradefair.expos.models import Expo, HSCode, Sector
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Pavilion
from tradefair.organisations.models import Offer, Organisation, Participation
from tradefair.organisations.services.search import refresh_search_text

AddExhibitor = Callable[..., Participation]


def caexpo_22() -> Expo:
    """The reference edition as the browser tests show it: names, theme, city and venue in
    English and Chinese."""
    return Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        name_zh="第22届中国—东盟博览会",
        theme="Empowering development with digital intelligence, leading the future with "
        "innovation",
        theme_zh="数智赋能发展，创新引领未来",
        city="Nanning",
        city_zh="南宁",
        venue="Nanning International Convention and Exhibition Center",
        venue_zh="南宁国际会展中心",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def fast_hasher(settings) -> None:
    """The production hasher is slow on purpose; these tests log people in through forms."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    """Debian's Chromium, never a downloaded one.

    Request it after the fixtures that write data: while Playwright's event loop runs, Django
    hands out a separate connection per context, so the writes and the test database's flush
    must happen outside it. The ORM calls a test makes beside the loop are allowed explicitly,
    and their connection is closed before the loop ends: left open, it kept PostgreSQL from
    dropping the test database at the end of the run ("being accessed by other users").
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def floor(expo: Expo) -> dict[str, Pavilion]:
    hall_a = Hall.objects.create(expo=expo, code="A", name="Hall A", name_zh="A馆", area_m2=20000)
    hall_d = Hall.objects.create(expo=expo, code="D", name="Hall D", name_zh="D馆", area_m2=12000)
    return {
        "ai": Pavilion.objects.create(
            expo=expo,
            hall=hall_a,
            code="ai",
            name="Artificial Intelligence Pavilion",
            name_zh="人工智能专馆",
            kind=Pavilion.Kind.THEMED,
            sector=Sector.objects.get(slug="artificial-intelligence"),
            area_m2=8000,
        ),
        "blue": Pavilion.objects.create(
            expo=expo,
            hall=hall_a,
            code="blue-economy",
            name="Blue Economy Pavilion",
            name_zh="蓝色经济专馆",
            kind=Pavilion.Kind.THEMED,
            sector=Sector.objects.get(slug="blue-economy"),
            area_m2=6000,
        ),
        "food": Pavilion.objects.create(
            expo=expo,
            hall=hall_d,
            code="food",
            name="Agriculture and Food Pavilion",
            name_zh="农业与食品专馆",
            kind=Pavilion.Kind.THEMED,
            sector=Sector.objects.get(slug="agriculture-food"),
            area_m2=5000,
        ),
        "vn": Pavilion.objects.create(
            expo=expo,
            hall=hall_d,
            code="vietnam",
            name="Vietnam Pavilion",
            name_zh="越南馆",
            kind=Pavilion.Kind.COUNTRY,
            country_id="VN",
            area_m2=3000,
        ),
    }


@pytest.fixture
def add_exhibitor(expo: Expo, floor: dict[str, Pavilion]) -> AddExhibitor:
    """Create an exhibitor with one offer and a booth, its search text refreshed."""

    def add(
        name: str,
        name_zh: str = "",
        *,
        country: str = "CN",
        pavilion: str = "ai",
        booth: str = "",
        title: str = "",
        title_zh: str = "",
        hs: tuple[str, ...] = (),
        sectors: tuple[str, ...] = (),
        markets: tuple[str, ...] = (),
        description: str = "",
        description_zh: str = "",
        role: str = Participation.Role.EXHIBITOR,
        local: str = "",
        local_language: str = "",
    ) -> Participation:
        org = Organisation.objects.create(
            name=name,
            name_zh=name_zh,
            name_local=local,
            name_local_language=local_language,
            country_id=country,
            website=f"https://{name.split()[0].lower()}.example",
            email=f"info@{name.split()[0].lower()}.example",
            description=description,
            description_zh=description_zh,
        )
        exhibiting = role == Participation.Role.EXHIBITOR
        participation = Participation.objects.create(
            expo=expo,
            organisation=org,
            role=role,
            pavilion=floor[pavilion] if exhibiting else None,
            booth_area_m2=Decimal("18") if exhibiting else None,
        )
        if title or hs or sectors:
            offer = Offer.objects.create(
                participation=participation, title=title, title_zh=title_zh
            )
            offer.hs_codes.set(HSCode.objects.filter(code__in=hs))
            offer.sectors.set(Sector.objects.filter(slug__in=sectors))
            offer.markets.set(markets)
        if booth:
            stand = Booth.objects.create(
                expo=expo, pavilion=floor[pavilion], number=booth, area_m2=Decimal("18")
            )
            BoothAssignment.objects.create(booth=stand, participation=participation)
        refresh_search_text([participation.id])
        return participation

    return add
