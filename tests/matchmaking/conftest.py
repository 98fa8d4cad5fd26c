"""A small fair for matchmaking tests: parties with their people, a session, an organiser."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import MeetingProfile, MeetingRequest, NegotiationSession, Slot
from tradefair.matchmaking.services.sessions import create_session
from tradefair.organisations.models import Organisation, Participation


@dataclass
class Party:
    participation: Participation
    user: User


MakeParty = Callable[..., Party]


def make_party_in(
    expo: Expo,
    name: str,
    role: str,
    *,
    languages: list[str] | None = None,
    max_meetings: int | None = None,
) -> Party:
    organisation = Organisation.objects.create(name=name, country=Country.objects.get(code="CN"))
    participation = Participation.objects.create(expo=expo, organisation=organisation, role=role)
    slug = name.lower().replace(" ", "-")
    user = User.objects.create_user(f"{slug}@example.com")
    Membership.objects.create(user=user, organisation=organisation)
    if languages is not None or max_meetings is not None:
        MeetingProfile.objects.create(
            participation=participation, languages=languages or [], max_meetings=max_meetings
        )
    return Party(participation, user)


@pytest.fixture
def make_party(expo: Expo) -> MakeParty:
    def make(name: str, role: str = Participation.Role.BUYER, **profile: object) -> Party:
        return make_party_in(expo, name, role, **profile)  # type: ignore[arg-type]

    return make


@pytest.fixture
def buyer(make_party: MakeParty) -> Party:
    return make_party("Buyer One", Participation.Role.BUYER)


@pytest.fixture
def exhibitor(make_party: MakeParty) -> Party:
    return make_party("Exhibitor One", Participation.Role.EXHIBITOR)


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


def make_session(
    expo: Expo, organiser: User, *, tables: int = 2, slots: int = 3
) -> NegotiationSession:
    return create_session(
        expo=expo,
        name="Procurement",
        date=dt.date(2025, 9, 18),
        start_time=dt.time(9, 0),
        end_time=(dt.datetime(2025, 9, 18, 9, 0) + dt.timedelta(minutes=20 * slots)).time(),
        slot_minutes=20,
        tables=tables,
        by_user=organiser,
    )


@pytest.fixture
def slots(expo: Expo, organiser: User) -> list[Slot]:
    return list(make_session(expo, organiser).slots.order_by("start"))


def accepted(buyer: Participation, exhibitor: Participation, priority: int = 1) -> MeetingRequest:
    """An accepted request written directly: booking tests need no e-mails or permissions."""
    return MeetingRequest.objects.create(
        expo_id=buyer.expo_id,
        buyer=buyer,
        exhibitor=exhibitor,
        priority=priority,
        status=MeetingRequest.Status.ACCEPTED,
    )


@pytest.fixture(autouse=True)
def in_english():
    """E-mail texts are asserted in English, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("en"):
        yield
