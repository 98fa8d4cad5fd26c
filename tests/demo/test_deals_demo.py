"""The demo's deals: drawn for the whole demo without a database, as the seed expects them.

More than 100 investment projects and a large number of trade orders; a few projects of 5 bn
yuan and more carry a large share of the value; every currency has a rate; every party is an
organisation of the demo taking part in the role the deal gives it; deals signed at a ceremony
carry its date.
"""

from collections import Counter
from decimal import Decimal

import pytest

from tradefair.deals.services.rules import currency_problem, province_problem, value_problem
from tradefair.demo.deals import DemoDeals, draw_deals
from tradefair.demo.programme import draw_programme
from tradefair.demo.records import DemoExpo


@pytest.fixture(scope="module")
def drawn(demo: DemoExpo) -> DemoDeals:
    return draw_deals(demo, draw_programme(demo))


def _cny(deal, rates) -> Decimal:
    return deal.value * rates[deal.currency][1]


def test_more_than_100_investment_projects_and_many_trade_orders(drawn: DemoDeals):
    kinds = Counter(d.kind for d in drawn.deals)
    assert kinds["investment"] > 100
    assert kinds["trade"] >= 50
    assert kinds["outward_investment"] > 0 and kinds["cooperation"] > 0
    references = [d.reference for d in drawn.deals]
    assert len(set(references)) == len(references) == len(drawn.deals)
    assert references[0] == "CAE22-001"


def test_a_few_large_projects_carry_a_large_share(drawn: DemoDeals):
    investments = [_cny(d, drawn.rates) for d in drawn.deals if d.kind == "investment"]
    largest = [v for v in investments if v >= Decimal("5e9")]
    large = [v for v in investments if Decimal("2e9") <= v < Decimal("5e9")]
    assert len(largest) == 5 and len(large) == 18
    assert 0.35 < sum(largest) / sum(investments) < 0.7
    assert all(v > 0 for v in investments)


def test_every_value_and_currency_passes_the_registry_rules(drawn: DemoDeals):
    rated = set(drawn.rates)
    assert {"USD", "CNY"} <= rated
    for deal in drawn.deals:
        assert not value_problem(deal.value), deal
        assert not currency_problem(deal.currency, rated), deal
        assert not province_problem(deal.province), deal
    currencies = Counter(d.currency for d in drawn.deals)
    assert currencies["USD"] > 20 and currencies["CNY"] > 20
    assert len(currencies) > 3  # some orders in the partner's own currency


def test_parties_are_demo_organisations_in_their_roles(demo: DemoExpo, drawn: DemoDeals):
    buyers = {b.organisation.key for b in demo.buyers}
    exhibitors = {e.organisation.key for e in demo.exhibitors}
    investors = {o.key for o in demo.investors}
    everyone = buyers | exhibitors | investors | {o.key for o in demo.partners}
    fits = set(demo.fits)
    for deal in drawn.deals:
        keys = [p.organisation for p in deal.parties]
        assert len(set(keys)) == len(keys) >= 2
        assert set(keys) <= everyone
        if deal.kind == "trade":
            assert (keys[0], keys[1]) in fits
            assert [p.role for p in deal.parties] == ["buyer", "seller"]
            assert len(deal.hs_codes) == 1
        else:
            assert deal.hs_codes == ()
        if deal.kind in ("investment", "outward_investment"):
            assert [p.role for p in deal.parties] == ["investor", "project_owner"]


def test_ceremony_deals_carry_the_ceremony_date(demo: DemoExpo, drawn: DemoDeals):
    programme = draw_programme(demo)
    signings = {a.key: a for a in programme.activities if a.kind == "signing"}
    at_ceremonies = [d for d in drawn.deals if d.activity]
    assert len(at_ceremonies) > 50
    for deal in at_ceremonies:
        assert deal.activity in signings
        assert deal.signed_on == signings[deal.activity].start.date()
        assert not deal.online
    for deal in drawn.deals:
        assert (deal.signed_on is None) == (deal.stage == "intention")
        assert demo.start_date <= (deal.signed_on or demo.start_date) <= demo.end_date
        if deal.stage == "contract":
            assert deal.contracted_on is not None and deal.signed_on is not None
            assert deal.contracted_on >= deal.signed_on
    assert Counter(d.online for d in drawn.deals)[True] > 0
    assert 0.75 < sum(d.public for d in drawn.deals) / len(drawn.deals) < 0.95


def test_the_draw_is_repeatable(demo: DemoExpo, drawn: DemoDeals):
    assert draw_deals(demo, draw_programme(demo)) == drawn


def test_orders_from_accepted_requests_come_out_of_their_meetings(demo, drawn):
    accepted = {(r.buyer, r.exhibitor) for r in demo.meetings.requests if r.status == "accepted"}
    traced = [d for d in drawn.deals if d.from_meeting]
    assert len(traced) > 30
    for deal in traced:
        assert deal.kind == "trade"
        assert (deal.parties[0].organisation, deal.parties[1].organisation) in accepted
