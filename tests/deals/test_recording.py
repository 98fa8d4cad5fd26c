"""Recording deals one by one: organisers record (counts at once); a party of a held meeting
reports, the other party confirms, the organisers approve or reject; each refusal names the
field, with the same rules as the import."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.deals.conftest import Parties, member_of
from tradefair.accounts.models import User
from tradefair.deals.models import Deal, DealParty
from tradefair.deals.queries.figures import deal_figures
from tradefair.deals.services import recording
from tradefair.deals.services.errors import InvalidDeal, NotAllowed
from tradefair.deals.services.writing import PartyLine
from tradefair.matchmaking.models import Meeting

pytestmark = pytest.mark.django_db


def _input(**changes) -> recording.DealInput:
    values = {
        "reference": "R-1",
        "kind": "investment",
        "title": "Cold-chain park",
        "counterpart_country": "MY",
        "value": Decimal("500000000"),
        "currency": "CNY",
        "stage": "signed",
        "signed_on": dt.date(2025, 9, 17),
        **changes,
    }
    return recording.DealInput(**values)


def test_an_organiser_records_a_deal_that_counts_at_once(expo, parties: Parties, organiser):
    sides = (PartyLine(parties.fund.pk, "investor"), PartyLine(parties.port.pk, "project_owner"))
    deal = recording.record_deal(expo=expo, data=_input(parties=sides), by_user=organiser)
    assert deal.review == Deal.Review.APPROVED
    assert deal_figures(expo).count == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "loan"}, "kind"),
        ({"title": " "}, "title"),
        ({"counterpart_country": "XX"}, "counterpart_country"),
        ({"currency": "THB"}, "currency"),  # no rate set
        ({"value": Decimal("-1")}, "value"),
        ({"value": Decimal("1.005")}, "value"),
        ({"stage": "signed", "signed_on": None}, "signed_on"),
        ({"hs_codes": ("0810",)}, "hs_codes"),  # an investment carries none
        ({"province": "CN-XX"}, "province"),
        ({"sector": "space-mining"}, "sector"),
        ({"activity": 999}, "activity"),
        ({"parties": ()}, "parties"),
    ],
)
def test_each_refusal_names_the_field(expo, parties, organiser, changes, field):
    sides = (PartyLine(parties.fund.pk, "investor"),)
    data = _input(**{"parties": sides, **changes})
    with pytest.raises(InvalidDeal) as refused:
        recording.record_deal(expo=expo, data=data, by_user=organiser)
    assert refused.value.field == field, str(refused.value)
    assert str(refused.value).startswith(f"{field}: ")
    assert not Deal.objects.exists()


def test_an_outsider_cannot_be_a_party_and_a_reference_is_unique(expo, parties, organiser):
    outsider = (PartyLine(parties.outsider.pk, "investor"),)
    with pytest.raises(InvalidDeal, match="parties: every party must take part"):
        recording.record_deal(expo=expo, data=_input(parties=outsider), by_user=organiser)
    sides = (PartyLine(parties.fund.pk, "investor"),)
    recording.record_deal(expo=expo, data=_input(parties=sides), by_user=organiser)
    with pytest.raises(InvalidDeal, match="reference: R-1 names another deal"):
        recording.record_deal(expo=expo, data=_input(parties=sides), by_user=organiser)


def test_only_organisers_record(expo, parties):
    visitor = User.objects.create_user("visitor@example.com")
    sides = (PartyLine(parties.fund.pk, "investor"),)
    with pytest.raises(NotAllowed):
        recording.record_deal(expo=expo, data=_input(parties=sides), by_user=visitor)


def test_report_confirm_approve(expo, parties, organiser, held):
    buyer, seller = member_of(held, "buyer"), member_of(held, "exhibitor")
    order = _input(reference="", kind="trade", hs_codes=("0810",), currency="USD")
    deal = recording.report_deal(meeting=held, data=order, by_user=buyer)
    assert (deal.reference, deal.review) == (f"M{held.pk}-1", Deal.Review.REPORTED)
    assert list(deal.meetings.all()) == [held]
    assert sorted(deal.parties.values_list("role", flat=True)) == [
        DealParty.Role.BUYER,
        DealParty.Role.SELLER,
    ]
    assert deal_figures(expo).count == 0  # not before approval
    with pytest.raises(NotAllowed):
        recording.confirm_deal(deal=deal, by_user=buyer)  # the reporter cannot confirm
    with pytest.raises(NotAllowed):
        recording.approve_deal(deal=deal, by_user=seller)
    with pytest.raises(InvalidDeal, match="cannot become approved"):
        recording.approve_deal(deal=deal, by_user=organiser)  # not confirmed yet
    recording.confirm_deal(deal=deal, by_user=seller)
    approved = recording.approve_deal(deal=deal, by_user=organiser)
    assert approved.review == Deal.Review.APPROVED
    figures = deal_figures(expo)
    assert (figures.count, figures.from_meetings.count) == (1, 1)
    with pytest.raises(InvalidDeal):
        recording.reject_deal(deal=approved, by_user=organiser)


def test_only_the_meetings_parties_report_and_only_from_held_meetings(
    expo, parties, organiser, held
):
    with pytest.raises(NotAllowed):
        recording.report_deal(meeting=held, data=_input(reference=""), by_user=organiser)
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.SCHEDULED)
    held.refresh_from_db()
    with pytest.raises(InvalidDeal, match="marked as held"):
        recording.report_deal(
            meeting=held, data=_input(reference=""), by_user=member_of(held, "buyer")
        )
