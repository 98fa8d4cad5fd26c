"""Setting a new password through a link sent by e-mail, without telling who has an account."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tradefair.accounts.models import User

from .conftest import PASSWORD, People

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
RESET = reverse("accounts:password_reset")
SENT = reverse("accounts:password_reset_done")
SITE = "https://expo.example.org"
NEW_PASSWORD = "a brand-new passphrase"
LINK = re.compile(re.escape(SITE) + r"(/\S+)")


@pytest.fixture(autouse=True)
def site_url(settings) -> None:
    settings.SITE_URL = SITE


def ask(client: Client, email: str, prefix: str = ""):
    return client.post(f"{prefix}{RESET}", {"email": email})


def link_in(message: mail.EmailMessage) -> str:
    """The path of the one reset link in ``message``, checked to start with SITE_URL."""
    (path,) = LINK.findall(message.body)
    return path


def test_the_login_page_links_to_the_reset(client: Client) -> None:
    assert f'<a href="{RESET}">Forgot your password?</a>' in client.get(LOGIN).content.decode()


def test_the_whole_flow(client: Client, people: People, mailoutbox) -> None:
    response = ask(client, "ADMIN@Saigon.example")
    assert response.status_code == 302 and response["Location"] == SENT
    assert "a link to set a new password is on its way" in client.get(SENT).content.decode()

    (message,) = mailoutbox
    assert message.to == ["admin@saigon.example"]
    assert message.subject == "Set a new password for tradefair"
    path = link_in(message)
    assert path.startswith("/accounts/password-reset/")
    assert message.body == (
        "Someone, probably you, asked to set a new password for the tradefair account "
        "admin@saigon.example.\n\n"
        "Set a new password here:\n"
        f"{SITE}{path}\n\n"
        "The link works once and expires in 3 days.\n"
        "If you did not ask for this, ignore this e-mail: your password stays as it is.\n"
    )

    # Django swaps the token in the link for one kept in the session, then shows the form.
    opened = client.get(path)
    form_url = path.rsplit("/", 2)[0] + "/set-password/"
    assert opened.status_code == 302 and opened["Location"] == form_url
    page = client.get(form_url)
    assert page.status_code == 200 and page.context["validlink"] is True
    saved = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert saved.status_code == 302
    assert saved["Location"] == reverse("accounts:password_reset_complete")
    assert "Your new password is set" in client.get(saved["Location"]).content.decode()

    old = client.post(LOGIN, {"username": "admin@saigon.example", "password": PASSWORD})
    assert old.status_code == 200 and "_auth_user_id" not in client.session
    new = client.post(LOGIN, {"username": "admin@saigon.example", "password": NEW_PASSWORD})
    assert new.status_code == 302 and new["Location"] == "/test-expo/buyer/"
    assert client.session["_auth_user_id"] == str(people.buyer_admin.pk)

    # The link worked once.
    client.logout()
    reused = client.get(path, follow=True)
    assert reused.context["validlink"] is False
    assert "This link is not valid" in reused.content.decode()


def test_two_passwords_that_differ_change_nothing(client: Client, people: People, mailoutbox):
    ask(client, "admin@saigon.example")
    form_url = client.get(link_in(mailoutbox[0]))["Location"]
    refused = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "new_password2": ["The two password fields didn’t match."]
    }
    people.buyer_admin.refresh_from_db()
    assert people.buyer_admin.check_password(PASSWORD)


@pytest.mark.parametrize("email", ["nobody-here@example.org", "clerk@saigon.example"])
def test_an_unknown_or_disabled_address_gets_the_same_page_and_no_mail(
    client: Client, people: People, mailoutbox, email: str
) -> None:
    people.buyer_member.set_unusable_password()
    people.buyer_member.save()
    known = ask(client, "admin@saigon.example")
    mailoutbox.clear()
    other = ask(Client(), email)
    assert (other.status_code, other["Location"]) == (known.status_code, known["Location"])
    assert client.get(SENT).content == Client().get(SENT).content
    assert mailoutbox == []


def test_inactive_accounts_get_no_mail(client: Client, people: People, mailoutbox) -> None:
    User.objects.filter(pk=people.buyer_admin.pk).update(is_active=False)
    assert ask(client, "admin@saigon.example")["Location"] == SENT
    assert mailoutbox == []


def test_a_bad_address_is_refused_on_the_form(client: Client, mailoutbox) -> None:
    response = ask(client, "not an address")
    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["Enter a valid email address."]}
    assert mailoutbox == []


def test_the_mail_is_in_the_recipients_language(client: Client, people: People, mailoutbox):
    """Asked from an English page, a person who reads Chinese gets a Chinese e-mail."""
    User.objects.filter(pk=people.buyer_admin.pk).update(language="zh-hans")
    ask(client, "admin@saigon.example")
    (message,) = mailoutbox
    path = link_in(message)
    assert path.startswith("/zh-hans/accounts/password-reset/")
    assert message.subject == "设置tradefair新密码"
    assert message.body == (
        "有人（可能是您本人）申请为tradefair账户admin@saigon.example设置新密码。\n\n"
        "请在此设置新密码：\n"
        f"{SITE}{path}\n\n"
        "该链接只能使用一次，3 天后过期。\n"
        "如果这不是您的申请，请忽略本邮件：您的密码不会改变。\n"
    )
    opened = client.get(path, follow=True)
    assert opened.status_code == 200 and opened.context["validlink"] is True
    assert "设置新密码" in opened.content.decode()


def test_a_chinese_page_does_not_make_an_english_readers_mail_chinese(
    client: Client, people: People, mailoutbox
) -> None:
    response = ask(client, "admin@saigon.example", prefix="/zh-hans")
    assert response["Location"] == f"/zh-hans{SENT}"
    assert mailoutbox[0].subject == "Set a new password for tradefair"


def test_the_pages_speak_chinese(client: Client) -> None:
    body = client.get(f"/zh-hans{RESET}").content.decode()
    assert "设置新密码" in body and "发送链接给我" in body
    assert "请查收邮件" in client.get(f"/zh-hans{SENT}").content.decode()
