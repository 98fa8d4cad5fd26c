"""The demo edition as plain frozen dataclasses: what the generator makes and the loader writes.

Organisations are identified the way the database identifies them: by country and English
name (``OrgKey``), so planted fits can be joined to loaded rows without any ids.
"""

import datetime as dt
from dataclasses import dataclass, field

OrgKey = tuple[str, str]  # (ISO country code, English name)


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    name_zh: str
    country: str
    kind: str  # Organisation.Kind value
    website: str
    email: str
    description: str
    description_zh: str

    @property
    def key(self) -> OrgKey:
        return (self.country, self.name)


@dataclass(frozen=True)
class DemoTradeLine:
    """An offer (markets = target markets) or a need (markets = source markets)."""

    title: str
    title_zh: str
    text: str
    text_zh: str
    hs_codes: tuple[str, ...]  # a 4-digit heading, plus its 6-digit subheading when specific
    sectors: tuple[str, ...]  # sector slugs
    markets: tuple[str, ...]  # ISO country codes


@dataclass(frozen=True)
class DemoHall:
    code: str
    name: str
    name_zh: str
    area_m2: int
    width_m: int
    depth_m: int


@dataclass(frozen=True)
class DemoPavilion:
    code: str
    hall: str
    name: str
    name_zh: str
    kind: str  # "themed" or "country"
    sector: str | None
    country: str | None
    area_m2: int
    x_m: float  # the pavilion is a strip of the hall: x_m … x_m + width_m, full hall depth
    width_m: float


@dataclass(frozen=True)
class DemoBooth:
    number: str
    pavilion: str
    holder: OrgKey
    x_m: float
    y_m: float
    width_m: float
    depth_m: float

    @property
    def area_m2(self) -> float:
        return self.width_m * self.depth_m


@dataclass(frozen=True)
class DemoExhibitor:
    organisation: DemoOrganisation
    sector: str
    pavilion: str
    booth_area_m2: int
    offers: tuple[DemoTradeLine, ...]


@dataclass(frozen=True)
class DemoBuyer:
    organisation: DemoOrganisation
    sector: str
    delegation: str | None  # name of the delegation it travels with
    needs: tuple[DemoTradeLine, ...]


@dataclass(frozen=True)
class DemoDelegation:
    name: str
    name_zh: str
    partner: OrgKey


@dataclass(frozen=True)
class DemoExpo:
    slug: str
    name: str
    name_zh: str
    theme: str
    theme_zh: str
    city: str
    city_zh: str
    venue: str
    venue_zh: str
    host_country: str
    start_date: dt.date
    end_date: dt.date
    time_zone: str
    halls: tuple[DemoHall, ...]
    pavilions: tuple[DemoPavilion, ...]
    booths: tuple[DemoBooth, ...]
    exhibitors: tuple[DemoExhibitor, ...]
    buyers: tuple[DemoBuyer, ...]
    partners: tuple[DemoOrganisation, ...]
    delegations: tuple[DemoDelegation, ...]
    investors: tuple[DemoOrganisation, ...]
    # Planted true fits: (buyer, exhibitor) pairs where some need of the buyer fits some offer.
    fits: tuple[tuple[OrgKey, OrgKey], ...] = field(repr=False)

    @property
    def exhibitor_countries(self) -> set[str]:
        return {e.organisation.country for e in self.exhibitors}
