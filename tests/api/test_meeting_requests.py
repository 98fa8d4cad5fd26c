"""Meeting requests through the API: the services' rules, their messages and who sees what.

The permission matrix covers every private endpoint over anonymous, other-organisation,
wrong-role and right-role callers.
"""

from dataclasses import dataclass

import pytest

from tests.accounts.conftest import member, organisation
from tradefair.accounts.models import User
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Participation

BASE = "/api/v1/expos/test-expo/meeting-requests"
Role = Participation.Role


@dataclass
class Fair:
    buyer: User
    exhibitor: User
    other_buyer: User
    other_exhibitor: User
    delegate: User
    organiser: User
    exhibitor_id: int
    other_exhibitor_id: int
    request: MeetingRequest


@pytest.fixture
def fair(people, expo) -> Fair:
    other_buyer_org = organisation(expo, "Bangkok Importers", "TH", Role.BUYER)
    other_exhibitor_org = organisation(expo, "Nanning Tea", "CN", Role.EXHIBITOR)
    delegate_org = organisation(expo, "Trade Office", "LA", Role.DELEGATE)
    exhibitor = Participation.objects.get(organisation=people.exhibitor_org)
    request = MeetingRequest.objects.create(
        expo=expo,
        buyer=Participation.objects.get(organisation=people.buyer_org),
        exhibitor=exhibitor,
        message="Robots for our warehouse",
    )
    return Fair(
        buyer=people.buyer_member,
        exhibitor=people.exhibitor_admin,
        other_buyer=member(other_buyer_org, "buyer@bangkok.example"),
        other_exhibitor=member(other_exhibitor_org, "sales@tea.example"),
        delegate=member(delegate_org, "attache@trade.example"),
        organiser=people.organiser,
        exhibitor_id=exhibitor.pk,
        other_exhibitor_id=Participation.objects.get(organisation=other_exhibitor_org).pk,
        request=request,
    )


def call(as_user, user, method, path, body=None):
    client = as_user(user)
    if method == "get":
        return client.get(path)
    return client.post(path, body or {}, content_type="application/json")


# (endpoint, caller, expected status); the caller is an attribute of Fair or None.
MATRIX = [
    # Create: only buyers; the exhibitor must be of this edition.
    ("create", None, 401),
    ("create", "delegate", 403),
    ("create", "exhibitor", 403),
    ("create", "other_buyer", 201),
    # List: buyers, exhibitors and organisers; others are refused.
    ("list", None, 401),
    ("list", "delegate", 403),
    ("list", "other_buyer", 200),
    ("list", "buyer", 200),
    # Accept and decline: another organisation's request is not there at all.
    ("accept", None, 401),
    ("accept", "other_exhibitor", 404),
    ("accept", "other_buyer", 404),
    ("accept", "delegate", 403),
    ("accept", "buyer", 403),
    ("accept", "exhibitor", 200),
    # Organisers see every request but answer none: no page of theirs does.
    ("accept", "organiser", 403),
    ("decline", "organiser", 403),
    ("decline", None, 401),
    ("decline", "other_exhibitor", 404),
    ("decline", "delegate", 403),
    ("decline", "buyer", 403),
    ("decline", "exhibitor", 200),
]


@pytest.mark.parametrize(("endpoint", "caller", "status"), MATRIX)
def test_permission_matrix(as_user, fair, endpoint, caller, status):
    user = getattr(fair, caller) if caller else None
    rid = fair.request.pk
    method, path, body = {
        "create": ("post", BASE, {"exhibitor": fair.exhibitor_id, "priority": 2}),
        "list": ("get", BASE, None),
        "accept": ("post", f"{BASE}/{rid}/accept", None),
        "decline": ("post", f"{BASE}/{rid}/decline", {"reason": "Fully booked"}),
    }[endpoint]
    response = call(as_user, user, method, path, body)
    assert response.status_code == status, response.content
    if status >= 400:
        assert response.json()["detail"]
        fair.request.refresh_from_db()
        assert fair.request.status == MeetingRequest.Status.PENDING


def test_lists_show_only_the_callers_organisations(as_user, fair):
    assert [r["id"] for r in as_user(fair.buyer).get(BASE).json()["results"]] == [fair.request.pk]
    assert as_user(fair.other_buyer).get(BASE).json()["results"] == []
    assert as_user(fair.other_exhibitor).get(BASE).json()["results"] == []
    assert [r["id"] for r in as_user(fair.organiser).get(BASE).json()["results"]] == [
        fair.request.pk
    ]


