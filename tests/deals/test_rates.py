"""The exchange-rate table: only organisers set it, only ISO 4217 codes and positive rates, and
a deal whose currency lost its rate is named in the figures instead of vanishing from them."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.deals.conftest import RATES_ON, Parties
from tradefair.accounts.models import ExpoStaff, User
from tradefair.deals.models import Deal, ExchangeRate
from tradefair.deals.queries.figures import deal_figures
from tradefair.deals.services.errors import InvalidDeal, NotAllowed
from tradefair.deals.services.rates import set_rate
from tradefair.deals.services.writing import DealValues, PartyLine, write_deal

pytestmark = pytest.mark.django_db


def _user(email: str) -> User:
    return User.objects.create_user(email=email, password="a long enough password")


def test_an_organiser_sets_and_changes_a_rate(expo):
    organiser = _user("organiser@example.org")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    set_rate(
        expo=expo,
        currency="thb",
        usd=Decimal("0.0309"),
        cny=Decimal("0.22"),
        as_of=RATES_ON,
        by_user=organiser,
    )
    later = dt.date(2025, 9, 20)
    set_rate(
        expo=expo,
        currency="THB",
        usd=Decimal("0.031"),
        cny=Decimal("0.221"),
        as_of=later,
        by_user=organiser,
    )
    rate = ExchangeRate.objects.get(expo=expo)
    assert (rate.currency, rate.usd, rate.cny, rate.as_of) == (
        "THB",
        Decimal("0.031"),
        Decimal("0.221"),
        later,
    )


@pytest.mark.parametrize(
    ("currency", "usd", "field"),
    [
        ("XYZ", Decimal("1"), "currency"),
        ("THB", Decimal("0"), "usd"),
        ("THB", Decimal("-1"), "usd"),
    ],
)
def test_a_bad_rate_is_refused_naming_the_field(expo, currency, usd, field):
    with pytest.raises(InvalidDeal) as refused:
        set_rate(
            expo=expo, currency=currency, usd=usd, cny=Decimal("1"), as_of=RATES_ON, by_user=None
        )
    assert refused.value.field == field
    assert not ExchangeRate.objects.exists()


def test_only_organisers_set_rates(expo):
    with pytest.raises(NotAllowed):
        set_rate(
            expo=expo,
            currency="THB",
            usd=Decimal("0.03"),
            cny=Decimal("0.22"),
            as_of=RATES_ON,
            by_user=_user("visitor@example.org"),
        )


def test_a_currency_without_a_rate_is_named_not_dropped(expo, parties: Parties):
    values = DealValues(
        "R-1",
        {
            "kind": Deal.Kind.TRADE,
            "title": "Rubber order",
            "counterpart_country_id": "VN",
            "value": Decimal("1000"),
            "currency": "VND",
            "stage": Deal.Stage.INTENTION,
        },
        (PartyLine(parties.fruit.pk, "buyer"),),
    )
    assert write_deal(expo, values, None) == "created"
    ExchangeRate.objects.filter(currency="VND").delete()
    figures = deal_figures(expo)
    assert figures.count == 1
    assert figures.unrated == ["VND"]
    assert figures.value_usd == 0
