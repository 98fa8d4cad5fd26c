"""The exhibitor portal: inviting a buyer and the recommended buyers (the people and the
requests are those of ``test_exhibitor_portal``)."""

# ruff: noqa: F401, F811 -- ``fair`` is a fixture: imported, then named as the tests' argument

import pytest

from tests.matchmaking.conftest import make_party_in
from tests.pages.test_exhibitor_portal import (
    Fair,
    asks,
    client_for,
    extra_buyers,
    fair,
    recommend,
    url,
)
from tradefair.expos.models import Expo, HSCode
from tradefair.matchmaking.models import MeetingRequest
from tradefair.organisations.models import Offer, Participation

Status = MeetingRequest.Status
Role = Participation.Role


# --- inviting a buyer --------------------------------------------------------------------


def test_invite_creates_one_request_from_the_exhibitor_and_mails_the_buyer(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    address = url(fair, "invite", buyer_pk=fair.buyer.participation.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, "right").post(
            address, {"message": "Our arms pack 60 boxes a minute.", "priority": "3"}
        )

    assert response.status_code == 302
    assert response["Location"] == url(fair, "requests")
    request = MeetingRequest.objects.get()
    assert (request.buyer, request.exhibitor) == (fair.buyer.participation, fair.me.participation)
    assert (request.from_exhibitor, request.status, request.priority) == (True, Status.PENDING, 3)
    assert request.message == "Our arms pack 60 boxes a minute."
    assert request.requested_by == fair.me.user
    assert [m.to for m in mailoutbox] == [["saigon-fresh-foods@example.com"]]
    assert mailoutbox[0].subject == "New meeting request from Guangxi Robotics"


def test_a_refused_invitation_keeps_what_was_typed(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    open_request = asks(fair)  # the buyer already asked: no second open request of the pair
    address = url(fair, "invite", buyer_pk=fair.buyer.participation.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fair, "right").post(
            address, {"message": "Hello again", "priority": "5"}
        )

    assert response.status_code == 400
    page = response.content.decode()
    assert "You already have an open request to Saigon Fresh Foods." in page
    assert "Hello again</textarea>" in page
    assert '<option value="5" selected>' in page
    assert list(MeetingRequest.objects.all()) == [open_request]
    assert mailoutbox == []


@pytest.mark.parametrize("priority", ["", "9", "high"])
def test_an_invitation_needs_a_priority_from_1_to_5(fair: Fair, priority: str):
    address = url(fair, "invite", buyer_pk=fair.buyer.participation.pk)

    response = client_for(fair, "right").post(address, {"message": "Hi", "priority": priority})

    assert response.status_code == 400
    assert response.context["form"].errors == {"priority": ["Choose a priority from 1 to 5."]}
    assert MeetingRequest.objects.count() == 0


def test_only_buyers_of_this_edition_are_invited(
    fair: Fair, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(fair, "right")
    elsewhere = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        host_country_id="CN",
        start_date=fair.expo.start_date,
        end_date=fair.expo.end_date,
    )
    far_buyer = make_party_in(elsewhere, "Far Buyer", Role.BUYER).participation

    for pk in (far_buyer.pk, fair.other.participation.pk):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url(fair, "invite", buyer_pk=pk), {"priority": "1"})
        assert response.status_code == 404
    assert MeetingRequest.objects.count() == 0
    assert mailoutbox == []


# --- recommended buyers ------------------------------------------------------------------


def test_recommended_buyers_with_invite_links_or_the_request_status(fair: Fair):
    fresh, declined_before = extra_buyers(fair, 2)
    offer = Offer.objects.create(participation=fair.me.participation, title="Packing robots")
    offer.hs_codes.set(HSCode.objects.filter(code="8479"))
    recommend(fair, [fair.buyer.participation, fresh, declined_before])
    asks(fair, from_exhibitor=True)
    asks(fair, declined_before, status=Status.DECLINED)

    client = client_for(fair, "right")
    # By default the buyer already invited is left out, and the page says how to see it.
    hidden = client.get(url(fair, "buyers"))
    assert [i.name for i in hidden.context["suggestions"]] == ["Buyer 0", "Buyer 1"]
    assert (
        '1 buyer you already have a request with is left out: <a href="?requested=show">'
        "show it</a>." in hidden.content.decode()
    )

    response = client.get(url(fair, "buyers"), {"requested": "show"})

    items = response.context["suggestions"]
    assert [(i.name, i.score) for i in items] == [
        ("Saigon Fresh Foods", "89%"),
        ("Buyer 0", "88%"),
        ("Buyer 1", "87%"),
    ]
    # The buyer's need, then the exhibitor's own product it matches.
    assert items[0].reasons == [
        "Industrial robots for packing lines — HS 8479 matches your “Packing robots”",
        "sources from China",
    ]
    page = response.content.decode()
    assert (
        "<li>Industrial robots for packing lines — HS 8479 matches your “Packing robots”</li>"
        in page
    )
    assert "You invited them: pending" in page
    assert "Last request: declined" in page
    invite_links = [url(fair, "invite", buyer_pk=b.pk) for b in (fresh, declined_before)]
    assert all(link in page for link in invite_links)
    assert url(fair, "invite", buyer_pk=fair.buyer.participation.pk) not in page
    assert f'<a href="{url(fair, "buyers")}">Leave out the buyers you already have' in page


def test_when_every_recommended_buyer_is_asked_the_page_says_so(fair: Fair):
    recommend(fair, [fair.buyer.participation])
    asks(fair)  # the buyer asked this exhibitor: an open request of the pair

    page = client_for(fair, "right").get(url(fair, "buyers")).content.decode()

    assert (
        "You already have a request with every buyer recommended to you:"
        ' <a href="?requested=show">show them</a>.'
    ) in page
    assert "No recommendations yet" not in page


def test_recommended_buyers_are_paginated(fair: Fair):
    buyers = extra_buyers(fair, 21)
    recommend(fair, buyers)
    client = client_for(fair, "right")

    first = client.get(url(fair, "buyers"))
    second = client.get(url(fair, "buyers"), {"page": "2"})

    assert [i.pk for i in first.context["suggestions"]] == [b.pk for b in buyers[:20]]
    assert [i.pk for i in second.context["suggestions"]] == [buyers[20].pk]
    assert 'rel="next"' in first.content.decode()
    # With the requested shown, the next page keeps showing them.
    asks(fair, buyers[0])
    shown = client.get(url(fair, "buyers"), {"requested": "show"}).content.decode()
    assert 'href="?requested=show&amp;page=2" rel="next"' in shown
