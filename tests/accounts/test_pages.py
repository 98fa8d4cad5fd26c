"""Logging in by e-mail, the organisation page's permissions, and accepting an invitation."""

import re

import pytest
from django.urls import reverse

from tradefair.accounts.models import Invitation, Membership, User

from .conftest import PASSWORD, member, organisation

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def test_login_by_email_and_password(client, people):
    response = client.post(LOGIN, {"username": "ADMIN@saigon.example", "password": PASSWORD})
    # a buyer organisation's admin lands on the buyer portal (more in test_landing.py)
    assert response.status_code == 302 and response["Location"] == "/test-expo/buyer/"
    assert client.get(reverse("accounts:home")).context["user"] == people.buyer_admin


def test_a_wrong_password_is_refused(client, people):
    response = client.post(LOGIN, {"username": "admin@saigon.example", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The e-mail address or the password is wrong."
    ]
    assert "_auth_user_id" not in client.session


def test_the_login_page_speaks_chinese(client):
    response = client.get("/zh-hans/accounts/login/")
    assert response.status_code == 200
    assert "登录" in response.content.decode()
    english = next(link for link in response.context["language_links"] if link.code == "en")
    assert english.url == "/accounts/login/"


def test_logout_is_a_post(client, people):
    client.force_login(people.buyer_admin)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_home_lists_organisations_and_roles(client, people):
    client.force_login(people.buyer_admin)
    body = client.get(reverse("accounts:home")).content.decode()
    assert "Saigon Fresh Foods" in body and "Test Expo: buyer" in body
    assert reverse("accounts:organisation", args=[people.buyer_org.pk]) in body
    client.logout()
    assert client.get(reverse("accounts:home"))["Location"] == f"{LOGIN}?next=/accounts/"


# who → status of the buyer organisation's page: anonymous, another organisation's admin,
# a member without the admin role, the admin.
PERMISSIONS = [
    ("anonymous", 302),
    ("exhibitor_admin", 404),
    ("buyer_member", 403),
    ("buyer_admin", 200),
]


@pytest.mark.parametrize(("who", "status"), PERMISSIONS)
def test_the_organisation_page(client, people, who, status):
    if who != "anonymous":
        client.force_login(getattr(people, who))
    url = reverse("accounts:organisation", args=[people.buyer_org.pk])
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(LOGIN)
    if status == 200:
        assert {m.user.email for m in response.context["members"]} == {
            "admin@saigon.example",
            "clerk@saigon.example",
        }


@pytest.mark.parametrize(("who", "status"), PERMISSIONS)
def test_inviting_from_the_organisation_page(
    client, people, who, status, mailoutbox, django_capture_on_commit_callbacks
):
    if who != "anonymous":
        client.force_login(getattr(people, who))
    url = reverse("accounts:organisation", args=[people.buyer_org.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "new@saigon.example", "role": "member"})
    if status == 200:
        assert response.status_code == 302 and response["Location"] == url
        assert Invitation.objects.get().email == "new@saigon.example"
        assert len(mailoutbox) == 1
        assert "http://testserver/accounts/invitations/" in mailoutbox[0].body
    else:
        assert response.status_code == status
        assert Invitation.objects.count() == 0 and mailoutbox == []


def test_a_bad_invitation_shows_the_reason(client, people):
    client.force_login(people.buyer_admin)
    url = reverse("accounts:organisation", args=[people.buyer_org.pk])
    response = client.post(url, {"email": "clerk@saigon.example", "role": "member"})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "email": ["clerk@saigon.example is already a member."]
    }


def accept_url(client, people, mailoutbox, capture, email="new@saigon.example") -> str:
    client.force_login(people.buyer_admin)
    with capture(execute=True):
        client.post(
            reverse("accounts:organisation", args=[people.buyer_org.pk]),
            {"email": email, "role": "member"},
        )
    client.logout()
    return re.search(r"http://testserver(\S+)", mailoutbox[0].body).group(1)


def test_accepting_an_invitation_logs_the_new_member_in(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    url = accept_url(client, people, mailoutbox, django_capture_on_commit_callbacks)
    page = client.get(url)
    assert page.status_code == 200 and set(page.context["form"].fields) == {
        "name",
        "password",
        "password_again",
    }
    mismatch = {"name": "Lan", "password": "a long passphrase", "password_again": "other"}
    assert client.post(url, mismatch).status_code == 400
    assert not User.objects.filter(email="new@saigon.example").exists()
    data = {**mismatch, "password_again": "a long passphrase"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    user = User.objects.get(email="new@saigon.example")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Membership.objects.get(user=user).organisation == people.buyer_org
    used = client.get(url)
    assert used.status_code == 404 and "already used" in used.content.decode()


def test_an_existing_account_is_asked_for_its_password(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    url = accept_url(
        client, people, mailoutbox, django_capture_on_commit_callbacks, "nobody@example.org"
    )
    assert set(client.get(url).context["form"].fields) == {"password"}
    wrong = client.post(url, {"password": "guess"})
    assert wrong.status_code == 400 and not people.outsider.memberships.exists()
    assert client.post(url, {"password": PASSWORD}).status_code == 302
    assert people.outsider.memberships.get().organisation == people.buyer_org


def test_an_unknown_invitation_link_is_a_404(client, db):
    assert client.get(reverse("accounts:accept", args=["nope"])).status_code == 404
    assert client.post(reverse("accounts:accept", args=["nope"]), {}).status_code == 404


@pytest.mark.parametrize("extra", [0, 2])
def test_the_organisation_page_has_pinned_queries(client, people, extra, django_assert_num_queries):
    """One or three more members and invitations cost no extra query."""
    for n in range(extra):
        member(people.buyer_org, f"extra{n}@saigon.example")
        Invitation.objects.create(
            organisation=people.buyer_org, email=f"i{n}@x.example", token=str(n)
        )
    client.force_login(people.buyer_admin)
    url = reverse("accounts:organisation", args=[people.buyer_org.pk])
    # session, user, organisation, admin check, members, invitations
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("extra", [0, 2])
def test_home_has_pinned_queries(client, people, expo, extra, django_assert_num_queries):
    for n in range(extra):
        Membership.objects.create(
            user=people.buyer_admin, organisation=organisation(expo, f"Extra {n}", "TH", "buyer")
        )
    client.force_login(people.buyer_admin)
    # session, user, memberships, their participations, staff rows
    with django_assert_num_queries(5):
        assert client.get(reverse("accounts:home")).status_code == 200


def test_the_acceptance_page_speaks_chinese(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    url = accept_url(client, people, mailoutbox, django_capture_on_commit_callbacks)
    body = client.get(f"/zh-hans{url}").content.decode()
    assert "加入Saigon Fresh Foods" in body and "接受邀请" in body
