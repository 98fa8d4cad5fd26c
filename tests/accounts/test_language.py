"""The language e-mails are written in: remembered at log-in and on accepting an invitation,
changed on the account page."""

import re

import pytest
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.accounts.services.preferences import set_language

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
HOME = reverse("accounts:home")


def language_of(user: User) -> str:
    return User.objects.values_list("language", flat=True).get(pk=user.pk)


def test_a_new_user_gets_the_site_default(people):
    assert language_of(people.buyer_admin) == "en"


def test_logging_in_on_a_chinese_page_sets_chinese(client, people):
    response = client.post(
        "/zh-hans/accounts/login/", {"username": "admin@saigon.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert language_of(people.buyer_admin) == "zh-hans"


def test_logging_in_on_an_english_page_sets_english_back(client, people):
    User.objects.filter(pk=people.buyer_admin.pk).update(language="zh-hans")
    client.post(
        reverse("accounts:login"), {"username": "admin@saigon.example", "password": PASSWORD}
    )
    assert language_of(people.buyer_admin) == "en"


def test_a_failed_login_changes_no_language(client, people):
    client.post("/zh-hans/accounts/login/", {"username": "admin@saigon.example", "password": "x"})
    assert language_of(people.buyer_admin) == "en"


def test_accepting_an_invitation_in_chinese_sets_chinese(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people.buyer_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:organisation", args=[people.buyer_org.pk]),
            {"email": "new@saigon.example", "role": "member"},
        )
    client.logout()
    url = re.search(r"http://testserver(\S+)", mailoutbox[0].body).group(1)
    data = {"name": "Lan", "password": "a long passphrase", "password_again": "a long passphrase"}
    assert client.post(f"/zh-hans{url}", data).status_code == 302
    assert User.objects.get(email="new@saigon.example").language == "zh-hans"


@pytest.mark.parametrize(
    ("language", "stored", "changed"),
    [
        ("zh-hans", "zh-hans", True),
        ("zh-cn", "zh-hans", True),
        ("en", "en", False),
        ("fr", "en", False),
    ],
)
def test_set_language_stores_only_supported_languages(people, language, stored, changed):
    assert set_language(user=people.buyer_admin, language=language) is changed
    assert (people.buyer_admin.language, language_of(people.buyer_admin)) == (stored, stored)


def test_the_account_page_shows_and_changes_the_language(client, people):
    client.force_login(people.buyer_admin)
    page = client.get(HOME)
    assert page.context["language_form"]["language"].value() == "en"
    response = client.post(HOME, {"language": "zh-hans"})
    assert response.status_code == 302 and response["Location"] == HOME
    assert language_of(people.buyer_admin) == "zh-hans"
    # The saved language is also the site's for an address without a language prefix.
    followed = client.get(HOME, follow=True)
    assert followed.redirect_chain == [(f"/zh-hans{HOME}", 302)]
    assert [str(m) for m in followed.context["messages"]] == [
        "E-mails will be written in Simplified Chinese."  # said in the page's language
    ]


def test_an_unknown_language_is_refused_with_the_field_named(client, people):
    client.force_login(people.buyer_admin)
    response = client.post(HOME, {"language": "xx"})
    assert response.status_code == 400
    assert response.context["language_form"].errors == {
        "language": ["Select a valid choice. xx is not one of the available choices."]
    }
    assert language_of(people.buyer_admin) == "en"


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, people):
    response = client.post(HOME, {"language": "zh-hans"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={HOME}"
    assert list(User.objects.values_list("language", flat=True).distinct()) == ["en"]


def test_the_admin_shows_the_language(admin_client, people):
    url = reverse("admin:accounts_user_change", args=[people.buyer_admin.pk])
    form = admin_client.get(url).context["adminform"].form
    assert form["language"].value() == "en"
