"""The buyer portal: who may see each page, the request flow, answers, settings, query counts."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from tests.matchmaking.conftest import Party, make_party_in, make_session
from tradefair.accounts.models import ExpoStaff, Membership, User
from tradefair.expos.models import Expo, HSCode
from tradefair.matchmaking.models import (
    Availability,
    MeetingProfile,
    MeetingRequest,
    Recommendation,
    Slot,
)
from tradefair.organisations.models import Need, Participation

Role = Participation.Role
Status = MeetingRequest.Status


@dataclass
class Cast:
    buyer: Party
    other_buyer: Party
    exhibitor: Participation
    exhibitor_user: User
    outsider: User
    organiser: User


@pytest.fixture
def cast(expo: Expo, add_exhibitor) -> Cast:
    exhibitor = add_exhibitor(
        "Guangxi Beibu Gulf Seafood Co., Ltd.",
        "广西北部湾海产有限公司",
        pavilion="blue",
        booth="A-101",
        title="Frozen shrimp",
        hs=("0306",),
        sectors=("blue-economy",),
    )
    exhibitor_user = User.objects.create_user("sales@beibu.example")
    Membership.objects.create(user=exhibitor_user, organisation=exhibitor.organisation)
    organiser = User.objects.create_user("staff@expo.example")
    ExpoStaff.objects.create(user=organiser, expo=expo)
    return Cast(
        buyer=make_party_in(expo, "Saigon Fresh Foods", Role.BUYER),
        other_buyer=make_party_in(expo, "Manila Imports", Role.BUYER),
        exhibitor=exhibitor,
        exhibitor_user=exhibitor_user,
        outsider=User.objects.create_user("nobody@example.org"),
        organiser=organiser,
    )


def url(name: str, *args: object) -> str:
    return reverse(f"buyer:{name}", args=("test-expo", *args))


def page_url(cast: Cast, page: str) -> str:
    return url("request", cast.exhibitor.pk) if page == "request" else url(page)


PAGES = ["home", "search", "request", "requests", "settings"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("outsider", 403),  # no participation at all
        ("exhibitor_user", 403),  # wrong role
        ("organiser", 403),  # staff act for no buyer
        ("other_buyer", 200),  # another buyer sees their own portal
        ("buyer", 200),
    ],
)
def test_who_may_open_each_page(client, cast: Cast, page: str, who: str, expected: int) -> None:
    if who != "anonymous":
        person = getattr(cast, who)
        client.force_login(person.user if isinstance(person, Party) else person)
    target = page_url(cast, page)
    response = client.get(target)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"] == f"/accounts/login/?next={target}"


def test_pages_need_a_public_expo(client, cast: Cast, expo: Expo) -> None:
    expo.is_public = False
    expo.save()
    client.force_login(cast.buyer.user)
    assert client.get(url("home")).status_code == 404


def test_requesting_an_unknown_or_non_exhibitor_is_404(client, cast: Cast) -> None:
    client.force_login(cast.buyer.user)
    assert client.get(url("request", cast.other_buyer.participation.pk)).status_code == 404
    assert client.get(url("request", 999_999)).status_code == 404


# The request flow ---------------------------------------------------------------------------


def test_the_request_page_shows_the_exhibitors_offers(client, cast: Cast) -> None:
    client.force_login(cast.buyer.user)
    html = client.get(url("request", cast.exhibitor.pk)).content.decode()
    assert "Request a meeting with Guangxi Beibu Gulf Seafood Co., Ltd." in html
    assert "Frozen shrimp" in html
    assert "<code>0306</code>" in html
    assert "Blue Economy Pavilion" in html and "A-101" in html


def test_a_request_is_created_and_mails_the_exhibitor(
    client, cast: Cast, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    client.force_login(cast.buyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("request", cast.exhibitor.pk),
            {"message": "We import 40 t of shrimp a month.", "priority": "4"},
        )
    assert response.status_code == 302
    assert response["Location"] == url("requests")
    request = MeetingRequest.objects.get()
    assert (request.buyer, request.exhibitor, request.status) == (
        cast.buyer.participation,
        cast.exhibitor,
        Status.PENDING,
    )
    assert (request.message, request.priority, request.from_exhibitor) == (
        "We import 40 t of shrimp a month.",
        4,
        False,
    )
    assert [m.to for m in mailoutbox] == [["sales@beibu.example"]]
    assert mailoutbox[0].subject == "New meeting request from Saigon Fresh Foods"
    listing = client.get(response["Location"]).content.decode()
    assert "Your request was sent to Guangxi Beibu Gulf Seafood Co., Ltd." in listing
    assert "We import 40 t of shrimp a month." in listing


def test_a_duplicate_request_is_refused_on_the_form_with_the_text_kept(
    client, cast: Cast, mailoutbox
) -> None:
    first = MeetingRequest.objects.create(
        expo=cast.exhibitor.expo, buyer=cast.buyer.participation, exhibitor=cast.exhibitor
    )
    client.force_login(cast.buyer.user)
    response = client.post(
        url("request", cast.exhibitor.pk), {"message": "Second try, same pair", "priority": "2"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "You already have an open request to Guangxi Beibu Gulf Seafood Co., Ltd." in html
    assert "Second try, same pair</textarea>" in html
    assert '<option value="2" selected>' in html
    assert list(MeetingRequest.objects.all()) == [first]
    assert mailoutbox == []


def test_a_bad_priority_names_the_field_and_creates_nothing(client, cast: Cast) -> None:
    client.force_login(cast.buyer.user)
    response = client.post(url("request", cast.exhibitor.pk), {"message": "Hi", "priority": "9"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"priority": ["Choose a priority from 1 to 5."]}
    assert MeetingRequest.objects.count() == 0


# The requests list and its actions -----------------------------------------------------------


def make_request(cast: Cast, exhibitor: Participation | None = None, **fields) -> MeetingRequest:
    return MeetingRequest.objects.create(
        expo=cast.exhibitor.expo,
        buyer=fields.pop("buyer", cast.buyer.participation),
        exhibitor=exhibitor or cast.exhibitor,
        **fields,
    )


def test_tabs_list_the_requests_of_each_status(client, cast: Cast, add_exhibitor) -> None:
    others = [add_exhibitor(f"Exporter {i}", pavilion="food") for i in range(3)]
    make_request(cast, message="Shrimp, please")
    make_request(cast, others[0], status=Status.ACCEPTED)
    make_request(cast, others[1], status=Status.DECLINED, decline_reason="We only sell to EU")
    make_request(cast, others[2], status=Status.PENDING, from_exhibitor=True, message="Meet us")
    client.force_login(cast.buyer.user)
    response = client.get(url("requests"))
    assert [r.exhibitor for r in response.context["rows"]] == [cast.exhibitor]
    assert [r.exhibitor for r, _form in response.context["incoming"]] == [others[2]]
    assert response.context["tabs"] == [
        ("pending", "pending", 1),
        ("accepted", "accepted", 1),
        ("declined", "declined", 1),
        ("cancelled", "cancelled", 0),
    ]
    declined = client.get(url("requests"), {"tab": "declined"})
    assert [r.exhibitor for r in declined.context["rows"]] == [others[1]]
    assert "We only sell to EU" in declined.content.decode()


def test_cancel_from_the_page(client, cast: Cast) -> None:
    request = make_request(cast)
    client.force_login(cast.buyer.user)
    response = client.post(url("cancel", request.pk))
    assert response.status_code == 302
    assert response["Location"] == url("requests") + "?tab=pending"
    request.refresh_from_db()
    assert request.status == Status.CANCELLED
    listing = client.get(response["Location"]).content.decode()
    assert "Your request to Guangxi Beibu Gulf Seafood Co., Ltd. is cancelled." in listing


def test_cancelling_a_declined_request_is_refused_with_a_message(client, cast: Cast) -> None:
    request = make_request(cast, status=Status.DECLINED)
    client.force_login(cast.buyer.user)
    response = client.post(url("cancel", request.pk), follow=True)
    assert "This request was declined and cannot be cancelled." in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.DECLINED


def test_accept_an_exhibitors_request(
    client, cast: Cast, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    request = make_request(cast, from_exhibitor=True)
    client.force_login(cast.buyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("accept", request.pk))
    assert response["Location"] == url("requests") + "?tab=accepted"
    request.refresh_from_db()
    assert request.status == Status.ACCEPTED
    assert [m.to for m in mailoutbox] == [["sales@beibu.example"]]


def test_decline_an_exhibitors_request_with_a_reason(
    client, cast: Cast, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    request = make_request(cast, from_exhibitor=True)
    client.force_login(cast.buyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("decline", request.pk), {"reason": "We buy no seafood"})
    assert response["Location"] == url("requests") + "?tab=declined"
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == (Status.DECLINED, "We buy no seafood")
    assert "Reason: We buy no seafood" in mailoutbox[0].body


def test_a_too_long_reason_is_refused_with_the_text_kept(client, cast: Cast) -> None:
    request = make_request(cast, from_exhibitor=True)
    client.force_login(cast.buyer.user)
    response = client.post(url("decline", request.pk), {"reason": "x" * 1001})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ensure this value has at most 1000 characters (it has 1001)." in html
    assert "x" * 1001 + "</textarea>" in html
    request.refresh_from_db()
    assert (request.status, request.decline_reason) == (Status.PENDING, "")


def test_the_buyer_cannot_accept_its_own_request(client, cast: Cast) -> None:
    request = make_request(cast)
    client.force_login(cast.buyer.user)
    response = client.post(url("accept", request.pk), follow=True)
    assert "You do not act for this organisation." in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.PENDING


@pytest.mark.parametrize("action", ["cancel", "accept", "decline"])
def test_another_buyers_request_is_404_and_unchanged(client, cast: Cast, action: str) -> None:
    request = make_request(cast, from_exhibitor=True)
    client.force_login(cast.other_buyer.user)
    assert client.post(url(action, request.pk)).status_code == 404
    request.refresh_from_db()
    assert request.status == Status.PENDING


@pytest.mark.parametrize("action", ["cancel", "accept", "decline"])
def test_actions_are_post_only(client, cast: Cast, action: str) -> None:
    request = make_request(cast, from_exhibitor=True)
    client.force_login(cast.buyer.user)
    assert client.get(url(action, request.pk)).status_code == 405


def test_actions_need_the_csrf_token(cast: Cast) -> None:
    from django.test import Client

    request = make_request(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.buyer.user)
    assert client.post(url("cancel", request.pk)).status_code == 403
    request.refresh_from_db()
    assert request.status == Status.PENDING


# Search --------------------------------------------------------------------------------------


def test_search_shows_each_exhibitors_request_status(client, cast: Cast, add_exhibitor) -> None:
    durian = add_exhibitor("Bangkok Durian Export", country="TH", pavilion="food")
    make_request(cast, status=Status.ACCEPTED)
    client.force_login(cast.buyer.user)
    response = client.get(url("search"))
    rows = [(card.name, r.status if r else None) for card, r in response.context["rows"]]
    assert rows == [
        ("Bangkok Durian Export", None),
        ("Guangxi Beibu Gulf Seafood Co., Ltd.", "accepted"),
    ]
    html = response.content.decode()
    assert f'href="{url("request", durian.pk)}">Request a meeting</a>' in html
    assert '<span class="badge badge-accepted">accepted</span>' in html


def test_search_filters_and_answers_htmx_with_the_partial(client, cast: Cast, add_exhibitor):
    add_exhibitor("Bangkok Durian Export", country="TH", pavilion="food", title="Fresh durian")
    client.force_login(cast.buyer.user)
    response = client.get(url("search"), {"q": "durian"}, headers={"HX-Request": "true"})
    assert [card.name for card, _r in response.context["rows"]] == ["Bangkok Durian Export"]
    html = response.content.decode()
    assert "<form" not in html and "1 exhibitor" in html


# Home and recommendations --------------------------------------------------------------------


def recommend(cast: Cast, exhibitor: Participation, rank: int) -> Recommendation:
    return Recommendation.objects.create(
        expo=cast.exhibitor.expo,
        buyer=cast.buyer.participation,
        exhibitor=exhibitor,
        score=1 - rank / 100,
        buyer_rank=rank,
    )


def test_home_shows_recommendations_with_reasons_and_request_state(
    client, cast: Cast, add_exhibitor
) -> None:
    need = Need.objects.create(participation=cast.buyer.participation, title="Shrimp")
    need.hs_codes.set(HSCode.objects.filter(code="0306"))
    durian = add_exhibitor("Bangkok Durian Export", country="TH", pavilion="food", booth="D-9")
    recommend(cast, cast.exhibitor, 1)
    recommend(cast, durian, 2)
    make_request(cast, status=Status.DECLINED)
    client.force_login(cast.buyer.user)
    response = client.get(url("home"))
    shown = [(r.participation, card.booths) for r, card in response.context["recommendations"]]
    assert shown == [(cast.exhibitor, ["A-101"]), (durian, ["D-9"])]
    first, _card = response.context["recommendations"][0]
    assert first.reasons[0] == "Frozen shrimp — HS 0306 matches your “Shrimp”"
    html = response.content.decode()
    assert first.reasons[0] in html
    assert '<span class="badge badge-declined">declined</span>' in html
    assert f'href="{url("request", cast.exhibitor.pk)}">Request again</a>' in html
    assert f'href="{url("request", durian.pk)}">Request a meeting</a>' in html
    assert "Saigon Fresh Foods" in html


def test_home_counts_requests_and_meetings(client, cast: Cast, add_exhibitor) -> None:
    others = [add_exhibitor(f"Exporter {i}", pavilion="food") for i in range(3)]
    make_request(cast)
    make_request(cast, others[0], status=Status.ACCEPTED)
    make_request(cast, others[1], status=Status.ACCEPTED)
    make_request(cast, others[2], from_exhibitor=True)
    client.force_login(cast.buyer.user)
    response = client.get(url("home"))
    counts = response.context["counts"]
    assert counts.by_status() == {"pending": 1, "accepted": 2, "declined": 0, "cancelled": 0}
    assert (counts.awaiting_answer, counts.meetings) == (1, 0)
    bars = [(bar.status, bar.value) for bar in response.context["bars"]]
    assert bars == [
        ("awaiting", 1),
        ("pending", 1),
        ("accepted", 2),
        ("declined", 0),
        ("cancelled", 0),
    ]
    chart = response.content.decode().split('<figure class="chart"')[1].split("</figure>")[0]
    # Drawn on the server in the lists' status colours: accepted green, pending amber.
    assert 'fill="#16a34a"' in chart and 'fill="#d97706"' in chart
    assert ">awaiting your answer<" in chart


# Settings ------------------------------------------------------------------------------------


@pytest.fixture
def slots(expo: Expo, cast: Cast) -> list[Slot]:
    return list(make_session(expo, cast.organiser, slots=3).slots.order_by("start"))


def test_settings_say_no_availability_means_every_slot(client, cast: Cast, slots) -> None:
    client.force_login(cast.buyer.user)
    response = client.get(url("settings"))
    html = response.content.decode()
    assert "You are available in every slot of the negotiation sessions." in html
    assert response.context["form"].chosen_slots == {s.pk for s in slots}
    assert "Thursday, 18 September 2025" in html
    assert "09:00–09:20" in html
    assert "Vietnamese (vi)" in html and "Tagalog (tl)" in html


def test_settings_name_languages_and_days_in_the_readers_language(
    client, cast: Cast, slots
) -> None:
    client.force_login(cast.buyer.user)
    html = client.get("/zh-hans" + url("settings")).content.decode()
    assert "越南语 (vi)" in html and "英语 (en)" in html
    assert "2025年9月18日星期四" in html


def test_settings_offer_a_stored_language_beyond_the_usual_ones(client, cast: Cast, slots):
    MeetingProfile.objects.create(participation=cast.buyer.participation, languages=["fr", "vi"])
    client.force_login(cast.buyer.user)
    form = client.get(url("settings")).context["form"]
    assert [code for code, _label in form.fields["languages"].choices][-2:] == ["tl", "fr"]
    assert dict(form.fields["languages"].choices)["fr"] == "French (fr)"
    assert form["languages"].value() == ["fr", "vi"]


def test_settings_round_trip(client, cast: Cast, slots) -> None:
    client.force_login(cast.buyer.user)
    response = client.post(
        url("settings"),
        {"languages": ["vi", "en"], "max_meetings": "6", "slots": [slots[0].pk, slots[2].pk]},
    )
    assert response.status_code == 302 and response["Location"] == url("settings")
    profile = MeetingProfile.objects.get(participation=cast.buyer.participation)
    assert (profile.languages, profile.max_meetings) == (["en", "vi"], 6)
    stored = Availability.objects.filter(participation=cast.buyer.participation)
    assert sorted(stored.values_list("slot_id", flat=True)) == [slots[0].pk, slots[2].pk]
    again = client.get(url("settings"))
    form = again.context["form"]
    assert form.chosen_slots == {slots[0].pk, slots[2].pk}
    assert form["languages"].value() == ["en", "vi"]
    assert form["max_meetings"].value() == 6
    assert "Your meeting settings are saved." in again.content.decode()
    assert "You are available in every slot" not in again.content.decode()


def test_all_day_or_every_slot_ticked_stores_every_slot(client, cast: Cast, slots) -> None:
    Availability.objects.create(participation=cast.buyer.participation, slot=slots[0])
    client.force_login(cast.buyer.user)
    day = slots[0].start.date().isoformat()  # 09:00 in Nanning is 01:00 UTC: the same day
    response = client.post(url("settings"), {"days": [day], "max_meetings": ""})
    assert response.status_code == 302
    assert not Availability.objects.filter(participation=cast.buyer.participation).exists()
    assert MeetingProfile.objects.get(participation=cast.buyer.participation).max_meetings is None


def test_settings_refusals_keep_what_was_typed(client, cast: Cast, slots) -> None:
    client.force_login(cast.buyer.user)
    response = client.post(url("settings"), {"languages": ["th"], "max_meetings": "0"})
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {
        "max_meetings": ["Ensure this value is greater than or equal to 1."],
        "slots": [
            "Tick at least one slot. To be available in every slot, tick them all "
            "(or every \u201call day\u201d box)."
        ],
    }
    html = response.content.decode()
    assert 'value="th" id="id_languages_2" checked' in html or (form["languages"].value() == ["th"])
    assert 'name="max_meetings" value="0"' in html
    assert not MeetingProfile.objects.exists()


def test_the_exhibitor_settings_use_the_same_view(rf, cast: Cast, slots) -> None:
    """The exhibitor portal mounts the same view with ``role="exhibitor"``."""
    from tradefair.matchmaking.views.settings import meeting_settings

    request = rf.get("/test-expo/exhibitor/settings/")
    request.user = cast.exhibitor_user
    response = meeting_settings(request, slug="test-expo", role="exhibitor")
    assert response.status_code == 200
    assert b"Guangxi Beibu Gulf Seafood Co., Ltd." in response.content
    assert b"You are available in every slot" in response.content
    request.user = cast.buyer.user
    with pytest.raises(PermissionDenied):
        meeting_settings(request, slug="test-expo", role="exhibitor")
    with pytest.raises(Http404):
        meeting_settings(request, slug="test-expo", role="investor")


# Pinned query counts -------------------------------------------------------------------------

# Both: session, user, expo, the buyer's participation, and the header's two role queries.
# Requests: the counts aggregate, the meeting count, the tab's rows, the rows awaiting an answer.
QUERIES_REQUESTS = 10
# Home: the counts aggregate, the meeting count, then the recommendations (the list's size and
# how much of it is requested, the list's scores and headings, the page, the requests of the
# pairs, the engine parties: the participations, both sides' lines in one query and, for a
# side with lines, their codes, sectors and markets in one query (1 + 1 + 1), the sector
# names) and the exhibitor cards (participations, booths).
QUERIES_HOME = 18


@pytest.mark.parametrize("count", [1, 3])
def test_requests_page_query_count_does_not_grow(
    client, cast: Cast, add_exhibitor, django_assert_num_queries, count: int
) -> None:
    for i in range(count):
        make_request(cast, add_exhibitor(f"Seller {i}", pavilion="food"), message=f"m{i}")
        make_request(
            cast, add_exhibitor(f"Asker {i}", pavilion="food"), from_exhibitor=True, message="x"
        )
    client.force_login(cast.buyer.user)
    with django_assert_num_queries(QUERIES_REQUESTS):
        response = client.get(url("requests"))
    assert (len(response.context["rows"]), len(response.context["incoming"])) == (count, count)


@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count_does_not_grow(
    client, cast: Cast, add_exhibitor, django_assert_num_queries, count: int
) -> None:
    for i in range(count):
        seller = add_exhibitor(f"Seller {i}", pavilion="food", booth=f"F-{i}", hs=("0306",))
        recommend(cast, seller, i + 1)
        make_request(cast, seller)
    client.force_login(cast.buyer.user)
    with django_assert_num_queries(QUERIES_HOME):  # the requested ones shown, with their state
        response = client.get(url("home"), {"requested": "show"})
    assert len(response.context["recommendations"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_search_query_count_does_not_grow(
    client, cast: Cast, add_exhibitor, django_assert_num_queries, count: int
) -> None:
    for i in range(count):
        seller = add_exhibitor(f"Exporter {i}", pavilion="food", booth=f"F-{i}", hs=("0306",))
        make_request(cast, seller)
    client.force_login(cast.buyer.user)
    query = {"q": "exporter"}
    # The 4 shared ones, the directory's 5 (the ranked ids, then the page's rows, booths,
    # sectors and what matched the query), the filter options' 5
    # (cached afterwards), the page's requests and the header's 2.
    with django_assert_num_queries(QUERIES_SEARCH):
        response = client.get(url("search"), query)
    assert len(response.context["rows"]) == count
    # htmx refreshes skip the form's options and the header.
    with django_assert_num_queries(QUERIES_SEARCH_PARTIAL):
        response = client.get(url("search"), query, headers={"HX-Request": "true"})
    assert len(response.context["rows"]) == count


QUERIES_SEARCH = 17
QUERIES_SEARCH_PARTIAL = 10
