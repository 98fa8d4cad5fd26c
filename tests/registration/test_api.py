"""The badge and check-in endpoints: the caller's own badge; a staff scan answered 201 the first
time and 200 after, refusals as ``{"detail": …}`` with the same words as the scan page."""

import pytest

from tests.matchmaking.conftest import make_party_in
from tradefair.accounts.models import User
from tradefair.accounts.tokens import issue_token
from tradefair.organisations.models import Participation
from tradefair.registration.models import CheckIn

pytestmark = pytest.mark.django_db


def bearer(user: User) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(user)}"}


def test_the_callers_badge_then_a_scan(client, expo, organiser, admitted):
    person = User.objects.create_user("an@mekongfresh.vn")
    badge = client.get("/api/v1/expos/test-expo/badge", **bearer(person))
    assert badge.status_code == 200
    body = badge.json()
    assert (
        body["name"] == "Nguyễn Văn An" and body["organisation"] == "Mekong Fresh Trading Co., Ltd."
    )
    scan = {"token": body["token"], "place": "entrance"}
    first = client.post(
        "/api/v1/expos/test-expo/checkins",
        scan,
        content_type="application/json",
        **bearer(organiser),
    )
    assert first.status_code == 201 and first.json()["new"] is True
    assert first.json()["scanned_by"] == "organiser@example.com"
    again = client.post(
        "/api/v1/expos/test-expo/checkins",
        scan,
        content_type="application/json",
        **bearer(organiser),
    )
    assert again.status_code == 200 and again.json()["new"] is False
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize(
    ("token", "place", "status", "words"),
    [
        ("TF.1.1.1:forged", "entrance", 400, "may be forged"),
        (None, "lobby", 400, "Name the place"),
        # Unicode digits that str.isdigit() takes and int() refuses (a 500 before).
        (None, "activity:\u00b2", 400, "Name the place"),
        (None, "table:1:\u2460", 400, "Name the place"),
    ],
)
def test_refusals_name_the_reason(client, expo, organiser, admitted, token, place, status, words):
    from tradefair.registration.models import Badge
    from tradefair.registration.services.badges import token as badge_token

    code = token or badge_token(Badge.objects.first())
    response = client.post(
        "/api/v1/expos/test-expo/checkins", {"token": code, "place": place},
        content_type="application/json", **bearer(organiser),
    )  # fmt: skip
    assert response.status_code == status and words in response.json()["detail"]
    assert not CheckIn.objects.exists()


def test_who_may_call(client, expo, admitted):
    assert client.get("/api/v1/expos/test-expo/badge").status_code == 401
    nobody = User.objects.create_user("nobody@example.com")
    assert client.get("/api/v1/expos/test-expo/badge", **bearer(nobody)).status_code == 404
    buyer = make_party_in(expo, "A Buyer", Participation.Role.BUYER).user
    response = client.post(
        "/api/v1/expos/test-expo/checkins", {"token": "x", "place": "entrance"},
        content_type="application/json", **bearer(buyer),
    )  # fmt: skip
    assert response.status_code == 403
    extra = client.post(
        "/api/v1/expos/test-expo/checkins", {"token": "x", "place": "entrance", "day": 1},
        content_type="application/json", **bearer(buyer),
    )  # fmt: skip
    assert extra.status_code == 422
