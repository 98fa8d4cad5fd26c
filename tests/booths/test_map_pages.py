"""The halls' maps: a plan with every booth labelled, highlighted by "find on map" and by a
search, a list view, both languages; public, like the directory."""

import pytest
from django.urls import reverse

from tradefair.booths.services.publishing import publish_run
from tradefair.booths.services.runs import allocate_now
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, Pavilion

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(expo, organiser, make_exhibitor):
    parties = [make_exhibitor(name, modules=2) for name in ("Tea Co", "Fish Co", "Rice Co")]
    publish_run(run=allocate_now(expo=expo, by_user=organiser, time_limit=5), by_user=organiser)
    Pavilion.objects.filter(code="ai").update(name_zh="人工智能馆")
    return {
        p.participation.organisation.name: Booth.objects.get(
            assignment__participation=p.participation
        )
        for p in parties
    }


def test_the_plan_labels_every_booth_and_lists_them(client, placed):
    page = client.get(reverse("map:hall", args=["test-expo", "A1"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="booth"') == 3
    for name, booth in placed.items():
        assert f'id="booth-{booth.number}"' in html
        assert f"Booth {booth.number}, {name}" in html  # every booth's text label
    assert "Booths in this hall" in html and "ai pavilion" in html
    assert 'viewBox="-2 -2 ' in html and "highlighted" not in html.split("<svg")[1]


def test_find_on_map_opens_the_hall_with_the_booth_highlighted(client, placed):
    booth = placed["Tea Co"]
    found = client.get(reverse("map:find", args=["test-expo"]), {"booth": booth.number})
    assert found.status_code == 302
    assert found["Location"] == f"/test-expo/map/A1/?booth={booth.number}"
    html = client.get(found["Location"]).content.decode()
    assert f'id="booth-{booth.number}" class="booth highlighted"' in html
    assert "1 booth highlighted" in html
    missing = client.get(reverse("map:find", args=["test-expo"]), {"booth": "Z9-999"})
    assert missing.status_code == 404


def test_a_search_highlights_the_matching_booths(client, placed):
    html = client.get(reverse("map:hall", args=["test-expo", "A1"]), {"q": "co"}).content.decode()
    assert "3 booths highlighted" in html
    html = client.get(reverse("map:hall", args=["test-expo", "A1"]), {"q": "fish"}).content.decode()
    assert f'id="booth-{placed["Fish Co"].number}" class="booth highlighted"' in html
    assert html.count('class="booth highlighted"') == 1


def test_the_overview_searches_across_halls(client, placed):
    page = client.get(reverse("map:index", args=["test-expo"]), {"q": "rice"})
    html = page.content.decode()
    assert "1 booth found" in html
    number = placed["Rice Co"].number
    assert f"/test-expo/map/A1/?booth={number}" in html
    assert "3 booths" in html  # the hall's card


def test_directory_and_profile_link_to_the_map(client, placed, expo):
    directory = client.get(reverse("organisations:directory", args=["test-expo"])).content.decode()
    number = placed["Tea Co"].number
    assert f"/test-expo/map/find/?booth={number}" in directory
    holder = placed["Tea Co"].assignment.participation
    profile = client.get(reverse("organisations:exhibitor", args=["test-expo", holder.pk]))
    assert f"/test-expo/map/find/?booth={number}" in profile.content.decode()


def test_the_plan_in_chinese(client, placed):
    page = client.get("/zh-hans/test-expo/map/A1/")
    html = page.content.decode()
    assert page.status_code == 200 and "人工智能馆" in html and "平面图" in html  # breadcrumbs


def test_unknown_halls_and_unpublished_editions_are_not_found(client, placed):
    assert client.get(reverse("map:hall", args=["test-expo", "Z9"])).status_code == 404
    Expo.objects.filter(slug="test-expo").update(is_public=False)
    assert client.get(reverse("map:hall", args=["test-expo", "A1"])).status_code == 404
    assert client.get(reverse("map:index", args=["test-expo"])).status_code == 404


def test_names_are_escaped_in_the_plan_and_the_list(client, placed):
    """The plan's markup is built in Python (``booths.drawing``): a holder's name that looks
    like markup stays text in the label, the title, the booth's own text and the list."""
    booth = placed["Tea Co"]
    booth.assignment.participation.organisation.__class__.objects.filter(
        pk=booth.assignment.participation.organisation_id
    ).update(name='<b>"Tea" & Co</b>')
    html = client.get(reverse("map:hall", args=["test-expo", "A1"])).content.decode()
    assert "<b>" not in html
    escaped = "&lt;b&gt;&quot;Tea&quot; &amp; Co&lt;/b&gt;"
    assert f'aria-label="Booth {booth.number}, {escaped}"' in html
    assert f"<title>{booth.number} · {escaped} · ai pavilion</title>" in html
    profile = reverse(
        "organisations:exhibitor", args=["test-expo", booth.assignment.participation_id]
    )
    assert f'<a href="{profile}">{escaped}</a>' in html  # the list's row links the profile
