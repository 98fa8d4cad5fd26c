"""The API refuses what the forms refuse, before anything is stored, and says why (422).

Each refusal is one ``detail`` naming the field and its limit, in the caller's language.
"""

import pytest

from tests.api.test_meeting_requests import BASE, call, fair  # noqa: F401
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Participation

CHINESE = {"Accept-Language": "zh-Hans,zh;q=0.9"}
DIRECTORY = "/api/v1/expos/test-expo/exhibitors"
RECOMMENDATIONS = "/api/v1/expos/test-expo/recommendations"


def ask(as_user, fair, body, **headers):  # noqa: F811
    return as_user(fair.buyer).post(
        BASE,
        {"exhibitor": fair.other_exhibitor_id, **body},
        content_type="application/json",
        headers=headers,
    )


def test_a_180000_character_message_is_refused_and_nothing_is_created(as_user, fair):  # noqa: F811
    before = MeetingRequest.objects.count()
    response = ask(as_user, fair, {"message": "x" * 180_000, "priority": 3})
    assert response.status_code == 422
    assert response.json() == {"detail": "“message” may be at most 2,000 characters long."}
    assert MeetingRequest.objects.count() == before


def test_a_message_of_the_forms_limit_is_accepted(as_user, fair):  # noqa: F811
    response = ask(as_user, fair, {"message": "x" * 2000, "priority": 3})
    assert response.status_code == 201
    assert len(MeetingRequest.objects.get(pk=response.json()["id"]).message) == 2000


@pytest.mark.parametrize("priority", [0, 6, -1, 1000])
def test_a_priority_outside_1_to_5_is_refused(as_user, fair, priority):  # noqa: F811
    before = MeetingRequest.objects.count()
    response = ask(as_user, fair, {"priority": priority})
    assert response.status_code == 422
    assert response.json() == {"detail": "“priority” must be from 1 to 5."}
    assert MeetingRequest.objects.count() == before


def test_a_request_without_a_priority_is_refused_as_the_forms_refuse_it(as_user, fair):  # noqa: F811
    """Both forms require a priority (their first choices differ: 3 for a buyer's request, 1
    for an exhibitor's invitation), so the API picks none for the caller."""
    before = MeetingRequest.objects.count()
    response = ask(as_user, fair, {"message": "Tea"})
    assert response.status_code == 422
    assert response.json() == {"detail": "“priority” is required."}
    assert MeetingRequest.objects.count() == before


@pytest.mark.parametrize("priority", [1, 5])
def test_the_priorities_at_both_ends_are_accepted(as_user, fair, priority):  # noqa: F811
    response = ask(as_user, fair, {"priority": priority})
    assert response.status_code == 201
    assert response.json()["priority"] == priority


@pytest.mark.parametrize("priority", ["3", True, 2.5, None])
def test_a_priority_must_be_a_json_whole_number(as_user, fair, priority):  # noqa: F811
    response = ask(as_user, fair, {"priority": priority})
    assert response.status_code == 422
    assert response.json() == {"detail": "“priority” must be a whole number."}


def test_the_refusal_is_in_the_callers_language(as_user, fair):  # noqa: F811
    long = ask(as_user, fair, {"message": "x" * 180_000, "priority": 3}, **CHINESE)
    assert long.status_code == 422
    assert long.json() == {"detail": "“message”最多只能有 2,000 个字符。"}
    assert long["Content-Language"] == "zh-hans"
    low = ask(as_user, fair, {"priority": 0}, **CHINESE)
    assert low.json() == {"detail": "“priority”必须在 1 到 5 之间。"}


