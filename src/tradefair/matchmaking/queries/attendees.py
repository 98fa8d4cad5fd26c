"""Who goes to an organisation's B2B meetings, and their meetings on their timeline.

An organisation's meeting attendees are the people named in its meeting profile, or else all
its members. The programme asks ``meeting_commitments`` (registered in ``apps.ready``) for
a person's meetings when they register for an activity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting, MeetingProfile
from tradefair.organisations.models import Participation
from tradefair.programme.timeline import WALK, Busy


def attendees_of(participation_ids: Iterable[int]) -> dict[int, set[int]]:
    """Participation pk -> the user pks who attend its meetings (named, else every member)."""
    wanted = set(participation_ids)
    named: dict[int, set[int]] = defaultdict(set)
    for pid, uid in MeetingProfile.attendees.through.objects.filter(
        meetingprofile__participation_id__in=wanted
    ).values_list("meetingprofile__participation_id", "user_id"):
        named[pid].add(uid)
    unnamed = Participation.objects.filter(pk__in=wanted - set(named))
    organisation = dict(unnamed.values_list("pk", "organisation_id"))
    members: dict[int, set[int]] = defaultdict(set)
    for oid, uid in Membership.objects.filter(
        organisation_id__in=set(organisation.values()), user__is_active=True
    ).values_list("organisation_id", "user_id"):
        members[oid].add(uid)
    found = dict(named)
    for pid, oid in organisation.items():
        found[pid] = members.get(oid, set())
    return found


def colleagues(participation: Participation) -> list[tuple[int, str]]:
    """The organisation's active members as (user pk, name or e-mail), for choosing attendees."""
    users = User.objects.filter(
        memberships__organisation_id=participation.organisation_id, is_active=True
    ).order_by("first_name", "last_name", "email")
    return [(u.pk, u.get_full_name() or u.email) for u in users]


def attended_by(user: User, expo: Expo) -> list[int]:
    """The participations of ``expo`` whose meetings ``user`` goes to."""
    theirs = Participation.objects.filter(
        expo=expo, organisation__memberships__user=user
    ).values_list("pk", flat=True)
    return [pid for pid, people in attendees_of(theirs).items() if user.pk in people]


def meeting_commitments(user: User, expo: Expo, start: dt.datetime, end: dt.datetime) -> list[Busy]:
    """Published meetings ``user`` goes to within a walk of ``start`` and ``end``."""
    mine = attended_by(user, expo)
    if not mine:
        return []
    meetings = (
        Meeting.objects.filter(
            Q(buyer_id__in=mine) | Q(exhibitor_id__in=mine),
            expo=expo,
            published=True,
            status=Meeting.Status.SCHEDULED,
            slot__start__lt=end + WALK,
            slot__end__gt=start - WALK,
        )
        .select_related("slot__session", "buyer__organisation", "exhibitor__organisation")
        .order_by("slot__start", "pk")
    )
    found = []
    for meeting in meetings:
        other = meeting.exhibitor if meeting.buyer_id in mine else meeting.buyer
        found.append(
            Busy(
                "meeting",
                meeting.pk,
                meeting.slot.start,
                meeting.slot.end,
                meeting.slot.session.hall_id,
                _meeting_title(other.organisation.display_name),
            )
        )
    return found


def _meeting_title(other: str) -> str:
    return _("B2B meeting with %(organisation)s") % {"organisation": other}
