"""Exhibitors name the competitors their booth must not touch, from their portal; the next
run reads them."""

import pytest
from django.urls import reverse

from tests.matchmaking.conftest import make_party_in
from tradefair.booths import adapters
from tradefair.booths.services.bookings import candidates, competitors, set_competitor
from tradefair.booths.services.errors import BoothError, NotAllowed
from tradefair.organisations.models import Participation

pytestmark = pytest.mark.django_db


def test_an_exhibitor_names_and_drops_a_competitor_from_its_portal(client, expo, make_exhibitor):
    me, rival, elsewhere = (
        make_exhibitor("Tea Co"),
        make_exhibitor("Rival Tea Co"),
        make_exhibitor("Fish Co", pavilion="blue"),
    )
    client.force_login(me.user)
    home = client.get(reverse("exhibitor:home", args=[expo.slug])).content.decode()
    assert "Rival Tea Co</option>" in home and "Fish Co</option>" not in home
    assert candidates(me.participation) == [rival.participation]
    url = reverse("exhibitor:competitor", args=[expo.slug])
    page = client.post(url, {"other": rival.participation.pk, "keep_apart": "1"}, follow=True)
    assert "Rival Tea Co will not be placed next to your booth." in page.content.decode()
    assert competitors(me.participation) == [rival.participation]
    built = adapters.build_problem(expo)
    mine = next(e for e in built.problem.exhibitors if e.id == str(me.participation.pk))
    assert mine.competitors == {str(rival.participation.pk)}
    client.post(url, {"other": rival.participation.pk, "keep_apart": "0"})
    assert competitors(me.participation) == []
    assert elsewhere  # in another pavilion: never offered


def test_only_its_own_people_or_the_organisers_name_competitors(expo, organiser, make_exhibitor):
    me, rival = make_exhibitor("Tea Co"), make_exhibitor("Rival Tea Co")
    with pytest.raises(NotAllowed):
        set_competitor(
            participation=me.participation, other=rival.participation, keep_apart=True,
            by_user=rival.user,
        )  # fmt: skip
    set_competitor(
        participation=me.participation, other=rival.participation, keep_apart=True,
        by_user=organiser,
    )  # fmt: skip
    assert competitors(me.participation) == [rival.participation]


def test_oneself_and_non_exhibitors_are_refused(expo, make_exhibitor):
    me = make_exhibitor("Tea Co")
    buyer = make_party_in(expo, "Buyer Co", Participation.Role.BUYER)
    with pytest.raises(BoothError, match="its own competitor"):
        set_competitor(
            participation=me.participation, other=me.participation, keep_apart=True,
            by_user=me.user,
        )  # fmt: skip
    with pytest.raises(BoothError, match="Only exhibitors of this edition"):
        set_competitor(
            participation=me.participation, other=buyer.participation, keep_apart=True,
            by_user=me.user,
        )  # fmt: skip
