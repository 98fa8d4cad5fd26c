"""A small programme: rooms in two halls, a negotiation session, activities and people."""

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

# The parties and the organiser are the matchmaking tests' own fixtures, shared as they are.
from tests.matchmaking.conftest import buyer, exhibitor, make_party, organiser  # noqa: F401
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.programme.models import Activity, Room

NANNING = ZoneInfo("Asia/Shanghai")
MakeActivity = Callable[..., Activity]


def at(hour: int, minute: int = 0, day: int = 18) -> dt.datetime:
    """A moment of the test expo (September 2025) on Nanning's clock."""
    return dt.datetime(2025, 9, day, hour, minute, tzinfo=NANNING)


@pytest.fixture
def halls(expo: Expo) -> tuple[Hall, Hall]:
    return (
        Hall.objects.create(expo=expo, code="A", name="Hall A", area_m2=10_000),
        Hall.objects.create(expo=expo, code="B", name="Hall B", area_m2=10_000),
    )


@pytest.fixture
def room(expo: Expo, halls: tuple[Hall, Hall]) -> Room:
    return Room.objects.create(
        expo=expo, name="Forum Room 1", name_zh="论坛一号厅", capacity=100, hall=halls[1]
    )


@pytest.fixture
def make_activity(expo: Expo, room: Room) -> MakeActivity:
    """A published forum from 10:00 to 11:00 on 18 September unless told otherwise."""

    def make(**fields: object) -> Activity:
        values: dict[str, object] = {
            "expo": expo,
            "kind": Activity.Kind.FORUM,
            "title": "Forum on the Blue Economy",
            "title_zh": "蓝色经济论坛",
            "start": at(10),
            "end": at(11),
            "room": room,
            "audience": Activity.Audience.REGISTRATION,
            "status": Activity.Status.PUBLISHED,
        }
        values.update(fields)
        return Activity.objects.create(**values)

    return make


@pytest.fixture
def forum(make_activity: MakeActivity) -> Activity:
    return make_activity()
