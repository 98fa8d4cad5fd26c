"""The demo's log-ins: made once, for the chosen organisations, and able to log in."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.accounts.services.roles import organisation_of, roles_in_expo
from tradefair.demo.accounts import ensure_demo_accounts
from tradefair.demo.management.commands.demo import Command
from tradefair.expos.models import Expo

from .conftest import organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_demo(db) -> Expo:
    """A miniature of the demo: buyers in three ASEAN countries and China, exhibitors in two."""
    expo = Expo.objects.create(
        slug="caexpo-22",
        name="22nd China-ASEAN Expo",
        host_country_id="CN",
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )
    for name, country in [
        ("Zeta Wholesale JSC", "VN"),
        ("An Binh Wholesale JSC", "VN"),
        ("Siam Foods", "TH"),
        ("Kuala Traders", "MY"),
        ("Brunei Hub", "BN"),
        ("Beijing Buyer", "CN"),
        ("Lao Imports", "LA"),
    ]:
        organisation(expo, name, country, "buyer")
    for name, country in [
        ("Guangxi Robotics", "CN"),
        ("Anhui Ankang", "CN"),
        ("Yunnan Tea", "CN"),
        ("Beibu Gulf Port", "CN"),
        ("Chongqing Motors", "CN"),
        ("Zhejiang Textiles", "CN"),
        ("Hanoi Exporter", "VN"),
    ]:
        organisation(expo, name, country, "exhibitor")
    return expo


def test_the_demo_accounts_are_made_once(small_demo):
    first = ensure_demo_accounts("caexpo-22")
    counts = (User.objects.count(), Membership.objects.count(), ExpoStaff.objects.count())
    assert ensure_demo_accounts("caexpo-22") == first
    assert (User.objects.count(), Membership.objects.count(), ExpoStaff.objects.count()) == counts
    assert [(a.email, a.organisation) for a in first] == [
        ("organiser@caexpo.demo", "22nd China-ASEAN Expo"),
        ("buyer1@caexpo.demo", "An Binh Wholesale JSC"),  # Vietnam first, first by name
        ("buyer2@caexpo.demo", "Siam Foods"),
        ("buyer3@caexpo.demo", "Kuala Traders"),
        ("buyer4@caexpo.demo", "Brunei Hub"),  # then the rest of ASEAN by code
        ("buyer5@caexpo.demo", "Lao Imports"),
        ("exhibitor1@caexpo.demo", "Anhui Ankang"),
        ("exhibitor2@caexpo.demo", "Beibu Gulf Port"),
        ("exhibitor3@caexpo.demo", "Chongqing Motors"),
        ("exhibitor4@caexpo.demo", "Guangxi Robotics"),
        ("exhibitor5@caexpo.demo", "Yunnan Tea"),
    ]
    assert counts == (11, 10, 1)
    assert set(Membership.objects.values_list("role", flat=True)) == {"admin"}


def test_the_demo_accounts_have_their_roles(small_demo):
    ensure_demo_accounts("caexpo-22")
    organiser = User.objects.get(email="organiser@caexpo.demo")
    assert roles_in_expo(organiser, small_demo) == {"organiser"}
    assert organiser.is_staff and not organiser.is_superuser
    assert organiser.has_perm("organisations.change_participation")
    assert not organiser.has_perm("accounts.change_user")
    buyer = User.objects.get(email="buyer3@caexpo.demo")
    assert roles_in_expo(buyer, small_demo) == {"buyer"}
    acting = organisation_of(buyer, small_demo, "buyer")
    assert acting is not None and acting.organisation.name == "Kuala Traders"


@pytest.mark.parametrize(
    "email", ["organiser@caexpo.demo", "buyer1@caexpo.demo", "exhibitor5@caexpo.demo"]
)
def test_the_demo_accounts_log_in_with_demo(client, small_demo, email):
    ensure_demo_accounts("caexpo-22")
    response = client.post(reverse("accounts:login"), {"username": email, "password": "demo"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)


def test_the_organiser_can_use_the_admin(client, small_demo):
    ensure_demo_accounts("caexpo-22")
    client.post(
        reverse("accounts:login"), {"username": "organiser@caexpo.demo", "password": "demo"}
    )
    assert client.get(reverse("admin:organisations_participation_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_the_demo_command_prints_the_accounts(small_demo, settings):
    settings.DEBUG = True
    out = io.StringIO()
    Command(stdout=out)._accounts("caexpo-22")
    lines = out.getvalue().splitlines()
    assert lines[0] == "Demo accounts (password: demo), log in at /accounts/login/:"
    assert lines[1].split() == ["organiser@caexpo.demo", "organiser", "22nd", "China-ASEAN", "Expo"]
    assert len(lines) == 12


def test_no_demo_accounts_without_debug(small_demo, settings):
    settings.DEBUG = False
    out = io.StringIO()
    Command(stdout=out)._accounts("caexpo-22")
    assert out.getvalue() == "DEBUG is off: no demo accounts were created.\n"
    assert not User.objects.exists()
