"""An edition not yet public: the site shows it only in its organisers' console (its public
pages and portals answer 404), and the API answers the same 404 to everyone but them."""

import pytest

from tradefair.expos.models import Expo

pytestmark = pytest.mark.django_db

BASE = "/api/v1/expos/test-expo"


@pytest.fixture
def draft(expo: Expo, people) -> Expo:
    Expo.objects.filter(pk=expo.pk).update(is_public=False)
    return expo


NOT_FOUND = {"detail": "There is no expo called “test-expo”."}


@pytest.mark.parametrize("path", ["/exhibitors", "/deals", "/programme", "/bulletin"])
def test_nobody_but_its_organisers_finds_a_draft(as_user, people, draft, path):
    for caller in (None, people.outsider, people.exhibitor_admin, people.buyer_admin):
        answer = as_user(caller).get(f"{BASE}{path}")
        assert (answer.status_code, answer.json()) == (404, NOT_FOUND), (caller, path)


def test_its_organisers_read_it_and_its_participants_cannot_write_to_it(as_user, people, draft):
    organiser = as_user(people.organiser)
    assert organiser.get(f"{BASE}/exhibitors").status_code == 200
    assert organiser.get(f"{BASE}/deals").status_code == 200
    profile = as_user(people.exhibitor_admin).put(
        f"{BASE}/exhibitor/profile", {"name": "Guangxi Robotics"}, content_type="application/json"
    )
    assert (profile.status_code, profile.json()) == (404, NOT_FOUND)
    request = as_user(people.buyer_admin).post(
        f"{BASE}/meeting-requests",
        {"exhibitor": people.exhibitor_org.pk, "priority": 3},
        content_type="application/json",
    )
    assert request.status_code == 404
    agenda = as_user(people.buyer_admin).get(f"{BASE}/agenda")
    assert agenda.status_code == 404


def test_a_public_edition_is_found_as_before(as_user, people):
    assert as_user(None).get(f"{BASE}/exhibitors").status_code == 200


def test_an_organiser_who_also_belongs_to_a_participant_does_not_act_for_it_in_a_draft(
    as_user, people, draft
):
    """The draft's portals answer 404 to them on the site, so the API takes no participant's
    write from them either; they still read the draft as its organiser."""
    from tests.accounts.conftest import member
    from tradefair.matchmaking.models import MeetingRequest

    staff = people.organiser
    for org in (people.buyer_org, people.exhibitor_org):
        member(org, f"colleague-{org.pk}@expo.example")  # the organisations have other members
        org.memberships.create(user=staff, role="admin")
    client = as_user(staff)
    asked = client.post(
        f"{BASE}/meeting-requests",
        {"exhibitor": people.exhibitor_org.participations.get().pk, "priority": 3},
        content_type="application/json",
    )
    assert asked.status_code == 403, asked.content
    renamed = client.put(
        f"{BASE}/buyer/profile", {"name": "Renamed Foods"}, content_type="application/json"
    )
    assert renamed.status_code == 403, renamed.content
    assert not MeetingRequest.objects.exists()
    people.buyer_org.refresh_from_db()
    assert people.buyer_org.name == "Saigon Fresh Foods"
    assert client.get(f"{BASE}/exhibitors").status_code == 200
