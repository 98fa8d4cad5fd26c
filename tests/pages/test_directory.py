"""The exhibitor directory: search, filters, pagination, the htmx partial and query counts."""

import pytest

from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import PAGE_SIZE

URL = "/test-expo/exhibitors/"
ALL_THREE = ["Bangkok Durian Export", "Guangxi Beibu Gulf Seafood Co., Ltd.", "Saigon Robotics JSC"]


@pytest.fixture
def three(add_exhibitor) -> list[Participation]:
    return [
        add_exhibitor(
            "Guangxi Beibu Gulf Seafood Co., Ltd.",
            "广西北部湾海产有限公司",
            pavilion="ai",
            booth="A-101",
            title="Frozen shrimp",
            title_zh="冷冻虾",
            hs=("0306",),
            sectors=("blue-economy",),
            markets=("VN", "TH"),
        ),
        add_exhibitor(
            "Saigon Robotics JSC",
            "西贡机器人股份公司",
            country="VN",
            pavilion="vn",
            booth="D-201",
            title="Service robots",
            hs=("8479",),
            sectors=("artificial-intelligence",),
        ),
        add_exhibitor(
            "Bangkok Durian Export",
            "曼谷榴莲出口公司",
            country="TH",
            pavilion="ai",
            booth="A-102",
            title="Fresh durian",
            hs=("0810",),
            sectors=("agriculture-food",),
        ),
    ]


def names(response) -> list[str]:
    return [card.name for card in response.context["result"].cards]


def test_lists_exhibitors_by_name_with_country_pavilion_booth_and_sectors(client, three):
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ALL_THREE
    html = response.content.decode()
    assert "3 exhibitors" in html
    assert "广西北部湾海产有限公司" in html  # the other language, small
    assert '<abbr class="code" title="ISO 3166">VN</abbr> Vietnam' in html
    assert "Vietnam Pavilion" in html and "D-201" in html
    assert "Blue economy" in html


def test_buyers_are_not_in_the_directory(client, three, add_exhibitor):
    add_exhibitor("Hanoi Trading Buyer", role=Participation.Role.BUYER)
    assert "Hanoi Trading Buyer" not in names(client.get(URL))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shrimp", ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
        ("ROBOTS saigon", ["Saigon Robotics JSC"]),
        ("冷冻虾", ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
        ("榴莲", ["Bangkok Durian Export"]),
        ("泰国", ["Bangkok Durian Export"]),  # Babel's Chinese country name
        ("0810", ["Bangkok Durian Export"]),
        ("robots durian", []),  # every term must match
    ],
)
def test_search_requires_every_term(client, three, query, expected):
    assert names(client.get(URL, {"q": query})) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "VN"}, ["Saigon Robotics JSC"]),
        ({"group": "asean"}, ["Bangkok Durian Export", "Saigon Robotics JSC"]),
        (
            {"group": "rcep"},
            [
                "Bangkok Durian Export",
                "Guangxi Beibu Gulf Seafood Co., Ltd.",
                "Saigon Robotics JSC",
            ],
        ),
        ({"pavilion": "vietnam"}, ["Saigon Robotics JSC"]),
        ({"sector": "blue-economy"}, ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
        ({"hs": "84"}, ["Saigon Robotics JSC"]),
        ({"hs": "08", "group": "asean"}, ["Bangkok Durian Export"]),
        ({"hs": "03", "country": "TH"}, []),
    ],
)
def test_filters(client, three, params, expected):
    assert names(client.get(URL, params)) == expected


def test_filter_options_only_list_what_occurs_in_this_expo(client, three):
    form = client.get(URL).context["form"]
    assert [code for code, _ in form.fields["country"].choices] == ["", "CN", "TH", "VN"]
    assert [code for code, _ in form.fields["hs"].choices] == ["", "03", "08", "84"]


