"""Badge batches for the print shop: drawn in the worker as one PDF, only new or replaced
badges by default, split by role or delegation; organisers only."""

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge, BadgeBatch
from tradefair.registration.services.badges import revoke
from tradefair.registration.services.batches import queue_batch
from tradefair.registration.services.errors import RegistrationError

pytestmark = pytest.mark.django_db


def test_a_batch_prints_new_badges_once_and_replaced_ones_again(
    expo, organiser, admitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = queue_batch(expo=expo, by_user=organiser)
    batch.refresh_from_db()
    assert batch.status == BadgeBatch.Status.DONE and batch.badges == 2
    assert bytes(batch.pdf).startswith(b"%PDF")
    assert set(Badge.objects.values_list("printed_version", flat=True)) == {1}
    with pytest.raises(RegistrationError, match="nothing to print"):
        queue_batch(expo=expo, by_user=organiser)
    revoke(badge=Badge.objects.order_by("pk").first(), by_user=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        again = queue_batch(expo=expo, by_user=organiser)
    again.refresh_from_db()
    assert again.badges == 1 and again.status == BadgeBatch.Status.DONE


def test_a_batch_by_role(expo, organiser, admitted):
    with pytest.raises(RegistrationError, match="nothing to print"):
        queue_batch(expo=expo, by_user=organiser, role="exhibitor")
    with pytest.raises(RegistrationError, match="Choose a role"):
        queue_batch(expo=expo, by_user=organiser, role="visitor")


def test_the_printing_page_and_its_pdf(
    client, expo, organiser, admitted, django_capture_on_commit_callbacks
):
    url = reverse("registration_console:batches", args=[expo.slug])
    client.force_login(make_party_in(expo, "A Buyer", Participation.Role.BUYER).user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"only_new": "on"}).status_code == 403
    assert not BadgeBatch.objects.exists()
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"only_new": "on"}).status_code == 302
    batch = BadgeBatch.objects.get()
    page = client.get(url).content.decode()
    assert "Download the PDF" in page
    pdf = client.get(reverse("registration_console:batch_pdf", args=[expo.slug, batch.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
