"""Deals in the API: the public sees approved public deals, organisers all; organisers record,
a meeting's party reports, the other confirms, organisers approve; refusals are the services'."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from tests.deals.conftest import Parties, member_of
from tradefair.accounts.tokens import issue_token
from tradefair.deals.models import Deal
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal

pytestmark = pytest.mark.django_db


def client_of(user=None) -> Client:
    if user is None:
        return Client()
    return Client(headers={"Authorization": f"Bearer {issue_token(user)}"})


def _stored(expo, parties: Parties, reference: str, **fields) -> None:
    values = {
        "kind": "investment",
        "title": f"Project {reference}",
        "counterpart_country_id": "MY",
        "value": Decimal("1000"),
        "currency": "USD",
        "stage": "intention",
        **fields,
    }
    write_deal(expo, DealValues(reference, values, (PartyLine(parties.fund.pk, "investor"),)), None)


def _body(scene: Parties, **changes) -> dict:
    return {
        "reference": "API-1",
        "kind": "investment",
        "title": "Port logistics",
        "parties": [{"organisation": scene.fund.pk, "role": "investor"}],
        "counterpart_country": "MY",
        "value": "1200000.50",
        "currency": "USD",
        "stage": "signed",
        "signed_on": "2025-09-18",
        **changes,
    }


def test_the_public_sees_approved_public_deals_organisers_see_all(expo, parties, organiser):
    _stored(expo, parties, "A")
    _stored(expo, parties, "HIDDEN", public=False)
    _stored(expo, parties, "WAITING", review=Deal.Review.REPORTED)
    url = f"/api/v1/expos/{expo.slug}/deals"
    public = client_of().get(url).json()
    assert [d["reference"] for d in public["results"]] == ["A"]
    assert public["results"][0]["parties"][0]["role"] == "investor"
    everything = client_of(organiser).get(url).json()
    assert [d["reference"] for d in everything["results"]] == ["A", "HIDDEN", "WAITING"]
    assert client_of().get(f"{url}?page=9").status_code == 404


def test_organisers_record_and_refusals_name_the_field(expo, parties, organiser):
    url = f"/api/v1/expos/{expo.slug}/deals"
    created = client_of(organiser).post(url, _body(parties), content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["value"] == "1200000.50" and created.json()["review"] == "approved"
    refused = client_of(organiser).post(
        url, _body(parties, reference="API-2", currency="THB"), content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith("currency: this expo has no exchange rate for THB")
    anonymous = client_of().post(url, _body(parties), content_type="application/json")
    assert anonymous.status_code == 401
    visitor = client_of(parties_user(parties)).post(
        url, _body(parties, reference="API-3"), content_type="application/json"
    )
    assert visitor.status_code == 403
    shaped = client_of(organiser).post(
        url, _body(parties, value="-3", kind="loan"), content_type="application/json"
    )
    assert shaped.status_code == 422
    assert Deal.objects.count() == 1


def parties_user(parties: Parties):
    from tradefair.accounts.models import Membership, User

    user = User.objects.create_user("member@fund.example")
    Membership.objects.create(user=user, organisation=parties.fund)
    return user


def test_report_confirm_approve_through_the_api(expo, parties, organiser, held):
    url = f"/api/v1/expos/{expo.slug}/deals"
    body = _body(parties, reference="", kind="trade", parties=[], meeting=held.pk)
    reported = client_of(member_of(held, "buyer")).post(url, body, content_type="application/json")
    assert reported.status_code == 201, reported.content
    reference = reported.json()["reference"]
    assert reported.json()["review"] == "reported"
    approve = f"{url}/{reference}/approve"
    assert client_of(organiser).post(approve).status_code == 400  # not confirmed yet
    confirm = client_of(member_of(held, "exhibitor")).post(f"{url}/{reference}/confirm")
    assert confirm.status_code == 200 and confirm.json()["review"] == "confirmed"
    approved = client_of(organiser).post(approve)
    assert approved.status_code == 200 and approved.json()["review"] == "approved"
    assert client_of(organiser).post(f"{url}/NOPE/approve").status_code == 404
    missing = client_of(member_of(held, "buyer")).post(
        url, {**body, "meeting": 999_999}, content_type="application/json"
    )
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reference", "CAEXPO-001"),
        ("province", "CN-GX"),
        ("online", True),
        ("activity", 1),
        ("parties", [{"organisation": 1, "role": "buyer"}]),
    ],
)
def test_a_report_cannot_set_the_organisers_fields(expo, parties, held, field, value):
    """The portal's report form has none of them; the API refuses them the same way."""
    url = f"/api/v1/expos/{expo.slug}/deals"
    body = {**_body(parties, reference="", kind="trade", parties=[], meeting=held.pk)}
    body[field] = value
    refused = client_of(member_of(held, "buyer")).post(url, body, content_type="application/json")
    assert refused.status_code == 400, refused.content
    detail = refused.json()["detail"]
    assert detail == f"{field}: a party's report leaves it to the organisers", detail
    assert not Deal.objects.exists()


def test_dates_and_decimals_round_trip(expo, parties, organiser):
    url = f"/api/v1/expos/{expo.slug}/deals"
    client_of(organiser).post(url, _body(parties), content_type="application/json")
    deal = Deal.objects.get(reference="API-1")
    assert (deal.value, deal.signed_on) == (Decimal("1200000.50"), dt.date(2025, 9, 18))


def test_the_schema_lists_the_models_choices():
    from typing import get_args

    from tradefair.deals import api
    from tradefair.deals.models import DealParty

    assert list(get_args(api.Kind)) == Deal.Kind.values
    assert list(get_args(api.Stage)) == Deal.Stage.values
    assert list(get_args(api.Review)) == Deal.Review.values
    assert list(get_args(api.Role)) == DealParty.Role.values
