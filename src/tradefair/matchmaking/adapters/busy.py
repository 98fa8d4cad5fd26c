"""Programme commitments as availability: the slots in which nobody of an organisation is free.

An organisation's meeting attendees (``queries.attendees``) may sit in forums or speak at
activities. In a slot where *every* one of them is busy at an overlapping activity (counting
the walk from the activity's hall to the negotiation hall, ``programme.timeline``), nobody can
go to its table: the scheduler's adapter removes that slot from the organisation's
availability. One attendee free is enough to keep the slot. An organisation with no attendees
at all is left alone, as before the programme existed.

Set-based: seven queries whatever the number of participations, and each activity is compared
with the slots once, however many people attend it. The edition may have 13,000 participants but
only a thousand or so people at activities: the exact rules (``attendees_of``,
``activity_commitments``) are asked only about the organisations of those people, so no query
carries thousands of ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tradefair.accounts.models import Membership
from tradefair.matchmaking.models import MeetingProfile
from tradefair.matchmaking.queries.attendees import attendees_of
from tradefair.organisations.models import Participation
from tradefair.programme.queries.commitments import activity_commitments, people_at_activities
from tradefair.programme.timeline import Busy, overlaps


@dataclass(frozen=True)
class SlotPlace:
    """A slot where and when its meetings happen: its session's hall (None if not known)."""

    pk: int
    start: dt.datetime
    end: dt.datetime
    hall_id: int | None


def busy_slots(
    expo_id: int, slots: Sequence[SlotPlace], participation_ids: Iterable[int]
) -> dict[int, frozenset[int]]:
    """Participation pk -> the slot pks in which all its meeting attendees are at activities.

    Participations missing from the answer are free in every slot as far as the programme
    knows (someone of theirs is free, or they have no attendees).
    """
    if not slots:
        return {}
    at_activities = people_at_activities(expo_id)
    if not at_activities:
        return {}
    wanted = _theirs(expo_id, at_activities) & set(participation_ids)
    attendees = attendees_of(wanted)
    people = {user for users in attendees.values() for user in users}
    if not people:
        return {}
    commitments = activity_commitments(
        expo_id,
        people,
        start=min(s.start for s in slots),
        end=max(s.end for s in slots),
    )
    by_activity: dict[int, frozenset[int]] = {}

    def hit(busy: Busy) -> frozenset[int]:
        if busy.ref not in by_activity:
            by_activity[busy.ref] = frozenset(
                s.pk for s in slots if overlaps(busy, s.start, s.end, s.hall_id)
            )
        return by_activity[busy.ref]

    taken = {
        user: frozenset().union(*(hit(busy) for busy in items))
        for user, items in commitments.items()
    }
    found: dict[int, frozenset[int]] = {}
    for participation, users in attendees.items():
        if not users or not users <= taken.keys():
            continue  # nobody to send, or someone with no activity at all in the window
        common = frozenset.intersection(*(taken[user] for user in users))
        if common:
            found[participation] = common
    return found


def _theirs(expo_id: int, users: set[int]) -> set[int]:
    """The edition's participations that ``users`` are members of or named attendees of: the
    only ones whose attendees can all be busy."""
    members = (
        Participation.objects.filter(
            expo_id=expo_id,
            organisation_id__in=Membership.objects.filter(user_id__in=users).values(
                "organisation_id"
            ),
        )
        .order_by()
        .values_list("pk", flat=True)
    )
    named = (
        MeetingProfile.attendees.through.objects.filter(
            user_id__in=users, meetingprofile__participation__expo_id=expo_id
        )
        .order_by()
        .values_list("meetingprofile__participation_id", flat=True)
    )
    return set(members.union(named))
