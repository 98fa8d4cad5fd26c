"""What an organiser must see before publishing: the programme's conflicts.

Four kinds, among the activities that are not cancelled (drafts count: they are about to be
published): a room booked twice (two activities in one room at overlapping times), a speaker
in two places (the same account, or the same name where one of the two has no account, at
overlapping activities, allowing the walk between halls as people's timelines do), an
activity outside the edition's days (on the edition's clock), and more seated registrations
than the activity holds. Each kind is one query over the whole edition, never one per
activity; ``activity_ids`` narrows the answer to conflicts that involve those activities.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import combinations
from zoneinfo import ZoneInfo

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tradefair.expos.formatting import day_span, moment, number
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.programme.models import Activity, Speaker
from tradefair.programme.queries.listing import seated_count
from tradefair.programme.timeline import apart

ROOM = "room"
SPEAKER = "speaker"
DATES = "dates"
SEATS = "seats"
NOT_CANCELLED = (Activity.Status.DRAFT, Activity.Status.PUBLISHED)


@dataclass(frozen=True)
class Involved:
    """An activity named in a conflict, with what the message needs."""

    pk: int
    title: str
    title_zh: str
    start: dt.datetime

    @property
    def display_title(self) -> str:
        return in_reader_language(self.title, self.title_zh)


@dataclass(frozen=True)
class Conflict:
    """One conflict, phrased when shown so it reads in the reader's language."""

    kind: str
    activities: tuple[Involved, ...]
    time_zone: str
    subject: str = ""  # the room or the speaker, in English
    subject_zh: str = ""
    seated: int = 0
    seats: int = 0
    days: tuple[dt.date, dt.date] | None = None

    @property
    def message(self) -> str:
        names = [
            _("“%(title)s” (%(when)s)")
            % {"title": a.display_title, "when": moment(a.start, self.time_zone)}
            for a in self.activities
        ]
        subject = in_reader_language(self.subject, self.subject_zh)
        if self.kind == ROOM:
            return _("%(room)s is booked twice: %(first)s and %(second)s overlap.") % {
                "room": subject,
                "first": names[0],
                "second": names[1],
            }
        if self.kind == SPEAKER:
            return _(
                "%(speaker)s is in two places: %(first)s and %(second)s overlap "
                "(allowing 15 minutes to walk between halls)."
            ) % {"speaker": subject, "first": names[0], "second": names[1]}
        if self.kind == DATES:
            assert self.days is not None
            return _("%(activity)s lies outside the expo's days, %(days)s.") % {
                "activity": names[0],
                "days": day_span(*self.days),
            }
        return _("%(activity)s has %(seated)s seated registrations but holds only %(seats)s.") % {
            "activity": names[0],
            "seated": number(self.seated),
            "seats": number(self.seats),
        }

    @property
    def activity_ids(self) -> tuple[int, ...]:
        return tuple(a.pk for a in self.activities)


def _live(expo: Expo) -> QuerySet[Activity]:
    return Activity.objects.filter(expo=expo, status__in=NOT_CANCELLED)


def rooms_booked_twice(expo: Expo, activity_ids: Collection[int] | None = None) -> list[Conflict]:
    """Pairs of overlapping activities in one room: a self-join through the room."""
    pair = Q(
        room__activities__pk__gt=F("pk"),
        room__activities__status__in=NOT_CANCELLED,
        room__activities__start__lt=F("end"),
        room__activities__end__gt=F("start"),
    )
    if activity_ids is not None:
        pair &= Q(pk__in=activity_ids) | Q(room__activities__pk__in=activity_ids)
    rows = (
        _live(expo)
        .filter(pair)
        .order_by("start", "pk", "room__activities__start", "room__activities__pk")
        .values_list(
            "pk",
            "title",
            "title_zh",
            "start",
            "room__name",
            "room__name_zh",
            "room__activities__pk",
            "room__activities__title",
            "room__activities__title_zh",
            "room__activities__start",
        )
    )
    return [
        Conflict(
            ROOM,
            (Involved(a, title, title_zh, start), Involved(b, b_title, b_title_zh, b_start)),
            expo.time_zone,
            subject=room,
            subject_zh=room_zh,
        )
        for a, title, title_zh, start, room, room_zh, b, b_title, b_title_zh, b_start in rows
    ]


@dataclass(frozen=True)
class _Appearance:
    speaker: Speaker
    activity: Involved
    end: dt.datetime
    hall_id: int | None


