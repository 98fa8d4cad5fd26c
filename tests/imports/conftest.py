"""A floor with two pavilions inside the shared test expo."""

import pytest

from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Hall, Pavilion


@pytest.fixture
def pavilions(expo: Expo) -> dict[str, Pavilion]:
    hall = Hall.objects.create(expo=expo, code="1", name="Hall 1", area_m2=20_000)
    return {
        "vn": Pavilion.objects.create(
            expo=expo,
            hall=hall,
            code="vn",
            name="Vietnam Pavilion",
            name_zh="越南馆",
            kind="country",
            country=Country.objects.get(code="VN"),
            area_m2=2_000,
        ),
        "ai": Pavilion.objects.create(
            expo=expo,
            hall=hall,
            code="ai",
            name="AI Pavilion",
            name_zh="人工智能馆",
            kind="themed",
            area_m2=3_000,
        ),
    }