@pytest.mark.parametrize("params", [{"country": "XX"}, {"hs": "8"}, {"hs": "zz"}, {"group": "g7"}])
def test_unknown_filter_values_match_nothing(client, three, params):
    assert names(client.get(URL, params)) == []
    assert names(client.get(URL, {"hs": ""})) == ALL_THREE


def test_pagination(client, add_exhibitor):
    for i in range(PAGE_SIZE + 2):
        add_exhibitor(f"Exporter {i:02d} Ltd", pavilion="vn", country="VN")
    first = client.get(URL)
    assert len(names(first)) == PAGE_SIZE
    html = first.content.decode()
    assert "26 exhibitors" in html and "page 1 of 2" in html
    assert 'href="?page=2"' in html
    second = client.get(URL, {"page": 2})
    assert names(second) == ["Exporter 24 Ltd", "Exporter 25 Ltd"]
    # Page links keep the filters.
    filtered = client.get(URL, {"country": "VN"}).content.decode()
    assert 'href="?country=VN&amp;page=2"' in filtered


def test_htmx_request_gets_only_the_results(client, three):
    response = client.get(URL, {"q": "durian"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.templates[0].name == "organisations/_directory_results.html"
    assert "<html" not in html and "<form" not in html
    assert "1 exhibitor" in html and "Bangkok Durian Export" in html
    # The language links are swapped out of band so they keep the new query.
    assert 'hx-swap-oob="true"' in html
    assert 'href="/i18n/choose/zh-hans/?next=/zh-hans/test-expo/exhibitors/%3Fq%3Ddurian"' in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_full_page(client, three):
    response = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_page_without_javascript_is_a_plain_get_form(client, three):
    html = client.get(URL).content.decode()
    assert 'method="get"' in html
    assert f'hx-get="{URL}"' in html and 'hx-push-url="true"' in html
    assert 'hx-target="#results"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_query_count_does_not_grow_with_results(
    client, add_exhibitor, django_assert_num_queries, count
):
    for i in range(count):
        add_exhibitor(
            f"Exporter {i} Ltd",
            f"出口商{i}",
            booth=f"A-{i}",
            hs=("0306",),
            sectors=("blue-economy",),
        )
    query = {"q": "exporter", "sector": "blue-economy"}
    # expo, five filter option lists, the sector's exhibitors, the ranked ids (their number is
    # the count), the page's rows, booths, sectors, what matched (the offers)
    with django_assert_num_queries(12):
        response = client.get(URL, query)
    assert len(names(response)) == count
    assert all(card.match is not None for card in response.context["result"].cards)
    # htmx refreshes skip the form's option lists.
    with django_assert_num_queries(7):
        response = client.get(URL, query, headers={"HX-Request": "true"})
    assert len(names(response)) == count
    # Without a query nothing is matched, so the offers are not read (a count and the page's
    # ids instead of the ranked ids).
    with django_assert_num_queries(7):
        response = client.get(URL, {"sector": "blue-economy"}, headers={"HX-Request": "true"})
    assert len(names(response)) == count


def test_unknown_or_hidden_expo_is_404(client, expo):
    assert client.get("/no-such-expo/exhibitors/").status_code == 404
    expo.is_public = False
    expo.save()
    assert client.get(URL).status_code == 404


def test_chinese_interface(client, three):
    response = client.get("/zh-hans/test-expo/exhibitors/", {"country": "VN"})
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "展商名录" in html and "1 家展商" in html
    assert "西贡机器人股份公司" in html and "越南" in html and "越南馆" in html
    assert 'href="/test-expo/exhibitors/?country=VN"' in html  # back to English, same filter


def test_control_characters_in_filters_are_ignored_not_an_error(client, three):
    url = f"/{three[0].expo.slug}/exhibitors/"
    for params in ("q=%00", "country=%00", "pavilion=%00", "group=%00", "sector=%00", "hs=%00"):
        response = client.get(f"{url}?{params}")
        assert response.status_code == 200
        assert len(names(response)) == 3
    assert names(client.get(f"{url}?q=dur%00ian")) == names(client.get(f"{url}?q=durian"))
