"""A small floor for booth tests: one hall, two pavilions of two island blocks each, and
exhibitors with booked areas, points and sectors, plus the edition's organiser."""

import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests.matchmaking.conftest import Party, make_party_in
from tradefair.accounts.models import ExpoStaff, User
from tradefair.booths.models import SpaceBooking
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall, Module, Pavilion
from tradefair.floorplan.services.grid import GridSpec, generate_grid
from tradefair.organisations.models import Participation

MakeExhibitor = Callable[..., Party]


def tradefair(*args: object) -> int:
    """A command's exit status, its error on stderr as the shell shows it. ``call_command``
    rather than the console entry point, which closes the database connection the test runs
    in (on PostgreSQL)."""
    try:
        call_command(*map(str, args))
    except CommandError as error:
        sys.stderr.write(f"CommandError: {error}\n")
        return error.returncode
    return 0


@pytest.fixture
def hall(expo: Expo) -> Hall:
    return Hall.objects.create(expo=expo, code="A1", name="Hall A1", area_m2=10_000)


@pytest.fixture
def pavilions(expo: Expo, hall: Hall) -> dict[str, Pavilion]:
    """ "ai" on rows 0-1 and 3-4 of blocks at x 0-3 and 5-8; "blue" the same from x 10."""
    found = {
        code: Pavilion.objects.create(
            expo=expo, hall=hall, code=code, name=f"{code} pavilion", kind="themed", area_m2=900
        )
        for code in ("ai", "blue")
    }
    generate_grid(hall, GridSpec(rows=2, columns=2, block_columns=4), pavilion=found["ai"])
    Module.objects.bulk_create(  # a copy of the first grid, 10 columns (30 m) to the right
        Module(
            hall=hall,
            x=m.x + 10,
            y=m.y,
            x_m=m.x_m + 30,
            y_m=m.y_m,
            size_m=m.size_m,
            pavilion=found["blue"],
            premium=m.premium,
        )
        for m in Module.objects.filter(pavilion=found["ai"])
    )
    return found


@pytest.fixture
def make_exhibitor(expo: Expo, pavilions: dict[str, Pavilion]) -> MakeExhibitor:
    def make(
        name: str, modules: int = 2, pavilion: str = "ai", points: int = 0, sector: str = ""
    ) -> Party:
        party = make_party_in(expo, name, Participation.Role.EXHIBITOR)
        Participation.objects.filter(pk=party.participation.pk).update(
            pavilion=pavilions[pavilion], booth_area_m2=Decimal(9 * modules)
        )
        party.participation.refresh_from_db()
        SpaceBooking.objects.create(
            participation=party.participation,
            points=points,
            sector=Sector.objects.get(slug=sector) if sector else None,
        )
        return party

    return make


@pytest.fixture
def organiser(expo: Expo) -> User:
    user = User.objects.create_user("organiser@example.com")
    ExpoStaff.objects.create(user=user, expo=expo)
    return user
