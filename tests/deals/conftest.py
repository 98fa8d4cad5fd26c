"""An edition with the parties of a few deals and the rates their currencies need."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.matchmaking.conftest import accepted, make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, User
from tradefair.deals.services.rates import set_rate
from tradefair.expos.models import Country, Expo
from tradefair.matchmaking.models import Meeting
from tradefair.matchmaking.services.booking import book_meeting
from tradefair.organisations.models import Organisation, Participation

RATES_ON = dt.date(2025, 9, 16)
# Value of one unit: USD and CNY (rounded middle rates of mid-September 2025).
RATES = {
    "USD": (Decimal("1"), Decimal("7.12")),
    "CNY": (Decimal("0.1404"), Decimal("1")),
    "VND": (Decimal("0.0000380"), Decimal("0.000270")),
}


@dataclass
class Parties:
    port: Organisation  # Chinese exhibitor and project owner
    fruit: Organisation  # Vietnamese buyer
    fund: Organisation  # Malaysian investor
    twin_cn: Organisation  # two organisations share the name "Golden Dragon Trading"
    twin_th: Organisation
    outsider: Organisation  # takes no part in the edition


def _organisation(name: str, country: str, name_zh: str = "") -> Organisation:
    return Organisation.objects.create(
        name=name, name_zh=name_zh, country=Country.objects.get(code=country)
    )


@pytest.fixture
def parties(expo: Expo) -> Parties:
    return make_parties(expo)


def make_parties(expo: Expo) -> Parties:
    """The organisations of a few deals, taking part in ``expo``, and the rates they need."""
    found = Parties(
        port=_organisation("Beibu Gulf Port Group", "CN", "北部湾港集团"),
        fruit=_organisation("Mekong Fresh Fruit JSC", "VN"),
        fund=_organisation("Straits Capital Berhad", "MY"),
        twin_cn=_organisation("Golden Dragon Trading", "CN"),
        twin_th=_organisation("Golden Dragon Trading", "TH"),
        outsider=_organisation("Nobody At The Fair Ltd", "SG"),
    )
    for organisation, role in [
        (found.port, Participation.Role.EXHIBITOR),
        (found.fruit, Participation.Role.BUYER),
        (found.fund, Participation.Role.INVESTOR),
        (found.twin_cn, Participation.Role.EXHIBITOR),
        (found.twin_th, Participation.Role.BUYER),
    ]:
        Participation.objects.create(expo=expo, organisation=organisation, role=role)
    for code, (usd, cny) in RATES.items():
        set_rate(expo=expo, currency=code, usd=usd, cny=cny, as_of=RATES_ON, by_user=None)
    return found


@pytest.fixture
def organiser(expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user


@pytest.fixture
def held(expo, organiser) -> Meeting:
    buyer = make_party_in(expo, "Mekong Buyer", "buyer")
    seller = make_party_in(expo, "Guangxi Seller", "exhibitor")
    slot = make_session(expo, organiser).slots.order_by("start").first()
    meeting = book_meeting(request=accepted(buyer.participation, seller.participation), slot=slot)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    meeting.refresh_from_db()
    return meeting


def member_of(meeting: Meeting, side: str) -> User:
    participation = getattr(meeting, side)
    return User.objects.get(memberships__organisation=participation.organisation)
