"""After logging in, people land where they work; a safe ``?next=`` still wins."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.accounts.queries.portals import portals_of
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Participation

from .conftest import PASSWORD, People, member, organisation

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
CHOOSER = reverse("accounts:portals")


def log_in(client: Client, email: str, next_url: str | None = None) -> str:
    data = {"username": email, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    response = client.post(LOGIN, data)
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def next_edition() -> Expo:
    return Expo.objects.create(
        slug="next-expo",
        name="Next Expo",
        name_zh="下届博览会",
        city="Nanning",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2026, 9, 17),
        end_date=dt.date(2026, 9, 21),
    )


def rows(client: Client) -> list[tuple[str, str, str, str | None]]:
    response = client.get(CHOOSER)
    assert response.status_code == 200
    return [
        (
            str(portal.label),
            portal.url,
            portal.expo.display_name,
            portal.organisation.display_name if portal.organisation else None,
        )
        for portal in response.context["portals"]
    ]


@pytest.mark.parametrize(
    ("who", "landing"),
    [
        ("organiser", "/test-expo/organiser/"),
        ("buyer_admin", "/test-expo/buyer/"),
        ("buyer_member", "/test-expo/buyer/"),
        ("exhibitor_admin", "/test-expo/exhibitor/"),
        ("outsider", "/accounts/"),
    ],
)
def test_each_person_lands_on_their_portal(client: Client, people: People, who: str, landing):
    assert log_in(client, getattr(people, who).email) == landing


def test_the_landing_page_opens(client: Client, people: People) -> None:
    assert client.get(log_in(client, people.organiser.email)).status_code == 200


def test_several_roles_lead_to_the_chooser(client: Client, people: People) -> None:
    Membership.objects.create(user=people.buyer_admin, organisation=people.exhibitor_org)
    assert log_in(client, people.buyer_admin.email) == CHOOSER
    assert rows(client) == [
        ("Exhibitor portal", "/test-expo/exhibitor/", "Test Expo", "Guangxi Robotics"),
        ("Buyer portal", "/test-expo/buyer/", "Test Expo", "Saigon Fresh Foods"),
    ]


def test_one_role_in_several_editions_leads_to_the_chooser(
    client: Client, people: People, next_edition: Expo
) -> None:
    Participation.objects.create(
        expo=next_edition, organisation=people.buyer_org, role=Participation.Role.BUYER
    )
    assert log_in(client, people.buyer_admin.email) == CHOOSER
    assert rows(client) == [
        ("Buyer portal", "/next-expo/buyer/", "Next Expo", "Saigon Fresh Foods"),
        ("Buyer portal", "/test-expo/buyer/", "Test Expo", "Saigon Fresh Foods"),
    ]


def test_organiser_staff_of_one_edition_go_to_its_console_whatever_else_they_are(
    client: Client, people: People
) -> None:
    Membership.objects.create(user=people.organiser, organisation=people.buyer_org)
    assert log_in(client, people.organiser.email) == "/test-expo/organiser/"


def test_organiser_staff_of_several_editions_choose(
    client: Client, people: People, next_edition: Expo
) -> None:
    ExpoStaff.objects.create(user=people.organiser, expo=next_edition)
    assert log_in(client, people.organiser.email) == CHOOSER
    assert rows(client) == [
        ("Organiser console", "/next-expo/organiser/", "Next Expo", None),
        ("Organiser console", "/test-expo/organiser/", "Test Expo", None),
    ]


def test_investors_and_delegates_have_no_portal_and_land_on_their_account(
    client: Client, expo: Expo
) -> None:
    investor = member(organisation(expo, "Mekong Capital", "VN", "investor"), "fund@mekong.example")
    assert log_in(client, investor.email) == "/accounts/"


def test_a_person_acts_for_the_organisation_they_joined_first(
    client: Client, people: People, expo: Expo
) -> None:
    later = organisation(expo, "Bangkok Traders", "TH", Participation.Role.BUYER)
    Membership.objects.create(user=people.buyer_admin, organisation=later)
    assert log_in(client, people.buyer_admin.email) == "/test-expo/buyer/"
    assert [p.organisation for p in portals_of(people.buyer_admin)] == [people.buyer_org]


def test_a_safe_next_wins(client: Client, people: People) -> None:
    assert log_in(client, people.organiser.email, "/test-expo/") == "/test-expo/"


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/steal", "//evil.example/steal", "javascript:alert(1)"]
)
def test_an_unsafe_next_is_refused(client: Client, people: People, unsafe: str) -> None:
    assert log_in(client, people.organiser.email, unsafe) == "/test-expo/organiser/"


def test_the_login_page_sends_logged_in_people_to_their_portal(
    client: Client, people: People
) -> None:
    client.force_login(people.exhibitor_admin)
    response = client.get(LOGIN)
    assert response.status_code == 302 and response["Location"] == "/test-expo/exhibitor/"


def test_the_chooser_without_any_portal_sends_to_the_account_page(
    client: Client, people: People
) -> None:
    client.force_login(people.outsider)
    response = client.get(CHOOSER)
    assert response.status_code == 302 and response["Location"] == "/accounts/"


def test_the_chooser_needs_a_login(client: Client) -> None:
    response = client.get(CHOOSER)
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}?next={CHOOSER}"


def test_the_chooser_speaks_chinese(client: Client, people: People) -> None:
    Membership.objects.create(user=people.buyer_admin, organisation=people.exhibitor_org)
    client.force_login(people.buyer_admin)
    body = client.get(f"/zh-hans{CHOOSER}").content.decode()
    assert 'href="/zh-hans/test-expo/exhibitor/"' in body
    assert "测试博览会" in body and "展商门户" in body and "采购商门户" in body


def test_inactive_and_anonymous_people_have_no_portal(people: People) -> None:
    people.buyer_admin.is_active = False
    assert portals_of(people.buyer_admin) == []
    assert portals_of(AnonymousUser()) == []


def test_a_superuser_has_every_console(client: Client, expo: Expo, next_edition: Expo) -> None:
    User.objects.create_superuser("root@expo.example", PASSWORD)
    assert log_in(client, "root@expo.example") == CHOOSER
    assert [portal.url for portal in portals_of(User.objects.get())] == [
        "/next-expo/organiser/",
        "/test-expo/organiser/",
    ]


@pytest.mark.parametrize("editions", [1, 3])
def test_finding_the_portals_costs_two_queries(
    people: People, expo: Expo, editions: int, django_assert_num_queries
) -> None:
    Membership.objects.create(user=people.organiser, organisation=people.buyer_org)
    for n in range(1, editions):
        other = Expo.objects.create(
            slug=f"expo-{n}",
            name=f"Expo {n}",
            city="Nanning",
            host_country_id="CN",
            start_date=dt.date(2020 + n, 9, 17),
            end_date=dt.date(2020 + n, 9, 21),
        )
        ExpoStaff.objects.create(user=people.organiser, expo=other)
        Participation.objects.create(expo=other, organisation=people.buyer_org, role="buyer")
    with django_assert_num_queries(2):
        found = portals_of(people.organiser)
    assert [portal.role for portal in found] == ["organiser", "buyer"] * editions
