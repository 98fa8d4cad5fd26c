"""POST /deals refuses exactly what the forms refuse, and its schema says so: the organisers'
``DealForm`` against their API body, a party's ``ReportForm`` against its report's body, on the
same values (the value's decimals as typed, a missing stage, a missing reference)."""

from decimal import Decimal

import pytest
from django.test import Client

from tests.api.test_schema_limits import api_input, body_schema
from tests.deals.conftest import Parties, member_of
from tradefair.accounts.tokens import issue_token
from tradefair.deals.forms.console import DealForm, choices_for
from tradefair.deals.forms.portal import ReportForm
from tradefair.deals.models import Deal

pytestmark = pytest.mark.django_db

DEALS = ("post", "/api/v1/expos/{slug}/deals")
# The same deal as the console's form and the API take it.
TYPED = {
    "reference": "F-1",
    "kind": "investment",
    "title": "Port logistics",
    "parties": "investor=Straits Capital Berhad",
    "counterpart_country": "MY",
    "value": "1200000.50",
    "currency": "USD",
    "stage": "intention",
}
# The portal's report of a deal from a held meeting, and its API body (plus ``meeting``).
REPORTED = {
    "kind": "trade",
    "title": "Dragon fruit, 40 containers",
    "counterpart_country": "VN",
    "value": "480000",
    "currency": "USD",
    "stage": "intention",
}
# Typed values either side of the forms' rule: two decimals at most, as written.
VALUES = ["12.340", "12.3400", "12.345", "1.5e3", "100.00", "12.3", "-1", "1e18", "abc", ""]


def _body(parties: Parties, **changes) -> dict:
    body = {**TYPED, "parties": [{"organisation": parties.fund.pk, "role": "investor"}]}
    return {key: value for key, value in {**body, **changes}.items() if value is not None}


def _post(user, expo, body: dict):
    client = Client(headers={"Authorization": f"Bearer {issue_token(user)}"})
    return client.post(f"/api/v1/expos/{expo.slug}/deals", body, content_type="application/json")


def _form_errors(expo, **changes) -> dict:
    typed = {key: value for key, value in {**TYPED, **changes}.items() if value is not None}
    form = DealForm(typed, choices=choices_for(expo))
    form.is_valid()
    return form.errors


def _report_errors(**changes) -> dict:
    typed = {key: value for key, value in {**REPORTED, **changes}.items() if value is not None}
    form = ReportForm(typed, currencies=["USD"])
    form.is_valid()
    return form.errors


def _agree(answer, refused_by_form: bool, value: str) -> None:
    """The API refused what the form refused, naming the value and storing nothing, and took
    what it took, as the form reads it."""
    if refused_by_form:
        assert answer.status_code == 422, answer.content
        assert answer.json()["detail"].startswith("“value” "), answer.json()
        assert not Deal.objects.exists()
    else:
        assert answer.status_code == 201, answer.content
        assert Deal.objects.get().value == Decimal(value)


@pytest.mark.parametrize("value", VALUES)
def test_an_organisers_value_is_refused_by_the_api_as_by_the_form(expo, parties, organiser, value):
    refused_by_form = "value" in _form_errors(expo, value=value)
    answer = _post(organiser, expo, _body(parties, value=value))
    _agree(answer, refused_by_form, value)


@pytest.mark.parametrize("value", VALUES)
def test_a_reported_value_is_refused_by_the_api_as_by_the_report_form(expo, parties, held, value):
    refused_by_form = "value" in _report_errors(value=value)
    body = {**REPORTED, "value": value, "meeting": held.pk}
    answer = _post(member_of(held, "buyer"), expo, body)
    _agree(answer, refused_by_form, value)


def test_three_decimals_as_typed_are_refused_however_they_round(expo, parties, organiser):
    """pydantic alone read "12.340" as 12.34 and stored it; the forms count the decimals typed."""
    assert _form_errors(expo, value="12.340")["value"] == [
        "Ensure that there are no more than 2 decimal places."
    ]
    answer = _post(organiser, expo, _body(parties, value="12.340"))
    assert (answer.status_code, answer.json()) == (
        422,
        {"detail": "“value” may have at most 2 decimals."},
    )
    assert not Deal.objects.exists()
    # A JSON number has no typed zeros: 12.340 is the number 12.34, as "12.34" in the form.
    assert _post(organiser, expo, _body(parties, value=12.340)).json()["value"] == "12.34"


def test_a_refused_value_is_worded_as_the_api_words_its_bounds(expo, parties, organiser):
    below = _post(organiser, expo, _body(parties, value="-1"))
    assert below.json()["detail"] == "“value” must be at least 0."
    assert _post(organiser, expo, _body(parties, value="")).json()["detail"] == (
        "“value” is required."
    )
    assert not Deal.objects.exists()


def test_a_stage_is_required_by_the_api_as_by_both_forms(expo, parties, organiser, held):
    assert _form_errors(expo, stage=None)["stage"] == ["This field is required."]
    assert _report_errors(stage=None)["stage"] == ["This field is required."]
    recorded = _post(organiser, expo, _body(parties, stage=None))
    unstaged = {key: value for key, value in REPORTED.items() if key != "stage"}
    reported = _post(member_of(held, "buyer"), expo, {**unstaged, "meeting": held.pk})
    for answer in (recorded, reported):
        assert answer.status_code == 422, answer.content
        assert answer.json() == {"detail": "“stage” is required."}
    assert not Deal.objects.exists()


def test_organisers_must_send_a_reference_as_their_form_asks(expo, parties, organiser):
    assert _form_errors(expo, reference=None)["reference"] == ["This field is required."]
    for body in (_body(parties, reference=None), _body(parties, reference="")):
        answer = _post(organiser, expo, body)
        assert answer.status_code == 400, answer.content
        assert answer.json()["detail"] == "reference: required, at most 40 characters"
    assert not Deal.objects.exists()


def test_a_report_has_no_reference_in_the_portal_nor_through_the_api(expo, parties, held):
    """The portal's form has no reference; the API numbers a report without one and refuses
    one that is sent (``test_a_report_cannot_set_the_organisers_fields``)."""
    assert "reference" not in ReportForm.base_fields
    answer = _post(member_of(held, "buyer"), expo, {**REPORTED, "meeting": held.pk})
    assert answer.status_code == 201, answer.content
    assert answer.json()["reference"] == f"M{held.pk}-1"


def test_the_schema_requires_what_both_forms_require():
    deal = body_schema(*DEALS)
    reported = {name for name, field in ReportForm.base_fields.items() if field.required}
    recorded = {name for name, field in DealForm.base_fields.items() if field.required}
    assert reported == set(deal["required"])
    # What only the organisers' form requires the schema describes, as a report sends neither.
    assert recorded - reported == {"reference", "parties"}
    for name in ("reference", "parties"):
        assert api_input(*DEALS, name)["description"].startswith("Required when organisers")
        assert "default" not in api_input(*DEALS, name)
    assert "default" not in api_input(*DEALS, "stage")


def test_the_schema_states_the_forms_value_rule():
    field = DealForm.base_fields["value"]
    assert ReportForm.base_fields["value"].decimal_places == field.decimal_places == 2
    number, text = api_input(*DEALS, "value")["anyOf"]
    assert number["multipleOf"] == 0.01 and number["minimum"] == field.min_value == 0
    assert number["exclusiveMaximum"] == 10 ** (field.max_digits - field.decimal_places)
    assert text == {"type": "string"}
    assert "at most 2 decimals as written" in api_input(*DEALS, "value")["description"]
