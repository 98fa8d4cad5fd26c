"""Who reaches each registration page: anonymous visitors are sent to log in; a participant
of the edition, staff of another edition and a partner get 403 on the organisers' pages; the
edition's organisers get the page. Refused posts change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.expos.models import Country, Expo
from tradefair.organisations.models import Participation
from tradefair.registration.models import Application, BadgeBatch, DelegationLink

pytestmark = pytest.mark.django_db

CONSOLE = ["applications", "application", "partners", "scan", "figures", "batches", "batch_pdf"]


@pytest.fixture
def pages(expo, organiser, admitted, link) -> dict[str, str]:
    batch = BadgeBatch.objects.create(expo=expo, status=BadgeBatch.Status.DONE, pdf=b"%PDF-1.7")
    args = {"application": [expo.slug, admitted.pk], "batch_pdf": [expo.slug, batch.pk]}
    return {
        name: reverse(f"registration_console:{name}", args=args.get(name, [expo.slug]))
        for name in CONSOLE
    }


def other_editions_staff() -> User:
    other = Expo.objects.create(
        slug="other", name="Other", city="Kunming", host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2026, 6, 1), end_date=dt.date(2026, 6, 3),
    )  # fmt: skip
    user = User.objects.create_user("staff-elsewhere@example.com")
    ExpoStaff.objects.create(user=user, expo=other)
    return user


@pytest.mark.parametrize("name", CONSOLE)
def test_the_console_pages_are_the_editions_organisers(
    client, expo, organiser, partner, pages, name
):
    url = pages[name]
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for user in (
        make_party_in(expo, "A Buyer", Participation.Role.BUYER).user,
        partner.user,
        other_editions_staff(),
    ):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"decision": "reject", "message": "x", "ids": [1]}).status_code in (
            403,
            405,
        )
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    assert set(Application.objects.values_list("status", flat=True)) == {"approved"}
    assert DelegationLink.objects.get().quota == 2


def test_the_public_pages_need_no_log_in_but_a_valid_link(client, expo, link):
    assert client.get(reverse("apply:start", args=[expo.slug])).status_code == 200
    assert client.get(reverse("apply:form", args=[expo.slug, "buyer"])).status_code == 200
    assert client.get(reverse("apply:form", args=[expo.slug, "visitor"])).status_code == 404
    assert client.get(reverse("apply:status", args=[expo.slug, "1:nope"])).status_code == 404
    expo.is_public = False
    expo.save()
    assert client.get(reverse("apply:start", args=[expo.slug])).status_code == 404
