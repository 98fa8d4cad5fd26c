"""Who is busy at activities, and when: read by registration, the agenda and the scheduler."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from tradefair.programme.models import Activity, Registration, Speaker
from tradefair.programme.models.registrations import SEATED
from tradefair.programme.timeline import WALK, Busy


def busy_of(activity: Activity) -> Busy:
    """An activity as a commitment on a timeline: its time, its hall, its title as read."""
    hall = activity.room.hall_id if activity.room_id and activity.room else None
    return Busy("activity", activity.pk, activity.start, activity.end, hall, activity.display_title)


def activity_commitments(
    expo_id: int,
    user_ids: Iterable[int],
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> dict[int, list[Busy]]:
    """Each person's published activities: those they hold a seat at or speak at.

    ``start``/``end`` keep only activities within a walk of that window. Waiting-list places
    do not count: the person is free until promoted.
    """
    users = set(user_ids)
    window = Q()
    if start is not None and end is not None:
        window = Q(activity__start__lt=end + WALK, activity__end__gt=start - WALK)
    live = Q(activity__expo_id=expo_id, activity__status=Activity.Status.PUBLISHED) & window
    found: dict[int, dict[int, Busy]] = defaultdict(dict)
    registrations = Registration.objects.filter(
        live, user_id__in=users, status__in=SEATED
    ).select_related("activity__room")
    speakers = Speaker.objects.filter(live, user_id__in=users).select_related("activity__room")
    rows: list[tuple[int | None, Activity]] = [(r.user_id, r.activity) for r in registrations]
    rows += [(s.user_id, s.activity) for s in speakers]
    for user_id, activity in rows:
        if user_id is not None:
            found[user_id][activity.pk] = busy_of(activity)
    return {
        user: sorted(busy.values(), key=lambda b: (b.start, b.ref)) for user, busy in found.items()
    }


def people_at_activities(expo_id: int) -> set[int]:
    """Everyone registered for or speaking at any activity of the edition, whatever its status
    or time: a cheap superset of the busy that ``activity_commitments`` then narrows."""
    registered = Registration.objects.filter(activity__expo_id=expo_id).values_list(
        "user_id", flat=True
    )
    speaking = Speaker.objects.filter(activity__expo_id=expo_id, user__isnull=False).values_list(
        "user_id", flat=True
    )
    return {pk for pk in registered.order_by().union(speaking.order_by()) if pk is not None}