def speakers_in_two_places(
    expo: Expo, activity_ids: Collection[int] | None = None
) -> list[Conflict]:
    """One query for every speaker row of the edition, paired by person in memory.

    A person is their account; a speaker without an account is known only by name, so the
    same name (ignoring case) where either row has no account counts as the same person.
    """
    rows = (
        Speaker.objects.filter(activity__expo=expo, activity__status__in=NOT_CANCELLED)
        .select_related("activity__room")
        .order_by("activity__start", "activity_id", "pk")
    )
    by_user: dict[int, list[_Appearance]] = defaultdict(list)
    by_name: dict[str, list[_Appearance]] = defaultdict(list)
    for speaker in rows:
        activity = speaker.activity
        seen = _Appearance(
            speaker,
            Involved(activity.pk, activity.title, activity.title_zh, activity.start),
            activity.end,
            activity.room.hall_id if activity.room else None,
        )
        if speaker.user_id is not None:
            by_user[speaker.user_id].append(seen)
        by_name[" ".join(speaker.name.split()).casefold()].append(seen)
    found: dict[tuple[int, int, str], Conflict] = {}
    for key, group in [(f"u{k}", g) for k, g in by_user.items()] + [
        (f"n{k}", g) for k, g in by_name.items()
    ]:
        for one, two in combinations(group, 2):
            if one.activity.pk == two.activity.pk:
                continue
            if key.startswith("n") and one.speaker.user_id and two.speaker.user_id:
                continue  # two accounts are two people, whatever their names
            if activity_ids is not None and not (
                one.activity.pk in activity_ids or two.activity.pk in activity_ids
            ):
                continue
            gap = apart(one.hall_id, two.hall_id)
            if not (one.activity.start < two.end + gap and two.activity.start < one.end + gap):
                continue
            pair = (one.activity.pk, two.activity.pk, one.speaker.name.casefold())
            found.setdefault(
                pair,
                Conflict(
                    SPEAKER,
                    (one.activity, two.activity),
                    expo.time_zone,
                    subject=one.speaker.name,
                    subject_zh=one.speaker.name_zh,
                ),
            )
    return sorted(found.values(), key=lambda c: (c.activities[0].start, c.activity_ids))


def outside_the_edition(expo: Expo, activity_ids: Collection[int] | None = None) -> list[Conflict]:
    """Activities that start before the first day or end after the last, on the local clock."""
    zone = ZoneInfo(expo.time_zone)
    first = dt.datetime.combine(expo.start_date, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(expo.end_date + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    rows = _live(expo).filter(Q(start__lt=first) | Q(end__gt=after))
    if activity_ids is not None:
        rows = rows.filter(pk__in=activity_ids)
    return [
        Conflict(
            DATES,
            (Involved(pk, title, title_zh, start),),
            expo.time_zone,
            days=(expo.start_date, expo.end_date),
        )
        for pk, title, title_zh, start in rows.order_by("start", "pk").values_list(
            "pk", "title", "title_zh", "start"
        )
    ]


def more_seated_than_seats(
    expo: Expo, activity_ids: Collection[int] | None = None
) -> list[Conflict]:
    """Activities whose seated registrations outnumber their capacity (else their room's)."""
    rows = (
        _live(expo)
        .annotate(
            seated=seated_count(),
            holds=Coalesce("capacity", "room__capacity"),
        )
        .filter(holds__isnull=False, seated__gt=F("holds"))
    )
    if activity_ids is not None:
        rows = rows.filter(pk__in=activity_ids)
    return [
        Conflict(
            SEATS,
            (Involved(pk, title, title_zh, start),),
            expo.time_zone,
            seated=seated,
            seats=holds,
        )
        for pk, title, title_zh, start, seated, holds in rows.order_by("start", "pk").values_list(
            "pk", "title", "title_zh", "start", "seated", "holds"
        )
    ]


def conflicts_of(expo: Expo, activity_ids: Collection[int] | None = None) -> list[Conflict]:
    """Every conflict of the edition (or of those activities), kind by kind: four queries."""
    ids = set(activity_ids) if activity_ids is not None else None
    return (
        rooms_booked_twice(expo, ids)
        + speakers_in_two_places(expo, ids)
        + outside_the_edition(expo, ids)
        + more_seated_than_seats(expo, ids)
    )
