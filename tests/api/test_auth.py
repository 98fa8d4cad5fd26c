"""Tokens: issued for good credentials, stored hashed, and the same 401 for every failure."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.accounts.conftest import PASSWORD
from tradefair.accounts.models import ApiToken
from tradefair.accounts.tokens import LAST_USED_STEP

URL = "/api/v1/auth/token"


def post(client, email: str, password: str):
    return client.post(URL, {"email": email, "password": password}, content_type="application/json")


def test_good_credentials_give_a_token_stored_only_as_its_hash(client, people):
    response = post(client, "admin@saigon.example", PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    stored = ApiToken.objects.get(user=people.buyer_admin)
    assert stored.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.key_hash

    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at is not None


@pytest.mark.parametrize("typed", ["Admin@Saigon.Example", "  admin@saigon.example "])
def test_the_address_is_taken_as_the_log_in_form_takes_it(client, people, typed):
    """Any case and spaces around it, as the form's e-mail field and its look-up allow."""
    response = post(client, typed, PASSWORD)
    assert response.status_code == 200, response.content
    assert ApiToken.objects.get().user == people.buyer_admin


def test_last_use_is_written_at_most_once_a_minute(client, people):
    token = post(client, "admin@saigon.example", PASSWORD).json()["token"]
    stored = ApiToken.objects.get(user=people.buyer_admin)
    headers = {"Authorization": f"Bearer {token}"}
    client.get("/api/v1/me", headers=headers)
    stored.refresh_from_db()
    first = stored.last_used_at
    assert first is not None
    # Within the minute: the token is read, nothing is written.
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    stored.refresh_from_db()
    assert stored.last_used_at == first
    # A minute later the next call moves it on.
    ApiToken.objects.filter(pk=stored.pk).update(last_used_at=first - LAST_USED_STEP)
    client.get("/api/v1/me", headers=headers)
    stored.refresh_from_db()
    assert stored.last_used_at > first


@pytest.mark.parametrize(
    ("email", "password"),
    [("admin@saigon.example", "wrong"), ("nobody-here@example.org", PASSWORD)],
)
def test_wrong_password_and_unknown_email_get_the_same_401(client, people, email, password):
    response = post(client, email, password)
    assert response.status_code == 401
    assert response.json() == {"detail": "The e-mail address or password is not correct."}
    assert not ApiToken.objects.exists()


def test_inactive_users_get_no_token(client, people):
    people.buyer_admin.is_active = False
    people.buyer_admin.save()
    assert post(client, "admin@saigon.example", PASSWORD).status_code == 401


def test_a_made_up_token_is_refused(client, people):
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert "log in" in response.json()["detail"]
