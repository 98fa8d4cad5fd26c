"""One timeline per person: what keeps someone busy, and when two things overlap.

Activities live here; B2B meetings live in ``matchmaking``, which sits above the programme
in the layers. So the programme asks registered *finders* for the rest of a person's day:
matchmaking registers one for published meetings when its app is ready
(``matchmaking.apps``). Nothing here imports matchmaking.

Walking between halls takes time: two commitments in different halls (or where either hall is
unknown) must be ``WALK`` apart, so each is widened by the walk before testing overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradefair.accounts.models import User
    from tradefair.expos.models import Expo

WALK = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Busy:
    """Something on a person's timeline: an activity they attend or speak at, or a meeting."""

    kind: str  # "activity" | "meeting"
    ref: int  # the activity's or the meeting's pk
    start: dt.datetime
    end: dt.datetime
    hall_id: int | None
    title: str


def apart(a: int | None, b: int | None) -> dt.timedelta:
    """The time needed between two places: none within one known hall, else the walk."""
    return dt.timedelta(0) if a is not None and a == b else WALK


def overlaps(busy: Busy, start: dt.datetime, end: dt.datetime, hall_id: int | None) -> bool:
    gap = apart(busy.hall_id, hall_id)
    return busy.start < end + gap and start < busy.end + gap


Finder = Callable[["User", "Expo", dt.datetime, dt.datetime], list[Busy]]
_finders: list[Finder] = []


def add_finder(finder: Finder) -> None:
    """Let another app put its commitments on people's timelines (idempotent)."""
    if finder not in _finders:
        _finders.append(finder)


def others(user: User, expo: Expo, start: dt.datetime, end: dt.datetime) -> list[Busy]:
    """Commitments other apps know of between ``start`` and ``end`` (callers add the walk)."""
    found: list[Busy] = []
    for finder in _finders:
        found.extend(finder(user, expo, start, end))
    return found
