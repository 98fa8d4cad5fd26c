"""Attendance figures: people in by day and by country (entrance check-ins, each person once a
day), the share of published meetings held and the no-shows, and leads per exhibitor. The
console's page and the bulletin read the same numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q

from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.matchmaking.models import Meeting
from tradefair.registration.models import Application, Badge, CheckIn, Lead

TOP = 10


@dataclass(frozen=True)
class Attendance:
    badges: int
    people_in: int  # distinct badges checked in at the entrance on any day
    by_day: list[tuple[dt.date, int]]
    by_country: list[tuple[str, int]]  # ISO code, people, most first
    meetings: int  # published
    held: int
    no_shows: int
    leads: int
    exhibitors_with_leads: int
    top_exhibitors: list[tuple[str, int]] = field(default_factory=list)
    applications: dict[str, int] = field(default_factory=dict)

    @property
    def held_share(self) -> float | None:
        return self.held / self.meetings if self.meetings else None

    @property
    def no_show_share(self) -> float | None:
        return self.no_shows / self.meetings if self.meetings else None

    @property
    def leads_per_exhibitor(self) -> float | None:
        return self.leads / self.exhibitors_with_leads if self.exhibitors_with_leads else None


def attendance(expo: Expo) -> Attendance:
    entrance = CheckIn.objects.filter(expo=expo, place=CheckIn.Place.ENTRANCE)
    by_day = list(
        entrance.values("day").annotate(n=Count("badge", distinct=True)).order_by("day")
        .values_list("day", "n")
    )  # fmt: skip
    by_country = list(
        entrance.values("badge__participation__organisation__country")
        .annotate(n=Count("badge", distinct=True))
        .order_by("-n", "badge__participation__organisation__country")
        .values_list("badge__participation__organisation__country", "n")
    )
    meetings = Meeting.objects.filter(expo=expo, published=True).aggregate(
        total=Count("pk"),
        held=Count("pk", filter=Q(status=Meeting.Status.HELD)),
        no_shows=Count("pk", filter=Q(status=Meeting.Status.NO_SHOW)),
    )
    leads = Lead.objects.filter(expo=expo)
    top = [
        (in_reader_language(name, name_zh), n)
        for name, name_zh, n in leads.values(
            "exhibitor__organisation__name", "exhibitor__organisation__name_zh"
        )
        .annotate(n=Count("pk"))
        .order_by("-n", "exhibitor__organisation__name")
        .values_list("exhibitor__organisation__name", "exhibitor__organisation__name_zh", "n")[:TOP]
    ]
    applications = dict(
        Application.objects.filter(expo=expo).values("status").annotate(n=Count("pk"))
        .values_list("status", "n")
    )  # fmt: skip
    return Attendance(
        badges=Badge.objects.filter(expo=expo).count(),
        people_in=entrance.values("badge").distinct().count(),
        by_day=by_day,
        by_country=by_country,
        meetings=meetings["total"],
        held=meetings["held"],
        no_shows=meetings["no_shows"],
        leads=leads.count(),
        exhibitors_with_leads=leads.values("exhibitor").distinct().count(),
        top_exhibitors=top,
        applications=applications,
    )
