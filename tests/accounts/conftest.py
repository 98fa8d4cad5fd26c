"""Two organisations in one edition, their people, an outsider and the organiser's staff."""

from dataclasses import dataclass

import pytest
from django.utils import translation

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.expos.models import Expo
from tradefair.organisations.models import Organisation, Participation

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_hasher(settings) -> None:
    """The production hasher is slow on purpose; these tests hash dozens of passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english():
    """A request under /zh-hans/ leaves Chinese active in the thread, and reverse() follows it."""
    with translation.override("en"):
        yield


@dataclass
class People:
    buyer_org: Organisation
    exhibitor_org: Organisation
    buyer_admin: User
    buyer_member: User
    exhibitor_admin: User
    organiser: User
    outsider: User


def organisation(expo: Expo, name: str, country: str, role: str) -> Organisation:
    org = Organisation.objects.create(name=name, country_id=country)
    Participation.objects.create(expo=expo, organisation=org, role=role)
    return org


def member(org: Organisation, email: str, role: str = Membership.Role.MEMBER) -> User:
    user = User.objects.create_user(email, PASSWORD)
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def people(expo: Expo) -> People:
    buyer_org = organisation(expo, "Saigon Fresh Foods", "VN", Participation.Role.BUYER)
    exhibitor_org = organisation(expo, "Guangxi Robotics", "CN", Participation.Role.EXHIBITOR)
    organiser = User.objects.create_user("staff@expo.example", PASSWORD)
    ExpoStaff.objects.create(user=organiser, expo=expo)
    return People(
        buyer_org=buyer_org,
        exhibitor_org=exhibitor_org,
        buyer_admin=member(buyer_org, "admin@saigon.example", Membership.Role.ADMIN),
        buyer_member=member(buyer_org, "clerk@saigon.example"),
        exhibitor_admin=member(exhibitor_org, "boss@robotics.example", Membership.Role.ADMIN),
        organiser=organiser,
        outsider=User.objects.create_user("nobody@example.org", PASSWORD),
    )
