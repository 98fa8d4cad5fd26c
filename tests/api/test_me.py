"""``GET /api/v1/me``: 401 for anonymous callers, the user's organisations and roles otherwise."""

URL = "/api/v1/me"


def test_anonymous_gets_401_with_a_message(client):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Please log in first")


def test_a_member_sees_their_organisation_and_roles(as_user, people, expo):
    response = as_user(people.buyer_member).get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "email": "clerk@saigon.example",
        "organisations": [people.buyer_org.pk],
        "expos": [{"expo": expo.slug, "roles": ["buyer"]}],
    }


def test_organiser_staff_see_the_organiser_role(as_user, people, expo):
    body = as_user(people.organiser).get(URL).json()
    assert body["organisations"] == []
    assert body["expos"] == [{"expo": expo.slug, "roles": ["organiser"]}]


def test_an_outsider_has_no_roles(as_user, people):
    body = as_user(people.outsider).get(URL).json()
    assert body == {"email": "nobody@example.org", "organisations": [], "expos": []}
