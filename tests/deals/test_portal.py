"""The parties' deals page: a buyer reports a deal from a held meeting, the exhibitor confirms
it, each sees it move on; others have no page and no button."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.deals.conftest import member_of
from tradefair.deals.models import Deal

pytestmark = pytest.mark.django_db

ORDER = {
    "kind": "trade",
    "title": "Dragon fruit, 40 containers",
    "counterpart_country": "VN",
    "hs_codes": "0810",
    "value": "480000",
    "currency": "USD",
    "stage": "signed",
    "signed_on": "2025-09-18",
    "public": "on",
}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_report_then_confirm(expo, parties, held):
    buyer, exhibitor = _client(member_of(held, "buyer")), _client(member_of(held, "exhibitor"))
    page = buyer.get(reverse("deals_portal:mine", args=[expo.slug])).content.decode()
    assert "Report a deal" in page
    report = reverse("deals_portal:report", args=[expo.slug, held.pk])
    refused = buyer.post(report, {**ORDER, "signed_on": ""})
    assert "required once a deal is signed" in refused.content.decode()
    done = buyer.post(report, ORDER, follow=True).content.decode()
    deal = Deal.objects.get()
    assert f"{deal.reference} is reported; Guangxi Seller confirms it next" in done
    assert deal.review == Deal.Review.REPORTED
    confirm = reverse("deals_portal:confirm", args=[expo.slug, deal.pk])
    assert f'action="{confirm}"' not in done  # the reporter has nothing to confirm
    other = exhibitor.get(reverse("deals_portal:mine", args=[expo.slug])).content.decode()
    assert f'action="{confirm}"' in other
    confirmed = exhibitor.post(confirm, follow=True).content.decode()
    assert "is confirmed; it counts once the organisers approve it" in confirmed
    assert Deal.objects.get().review == Deal.Review.CONFIRMED


def test_others_have_no_deals_page(expo, parties, held, organiser):
    assert Client().get(reverse("deals_portal:mine", args=[expo.slug])).status_code == 302
    assert _client(organiser).get(reverse("deals_portal:mine", args=[expo.slug])).status_code == 403
