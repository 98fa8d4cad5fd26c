"""Password guessing: the fifth wrong password for one address from one IP locks that pair out
of the log-in form and the API's token endpoint for 15 minutes, the right password included."""

import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from django.urls import reverse

from tradefair.accounts.models import ApiToken

from .conftest import PASSWORD, People

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
TOKEN = "/api/v1/auth/token"
EMAIL = "admin@saigon.example"
LOCKED = (
    "Too many failed log-ins with this e-mail address. Try again in 15 minutes, "
    "or set a new password by e-mail."
)
LOCKED_ZH = "使用该电子邮箱地址登录失败的次数过多。请在 15 分钟后重试，或通过电子邮件设置新密码。"
WRONG_FORM = "The e-mail address or the password is wrong."
WRONG_API = {"detail": "The e-mail address or password is not correct."}


def form(client: Client, password: str, email: str = EMAIL, prefix: str = ""):
    return client.post(f"{prefix}{LOGIN}", {"username": email, "password": password})


def api(client: Client, password: str, email: str = EMAIL, **headers: str):
    return client.post(
        TOKEN,
        {"email": email, "password": password},
        content_type="application/json",
        headers=headers,
    )


def message_of(response) -> str:
    body = response.content.decode()
    return re.sub(r"\s+", " ", body.split('role="alert"', 1)[1].split("<p>")[1].split("</p>")[0])


def cool_off_passes() -> None:
    """Move the recorded failures back to just over 15 minutes ago."""
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - dt.timedelta(minutes=15, seconds=1)
    )


def test_the_form_locks_out_at_the_fifth_wrong_password(client: Client, people: People) -> None:
    for _ in range(4):
        response = form(client, "wrong")
        assert response.status_code == 200
        assert response.context["form"].non_field_errors() == [WRONG_FORM]
    fifth = form(client, "wrong")
    assert fifth.status_code == 429
    assert "<h1>Log-in paused</h1>" in fifth.content.decode()
    assert message_of(fifth) == LOCKED
    sixth = form(client, "wrong")
    assert (sixth.status_code, message_of(sixth)) == (429, LOCKED)

    right = form(client, PASSWORD)
    assert (right.status_code, message_of(right)) == (429, LOCKED)
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get().failures_since_start == 5

    cool_off_passes()
    after = form(client, PASSWORD)
    assert after.status_code == 302 and after["Location"] == "/test-expo/buyer/"
    assert client.session["_auth_user_id"] == str(people.buyer_admin.pk)
    assert not AccessAttempt.objects.exists()  # the success cleared the count


def test_tries_while_locked_out_do_not_push_the_end_away(client: Client, people: People) -> None:
    for _ in range(5):
        form(client, "wrong")
    cool_off_passes()
    assert form(client, "wrong").status_code == 200  # counting starts again from one
    assert form(client, PASSWORD).status_code == 302


def test_the_case_of_the_address_buys_no_extra_tries(client: Client, people: People) -> None:
    for email in ["admin@saigon.example", "ADMIN@saigon.example", "Admin@Saigon.Example"]:
        form(client, "wrong", email)
    form(client, "wrong", "admin@SAIGON.example")
    assert form(client, "wrong", "ADMIN@SAIGON.EXAMPLE").status_code == 429
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
        ("admin@saigon.example", 5)
    ]


def test_the_lock_is_per_address_and_ip(client: Client, people: People) -> None:
    for _ in range(5):
        form(client, "wrong")
    assert form(client, PASSWORD, "clerk@saigon.example").status_code == 302
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    assert form(elsewhere, PASSWORD).status_code == 302


def test_a_successful_log_in_clears_the_count(client: Client, people: People) -> None:
    for _ in range(4):
        form(client, "wrong")
    assert form(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert form(client, "wrong").status_code == 200
    assert AccessAttempt.objects.get().failures_since_start == 4


def test_the_lock_out_page_speaks_chinese(client: Client, people: People) -> None:
    for _ in range(4):
        form(client, "wrong", prefix="/zh-hans")
    fifth = form(client, "wrong", prefix="/zh-hans")
    assert fifth.status_code == 429
    assert message_of(fifth) == LOCKED_ZH
    assert 'href="/zh-hans/accounts/password-reset/"' in fifth.content.decode()


def test_the_token_endpoint_locks_out_at_the_fifth_wrong_password(
    client: Client, people: People
) -> None:
    for _ in range(4):
        response = api(client, "wrong")
        assert (response.status_code, response.json()) == (401, WRONG_API)
    for password in ["wrong", "wrong", PASSWORD]:
        response = api(client, password)
        assert response.status_code == 429
        assert response.json() == {"detail": LOCKED}
        assert response["Content-Type"] == "application/json; charset=utf-8"
    assert not ApiToken.objects.exists()

    cool_off_passes()
    response = api(client, PASSWORD)
    assert response.status_code == 200 and list(response.json()) == ["token"]
    assert ApiToken.objects.get().user == people.buyer_admin


def test_the_token_endpoint_answers_a_lock_out_in_the_callers_language(
    client: Client, people: People
) -> None:
    for _ in range(4):
        api(client, "wrong")
    response = api(client, "wrong", **{"Accept-Language": "zh-Hans"})
    assert response.status_code == 429
    assert response.json() == {"detail": LOCKED_ZH}
    assert response["Content-Language"] == "zh-hans"


def test_the_form_and_the_api_share_one_count(client: Client, people: People) -> None:
    for _ in range(3):
        form(client, "wrong")
    api(client, "wrong")
    assert api(client, "wrong").status_code == 429
    assert form(client, PASSWORD).status_code == 429


def test_a_new_password_by_e_mail_lifts_the_lock(
    client: Client, people: People, mailoutbox, settings
) -> None:
    settings.SITE_URL = "https://expo.example.org"
    for _ in range(5):
        form(client, "wrong")
    client.post(reverse("accounts:password_reset"), {"email": EMAIL})
    path = mailoutbox[0].body.split("https://expo.example.org", 1)[1].split()[0]
    form_url = client.get(path)["Location"]
    new = "a brand-new passphrase"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    assert not AccessAttempt.objects.exists()
    assert form(client, new).status_code == 302


def test_the_admin_log_in_shares_the_lock(client: Client, people: People) -> None:
    for _ in range(5):
        form(client, "wrong")
    response = client.post("/admin/login/", {"username": EMAIL, "password": PASSWORD})
    assert (response.status_code, message_of(response)) == (429, LOCKED)
