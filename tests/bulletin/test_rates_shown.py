"""The bulletin's exchange-rate table as a reader sees it: every digit of a rate in their
notation (never "3.79e-05"), and the rates' day in their words (never "2025-09-01")."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tradefair.bulletin.figures import bulletin_data
from tradefair.bulletin.presentation import bulletin_view
from tradefair.deals.models import ExchangeRate
from tradefair.expos.models import Expo

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "dong", "yuan", "day"),
    [
        ("en", "0.0000379", "0.140449", "1 Sept 2025"),
        ("vi", "0,0000379", "0,140449", "1 thg 9, 2025"),
        ("zh-hans", "0.0000379", "0.140449", "2025年9月1日"),
    ],
)
def test_rates_show_every_digit_and_their_day_in_the_readers_notation(
    expo: Expo, language, dong, yuan, day
):
    on = dt.date(2025, 9, 1)
    ExchangeRate.objects.create(
        expo=expo, currency="VND", usd=Decimal("0.0000379"), cny=Decimal("0.00027"), as_of=on
    )
    ExchangeRate.objects.create(
        expo=expo, currency="CNY", usd=Decimal("0.140449"), cny=Decimal("1"), as_of=on
    )
    with translation.override(language):
        view = bulletin_view(bulletin_data(expo))
    cells = {row.cells[0]: row.cells[1:] for row in view.rates}
    assert cells["VND"][0] == dong
    assert cells["CNY"] == [yuan, "1"]
    assert view.rates_on == day
