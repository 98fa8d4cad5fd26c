"""The demo's programme as plain frozen dataclasses: what ``programme.py`` draws, the loader writes.

Rooms and activities are named by a ``key`` (a short string) so registrations and launched
products can point at them before any id exists; people are named by their index in
``DemoProgramme.people``.
"""

import datetime as dt
from dataclasses import dataclass, field

from tradefair.demo.records import DemoOrganisation, OrgKey


@dataclass(frozen=True)
class DemoRoom:
    key: str
    name: str
    name_zh: str
    hall: str | None  # hall code
    capacity: int


@dataclass(frozen=True)
class DemoSpeaker:
    name: str
    name_zh: str
    position: str
    organisation: OrgKey | None  # a demo organisation, else ``organisation_name``
    organisation_name: str
    role: str  # Speaker.Role value


@dataclass(frozen=True)
class DemoActivity:
    key: str
    kind: str  # Activity.Kind value
    title: str
    title_zh: str
    description: str
    description_zh: str
    start: dt.datetime  # aware, in the edition's time zone
    end: dt.datetime
    room: str | None  # DemoRoom.key
    audience: str  # Activity.Audience value
    capacity: int | None = None  # None: the room's
    hosts: tuple[OrgKey, ...] = ()
    sectors: tuple[str, ...] = ()  # sector slugs
    speakers: tuple[DemoSpeaker, ...] = ()
    invited: tuple[OrgKey, ...] = ()  # invited organisations (invitation-only activities)


@dataclass(frozen=True)
class DemoLaunchedProduct:
    activity: str  # DemoActivity.key
    exhibitor: OrgKey
    name: str
    name_zh: str
    hs_code: str  # one of the exhibitor's offer codes
    description: str
    description_zh: str
    first_launch: str  # LaunchedProduct.Scope value


@dataclass(frozen=True)
class DemoPerson:
    """A delegate: a log-in without a usable password, acting for ``organisation`` as ``role``."""

    email: str
    first_name: str
    last_name: str
    organisation: OrgKey
    role: str  # Participation.Role value: delegate, investor or partner


@dataclass(frozen=True, slots=True)
class DemoRegistration:
    activity: str  # DemoActivity.key
    person: int  # index into DemoProgramme.people
    seat: int | None  # None: on the waiting list, in the order registrations are listed


@dataclass(frozen=True)
class DemoProgramme:
    rooms: tuple[DemoRoom, ...]
    activities: tuple[DemoActivity, ...]
    products: tuple[DemoLaunchedProduct, ...]
    # Organisations that come as delegates only (government bodies, associations, institutes).
    organisations: tuple[DemoOrganisation, ...]
    people: tuple[DemoPerson, ...]
    registrations: tuple[DemoRegistration, ...] = field(repr=False)
