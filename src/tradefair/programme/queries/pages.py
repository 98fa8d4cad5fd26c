"""What the public programme pages show, read in a fixed number of queries.

The listing reuses ``queries.listing.filtered`` (the API filters the same way) and turns its
rows into plain dataclasses with names in the reader's language and times on the edition's
clock, so templates only lay them out. Every page's query count is pinned by tests and does
not grow with the number of activities, speakers or products.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet

from tradefair.accounts.models import User
from tradefair.expos.formatting import time_span, weekday
from tradefair.expos.models import Expo, Sector
from tradefair.organisations.models import Participation
from tradefair.programme.models import Activity, LaunchedProduct, Registration, Room, Speaker
from tradefair.programme.models.registrations import LIVE
from tradefair.programme.queries.listing import (
    PUBLIC_STATUSES,
    ProgrammeFilters,
    filtered,
    seated_count,
    seats_left,
)


@dataclass(frozen=True)
class Places:
    """How full an activity is: ``left`` is None when it has no limit."""

    left: int | None
    seats: int | None
    waiting_list: bool

    @property
    def full(self) -> bool:
        return self.left == 0


def places_of(activity: Activity) -> Places:
    """From a row of ``public_activities`` (seats taken already counted)."""
    left = seats_left(activity)
    open_ = activity.status == Activity.Status.PUBLISHED
    return Places(left=left, seats=activity.seats, waiting_list=open_ and left == 0)


@dataclass(frozen=True)
class ActivityRow:
    pk: int
    title: str
    kind: str
    kind_label: str
    time: str
    room: str
    hall: str
    audience: str
    cancelled: bool
    places: Places


@dataclass(frozen=True)
class ProgrammeDay:
    date: dt.date
    label: str
    rows: list[ActivityRow]


@dataclass(frozen=True)
class ProgrammePage:
    days: list[ProgrammeDay]

    @property
    def count(self) -> int:
        return sum(len(day.rows) for day in self.days)


def _hall(room: Room | None) -> str:
    if room is None or room.hall is None:
        return ""
    return room.hall.display_name or room.hall.code


def _row(activity: Activity, zone: str) -> ActivityRow:
    return ActivityRow(
        pk=activity.pk,
        title=activity.display_title,
        kind=activity.kind,
        kind_label=activity.kind_label,
        time=time_span(activity.start, activity.end, zone),
        room=activity.room.display_name if activity.room else "",
        hall=_hall(activity.room),
        audience=activity.audience,
        cancelled=activity.status == Activity.Status.CANCELLED,
        places=places_of(activity),
    )


def programme_page(expo: Expo, filters: ProgrammeFilters) -> ProgrammePage:
    """The filtered programme grouped by the edition's local day (one query)."""
    zone = ZoneInfo(expo.time_zone)
    rows = list(filtered(expo, filters))

    def local_day(activity: Activity) -> dt.date:
        return activity.start.astimezone(zone).date()

    return ProgrammePage(
        days=[
            ProgrammeDay(date, weekday(date), [_row(a, expo.time_zone) for a in group])
            for date, group in groupby(rows, key=local_day)
        ]
    )


@dataclass(frozen=True)
class FilterChoices:
    """(value, label) pairs for the programme's filters; days and kinds need no query."""

    days: list[tuple[str, str]]
    kinds: list[tuple[str, str]]
    rooms: list[tuple[str, str]]
    sectors: list[tuple[str, str]]


def filter_choices(expo: Expo, days: Iterable[dt.date]) -> FilterChoices:
    """The options of the filter form (two queries: the edition's rooms and the sectors)."""
    rooms = [(str(r.pk), r.display_name) for r in Room.objects.filter(expo=expo).order_by("name")]
    sectors = [(s.slug, s.display_name) for s in Sector.objects.order_by("name")]
    return FilterChoices(
        days=[(d.isoformat(), weekday(d)) for d in days],
        kinds=[(str(value), str(label)) for value, label in Activity.Kind.choices],
        rooms=rooms,
        sectors=sectors,
    )


@dataclass(frozen=True)
class ActivityPage:
    activity: Activity
    other_title: str
    time: str
    day: str
    hall: str
    places: Places
    speakers: list[Speaker] = field(default_factory=list)
    products: list[LaunchedProduct] = field(default_factory=list)


def _products() -> QuerySet[LaunchedProduct]:
    return LaunchedProduct.objects.select_related("exhibitor__organisation", "hs_code").order_by(
        "name", "pk"
    )


def activity_page(expo: Expo, pk: int) -> ActivityPage | None:
    """A published or cancelled activity with its speakers, hosts, sectors and launched
    products (five queries), or None for a draft, another edition's or an unknown id."""
    activity = (
        Activity.objects.filter(expo=expo, status__in=PUBLIC_STATUSES, pk=pk)
        .select_related("room__hall")
        .annotate(seated=seated_count())
        .prefetch_related(
            Prefetch("speakers", queryset=Speaker.objects.select_related("organisation")),
            "hosts",
            Prefetch("sectors", queryset=Sector.objects.order_by("name")),
            Prefetch("launched_products", queryset=_products()),
        )
        .first()
    )
    if activity is None:
        return None
    zone = expo.time_zone
    shown = activity.display_title
    other = activity.title_zh if shown == activity.title else activity.title
    local = activity.start.astimezone(ZoneInfo(zone)).date()
    return ActivityPage(
        activity=activity,
        other_title="" if other == shown else other,
        time=time_span(activity.start, activity.end, zone),
        day=weekday(local),
        hall=_hall(activity.room),
        places=places_of(activity),
        speakers=list(activity.speakers.all()),
        products=list(activity.launched_products.all()),
    )


def live_registration(activity: Activity, user: User) -> Registration | None:
    """The person's seat or waiting-list place at the activity, if any (one query)."""
    return (
        Registration.objects.filter(activity=activity, user=user, status__in=LIVE)
        .order_by("pk")
        .first()
    )


def launch_events(expo: Expo) -> list[Activity]:
    """Every public product launch with its products and their exhibitors (two queries)."""
    return list(
        Activity.objects.filter(expo=expo, status__in=PUBLIC_STATUSES, kind=Activity.Kind.LAUNCH)
        .select_related("room__hall")
        .prefetch_related(Prefetch("launched_products", queryset=_products()))
        .order_by("start", "pk")
    )


def products_of(participation: Participation) -> list[LaunchedProduct]:
    """What an exhibitor launches at public activities of its edition (one query)."""
    return list(
        LaunchedProduct.objects.filter(
            exhibitor=participation, activity__status__in=PUBLIC_STATUSES
        )
        .select_related("activity", "hs_code")
        .order_by("activity__start", "name", "pk")
    )
