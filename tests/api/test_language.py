"""The API answers in the caller's language (``Accept-Language``), though it is not under
``i18n_patterns``: refusals, names and the ``Content-Language`` header."""

from tests.api.test_meeting_requests import BASE, call, fair  # noqa: F401
from tests.pages.test_directory import three  # noqa: F401

CHINESE = {"Accept-Language": "zh-Hans,zh;q=0.9,en;q=0.5"}


def test_a_refusal_comes_back_in_chinese(as_user, fair):  # noqa: F811
    response = as_user(fair.buyer).post(
        BASE,
        {"exhibitor": fair.exhibitor_id, "priority": 2},
        content_type="application/json",
        headers=CHINESE,
    )
    assert response.status_code == 409
    assert response.json() == {"detail": "您已有一个发给 Guangxi Robotics 的未完成请求。"}
    assert response["Content-Language"] == "zh-hans"


def test_not_logged_in_and_not_found_follow_the_header(client, expo):
    anonymous = client.get(BASE, headers={"Accept-Language": "zh-CN"})
    assert anonymous.status_code == 401
    assert anonymous.json() == {"detail": "请先登录：发送请求头“Authorization: Bearer <token>”。"}
    missing = client.get("/api/v1/expos/nowhere/exhibitors", headers=CHINESE)
    assert missing.status_code == 404
    assert missing.json() == {"detail": "不存在名为“nowhere”的博览会。"}


def test_names_are_in_the_readers_language_and_english_stays_the_default(client, three):  # noqa: F811
    url = "/api/v1/expos/test-expo/exhibitors"
    chinese = client.get(url, headers=CHINESE).json()["results"]
    english = client.get(url).json()["results"]
    assert {row["name"] for row in chinese} == {row["other_name"] for row in english}
    assert "西贡机器人股份公司" in {row["name"] for row in chinese}
    assert client.get(url)["Content-Language"] == "en"
