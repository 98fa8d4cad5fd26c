"""The demo edition as plain frozen dataclasses: what the generator makes and the loader writes.

Organisations are identified the way the database identifies them: by country and English
name (``OrgKey``), so planted fits can be joined to loaded rows without any ids.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

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
    name_local: str = ""
    name_local_language: str = ""

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
class DemoModule:
    """One booth module of a hall's grid (``engine.booths.layout``)."""

    hall: str
    x: int
    y: int
    x_m: float
    y_m: float
    pavilion: str
    premium: float

    @property
    def key(self) -> tuple[str, int, int]:
        return self.hall, self.x, self.y


@dataclass(frozen=True)
class DemoBooth:
    number: str
    pavilion: str
    holder: OrgKey
    x_m: float
    y_m: float
    width_m: float
    depth_m: float
    modules: tuple[tuple[str, int, int], ...] = ()  # the grid modules it covers

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
    points: int = 0  # the booth allocation's priority points
    competitors: tuple[OrgKey, ...] = ()  # whose booths may not touch its own


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
class DemoSession:
    """A half-day of procurement negotiations in one hall; slots are cut from it at load."""

    name: str
    name_zh: str
    hall: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    slot_minutes: int
    tables: int


@dataclass(frozen=True)
class DemoInterpreter:
    name: str
    email: str
    languages: tuple[str, ...]  # ISO 639-1 codes
    sessions: tuple[int, ...] | None  # indices into DemoMeetings.sessions; None = every slot


@dataclass(frozen=True)
class DemoProfile:
    """A buyer's or exhibitor's meeting profile and, when limited, the sessions it attends."""

    holder: OrgKey
    role: str  # "buyer" or "exhibitor"
    languages: tuple[str, ...]
    max_meetings: int | None
    sessions: tuple[int, ...] | None  # None = every slot


@dataclass(frozen=True, slots=True)
class DemoRequest:
    buyer: OrgKey
    exhibitor: OrgKey
    priority: int  # 1 … 5
    status: str  # MeetingRequest.Status value
    from_exhibitor: bool
    must_meet: bool
    message: str
    decline_reason: str


@dataclass(frozen=True)
class DemoMeetings:
    sessions: tuple[DemoSession, ...] = ()
    interpreters: tuple[DemoInterpreter, ...] = ()
    profiles: tuple[DemoProfile, ...] = ()
    requests: tuple[DemoRequest, ...] = field(default=(), repr=False)


def session_slots(session: DemoSession, time_zone: str) -> list[tuple[dt.datetime, dt.datetime]]:
    """(start, end) of every whole slot of ``session``, aware in the expo's time zone.

    The same grid as ``matchmaking.services.sessions.slot_times``: 09:00 to 12:00 in 20-minute
    slots gives nine, the last from 11:40.
    """
    zone = ZoneInfo(time_zone)
    start = dt.datetime.combine(session.date, session.start_time, tzinfo=zone)
    end = dt.datetime.combine(session.date, session.end_time, tzinfo=zone)
    step = dt.timedelta(minutes=session.slot_minutes)
    out = []
    while start + step <= end:
        out.append((start, start + step))
        start += step
    return out


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
    modules: tuple[DemoModule, ...] = field(default=(), repr=False)
    # B2B meetings: sessions, interpreters, meeting profiles and requests (demo/meetings.py).
    meetings: DemoMeetings = field(default=DemoMeetings(), repr=False)

    @property
    def exhibitor_countries(self) -> set[str]:
        return {e.organisation.country for e in self.exhibitors}
