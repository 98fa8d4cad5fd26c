"""The organiser manages editions, reference data and the floor plan in the admin."""

import pytest
from django.urls import reverse

from tradefair.accounts.models import User
from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Booth, Hall, Pavilion
from tradefair.floorplan.services.grid import GridSpec, generate_grid

CHANGELISTS = [
    ("expos", "expo", "q=test"),
    ("expos", "country", "q=viet"),
    ("expos", "countrygroup", "q=asean"),
    ("expos", "sector", "q=blue"),
    ("expos", "hscode", "q=photovoltaic&level__exact=6"),
    ("floorplan", "hall", "q=A"),
    ("floorplan", "pavilion", "kind__exact=country"),
    ("floorplan", "booth", "q=A-101"),
    ("floorplan", "boothassignment", ""),
    ("floorplan", "module", "premium=2"),
]


@pytest.fixture
def floor(expo: Expo) -> Booth:
    hall = Hall.objects.create(expo=expo, code="A", name="Hall A", area_m2=10_000)
    pavilion = Pavilion.objects.create(
        expo=expo,
        hall=hall,
        code="vn",
        name="Vietnam Pavilion",
        kind="country",
        country=Country.objects.get(code="VN"),
        area_m2=1_000,
    )
    generate_grid(hall, GridSpec(rows=1, columns=2, block_columns=3), pavilion=pavilion)
    return Booth.objects.create(expo=expo, pavilion=pavilion, number="A-101", area_m2=9)


@pytest.mark.parametrize(("app", "model", "query"), CHANGELISTS)
def test_staff_search_and_filter_every_changelist(client, floor, app, model, query):
    client.force_login(User.objects.create_superuser("staff@example.org", "pw"))
    response = client.get(reverse(f"admin:{app}_{model}_changelist") + f"?{query}")
    assert response.status_code == 200
    assert "errornote" not in response.content.decode()


def test_changelist_search_finds_the_row(client, floor):
    client.force_login(User.objects.create_superuser("staff@example.org", "pw"))
    response = client.get(reverse("admin:expos_hscode_changelist") + "?q=854143")
    assert "photovoltaic" in response.content.decode()
    response = client.get(reverse("admin:floorplan_pavilion_changelist") + "?kind__exact=country")
    assert "Vietnam Pavilion" in response.content.decode()


@pytest.mark.parametrize(("app", "model", "query"), CHANGELISTS)
def test_anonymous_is_sent_to_login(client, db, app, model, query):
    response = client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
