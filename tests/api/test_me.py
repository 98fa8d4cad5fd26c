"""``GET /api/v1/me``: 401 for anonymous callers, the user's organisations, roles and the
participations they act for otherwise."""

import datetime as dt

from tests.accounts.conftest import organisation
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation

URL = "/api/v1/me"


def test_anonymous_gets_401_with_a_message(client):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Please log in first")


def test_a_member_sees_their_organisation_and_roles(as_user, people, expo):
    response = as_user(people.buyer_member).get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "email": "clerk@saigon.example",
        "organisations": [people.buyer_org.pk],
        "expos": [
            {
                "expo": expo.slug,
                "roles": ["buyer"],
                "participations": [
                    {
                        "expo": expo.slug,
                        "role": "buyer",
                        "participation": Participation.objects.get(
                            organisation=people.buyer_org
                        ).pk,
                        "organisation": people.buyer_org.pk,
                        "name": "Saigon Fresh Foods",
                    }
                ],
            }
        ],
    }


def test_organiser_staff_see_the_organiser_role(as_user, people, expo):
    body = as_user(people.organiser).get(URL).json()
    assert body["organisations"] == []
    assert body["expos"] == [{"expo": expo.slug, "roles": ["organiser"], "participations": []}]


def test_an_outsider_has_no_roles(as_user, people):
    body = as_user(people.outsider).get(URL).json()
    assert body == {"email": "nobody@example.org", "organisations": [], "expos": []}


def test_each_edition_names_its_own_participations(as_user, people, expo):
    """An organisation that buys and exhibits in one edition and buys in the next: each
    participation under its own edition, with the id that edition's requests take."""
    Participation.objects.create(
        expo=expo, organisation=people.buyer_org, role=Participation.Role.EXHIBITOR
    )
    later = Expo.objects.create(
        slug="next-expo",
        name="Next Expo",
        city="Nanning",
        host_country_id="CN",
        start_date=dt.date(2026, 9, 17),
        end_date=dt.date(2026, 9, 21),
    )
    next_buyer = Participation.objects.create(
        expo=later, organisation=people.buyer_org, role=Participation.Role.BUYER
    )
    body = as_user(people.buyer_member).get(URL).json()
    acting = {
        entry["expo"]: [(p["expo"], p["role"], p["participation"]) for p in entry["participations"]]
        for entry in body["expos"]
    }
    mine = Participation.objects.filter(organisation=people.buyer_org, expo=expo)
    assert acting == {
        expo.slug: [
            ("test-expo", "buyer", mine.get(role="buyer").pk),
            ("test-expo", "exhibitor", mine.get(role="exhibitor").pk),
        ],
        "next-expo": [("next-expo", "buyer", next_buyer.pk)],
    }


def test_an_api_client_finds_the_id_to_send_from_me_alone(as_user, people, expo):
    """An exhibitor's client reads its participation from /me and asks a buyer with it."""
    client = as_user(people.exhibitor_admin)
    (entry,) = client.get(URL).json()["expos"]
    (acting,) = entry["participations"]
    assert (acting["role"], acting["name"]) == ("exhibitor", "Guangxi Robotics")
    mine = Participation.objects.get(pk=acting["participation"])
    assert mine.organisation == people.exhibitor_org
    buyer = Participation.objects.get(organisation=people.buyer_org)
    made = client.post(
        f"/api/v1/expos/{acting['expo']}/meeting-requests",
        {"buyer": buyer.pk, "message": "Robots for your warehouse", "priority": 1},
        content_type="application/json",
    )
    assert made.status_code == 201, made.json()
    assert made.json()["exhibitor"] == acting["participation"]


def test_a_member_of_two_organisations_sees_both(as_user, people, expo):
    other = organisation(expo, "Mekong Traders", "KH", Participation.Role.BUYER)
    user = people.buyer_member
    other.memberships.create(user=user)
    (entry,) = as_user(user).get(URL).json()["expos"]
    assert [p["name"] for p in entry["participations"]] == ["Mekong Traders", "Saigon Fresh Foods"]
