"""``GET /api/v1/expos/{slug}/exhibitors``: public, filtered like the directory, paginated."""

import pytest

from tests.pages.test_directory import ALL_THREE, three  # noqa: F401
from tradefair.organisations.queries.directory import PAGE_SIZE

URL = "/api/v1/expos/test-expo/exhibitors"


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_anonymous_callers_get_the_list_with_booths_and_sectors(client, three):  # noqa: F811
    response = client.get(URL)
    assert names(response) == ALL_THREE
    body = response.json()
    assert (body["count"], body["page"], body["pages"]) == (3, 1, 1)
    saigon = body["results"][2]
    assert saigon["country_code"] == "VN"
    assert saigon["pavilion"] == "Vietnam Pavilion"
    assert saigon["booths"] == ["D-201"]
    assert saigon["other_name"] == "西贡机器人股份公司"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "shrimp"}, ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
        ({"q": "robots durian"}, []),
        ({"country": "VN"}, ["Saigon Robotics JSC"]),
        ({"group": "asean"}, ["Bangkok Durian Export", "Saigon Robotics JSC"]),
        ({"pavilion": "vietnam"}, ["Saigon Robotics JSC"]),
        ({"sector": "blue-economy"}, ["Guangxi Beibu Gulf Seafood Co., Ltd."]),
        ({"hs": "84"}, ["Saigon Robotics JSC"]),
        ({"hs": "08", "group": "asean"}, ["Bangkok Durian Export"]),
        ({"hs": "07"}, []),
    ],
)
def test_filters(client, three, params, expected):  # noqa: F811
    assert names(client.get(URL, params)) == expected


def test_pagination(client, add_exhibitor):
    for i in range(PAGE_SIZE + 3):
        add_exhibitor(f"Exhibitor {i:02d}")
    first = client.get(URL).json()
    assert (first["count"], first["page"], first["pages"]) == (PAGE_SIZE + 3, 1, 2)
    assert len(first["results"]) == PAGE_SIZE
    second = client.get(URL, {"page": 2}).json()
    assert [r["name"] for r in second["results"]] == [
        f"Exhibitor {i:02d}" for i in range(PAGE_SIZE, PAGE_SIZE + 3)
    ]
    assert client.get(URL, {"page": 99}).json()["page"] == 2  # past the end: the last page
    assert client.get(URL, {"page": "x"}).status_code == 422


def test_unknown_expo_is_a_404_with_a_message(client, db):
    response = client.get("/api/v1/expos/no-such-expo/exhibitors")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no expo called “no-such-expo”."}
