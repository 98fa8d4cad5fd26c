"""An organisation admin invites a colleague; the one-time link makes them a member."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tradefair.accounts.models import Invitation, Membership, User
from tradefair.accounts.services.invitations import (
    VALID_FOR,
    InvitationError,
    accept_invitation,
    find_open_invitation,
    invite_colleague,
)

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
BASE = "https://expo.example"
NEW_PASSWORD = "a long new passphrase 42"


def invite(people, email="new@saigon.example", role="member", by=None):
    return invite_colleague(
        organisation=people.buyer_org,
        email=email,
        role=role,
        by_user=by or people.buyer_admin,
        base_url=BASE,
    )


def token_in(message) -> str:
    match = re.search(rf"{BASE}/accounts/invitations/([\w-]+)/", message.body)
    assert match, message.body
    return match.group(1)


def state() -> tuple[list, list, list]:
    return (
        list(Invitation.objects.values_list("email", "role", "accepted_at").order_by("pk")),
        list(Membership.objects.values_list("user__email", "organisation_id", "role")),
        list(User.objects.values_list("email", flat=True).order_by("email")),
    )


def test_the_mail_leaves_only_when_the_invitation_commits(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invitation, created = invite(people, email="New@Saigon.EXAMPLE")
        assert mailoutbox == []
    assert created and len(callbacks) == 1
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "New@saigon.example",
        "member",
        people.buyer_admin,
    )
    [message] = mailoutbox
    assert message.to == ["New@saigon.example"]
    assert message.subject == "Invitation to join Saigon Fresh Foods on tradefair"
    token = token_in(message)
    assert len(token) >= 43 and token not in Invitation.objects.values_list("token", flat=True)
    assert find_open_invitation(token) == invitation


@pytest.mark.parametrize("who", ["buyer_member", "exhibitor_admin", "outsider"])
def test_only_an_admin_of_the_organisation_invites(people, who, mailoutbox):
    before = state()
    with pytest.raises(PermissionDenied):
        invite(people, by=getattr(people, who))
    assert state() == before and mailoutbox == []


def test_inviting_again_returns_the_open_invitation_and_sends_nothing(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = invite(people)
        again, created = invite(people, email="NEW@saigon.example", role="admin")
    assert (again, created, again.role) == (first, False, "member")
    assert len(mailoutbox) == 1 and Invitation.objects.count() == 1


def test_an_expired_invitation_is_replaced(people, django_capture_on_commit_callbacks):
    first, _ = invite(people)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - VALID_FOR)
    second, created = invite(people)
    assert created and list(Invitation.objects.all()) == [second]


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("clerk@saigon.example", "member", "already a member"),
        ("CLERK@saigon.example", "member", "already a member"),
        ("not-an-address", "member", "valid e-mail"),
        ("new@saigon.example", "owner", "Unknown role"),
    ],
)
def test_refused_invitations_change_nothing(people, email, role, message, mailoutbox):
    before = state()
    with pytest.raises(InvitationError, match=message):
        invite(people, email=email, role=role)
    assert state() == before and mailoutbox == []


def test_accepting_creates_the_user_and_the_membership(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(people, role="admin")
    user = accept_invitation(token=token_in(mailoutbox[0]), password=NEW_PASSWORD, name="Lan Pham")
    assert (user.email, user.get_full_name(), user.check_password(NEW_PASSWORD)) == (
        "new@saigon.example",
        "Lan Pham",
        True,
    )
    assert Membership.objects.get(user=user).organisation == people.buyer_org
    assert Membership.objects.get(user=user).role == "admin"
    assert Invitation.objects.get().accepted_at is not None


def test_a_token_works_once(people, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(people)
    token = token_in(mailoutbox[0])
    accept_invitation(token=token, password=NEW_PASSWORD, name="Lan")
    before = state()
    with pytest.raises(InvitationError, match="already used"):
        accept_invitation(token=token, password="another long passphrase", name="Mallory")
    assert state() == before and find_open_invitation(token) is None
    assert User.objects.get(email="new@saigon.example").check_password(NEW_PASSWORD)


@pytest.mark.parametrize("token", ["", "unknown", "x" * 43])
def test_unknown_tokens_are_refused(people, token):
    before = state()
    with pytest.raises(InvitationError, match="not valid"):
        accept_invitation(token=token, password=NEW_PASSWORD, name="Eve")
    assert state() == before


def test_an_expired_token_is_refused(people, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = invite(people)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - VALID_FOR - dt.timedelta(seconds=1)
    )
    before = state()
    with pytest.raises(InvitationError, match="expired"):
        accept_invitation(token=token_in(mailoutbox[0]), password=NEW_PASSWORD, name="Lan")
    assert state() == before


def test_a_weak_password_is_refused_and_nothing_changes(
    people, mailoutbox, django_capture_on_commit_callbacks, settings
):
    """The project's password validators decide what is weak."""
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        invite(people)
    before = state()
    with pytest.raises(InvitationError, match="too short"):
        accept_invitation(token=token_in(mailoutbox[0]), password="abc", name="Lan")
    assert state() == before


def test_an_existing_user_joins_with_their_own_password(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    """The exhibitor's boss also buys for the Vietnamese company."""
    with django_capture_on_commit_callbacks(execute=True):
        invite(people, email="boss@robotics.example")
    token = token_in(mailoutbox[0])
    before = state()
    with pytest.raises(InvitationError, match="enter its password"):
        accept_invitation(token=token, password=NEW_PASSWORD, name="Someone else")
    assert state() == before
    user = accept_invitation(token=token, password=PASSWORD, name="ignored")
    assert user == people.exhibitor_admin and user.check_password(PASSWORD)
    assert set(user.memberships.values_list("organisation__name", "role")) == {
        ("Guangxi Robotics", "admin"),
        ("Saigon Fresh Foods", "member"),
    }


def test_a_mail_server_that_is_down_does_not_undo_the_invitation(
    people, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def down(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("tradefair.accounts.services.invitations.send_mail", down)
    with django_capture_on_commit_callbacks(execute=True):
        invitation, created = invite(people)
    assert created and Invitation.objects.get() == invitation
    assert "no mail server" in caplog.text
