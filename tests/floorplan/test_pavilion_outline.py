"""A pavilion drawn on the hall's plan: its outline is whole or absent, and the bulletin's
figures take the pavilion's area from it."""

from decimal import Decimal

import pytest
from django.db import IntegrityError

from tradefair.floorplan.models import Hall, Pavilion
from tradefair.organisations.queries.figures import expo_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall(expo) -> Hall:
    return Hall.objects.create(expo=expo, code="A1", name="Hall A1", area_m2=24_000)


def test_the_figures_take_the_area_from_the_outline(expo, hall):
    Pavilion.objects.create(
        expo=expo, hall=hall, code="ai", name="AI", kind="themed", area_m2=9_000,
        x_m=Decimal(0), y_m=Decimal(0), width_m=Decimal(125), depth_m=Decimal(80),
    )  # fmt: skip
    Pavilion.objects.create(
        expo=expo, hall=hall, code="blue", name="Blue", kind="themed", area_m2=7_000
    )
    areas = {p.code: p.area_m2 for p in expo_figures(expo).pavilions}
    assert areas == {"ai": 10_000, "blue": 7_000}  # drawn, and entered only


def test_an_outline_is_whole_or_absent(expo, hall):
    with pytest.raises(IntegrityError):
        Pavilion.objects.create(
            expo=expo, hall=hall, code="ai", name="AI", kind="themed", area_m2=9_000,
            x_m=Decimal(0), width_m=Decimal(125),
        )  # fmt: skip
