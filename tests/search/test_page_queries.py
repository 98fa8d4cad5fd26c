"""What the directory, the buyer's search and the home page cost in queries, pinned with one
and three rows so that a change cannot add a query per card.

A search reads the ranked ids of every match in one query and counts them in Python: the
text of every exhibitor is read once, not once for a count and again for the page. Without a
query the count is an index-only scan, so it stays a query of its own.
"""

import pytest
from django.db import connection

from tests.matchmaking.conftest import make_party_in
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import PAGE_SIZE
from tradefair.organisations.services.search import refresh_search_text

URL = "/test-expo/exhibitors/"
SEARCH = "/test-expo/buyer/search/"
HTMX = {"HX-Request": "true"}

# expo; the ranked ids of every match; the page's rows, booths, sectors and what matched
SEARCH_PARTIAL = 6
# the same and the filter form's five option lists (cached afterwards)
SEARCH_PAGE = SEARCH_PARTIAL + 5
# expo; a count and the page's ids; its rows, booths and sectors (nothing to match)
LISTING_PARTIAL = 6
# session, user, expo and the buyer's participation; the directory's five; the page's requests
BUYER_SEARCH_PARTIAL = 10
# the same, the filter form's five option lists and the header's two role queries
BUYER_SEARCH_PAGE = BUYER_SEARCH_PARTIAL + 7
# expo; exhibitors per country (countries, total and foreign in one); Belt and Road countries;
# halls' area; pavilions with their exhibitors; participations per role; delegations
HOME = 7


def names(response) -> list[str]:
    assert response.status_code == 200
    return [card.name for card in response.context["result"].cards]


