"""Check-in: staff scan a badge at the entrance (once a day), at an activity (once; a
registered seat becomes attended) or at a negotiation table (once per meeting; the meeting is
marked held). The code is checked by ``badges.verify``: forged, revoked or another edition's
badges are refused with a message that says which.

Invariants: scanning again finds the first check-in and changes nothing; two staff scanning the
same badge at once record one check-in (the badge's row lock orders them, a unique constraint
per badge and day, activity or meeting is the last guard).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, require_role
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.expos.parsing import whole_number
from tradefair.matchmaking.models import Meeting, NegotiationSession
from tradefair.matchmaking.services.booking import mark_held
from tradefair.programme.models import Activity
from tradefair.programme.services.registration import mark_attended
from tradefair.registration.models import Badge, CheckIn
from tradefair.registration.services.badges import verify
from tradefair.registration.services.errors import RegistrationError

# A meeting scanned this long before its slot or after it still counts: people arrive early.
TABLE_GRACE = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Place:
    kind: str
    activity: Activity | None = None
    session: NegotiationSession | None = None
    table: int | None = None

    @property
    def code(self) -> str:
        """As the API and the scan page's address name it."""
        if self.activity is not None:
            return f"activity:{self.activity.pk}"
        if self.session is not None:
            return f"table:{self.session.pk}:{self.table}"
        return "entrance"

    def label(self) -> str:
        if self.activity is not None:
            return self.activity.display_title
        if self.session is not None:
            return _("Table %(table)s, %(session)s") % {
                "table": self.table,
                "session": in_reader_language(self.session.name, self.session.name_zh),
            }
        return _("Entrance")


def parse_place(expo: Expo, text: str) -> Place:
    """``entrance``, ``activity:<id>`` or ``table:<session id>:<table number>``."""
    parts = text.strip().split(":")
    if parts == ["entrance"]:
        return Place(CheckIn.Place.ENTRANCE)
    kind, ids = parts[0], [whole_number(part) for part in parts[1:]]
    if kind == "activity" and len(ids) == 1 and (pk := ids[0]) is not None:
        activity = Activity.objects.filter(expo=expo, pk=pk).first()
        if activity is None:
            raise RegistrationError(_("There is no such activity in this expo."), field="place")
        return Place(CheckIn.Place.ACTIVITY, activity=activity)
    table = ids[1] if len(ids) == 2 else None
    if kind == "table" and table is not None and (pk := ids[0]) is not None:
        session = NegotiationSession.objects.filter(expo=expo, pk=pk).first()
        if session is None:
            raise RegistrationError(_("There is no such negotiation session."), field="place")
        if not 1 <= table <= session.tables:
            raise RegistrationError(
                _("The session has tables 1 to %(n)s.") % {"n": session.tables}, field="place"
            )
        return Place(CheckIn.Place.TABLE, session=session, table=table)
    raise RegistrationError(
        _("Name the place as entrance, activity:<id> or table:<session id>:<table number>."),
        field="place",
    )


@dataclass(frozen=True)
class Scan:
    checkin: CheckIn
    created: bool
    badge: Badge


def check_in(
    *, expo: Expo, code: str, place: Place, by_user: User, at: dt.datetime | None = None
) -> Scan:
    """Record that the badge's holder is at ``place``; the existing check-in when scanned
    before. Staff only."""
    require_role(by_user, expo, ORGANISER)
    badge = verify(expo, code)
    when = at or timezone.now()
    day = when.astimezone(ZoneInfo(expo.time_zone)).date()
    with transaction.atomic():
        _lock(badge)
        meeting = _meeting(expo, badge, place, when) if place.session is not None else None
        found = _existing(badge, place, day, meeting)
        if found is not None:
            return Scan(found, False, badge)
        try:
            with transaction.atomic():
                checkin = CheckIn.objects.create(
                    expo=expo,
                    badge=badge,
                    place=place.kind,
                    day=day,
                    activity=place.activity,
                    meeting=meeting,
                    at=when,
                    scanned_by=by_user,
                )
        except IntegrityError:  # the constraint, behind the lock: another scan won
            found = _existing(badge, place, day, meeting)
            assert found is not None
            return Scan(found, False, badge)
        if place.activity is not None and badge.user is not None:
            mark_attended(activity=place.activity, user=badge.user)
        if meeting is not None:
            mark_held(meeting=meeting, by_user=by_user)
    return Scan(checkin, True, badge)


def _lock(badge: Badge) -> None:
    """Scans of one badge queue here: the second finds the first's check-in."""
    Badge.objects.select_for_update().filter(pk=badge.pk).values_list("pk").get()


def _existing(badge: Badge, place: Place, day: dt.date, meeting: Meeting | None) -> CheckIn | None:
    found = CheckIn.objects.filter(badge=badge, place=place.kind).select_related("scanned_by")
    if place.kind == CheckIn.Place.ENTRANCE:
        return found.filter(day=day).first()
    if place.activity is not None:
        return found.filter(activity=place.activity).first()
    return found.filter(meeting=meeting).first()


def _meeting(expo: Expo, badge: Badge, place: Place, when: dt.datetime) -> Meeting:
    """The holder's published meeting at this table now (give or take ``TABLE_GRACE``)."""
    assert place.table is not None
    meeting = (
        Meeting.objects.filter(
            expo=expo,
            published=True,
            slot__session=place.session,
            table_number=place.table,
            slot__start__lte=when + TABLE_GRACE,
            slot__end__gte=when - TABLE_GRACE,
        )
        .filter(Q(buyer=badge.participation) | Q(exhibitor=badge.participation))
        .select_related("slot")
        .first()
    )
    if meeting is None:
        raise RegistrationError(
            _("%(name)s has no meeting at this table now.") % {"name": badge.name_latin},
            field="place",
        )
    return meeting
