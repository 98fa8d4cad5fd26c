"""A floor with two pavilions inside the shared test expo; uploads kept in a temporary folder."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from tradefair.accounts.models import User
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


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:
    """Uploaded import files go to a folder of the test's own, never the project's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(db) -> User:
    """A staff member allowed to add and change organisations and participations, no more."""
    user = User.objects.create_user("organiser@example.org", "pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="organisations",
            codename__in=[
                "add_organisation",
                "change_organisation",
                "add_participation",
                "change_participation",
                "view_participation",
            ],
        )
    )
    return user