def add_exporters(add_exhibitor, count: int, start: int = 0) -> list[Participation]:
    return [
        add_exhibitor(
            f"Exporter {i:02} Ltd",
            f"出口商{i}",
            country=["CN", "VN", "TH"][i % 3],
            pavilion=["ai", "vn"][i % 2],
            booth=f"A-{i:02}",
            title="Frozen shrimp",
            hs=("0306",),
            sectors=("blue-economy",),
        )
        for i in range(start, start + count)
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_a_search_costs_the_same_queries_for_one_or_three_results(
    client, add_exhibitor, django_assert_num_queries, count
):
    add_exporters(add_exhibitor, count)
    with django_assert_num_queries(SEARCH_PAGE):
        response = client.get(URL, {"q": "exporter"})
    assert names(response) == [f"Exporter {i:02} Ltd" for i in range(count)]
    assert response.context["result"].count == count
    with django_assert_num_queries(SEARCH_PARTIAL) as captured:
        response = client.get(URL, {"q": "exporter"}, headers=HTMX)
    assert len(names(response)) == count
    assert all(card.match is not None for card in response.context["result"].cards)
    # The count is the number of ranked ids: no query of its own.
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize("count", [1, 3])
def test_the_listing_costs_the_same_queries_for_one_or_three_exhibitors(
    client, add_exhibitor, django_assert_num_queries, count
):
    add_exporters(add_exhibitor, count)
    with django_assert_num_queries(LISTING_PARTIAL):
        response = client.get(URL, headers=HTMX)
    assert len(names(response)) == count
    assert all(card.match is None for card in response.context["result"].cards)


def test_a_later_page_of_a_search_is_cut_from_the_same_ranked_ids(
    client, add_exhibitor, django_assert_num_queries
):
    add_exporters(add_exhibitor, PAGE_SIZE + 3)
    with django_assert_num_queries(SEARCH_PARTIAL):
        response = client.get(URL, {"q": "shrimp", "page": 2}, headers=HTMX)
    result = response.context["result"]
    assert result.count == PAGE_SIZE + 3 and result.page.number == 2
    assert names(response) == [f"Exporter {i:02} Ltd" for i in range(PAGE_SIZE, PAGE_SIZE + 3)]
    # A page past the end shows the last one, as before.
    assert names(client.get(URL, {"q": "shrimp", "page": 9}, headers=HTMX)) == names(response)


def test_cards_say_what_a_plain_listing_and_a_search_show(client, add_exhibitor):
    add_exhibitor(
        "Saigon Robotics JSC",
        "西贡机器人股份公司",
        country="VN",
        pavilion="vn",
        booth="D-201",
        title="Service robots",
        hs=("8479",),
        sectors=("artificial-intelligence",),
    )
    (card,) = client.get(URL, {"q": "robots"}).context["result"].cards
    assert (card.name, card.other_name, card.country_code, card.country) == (
        "Saigon Robotics JSC",
        "西贡机器人股份公司",
        "VN",
        "Vietnam",
    )
    assert (card.pavilion, card.hall, card.booths) == ("Vietnam Pavilion", "Hall D", ["D-201"])
    assert card.sectors == ["Artificial intelligence"]
    assert card.match is not None and card.match.kind == "product"
    (card,) = client.get("/zh-hans" + URL).context["result"].cards
    assert (card.name, card.other_name, card.country) == (
        "西贡机器人股份公司",
        "Saigon Robotics JSC",
        "越南",
    )
    assert (card.pavilion, card.hall, card.match) == ("越南馆", "D馆", None)


def test_a_name_in_another_language_says_what_matched(client, add_exhibitor):
    exhibitor = add_exhibitor("Saigon Seafood JSC", country="VN", pavilion="vn")
    exhibitor.organisation.other_names = {"vi": "Công ty Thủy sản Sài Gòn"}
    exhibitor.organisation.save()
    refresh_search_text([exhibitor.pk])
    (card,) = client.get(URL, {"q": "thủy sản"}).context["result"].cards
    assert card.match is not None and card.match.kind == "name"
    assert str(card.match.html) == "Công ty <mark>Thủy</mark> <mark>sản</mark> Sài Gòn"


def test_near_misses_cost_one_more_pass_on_postgresql_only(client, fair, django_assert_num_queries):
    postgres = connection.vendor == "postgresql"
    # expo and the ranked ids (none); on PostgreSQL the near misses' ids, then the page's rows,
    # booths, sectors and what matched
    with django_assert_num_queries(SEARCH_PARTIAL + 1 if postgres else 2):
        response = client.get(URL, {"q": "nanning batery"}, headers=HTMX)
    assert names(response) == (["Nanning Battery Works"] if postgres else [])


@pytest.mark.parametrize("count", [1, 3])
def test_the_buyer_search_costs_the_same_queries_for_one_or_three_results(
    client, expo, add_exhibitor, django_assert_num_queries, count
):
    buyer = make_party_in(expo, "Saigon Fresh Foods", Participation.Role.BUYER)
    for exhibitor in add_exporters(add_exhibitor, count):
        MeetingRequest.objects.create(
            expo=expo, buyer=buyer.participation, exhibitor=exhibitor, message="Shrimp?"
        )
    client.force_login(buyer.user)
    with django_assert_num_queries(BUYER_SEARCH_PAGE):
        response = client.get(SEARCH, {"q": "exporter"})
    assert [request.status for _, request in response.context["rows"]] == ["pending"] * count
    with django_assert_num_queries(BUYER_SEARCH_PARTIAL):
        response = client.get(SEARCH, {"q": "exporter"}, headers=HTMX)
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_home_page_counts_its_figures_in_the_same_queries_for_one_or_three(
    client, add_exhibitor, django_assert_num_queries, count
):
    add_exporters(add_exhibitor, count)
    add_exhibitor("Hanoi Buyer", country="VN", role=Participation.Role.BUYER)
    with django_assert_num_queries(HOME):
        response = client.get("/test-expo/")
    figures = response.context["figures"]
    countries = {"CN", "VN", "TH"} if count == 3 else {"CN"}
    assert (figures.exhibitors, figures.exhibitor_countries) == (count, len(countries))
    # The host country is China: the others are foreign.
    assert figures.foreign_exhibitors == count - 1
    assert figures.buyers == 1
