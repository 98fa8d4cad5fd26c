"""The bulletin's deal figures: size bands in yuan, sectors and countries, on site or online,
signing ceremonies, partner credit and the funnel from requests to deals; only approved deals
count, and figures-only deals are counted without their names appearing anywhere."""

import json
from decimal import Decimal

import pytest

from tests.deals.conftest import Parties
from tradefair.bulletin.figures import bulletin_data
from tradefair.deals.models import Deal
from tradefair.deals.queries.figures import deal_figures
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal
from tradefair.organisations.models import Delegation, Organisation, Participation

pytestmark = pytest.mark.django_db


def _deal(expo, parties: Parties, reference: str, value: str, currency: str, **fields) -> Deal:
    values = {
        "kind": Deal.Kind.INVESTMENT,
        "title": f"Project {reference}",
        "counterpart_country_id": "MY",
        "value": Decimal(value),
        "currency": currency,
        "stage": Deal.Stage.INTENTION,
        **fields,
    }
    line = (PartyLine(parties.fund.pk, "investor"), PartyLine(parties.port.pk, "project_owner"))
    write_deal(expo, DealValues(reference, values, line), None)
    return Deal.objects.get(expo=expo, reference=reference)


def test_bands_countries_and_channels_add_up(expo, parties):
    _deal(expo, parties, "A", "6000000000", "CNY")  # 5 bn yuan and more
    _deal(expo, parties, "B", "500000000", "USD", online=True)  # 3.56 bn yuan
    _deal(expo, parties, "C", "1000000", "USD", counterpart_country_id="VN")
    figures = deal_figures(expo)
    assert {band: t.count for band, t in figures.by_band.items()} == {
        "5bn_plus": 1,
        "2bn_to_5bn": 1,
        "below_2bn": 1,
    }
    assert figures.by_band["2bn_to_5bn"].value_cny == Decimal("3560000000")
    assert {c: t.count for c, t in figures.by_country.items()} == {"MY": 2, "VN": 1}
    assert (figures.on_site.count, figures.online.count) == (2, 1)
    assert sum(t.value_usd for t in figures.by_band.values()) == figures.value_usd
    assert figures.value_cny == Decimal("6000000000") + Decimal("3560000000") + Decimal("7120000")


def test_only_approved_deals_count(expo, parties):
    _deal(expo, parties, "A", "100", "USD")
    _deal(expo, parties, "B", "100", "USD", review=Deal.Review.REPORTED)
    _deal(expo, parties, "C", "100", "USD", review=Deal.Review.CONFIRMED)
    assert deal_figures(expo).count == 1


def test_partners_are_credited_with_buyers_and_deals(expo, parties):
    council = Organisation.objects.create(name="Nanning CCPIT", country_id="CN")
    partner = Participation.objects.create(expo=expo, organisation=council, role="partner")
    delegation = Delegation.objects.create(expo=expo, partner=partner, name="Nanning buyers")
    Participation.objects.filter(organisation=parties.fruit).update(delegation=delegation)
    _deal(expo, parties, "A", "1000", "USD", partner=partner, delegation=delegation)
    data = bulletin_data(expo)
    assert data["partners"] == [
        {
            "name": "Nanning CCPIT",
            "name_zh": "",
            "country": "CN",
            "delegations": 1,
            "buyers": 1,
            "meetings": 0,
            "meetings_held": 0,
            "deals": {"count": 1, "value_usd": 1000.0, "value_cny": 7120.0},
        }
    ]
    assert data["funnel"] == {
        "requests": 0,
        "meetings": 0,
        "meetings_held": 0,
        "deals": 1,
        "deals_from_meetings": 0,
    }


def test_figures_only_deals_never_show_their_names_in_the_bulletin(expo, parties):
    _deal(expo, parties, "SECRET-1", "1000", "USD", public=False, title="Hidden harbour deal")
    text = json.dumps(bulletin_data(expo), ensure_ascii=False)
    assert bulletin_data(expo)["deals"]["count"] == 1
    assert "Hidden harbour deal" not in text and "SECRET-1" not in text


def test_sector_and_country_shares_add_up(expo, parties):
    _deal(expo, parties, "A", "6000000000", "CNY")
    _deal(expo, parties, "B", "500000000", "USD", counterpart_country_id="VN")
    deals = bulletin_data(expo)["deals"]
    shares = [c["share"] for c in deals["by_country"].values()]
    assert list(deals["by_country"]) == ["MY", "VN"]  # the larger value first
    assert sum(shares) == pytest.approx(1, abs=1e-3)
    assert deals["by_sector"][""]["share"] == 1.0  # no sector given
