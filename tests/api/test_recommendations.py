"""Recommendations through the API: who may read which list, both sides' views, paging bounds.

The permission matrix covers anonymous, wrong-role and right-role callers; a caller only ever
reads the lists of the organisation they act for, so there is no other organisation's object
to ask for.
"""

from dataclasses import dataclass

import pytest

from tests.accounts.conftest import member, organisation
from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import MeetingRequest
from tradefair.matchmaking.services.recommendations import refresh_recommendations
from tradefair.organisations.models import Need, Offer, Organisation, Participation

URL = "/api/v1/expos/test-expo/recommendations"
Role = Participation.Role
ROBOTS = "HS 847950 Machinery and mechanical appliances: industrial robots, n.e.c. or included"


@dataclass
class Fair:
    buyer: User  # Saigon Fresh Foods (VN): robots and tea from China
    exhibitor: User  # Guangxi Robotics (CN): robots to Vietnam and Thailand
    both: User  # Bangkok Importers (TH, buyer) and Nanning Tea (CN, exhibitor)
    delegate: User
    organiser: User
    outsider: User
    ids: dict[str, int]  # organisation name -> participation id
    request: MeetingRequest


def line(org: Organisation, codes: list[str], markets: list[str]) -> None:
    participation = Participation.objects.get(organisation=org)
    model = Need if participation.role == Role.BUYER else Offer
    made = model.objects.create(participation=participation)
    made.hs_codes.set(codes)
    made.markets.set(markets)


@pytest.fixture
def fair(people, expo: Expo) -> Fair:
    bangkok = organisation(expo, "Bangkok Importers", "TH", Role.BUYER)
    tea = organisation(expo, "Nanning Tea", "CN", Role.EXHIBITOR)
    delegate_org = organisation(expo, "Trade Office", "LA", Role.DELEGATE)
    line(people.buyer_org, ["8479"], ["CN"])
    line(people.buyer_org, ["0902"], ["CN"])
    line(bangkok, ["8479", "847950"], ["CN"])
    line(people.exhibitor_org, ["8479", "847950"], ["VN", "TH"])
    line(tea, ["0902", "090210"], ["VN"])
    both = member(bangkok, "buyer@bangkok.example")
    Membership.objects.create(user=both, organisation=tea)
    ids = {
        p.organisation.name: p.pk
        for p in Participation.objects.filter(expo=expo).select_related("organisation")
    }
    request = MeetingRequest.objects.create(
        expo=expo,
        buyer_id=ids["Saigon Fresh Foods"],
        exhibitor_id=ids["Guangxi Robotics"],
    )
    assert refresh_recommendations(expo=expo, k=5) == 3
    return Fair(
        buyer=people.buyer_member,
        exhibitor=people.exhibitor_admin,
        both=both,
        delegate=member(delegate_org, "attache@trade.example"),
        organiser=people.organiser,
        outsider=people.outsider,
        ids=ids,
        request=request,
    )


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("caller", "query", "status"),
    [
        (None, "", 401),
        ("outsider", "", 403),
        ("delegate", "", 403),
        ("organiser", "", 403),  # organisers read lists in their portal, not as a party
        ("buyer", "?as=exhibitor", 403),
        ("exhibitor", "?as=buyer", 403),
        ("both", "", 400),
        ("buyer", "", 200),
        ("exhibitor", "", 200),
        ("both", "?as=buyer", 200),
        ("both", "?as=exhibitor", 200),
    ],
)
def test_who_may_read_recommendations(fair, as_user, caller, query, status):
    user = getattr(fair, caller) if caller else None
    response = as_user(user).get(URL + query)
    assert response.status_code == status
    if status == 401:
        assert response.json() == {
            "detail": "Please log in first: send the header “Authorization: Bearer <token>”."
        }
    elif status == 403:
        assert response.json() == {"detail": "Your account may not do this in this edition."}
    elif status == 400:
        assert response.json() == {
            "detail": "You are both a buyer and an exhibitor here: add ?as=buyer or ?as=exhibitor."
        }


def test_a_buyer_reads_exhibitors_with_reasons_and_its_request(fair, as_user):
    response = as_user(fair.buyer).get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert (body["limit"], body["offset"]) == (20, 0)
    robots, tea = body["results"]
    assert robots == {
        "id": fair.ids["Guangxi Robotics"],
        "name": "Guangxi Robotics",
        "country": "CN",
        "country_name": "China",
        "score": robots["score"],
        "reasons": [f"both trade {ROBOTS}", "sources from China", "targets Vietnam"],
        "request_id": fair.request.pk,
        "request_status": "pending",
    }
    assert 0 < tea["score"] <= robots["score"] <= 1
    assert (tea["name"], tea["request_id"], tea["request_status"]) == ("Nanning Tea", None, None)


def test_an_exhibitor_reads_buyers(fair, as_user):
    response = as_user(fair.exhibitor).get(URL)
    assert names(response) == ["Saigon Fresh Foods", "Bangkok Importers"]
    assert response.json()["results"][1]["reasons"] == [
        f"both trade {ROBOTS}",
        "sources from China",
        "targets Thailand",
    ]


def test_one_user_reads_either_side_of_their_organisations(fair, as_user):
    client = as_user(fair.both)
    assert names(client.get(URL + "?as=buyer")) == ["Guangxi Robotics"]
    assert names(client.get(URL + "?as=exhibitor")) == ["Saigon Fresh Foods"]


def test_reasons_and_countries_follow_the_requested_language(fair, as_user):
    response = as_user(fair.buyer).get(URL, headers={"Accept-Language": "zh-hans"})
    first = response.json()["results"][0]
    assert first["country_name"] == "中国"
    assert "中国" in first["reasons"][1] and "越南" in first["reasons"][2]


def test_paging(fair, as_user):
    client = as_user(fair.buyer)
    assert names(client.get(URL + "?limit=1")) == ["Guangxi Robotics"]
    page = client.get(URL + "?limit=1&offset=1").json()
    assert (page["count"], page["limit"], page["offset"]) == (2, 1, 1)
    assert [r["name"] for r in page["results"]] == ["Nanning Tea"]
    assert names(client.get(URL + "?offset=2")) == []


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("?limit=0", "“limit” must be from 1 to 100."),
        ("?limit=101", "“limit” must be from 1 to 100."),
        ("?offset=-1", "“offset” must be from 0 to 500."),
        ("?offset=501", "“offset” must be from 0 to 500."),
    ],
)
def test_paging_out_of_bounds_names_the_field(fair, as_user, query, detail):
    response = as_user(fair.buyer).get(URL + query)
    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_an_unknown_edition_is_a_404(fair, as_user):
    response = as_user(fair.buyer).get("/api/v1/expos/nope/recommendations")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no expo called “nope”."}