def test_every_field_at_fault_is_named_once(as_user, fair):  # noqa: F811
    response = ask(as_user, fair, {"message": "\x00", "priority": 9, "exhibitor": 0})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "“exhibitor” must be from 1 to 9,223,372,036,854,775,807. "
        "“message” may not contain the NUL character. "
        "“priority” must be from 1 to 5."
    }


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", "null", "5", '"robots"'])
def test_a_body_that_is_not_a_json_object_is_refused(as_user, fair, body):  # noqa: F811
    before = MeetingRequest.objects.count()
    response = as_user(fair.buyer).post(BASE, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body must be a JSON object."}
    assert MeetingRequest.objects.count() == before


def test_who_may_call_is_checked_before_what_was_sent(as_user, fair):  # noqa: F811
    response = call(as_user, None, "post", BASE, {"priority": 0})
    assert response.status_code == 401


def test_an_exhibitor_declines_a_buyer_only_with_a_reason(as_user, fair):  # noqa: F811
    url = f"{BASE}/{fair.request.pk}/decline"
    for body in (None, {}, {"reason": "   "}):
        response = call(as_user, fair.exhibitor, "post", url, body)
        assert response.status_code == 422
        assert response.json() == {
            "detail": "“reason” is required: tell the buyer why you decline."
        }
    too_long = call(as_user, fair.exhibitor, "post", url, {"reason": "x" * 1001})
    assert too_long.json() == {"detail": "“reason” may be at most 1,000 characters long."}
    fair.request.refresh_from_db()
    assert (fair.request.status, fair.request.decline_reason) == ("pending", "")
    # The buyer is refused for who they are, not for the missing reason.
    assert call(as_user, fair.buyer, "post", url).status_code == 403


def test_declining_again_still_needs_the_reason_the_form_asks_for(as_user, fair):  # noqa: F811
    url = f"{BASE}/{fair.request.pk}/decline"
    assert call(as_user, fair.exhibitor, "post", url, {"reason": "Sold out"}).status_code == 200
    again = call(as_user, fair.exhibitor, "post", url)
    assert again.status_code == 422
    assert again.json() == {"detail": "“reason” is required: tell the buyer why you decline."}
    assert call(as_user, fair.exhibitor, "post", url, {"reason": "Sold out"}).status_code == 200
    fair.request.refresh_from_db()
    assert (fair.request.status, fair.request.decline_reason) == ("declined", "Sold out")


def test_a_buyer_may_decline_an_exhibitors_invitation_without_a_reason(as_user, fair):  # noqa: F811
    invitation = MeetingRequest.objects.create(
        expo=fair.request.expo,
        buyer=fair.request.buyer,
        exhibitor=Participation.objects.get(pk=fair.other_exhibitor_id),
        from_exhibitor=True,
    )
    response = call(as_user, fair.buyer, "post", f"{BASE}/{invitation.pk}/decline")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["decline_reason"]) == ("declined", "")


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("limit=0", "“limit” must be from 1 to 100."),
        ("limit=101", "“limit” must be from 1 to 100."),
        ("offset=-1", "“offset” must be from 0 to 500."),
        ("limit=ten", "“limit” must be a whole number."),
        ("as=organiser", "“as” must be one of: buyer, exhibitor."),
    ],
)
def test_recommendation_paging_is_bounded(as_user, fair, query, detail):  # noqa: F811
    response = as_user(fair.buyer).get(f"{RECOMMENDATIONS}?{query}")
    assert response.status_code == 422
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("q=" + "a" * 201, "“q” may be at most 200 characters long."),
        ("q=robots%00", "“q” may not contain the NUL character."),
        ("country=THA", "“country” must be a two-letter ISO 3166 country code."),
        ("hs=8", "“hs” must be a two-digit HS chapter, e.g. 85."),
        ("hs=zz", "“hs” must be a two-digit HS chapter, e.g. 85."),
        ("sector=blue economy", "“sector” may hold only letters, digits, hyphens and underscores."),
        ("pavilion=" + "p" * 41, "“pavilion” may be at most 40 characters long."),
        ("page=0", "“page” must be at least 1."),
    ],
)
def test_directory_filters_are_refused_beyond_the_forms_limits(client, expo, query, detail):
    response = client.get(f"{DIRECTORY}?{query}")
    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_directory_filters_within_the_limits_are_read(client, expo):
    response = client.get(f"{DIRECTORY}?q={'a' * 200}&country=th&hs=85&sector=blue-economy")
    assert response.status_code == 200
    assert response.json() == {"count": 0, "page": 1, "pages": 1, "results": []}


def test_path_ids_and_slugs_are_checked(as_user, fair):  # noqa: F811
    zero = call(as_user, fair.exhibitor, "post", f"{BASE}/0/accept")
    assert zero.status_code == 422
    assert zero.json() == {"detail": "“pk” must be from 1 to 9,223,372,036,854,775,807."}
    slug = as_user(fair.buyer).get("/api/v1/expos/test%20expo/meeting-requests")
    assert slug.status_code == 422
    assert slug.json() == {
        "detail": "“slug” may hold only letters, digits, hyphens and underscores."
    }


def test_a_form_body_is_refused_in_words(client, db):
    response = client.post(
        "/api/v1/auth/token", "email=a", content_type="multipart/form-data; boundary=--"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body must be a JSON object."}


def test_a_method_the_address_does_not_answer_is_refused_in_words(client, db):
    response = client.delete("/api/v1/expos/test-expo/exhibitors", headers=CHINESE)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {"detail": "此地址只接受 GET 请求。"}
