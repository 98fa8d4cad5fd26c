"""The header links each logged-in user to the portals of their roles in the edition on screen."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tradefair.expos.models import Expo

from .conftest import People

pytestmark = pytest.mark.django_db


def header_links(client: Client, expo: Expo) -> list[str]:
    page = client.get(reverse("organisations:expo_home", args=[expo.slug])).content.decode()
    nav = page.split('aria-label="Account"', 1)[1].split("</nav>", 1)[0]
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r">([^<>]+)</a>", nav)]


@pytest.mark.parametrize(
    ("who", "links"),
    [
        ("buyer_admin", ["Buyer portal", "My agenda"]),
        ("exhibitor_admin", ["Exhibitor portal", "My agenda"]),
        ("organiser", ["Organiser console"]),
        ("outsider", []),
    ],
)
def test_each_role_sees_its_portals(
    client: Client, expo: Expo, people: People, who: str, links: list[str]
) -> None:
    user = getattr(people, who)
    client.force_login(user)
    assert header_links(client, expo) == [*links, user.email]


def test_anonymous_visitors_see_only_the_log_in_link(client: Client, expo: Expo) -> None:
    assert header_links(client, expo) == ["Log in"]


def test_the_links_lead_to_the_portals(client: Client, expo: Expo, people: People) -> None:
    client.force_login(people.buyer_admin)
    page = client.get(reverse("buyer:home", args=[expo.slug])).content.decode()
    assert f'href="/{expo.slug}/buyer/" aria-current="page"' in page
    assert f'href="/{expo.slug}/agenda/">' in page
