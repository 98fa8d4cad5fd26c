"""What the organiser console's programme pages list, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet

from tradefair.expos.models import Expo
from tradefair.expos.paging import Listing, paginate
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.queries.listing import registrations_counted, seated_count


@dataclass(frozen=True)
class Day:
    date: dt.date
    activities: list[Activity]


def activities(expo: Expo) -> QuerySet[Activity]:
    """Every activity of the edition, drafts and cancelled ones included, with seats counted."""
    return (
        Activity.objects.filter(expo=expo)
        .select_related("room__hall")
        .annotate(
            seated=seated_count(),
            # a subquery too: a join to count them made the seats' subquery run once per
            # registration joined (368-525 ms at the demo's 5,426 registrations)
            waiting=registrations_counted([Registration.Status.WAITLISTED]),
        )
        .order_by("start", "pk")
    )


def by_day(rows: Iterable[Activity], expo: Expo) -> list[Day]:
    """Activities grouped by the local day they start on, on the edition's clock."""
    zone = ZoneInfo(expo.time_zone)
    grouped: dict[dt.date, list[Activity]] = {}
    for activity in rows:
        grouped.setdefault(activity.start.astimezone(zone).date(), []).append(activity)
    return [Day(date, items) for date, items in grouped.items()]


def rooms(expo: Expo) -> QuerySet[Room]:
    """The edition's rooms with how many activities (not cancelled) use each."""
    return (
        Room.objects.filter(expo=expo)
        .select_related("hall")
        .annotate(
            activity_count=Count(
                "activities", filter=~Q(activities__status=Activity.Status.CANCELLED)
            )
        )
        .order_by("name", "pk")
    )


def speakers(activity: Activity) -> QuerySet[Speaker]:
    return activity.speakers.select_related("organisation", "user").order_by("order", "pk")


@dataclass(frozen=True)
class RegistrationRow:
    registration: Registration
    position: int | None  # on the waiting list, 1 = next


def registrations(activity: Activity) -> list[RegistrationRow]:
    """Everyone who registered, in arrival order, with their place on the waiting list.

    One query: the positions are counted while reading the rows in arrival order, the same
    order ``registration.promote`` follows.
    """
    rows = (
        Registration.objects.filter(activity=activity)
        .select_related("user", "participation__organisation")
        .order_by("arrived_at", "pk")
    )
    result: list[RegistrationRow] = []
    waiting = 0
    for registration in rows:
        position = None
        if registration.status == Registration.Status.WAITLISTED:
            waiting += 1
            position = waiting
        result.append(RegistrationRow(registration, position))
    return result


REGISTRATIONS_PAGE = 100


@dataclass(frozen=True)
class RegistrationPage:
    """A page of an activity's registrations for the console, with their waiting positions."""

    listing: Listing
    rows: list[RegistrationRow]


def registrations_page(activity: Activity, number: str | None) -> RegistrationPage:
    """One page of ``registrations``, positions on the waiting list included (three queries).

    The summit's main event has 1,194 registrations in the demo: the whole list took 0.2-0.8 s
    to read and draw, most of it formatting their times. The waiting list's order is read
    alone (ids only) so that a page's positions are those of the whole list."""
    ordered = Registration.objects.filter(activity=activity).order_by("arrived_at", "pk")
    waiting = ordered.filter(status=Registration.Status.WAITLISTED).values_list("pk", flat=True)
    positions = {pk: n for n, pk in enumerate(waiting, start=1)}
    listing = paginate(
        ordered.select_related("user", "participation__organisation"), number, REGISTRATIONS_PAGE
    )
    return RegistrationPage(
        listing=listing, rows=[RegistrationRow(r, positions.get(r.pk)) for r in listing.rows]
    )
