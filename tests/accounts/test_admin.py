"""The admin lists memberships, organiser staff and invitations; invitations are not made there."""

import pytest
from django.urls import reverse

from tradefair.accounts.models import Invitation, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, people):
    Invitation.objects.create(organisation=people.buyer_org, email="new@x.example", token="t")
    client.force_login(User.objects.create_superuser("root@example.org", "pw"))
    return client


@pytest.mark.parametrize(
    ("model", "query", "found"),
    [
        ("membership", "saigon", 2),
        ("expostaff", "staff@", 1),
        ("invitation", "new@", 1),
        ("invitation", "nobody", 0),
    ],
)
def test_search(admin_client, model, query, found):
    response = admin_client.get(reverse(f"admin:accounts_{model}_changelist"), {"q": query})
    assert response.status_code == 200
    assert response.context["cl"].result_count == found


def test_open_and_accepted_invitations_filter(admin_client):
    url = reverse("admin:accounts_invitation_changelist")
    assert admin_client.get(url, {"state": "open"}).context["cl"].result_count == 1
    assert admin_client.get(url, {"state": "accepted"}).context["cl"].result_count == 0


def test_invitations_are_made_by_the_service_not_the_admin(admin_client):
    assert admin_client.get(reverse("admin:accounts_invitation_add")).status_code == 403


def test_membership_form_uses_autocomplete(admin_client):
    response = admin_client.get(reverse("admin:accounts_membership_add"))
    assert response.status_code == 200
    assert 'class="admin-autocomplete' in response.content.decode()
