"""The programme's side of an agenda: the reader's activities and the clashes people confirmed.

The agenda is an organisation's meetings (``queries.agenda``) plus what its reader personally
goes to: activities where they hold a seat, wait for one, or speak. Both are read here from the
programme's models (matchmaking sits above the programme, so it may): two queries whatever the
number of activities, titles, rooms and halls already in the reader's language.

A person may register for an activity that overlaps one of their meetings if they confirm it
(``programme.services.registration``). The meeting then stays where it is, so both sides'
agendas say who will be elsewhere; ``confirmed_clashes`` finds those registrations in one query
(and names the attendees only when there are some).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import MeetingProfile
from tradefair.matchmaking.queries.attendees import attendees_of
from tradefair.programme.models import Activity, Registration, Speaker
from tradefair.programme.models.registrations import LIVE, SEATED
from tradefair.programme.queries.commitments import busy_of
from tradefair.programme.timeline import WALK, Busy

Status = Registration.Status
# What the reader does at the activity, as the agenda shows it.
SPEAKING = "speaking"
CANCELLED = "cancelled"  # the organisers cancelled the activity itself


@dataclass(frozen=True)
class AgendaActivity:
    kind = "activity"

    pk: int
    start: dt.datetime  # in the expo's time zone
    end: dt.datetime
    title: str
    activity_kind: str
    activity_kind_label: str
    room: str
    hall: str
    hall_id: int | None
    status: str  # registered | waitlisted | attended | speaking | cancelled
    seat: int | None
    position: int | None  # on the waiting list, 1 = next to be promoted
    role_label: str  # "speaker", "moderator", … when speaking, else ""
    clash_confirmed: bool
    updated_at: dt.datetime
    clash: str = ""

    @property
    def reference(self) -> str:
        return f"A-{self.pk}"

    @property
    def place(self) -> str:
        """Room and hall, as the calendar's LOCATION and the API's ``place``."""
        if self.room and self.hall:
            return _("%(room)s, %(hall)s") % {"room": self.room, "hall": self.hall}
        return self.room

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def busy(self) -> Busy:
        return Busy("activity", self.pk, self.start, self.end, self.hall_id, self.title)

    @property
    def keeps_busy(self) -> bool:
        """Only a seat or the stage keeps the reader busy; the waiting list does not."""
        return self.status in (*SEATED, SPEAKING)

    @property
    def status_label(self) -> str:
        if self.status == Status.WAITLISTED:
            position = "" if self.position is None else number(self.position)
            return _("waiting list, position %(position)s") % {"position": position}
        if self.status == SPEAKING:
            return _("speaking (%(role)s)") % {"role": self.role_label}
        if self.status == CANCELLED:
            return _("cancelled by the organisers")
        if self.status == Status.ATTENDED:
            return _("attended")
        return _("registered, seat %(seat)s") % {"seat": self.seat}


# An activity's descriptions (up to 5,000 characters each): no agenda shows them.
LONG_ACTIVITY_TEXTS = ("activity__description", "activity__description_zh")


def _position() -> Subquery:
    """The waiting-list position of the outer registration (arrival order, then pk)."""
    ahead = (
        Registration.objects.filter(activity_id=OuterRef("activity_id"), status=Status.WAITLISTED)
        .filter(
            Q(arrived_at__lt=OuterRef("arrived_at"))
            | Q(arrived_at=OuterRef("arrived_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("activity_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead, output_field=IntegerField())


def _room_and_hall(activity: Activity) -> tuple[str, str, int | None]:
    room = activity.room
    if room is None:
        return "", "", None
    hall = room.hall
    return room.display_name, hall.display_name if hall else "", room.hall_id


def _entry(
    activity: Activity,
    zone: ZoneInfo,
    *,
    status: str,
    seat: int | None = None,
    position: int | None = None,
    role_label: str = "",
    clash_confirmed: bool = False,
    updated_at: dt.datetime,
) -> AgendaActivity:
    room, hall, hall_id = _room_and_hall(activity)
    if activity.status == Activity.Status.CANCELLED:
        status, seat, position = CANCELLED, None, None
    return AgendaActivity(
        pk=activity.pk,
        start=activity.start.astimezone(zone),
        end=activity.end.astimezone(zone),
        title=activity.display_title,
        activity_kind=activity.kind,
        activity_kind_label=str(Activity.Kind(activity.kind).label),
        room=room,
        hall=hall,
        hall_id=hall_id,
        status=status,
        seat=seat,
        position=position,
        role_label=role_label,
        clash_confirmed=clash_confirmed,
        updated_at=max(updated_at, activity.updated_at),
    )


def activities_of(reader_id: int, expo: Expo) -> list[AgendaActivity]:
    """The reader's own activities of ``expo``, earliest first: two queries, a third when the
    reader waits for a seat somewhere (the positions, a subquery not worth planning for all).

    Live registrations (seated or waiting) at published or cancelled activities, and the
    activities they speak at. Cancelling an activity leaves its registrations as they were, so
    it stays here marked cancelled and nobody walks to an empty room; drafts never show.
    """
    zone = ZoneInfo(expo.time_zone)
    shown = ~Q(activity__status=Activity.Status.DRAFT)
    registrations = list(
        Registration.objects.filter(shown, activity__expo_id=expo.pk, user_id=reader_id)
        .filter(status__in=LIVE)
        .select_related("activity__room__hall")
        .defer(*LONG_ACTIVITY_TEXTS)
        .order_by("activity__start", "activity_id")
    )
    waiting = [r.pk for r in registrations if r.status == Status.WAITLISTED]
    positions = dict(
        Registration.objects.filter(pk__in=waiting)
        .annotate(position=Coalesce(_position(), 0))
        .values_list("pk", "position")
        if waiting
        else ()
    )
    found: dict[int, AgendaActivity] = {}
    for registration in registrations:
        found[registration.activity_id] = _entry(
            registration.activity,
            zone,
            status=registration.status,
            seat=registration.seat,
            position=positions.get(registration.pk),
            clash_confirmed=registration.clash_confirmed,
            updated_at=registration.updated_at,
        )
    speaking = (
        Speaker.objects.filter(shown, activity__expo_id=expo.pk, user_id=reader_id)
        .select_related("activity__room__hall")
        .defer(*LONG_ACTIVITY_TEXTS)
        .order_by("activity__start", "activity_id", "order", "pk")
    )
    for speaker in speaking:
        mine = found.get(speaker.activity_id)
        found[speaker.activity_id] = _entry(
            speaker.activity,
            zone,
            status=SPEAKING,
            role_label=str(Speaker.Role(speaker.role).label),
            clash_confirmed=bool(mine and mine.clash_confirmed),
            updated_at=mine.updated_at if mine else speaker.activity.updated_at,
        )
    return sorted(found.values(), key=lambda a: (a.start, a.end, a.pk))


@dataclass(frozen=True)
class ConfirmedClash:
    """Someone holding a seat at ``activity`` though it overlaps a meeting of theirs."""

    user_id: int
    person: str
    activity: Busy


def _person(user: User) -> str:
    return user.get_full_name() or user.email


def confirmed_clashes(
    expo: Expo,
    sides: dict[int, int],
    start: dt.datetime,
    end: dt.datetime,
) -> tuple[list[ConfirmedClash], dict[int, set[int]]]:
    """Seated registrations confirmed despite a clash, of people who may attend the meetings.

    ``sides`` maps the participations on the agenda to their organisations; ``start``/``end``
    bound the meetings. One query says whether anyone confirmed a clash then; only if so does
    a second find the candidates (members of those organisations or people named as
    attendees), and only when there are some does ``attendees_of`` say who actually goes to
    each participation's meetings.
    """
    named = MeetingProfile.attendees.through.objects.filter(
        meetingprofile__participation_id__in=list(sides)
    ).values("user_id")
    confirmed = Registration.objects.filter(
        activity__expo_id=expo.pk,
        activity__status=Activity.Status.PUBLISHED,
        status__in=SEATED,
        clash_confirmed=True,
        activity__start__lt=end + WALK,
        activity__end__gt=start - WALK,
    )
    # Confirmed clashes are rare: a plain look first spares most agendas the query below,
    # whose joins and subquery cost PostgreSQL 2-3 ms to plan.
    if not confirmed.exists():
        return [], {}
    candidates = (
        confirmed.filter(
            Q(user__memberships__organisation_id__in=set(sides.values())) | Q(user_id__in=named)
        )
        .select_related("activity__room", "user")
        .defer(*LONG_ACTIVITY_TEXTS)
        .order_by("activity__start", "pk")
    )
    found: dict[int, ConfirmedClash] = {}
    for registration in candidates:
        found[registration.pk] = ConfirmedClash(
            user_id=registration.user_id,
            person=_person(registration.user),
            activity=busy_of(registration.activity),
        )
    if not found:
        return [], {}
    return list(found.values()), attendees_of(sides)


def clash_note(clashes: Iterable[ConfirmedClash]) -> str:
    """ "Clash: Li Wei registered for Forum X at the same time" (several joined by "; ")."""
    return "; ".join(
        _("Clash: %(person)s registered for %(activity)s at the same time")
        % {"person": c.person, "activity": c.activity.title}
        for c in clashes
    )
