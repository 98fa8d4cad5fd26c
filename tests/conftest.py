"""Shared fixtures: a small expo built through the same models the platform uses."""

import datetime as dt
from collections.abc import Iterator

import pytest

from tests import restore
from tradefair.demo.records import DemoExpo
from tradefair.expos.models import Country, Expo


def pytest_configure() -> None:
    restore.install()


@pytest.fixture
def expo(db) -> Expo:
    return Expo.objects.create(
        slug="test-expo",
        name="Test Expo",
        name_zh="测试博览会",
        city="Nanning",
        city_zh="南宁",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2025, 9, 17),
        end_date=dt.date(2025, 9, 21),
    )


@pytest.fixture(scope="session")
def demo() -> DemoExpo:
    """The demo as generated, once per test process (10-25 s): the generator is
    deterministic, so sharing it is safe."""
    from tradefair.demo.generator import generate

    return generate()


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    """Cached filter options must not leak from one test into another's query counts."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English; a test that switches language cannot leak it."""
    from django.utils import translation

    with translation.override("en"):
        yield
