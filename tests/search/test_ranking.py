"""The directory ranks by relevance: the written-down queries and the results they must give.

Run on SQLite by default and on PostgreSQL with ``DATABASE_URL=postgres://…`` set; both must
give these lists, in this order (PostgreSQL's full-text rank only breaks ties, and none of these
lists has a tie it would break differently). Each comment says why the order is not the
alphabetical one.
"""

import pytest
from django.db import connection

URL = "/test-expo/exhibitors/"
API = "/api/v1/expos/test-expo/exhibitors"

BATTERY_MAKERS = [
    "Ascent Sunlight Energy Storage Co., Ltd.",  # offers 850760
    "Hanoi Accumulator JSC",  # offers 8507
    "Liuzhou Telecom Parts",  # offers 851762
    "Mekong Electric Trading",  # offers 8544
    "Nanning Battery Works",  # offers 850720
    "Sunlight Energy",  # offers 854143
]

QUERIES = [
    # An exact name comes first, though another name holding both words sorts before it.
    ("Sunlight Energy", ["Sunlight Energy", "Ascent Sunlight Energy Storage Co., Ltd."]),
    ("sunlight ENERGY", ["Sunlight Energy", "Ascent Sunlight Energy Storage Co., Ltd."]),
    # A Chinese name, exact.
    ("阳光能源", ["Sunlight Energy"]),
    # A six-digit code: the exhibitor offering it, then a description that mentions it.
    ("850760", ["Ascent Sunlight Energy Storage Co., Ltd.", "Mekong Electric Trading"]),
    # A heading: the exhibitor offering exactly it, those offering codes under it (by name), then
    # the description that mentions it.
    (
        "8507",
        [
            "Hanoi Accumulator JSC",
            "Ascent Sunlight Energy Storage Co., Ltd.",
            "Nanning Battery Works",
            "Mekong Electric Trading",
        ],
    ),
    # A chapter: every exhibitor offering a code in chapter 85, then "since 1985".
    ("85", [*BATTERY_MAKERS, "Bangkok Durian Export"]),
    # A product word: in a product title, then in an HS description ("shrimps and prawns" of
    # 160521), then in a description.
    (
        "shrimp",
        [
            "Guangxi Beibu Gulf Seafood Co., Ltd.",
            "Zhanjiang Aquatic Foods",
            "Beihai Cold Chain Logistics",
        ],
    ),
    # A name outranks a product title.
    ("battery", ["Nanning Battery Works", "Ascent Sunlight Energy Storage Co., Ltd."]),
    # Every term must match: the lead-acid maker has "battery" but not "lithium".
    ("lithium battery", ["Ascent Sunlight Energy Storage Co., Ltd."]),
    # Chinese product words: a Chinese name, a Chinese product title, a Chinese description.
    (
        "榴莲",
        ["Bangkok Durian Export", "Chanthaburi Fruit Co.", "Thai Orchard Logistics"],
    ),
    ("山竹", ["Chanthaburi Fruit Co.", "Thai Orchard Logistics"]),
    ("冷冻虾", ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
    # A word only in a description ranks below the same word in a product title.
    ("coffee", ["Buon Ma Thuot Roasters", "Asia Trade Services"]),
    # Product title, then sectors (Blue economy) by name, then a description.
    (
        "blue",
        [
            "Qinzhou Crab Farm",
            "Guangxi Beibu Gulf Seafood Co., Ltd.",
            "Zhanjiang Aquatic Foods",
            "Asia Trade Services",
        ],
    ),
    # Word parts still match, as before: a name, a product title, an HS description (850760's
    # "Electric accumulators").
    (
        "accumul",
        [
            "Hanoi Accumulator JSC",
            "Nanning Battery Works",
            "Ascent Sunlight Energy Storage Co., Ltd.",
        ],
    ),
]


def names(response) -> list[str]:
    assert response.status_code == 200
    return [card.name for card in response.context["result"].cards]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_the_directory_ranks_each_query_as_written_down(client, fair, query, expected):
    assert names(client.get(URL, {"q": query})) == expected


@pytest.mark.parametrize(("query", "expected"), QUERIES[:6], ids=[q for q, _ in QUERIES[:6]])
def test_the_api_ranks_alike(client, fair, query, expected):
    response = client.get(API, {"q": query})
    assert response.status_code == 200
    assert [row["name"] for row in response.json()["results"]] == expected


@pytest.mark.parametrize(
    ("query", "near_miss"),
    [
        ("Nanning Batery Works", "Nanning Battery Works"),
        ("acumulator", "Hanoi Accumulator JSC"),
        ("seafoods", "Guangxi Beibu Gulf Seafood Co., Ltd."),
    ],
)
def test_a_misspelt_name_is_found_by_trigrams_on_postgresql_only(client, fair, query, near_miss):
    found = names(client.get(URL, {"q": query}))
    if connection.vendor == "postgresql":
        assert found == [near_miss]
    else:
        # SQLite has no trigrams: only what the terms spell is found.
        assert found == []


def test_near_misses_are_looked_for_only_when_the_terms_find_nothing(
    client, fair, add_exhibitor, django_assert_num_queries
):
    found = names(client.get(URL, {"q": "nanning batery"}, headers={"HX-Request": "true"}))
    assert found == (["Nanning Battery Works"] if connection.vendor == "postgresql" else [])
    add_exhibitor("Batery Tech Ltd", title="Power banks")
    # Now "batery" is spelt by a name: the near miss is not added to it.
    assert names(client.get(URL, {"q": "batery"})) == ["Batery Tech Ltd"]
    # expo, the ranked ids (their number is the count), the page's rows, booths, sectors, what
    # matched; the near misses' ids too when PostgreSQL looked for them after a search that
    # found nothing.
    with django_assert_num_queries(6):
        client.get(URL, {"q": "batery"}, headers={"HX-Request": "true"})
    with django_assert_num_queries(7 if connection.vendor == "postgresql" else 2):
        client.get(URL, {"q": "nanning batery"}, headers={"HX-Request": "true"})


def test_other_filters_still_apply_to_a_ranked_search(client, fair):
    assert names(client.get(URL, {"q": "8507", "country": "VN"})) == [
        "Hanoi Accumulator JSC",
        "Mekong Electric Trading",
    ]
    # Chapter 08 holds the durian exporter, which only mentions "85" ("since 1985").
    assert names(client.get(URL, {"q": "85", "hs": "08"})) == ["Bangkok Durian Export"]
    assert names(client.get(URL, {"q": "85", "hs": "03"})) == []