def test_an_organiser_reads_the_editions_requests_a_page_at_a_time(as_user, fair):
    """The whole edition's requests were one answer: 150,000 of them at the reference size."""
    from tradefair.matchmaking.api.requests import PAGE_SIZE

    buyer = fair.request.buyer
    for n in range(PAGE_SIZE + 4):
        exhibitor = organisation(fair.request.expo, f"Maker {n}", "CN", Role.EXHIBITOR)
        MeetingRequest.objects.create(
            expo=fair.request.expo,
            buyer=buyer,
            exhibitor=Participation.objects.get(organisation=exhibitor),
        )
    client = as_user(fair.organiser)
    first = client.get(BASE).json()
    assert (first["count"], first["page"], first["pages"]) == (PAGE_SIZE + 5, 1, 2)
    assert len(first["results"]) == PAGE_SIZE
    second = client.get(f"{BASE}?page=2").json()
    assert len(second["results"]) == 5
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert ids == sorted(ids) and len(set(ids)) == PAGE_SIZE + 5
    assert client.get(f"{BASE}?page=9").json()["page"] == 2  # past the last: the last
    assert client.get(f"{BASE}?page=0").status_code == 422


def test_a_buyer_requests_and_the_exhibitor_accepts(as_user, fair):
    made = call(
        as_user,
        fair.buyer,
        "post",
        BASE,
        {"exhibitor": fair.other_exhibitor_id, "message": "Tea", "priority": 3},
    )
    assert made.status_code == 201
    body = made.json()
    assert (body["status"], body["priority"]) == ("pending", 3)
    assert body["exhibitor_name"] == "Nanning Tea"
    accepted = call(as_user, fair.other_exhibitor, "post", f"{BASE}/{body['id']}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    again = call(as_user, fair.other_exhibitor, "post", f"{BASE}/{body['id']}/accept")
    assert again.json()["status"] == "accepted"  # idempotent


def test_service_errors_carry_the_services_message(as_user, fair):
    duplicate = call(
        as_user, fair.buyer, "post", BASE, {"exhibitor": fair.exhibitor_id, "priority": 3}
    )
    assert duplicate.status_code == 409
    assert duplicate.json() == {"detail": "You already have an open request to Guangxi Robotics."}

    bad = call(
        as_user, fair.buyer, "post", BASE, {"exhibitor": fair.other_exhibitor_id, "priority": 9}
    )
    assert bad.status_code == 422
    assert bad.json() == {"detail": "“priority” must be from 1 to 5."}

    rid = fair.request.pk
    declined = call(as_user, fair.exhibitor, "post", f"{BASE}/{rid}/decline", {"reason": "Full"})
    assert declined.json()["decline_reason"] == "Full"
    late = call(as_user, fair.exhibitor, "post", f"{BASE}/{rid}/accept")
    assert late.status_code == 409
    assert late.json() == {"detail": "This request was declined and cannot be accepted."}


def test_unknown_exhibitor_request_and_expo_are_404(as_user, fair):
    assert (
        call(as_user, fair.buyer, "post", BASE, {"exhibitor": 999999, "priority": 3}).status_code
        == 404
    )
    assert call(as_user, fair.exhibitor, "post", f"{BASE}/999999/accept").status_code == 404
    response = as_user(fair.buyer).get("/api/v1/expos/nowhere/meeting-requests")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no expo called “nowhere”."}


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(as_user, fair):
    """ "Co., Ltd." closes the refusal without a second full stop."""
    exhibitor = Participation.objects.get(pk=fair.exhibitor_id)
    exhibitor.organisation.name = "Guangxi Robotics Co., Ltd."
    exhibitor.organisation.save()
    duplicate = call(
        as_user, fair.buyer, "post", BASE, {"exhibitor": fair.exhibitor_id, "priority": 3}
    )
    assert duplicate.json() == {
        "detail": "You already have an open request to Guangxi Robotics Co., Ltd."
    }


def test_the_pages_follow_when_requests_were_made_with_both_sides_named(as_user, fair):
    """The page's ids come first in the list's order (when made), then those rows."""
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    expo, buyer = fair.request.expo, fair.request.buyer
    made = [
        MeetingRequest.objects.create(
            expo=expo,
            buyer=buyer,
            exhibitor=Participation.objects.get(
                organisation=organisation(expo, f"Maker {n}", "CN", Role.EXHIBITOR)
            ),
        )
        for n in range(3)
    ]
    # the last one was made first (a file imported with its dates, as the demo's are)
    MeetingRequest.objects.filter(pk=made[2].pk).update(
        created_at=fair.request.created_at - dt.timedelta(days=1)
    )
    client = as_user(fair.organiser)
    client.get(BASE)
    with CaptureQueriesContext(connection) as few:
        results = client.get(BASE).json()["results"]
    assert [r["id"] for r in results] == [made[2].pk, fair.request.pk, made[0].pk, made[1].pk]
    assert [r["exhibitor_name"] for r in results][2:] == ["Maker 0", "Maker 1"]
    for n in range(3, 6):
        exhibitor = organisation(expo, f"Maker {n}", "CN", Role.EXHIBITOR)
        MeetingRequest.objects.create(
            expo=expo, buyer=buyer, exhibitor=Participation.objects.get(organisation=exhibitor)
        )
    with CaptureQueriesContext(connection) as more:
        assert len(client.get(BASE).json()["results"]) == 7
    assert len(more.captured_queries) == len(few.captured_queries)
