"""Relevance or alphabetical order: the default, the choice, and a choice refused alike by the
filter form, the directory page, the buyer's search and the API."""

import pytest
from django.urls import reverse

from tests.accounts.conftest import People, people  # noqa: F401
from tradefair.organisations.filters import DirectoryFilterForm, parse_filters
from tradefair.organisations.queries.directory import FilterChoices
from tradefair.organisations.queries.relevance import SORTS

URL = "/test-expo/exhibitors/"
API = "/api/v1/expos/test-expo/exhibitors"
REFUSAL = "“sort” must be one of: relevance, name."
RANKED_8507 = [
    "Hanoi Accumulator JSC",
    "Ascent Sunlight Energy Storage Co., Ltd.",
    "Nanning Battery Works",
    "Mekong Electric Trading",
]
ALPHABETICAL_8507 = sorted(RANKED_8507)


def names(response) -> list[str]:
    assert response.status_code == 200
    return [card.name for card in response.context["result"].cards]


def test_relevance_is_the_default_with_a_query(client, fair):
    assert names(client.get(URL, {"q": "8507"})) == RANKED_8507
    assert names(client.get(URL, {"q": "8507", "sort": "relevance"})) == RANKED_8507


def test_name_sorts_alphabetically(client, fair):
    assert ALPHABETICAL_8507 != RANKED_8507
    assert names(client.get(URL, {"q": "8507", "sort": "name"})) == ALPHABETICAL_8507


@pytest.mark.parametrize("sort", ["", "relevance", "name"])
def test_without_a_query_the_order_is_alphabetical(client, fair, sort):
    found = names(client.get(URL, {"sort": sort, "country": "TH"}))
    assert found == ["Bangkok Durian Export", "Chanthaburi Fruit Co.", "Thai Orchard Logistics"]


def test_the_form_offers_both_orders_best_match_first(client, fair):
    form = client.get(URL).context["form"]
    assert form.fields["sort"].choices == [("relevance", "Best match"), ("name", "Name, A to Z")]
    html = client.get(URL, {"q": "8507", "sort": "name"}).content.decode()
    assert '<option value="name" selected>Name, A to Z</option>' in html


def test_the_form_refuses_another_sort(db):
    choices = FilterChoices([], [], [], [], [])
    form = DirectoryFilterForm({"sort": "price"}, choices=choices)
    assert not form.is_valid()
    assert form.errors == {"sort": [REFUSAL]}
    assert DirectoryFilterForm({"sort": "name"}, choices=choices).is_valid()


def test_the_page_says_why_it_ignores_another_sort_and_ranks(client, fair):
    response = client.get(URL, {"q": "8507", "sort": "price"})
    assert names(response) == RANKED_8507
    html = response.content.decode()
    assert f'<p class="filter-refusal" role="alert">{REFUSAL}</p>' in html
    assert "filter-refusal" not in client.get(URL, {"q": "8507", "sort": "name"}).content.decode()


def test_parse_filters_keeps_a_known_sort_and_refuses_others(rf):
    assert parse_filters(rf.get("/", {"sort": "name"}).GET).sort == "name"
    refused = parse_filters(rf.get("/", {"sort": "NAME"}).GET)
    assert (refused.sort, refused.errors) == ("", (REFUSAL,))


def test_the_api_sorts_alike(client, fair):
    def api_names(params) -> list[str]:
        response = client.get(API, params)
        assert response.status_code == 200
        return [row["name"] for row in response.json()["results"]]

    assert api_names({"q": "8507"}) == RANKED_8507
    assert api_names({"q": "8507", "sort": "name"}) == ALPHABETICAL_8507


@pytest.mark.parametrize("sort", ["price", "NAME", ""])
def test_the_api_refuses_another_sort_with_the_forms_words(client, fair, sort):
    response = client.get(API, {"q": "8507", "sort": sort})
    assert response.status_code == 422
    assert response.json() == {"detail": REFUSAL}


def test_the_api_states_the_choices_the_form_offers():
    from tradefair.api.schema import schema

    operation = schema()["paths"]["/api/v1/expos/{slug}/exhibitors"]["get"]
    sort = next(p for p in operation["parameters"] if p["name"] == "sort")
    assert sort["schema"]["enum"] == list(SORTS)
    assert sort["schema"]["default"] == "relevance"
    offered = [value for value, _ in DirectoryFilterForm.base_fields["sort"].choices]
    assert offered == list(SORTS)


def test_the_buyers_search_ranks_sorts_and_refuses_alike(client, fair, people: People):  # noqa: F811
    client.force_login(people.buyer_admin)
    search = reverse("buyer:search", kwargs={"slug": "test-expo"})
    ranked = client.get(search, {"q": "8507"})
    assert [card.name for card, _ in ranked.context["rows"]] == RANKED_8507
    alphabetical = client.get(search, {"q": "8507", "sort": "name"})
    assert [card.name for card, _ in alphabetical.context["rows"]] == ALPHABETICAL_8507
    refused = client.get(search, {"q": "8507", "sort": "price"})
    assert [card.name for card, _ in refused.context["rows"]] == RANKED_8507
    assert REFUSAL in refused.content.decode()
