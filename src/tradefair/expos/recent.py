"""Figures counted at most once a minute: the pages that sum a whole edition say when.

A console page that reads every request and meeting of the edition (150,000 and 83,000 at the
reference size) cannot count them on every view within the pages' bar, and organisers reading
an overview do not need it to the second. Such figures are kept in the cache with the moment
they were counted, counted again once they are older than ``SECONDS``, and the page shows the
moment. What a user acts on (a publication, an answer, a booking) never reads from here.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.cache import cache
from django.utils import timezone

SECONDS = 60
T = TypeVar("T")


@dataclass(frozen=True)
class Recent(Generic[T]):
    """Figures and the moment they were counted."""

    at: dt.datetime
    value: T


def recent(key: str, count: Callable[[], T]) -> Recent[T]:
    """``count()`` as of at most ``SECONDS`` ago, counted now if the cache has none as fresh."""
    found: Recent[T] | None = cache.get(key)
    now = timezone.now()
    if found is None or now - found.at >= dt.timedelta(seconds=SECONDS):
        found = Recent(now, count())
        cache.set(key, found, SECONDS)
    return found


def remember(key: str, value: T) -> Recent[T]:
    """Keep figures just counted elsewhere (a publication's), so the page shows them at once."""
    kept = Recent(timezone.now(), value)
    cache.set(key, kept, SECONDS)
    return kept
