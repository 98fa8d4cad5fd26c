"""The page's language: the URL's prefix, then the saved choice, then ``Accept-Language``."""

import pytest
from django.conf import settings

from tradefair.accounts.models import User

PAGE = "/test-expo/exhibitors/"
COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def page(expo):
    return PAGE


def test_a_browser_asking_for_thai_is_sent_to_the_thai_page(client, page):
    response = client.get(
        page, {"q": "tea"}, headers={"Accept-Language": "th-TH,th;q=0.9,en;q=0.5"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/th{page}?q=tea"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("header", ["", "en-US,en;q=0.9", "fr-FR", "*"])
def test_english_or_an_unknown_language_stays_on_the_english_page(client, page, header):
    response = client.get(page, headers={"Accept-Language": header} if header else {})
    assert response.status_code == 200
    assert response.content.decode().startswith('<!doctype html>\n<html lang="en">')


def test_the_saved_choice_comes_before_the_browser(client, page):
    client.cookies[COOKIE] = "zh-hans"
    response = client.get(page, headers={"Accept-Language": "th"})
    assert response["Location"] == f"/zh-hans{page}"


def test_the_prefix_comes_first_and_following_it_changes_no_choice(client, page):
    client.cookies[COOKIE] = "th"
    response = client.get(f"/vi{page}", headers={"Accept-Language": "id"})
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    assert COOKIE not in response.cookies
    assert client.get(page)["Location"] == f"/th{page}"


def test_choosing_english_in_the_switcher_is_remembered(client, page):
    response = client.get("/i18n/choose/en/", {"next": page}, headers={"Accept-Language": "th"})
    assert (response.status_code, response["Location"]) == (302, page)
    assert response.cookies[COOKIE].value == "en"
    assert client.get(page, headers={"Accept-Language": "th"}).status_code == 200


def test_the_switcher_goes_only_to_this_site(client, page):
    response = client.get("/i18n/choose/ms/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == "/"
    assert response.cookies[COOKIE].value == "ms"


def test_a_signed_in_persons_language_is_their_saved_choice(client, page):
    user = User.objects.create_user(email="somchai@example.th", password="x" * 12, language="id")
    client.force_login(user)
    assert client.get(page, headers={"Accept-Language": "th"})["Location"] == f"/id{page}"
    client.get(f"/ms{page}")
    user.refresh_from_db()
    assert user.language == "id"  # reading a page in Malay is not choosing it
    client.get("/i18n/choose/ms/", {"next": f"/ms{page}"})
    user.refresh_from_db()
    assert user.language == "ms"  # choosing it is, and their e-mails follow


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("post", PAGE, {}),
        ("get", PAGE, {"HX-Request": "true"}),
        ("get", "/api/v1/expos/test-expo/exhibitors", {}),
    ],
    ids=["form-post", "htmx-fragment", "api"],
)
def test_posts_fragments_and_the_api_are_not_redirected(client, page, method, path, headers):
    response = getattr(client, method)(path, headers={"Accept-Language": "th", **headers})
    assert response.status_code != 302


def test_the_switcher_names_each_language_in_its_own_name(client, page):
    html = client.get(f"/th{page}").content.decode()
    for code, name in [
        ("en", "English"),
        ("zh-hans", "简体中文"),
        ("vi", "Tiếng Việt"),
        ("id", "Bahasa Indonesia"),
        ("ms", "Bahasa Melayu"),
    ]:
        assert f'hreflang="{code}" lang="{code}">{name}</a>' in html
    assert '<span aria-current="true" lang="th">ภาษาไทย</span>' in html
