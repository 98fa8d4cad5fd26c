"""Leads: an exhibitor's staff scan a visitor; notes and a rating; contact details only when
the visitor agreed; CSV and XLSX exports; nobody else sees them."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.matchmaking.conftest import make_party_in
from tradefair.organisations.models import Participation
from tradefair.registration.models import Badge, Lead
from tradefair.registration.services.badges import badge_of, token
from tradefair.registration.services.errors import RegistrationError
from tradefair.registration.services.leads import scan_lead, update_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(expo):
    return make_party_in(expo, "Guangxi Fruit Co", Participation.Role.EXHIBITOR)


def codes() -> dict[str, str]:
    return {b.email: token(b) for b in Badge.objects.all()}


def test_a_scan_makes_one_lead_and_shares_contacts_only_when_agreed(
    client, expo, admitted, exhibitor
):
    found = codes()
    lead, created = scan_lead(expo=expo, code=found["an@mekongfresh.vn"], by_user=exhibitor.user)
    again, created_again = scan_lead(
        expo=expo, code=found["an@mekongfresh.vn"], by_user=exhibitor.user
    )
    assert created and not created_again and again == lead
    scan_lead(expo=expo, code=found["binh@mekongfresh.vn"], by_user=exhibitor.user)
    update_lead(lead=lead, notes="Wants 2 containers a month", rating=5, by_user=exhibitor.user)
    client.force_login(exhibitor.user)
    page = client.get(reverse("leads:list", args=[expo.slug])).content.decode()
    assert "an@mekongfresh.vn" in page  # An agreed to share
    assert "binh@mekongfresh.vn" not in page and "Contact details not shared." in page
    exported = client.get(reverse("leads:export_csv", args=[expo.slug])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0][:3] == ["Name", "Name in Latin letters", "Job title"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["Nguyen Van An"][5] == "an@mekongfresh.vn" and by_name["Nguyen Van An"][8] == "5"
    assert by_name["Tran Thi Binh"][5] == ""
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("leads:export_xlsx", args=[expo.slug])).content)
    )
    assert workbook.active.max_row == 3


def test_refusals(expo, admitted, exhibitor):
    with pytest.raises(RegistrationError, match="forged"):
        scan_lead(expo=expo, code="TF.1.2.3:x", by_user=exhibitor.user)
    own = badge_of(exhibitor.user, expo)
    with pytest.raises(RegistrationError, match="colleague's badge"):
        scan_lead(expo=expo, code=token(own), by_user=exhibitor.user)
    lead, _ = scan_lead(expo=expo, code=codes()["an@mekongfresh.vn"], by_user=exhibitor.user)
    other = make_party_in(expo, "Other Exhibitor", Participation.Role.EXHIBITOR)
    with pytest.raises(RegistrationError, match="another exhibitor"):
        update_lead(lead=lead, notes="mine now", rating=1, by_user=other.user)
    with pytest.raises(RegistrationError, match="1 \\(cold\\) to 5"):
        update_lead(lead=lead, notes="", rating=7, by_user=exhibitor.user)
    assert Lead.objects.get().notes == ""


def test_the_leads_pages_are_the_exhibitors_own(client, expo, admitted, exhibitor):
    lead, _ = scan_lead(expo=expo, code=codes()["an@mekongfresh.vn"], by_user=exhibitor.user)
    urls = [
        reverse("leads:list", args=[expo.slug]),
        reverse("leads:export_csv", args=[expo.slug]),
    ]
    for url in urls:
        assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(make_party_in(expo, "A Buyer", Participation.Role.BUYER).user)
    for url in urls:
        assert client.get(url).status_code == 403
    client.force_login(make_party_in(expo, "Other Exhibitor", Participation.Role.EXHIBITOR).user)
    assert "Wants" not in client.get(urls[0]).content.decode()
    edit = reverse("leads:edit", args=[expo.slug, lead.pk])
    assert client.post(edit, {f"lead-{lead.pk}-notes": "hijack"}).status_code == 404
    assert Lead.objects.get().notes == ""
