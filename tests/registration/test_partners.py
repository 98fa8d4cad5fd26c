"""Partners: the organisers give a partner a delegation with a quota and a link; the partner
reviews the applications through it in its portal and sees its members, meetings and deals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Application, DelegationLink
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.links import change_link, create_link

pytestmark = pytest.mark.django_db


def test_the_organiser_creates_a_delegation_link_and_keeps_its_quota_sane(
    expo, organiser, partner, apply
):
    link = create_link(
        expo=expo, partner=partner.participation, name="Thai buyers", quota=1, by_user=organiser
    )
    assert link.delegation.partner == partner.participation and len(link.token) >= 16
    with pytest.raises(RegistrationError, match="already has this name"):
        create_link(
            expo=expo, partner=partner.participation, name="Thai buyers", quota=1, by_user=organiser
        )
    apply(link)
    with pytest.raises(RegistrationError, match="between 1 and 10,000") as refused:
        change_link(link=link, quota=0, is_open=True, by_user=organiser)
    assert refused.value.field == "quota"
    bigger = change_link(link=link, quota=2, is_open=True, by_user=organiser)
    apply(bigger, name="Second Co")
    with pytest.raises(RegistrationError, match="cannot be below 2"):
        change_link(link=link, quota=1, is_open=True, by_user=organiser)
    buyer = make_party_in(expo, "A Buyer", Participation.Role.BUYER)
    with pytest.raises(RegistrationError, match="Choose a partner"):
        create_link(
            expo=expo, partner=buyer.participation, name="Wrong", quota=1, by_user=organiser
        )
    closed = change_link(link=link, quota=5, is_open=False, by_user=organiser)
    assert (closed.quota, closed.is_open) == (5, False)


def test_the_partners_page_of_the_console(client, expo, organiser, partner):
    client.force_login(organiser)
    url = reverse("registration_console:partners", args=[expo.slug])
    created = client.post(
        url, {"partner": partner.participation.pk, "name": "Lao buyers", "quota": "3"}
    )
    assert created.status_code == 302
    link = DelegationLink.objects.get()
    page = client.get(url).content.decode()
    assert f"?via={link.token}" in page and "0 standing, 0 admitted" in page
    refused = client.post(url, {"link": link.pk, "quota": "0"})
    assert refused.status_code == 200 and DelegationLink.objects.get().quota == 3


def test_the_partner_reviews_in_its_portal(client, expo, partner, link, apply):
    application = apply(link)
    client.force_login(partner.user)
    home = client.get(reverse("partner:home", args=[expo.slug])).content.decode()
    assert "1 application waits for you" in home and f"?via={link.token}" in home
    assert "1 / 2" in home  # places taken of the quota
    url = reverse("partner:application", args=[expo.slug, application.pk])
    page = client.get(url).content.decode()
    assert "Forward to the organisers" in page and "Nguyễn Văn An" in page
    assert client.post(url, {"decision": "approve", "message": ""}).status_code == 302
    assert Application.objects.get().status == Application.Status.SUBMITTED


def test_the_partner_portal_is_the_partners_own(client, expo, partner, link, apply):
    application = apply(link)
    url = reverse("partner:application", args=[expo.slug, application.pk])
    home = reverse("partner:home", args=[expo.slug])
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(make_party_in(expo, "Other Council", Participation.Role.PARTNER).user)
    assert client.get(home).status_code == 200
    assert client.get(url).status_code == 404  # not one of its delegations'
    assert client.post(url, {"decision": "approve"}).status_code == 404
    client.force_login(make_party_in(expo, "Some Buyer", Participation.Role.BUYER).user)
    assert client.get(home).status_code == 403
    assert Application.objects.get().status == Application.Status.WITH_PARTNER


def test_the_partners_page_costs_the_same_queries_for_one_partner_or_three(
    client, expo, organiser, partner, link, apply
):
    """The page shows each partner's links: not their members, applications or deals."""
    apply(link)
    client.force_login(organiser)
    url = reverse("registration_console:partners", args=[expo.slug])
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n in range(2):
        other = make_party_in(expo, f"Chamber {n}", Participation.Role.PARTNER).participation
        for name in ("Fruit", "Rubber"):
            delegation = Delegation.objects.create(expo=expo, partner=other, name=f"{name} {n}")
            DelegationLink.objects.create(
                expo=expo, delegation=delegation, token=f"{name}-{n}", quota=4
            )
    with CaptureQueriesContext(connection) as three:
        page = client.get(url).content.decode()
    assert len(three.captured_queries) == len(one.captured_queries)
    assert "1 standing, 0 admitted" in page and page.count("0 standing, 0 admitted") == 4


def test_the_partner_portal_pages_its_members_and_shows_the_latest_reviewed(
    client, expo, partner, link, apply, monkeypatch
):
    """A partner bringing 625 buyers had them all, and all their applications, on one page."""
    from tradefair.registration.queries import partner as portal

    monkeypatch.setattr(portal, "MEMBERS_PAGE", 2)
    monkeypatch.setattr(portal, "REVIEWED_SHOWN", 1)
    link.quota = 10
    link.save()
    for n in range(3):
        member = make_party_in(expo, f"Member {n}", Participation.Role.BUYER).participation
        Participation.objects.filter(pk=member.pk).update(delegation=link.delegation)
    for n in range(2):
        reviewed = apply(link, name=f"Applicant {n}", email=f"buying@applicant{n}.vn")
        Application.objects.filter(pk=reviewed.pk).update(status=Application.Status.SUBMITTED)
    client.force_login(partner.user)
    home = reverse("partner:home", args=[expo.slug])
    first = client.get(home)
    page = first.content.decode()
    assert [m.participation.organisation.name for m in first.context["delegations"].members] == [
        "Member 0",
        "Member 1",
    ]
    assert "Admitted members (3)" in page and 'rel="next"' in page
    assert "The latest 1 of 2" in page
    second = client.get(f"{home}?page=2").context["delegations"]
    assert [m.participation.organisation.name for m in second.members] == ["Member 2"]
