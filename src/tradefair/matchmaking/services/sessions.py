"""Negotiation sessions and their slots.

Slot times are built in the expo's own time zone (a session "from 09:00" means 09:00 in
Nanning) and stored as aware datetimes. Only whole slots fit: a 20-minute grid from 09:00 to
10:50 gives five slots, the last ending at 10:40.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.accounts.models import User
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    NegotiationSession,
    ScheduleRun,
    Slot,
)
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.errors import InvalidRequest, InvalidTransition


def slot_times(
    *, date: dt.date, start_time: dt.time, end_time: dt.time, minutes: int, time_zone: str
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) of every whole slot between the two wall-clock times."""
    zone = ZoneInfo(time_zone)
    start = dt.datetime.combine(date, start_time, tzinfo=zone)
    end = dt.datetime.combine(date, end_time, tzinfo=zone)
    step = dt.timedelta(minutes=minutes)
    out = []
    while start + step <= end:
        out.append((start, start + step))
        start += step
    return out


def create_session(
    *,
    expo: Expo,
    name: str,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    slot_minutes: int,
    tables: int,
    hall: Hall | None = None,
    name_zh: str = "",
    by_user: User,
) -> NegotiationSession:
    """Create a session and all its slots, each offering ``tables`` tables."""
    require_staff(by_user, expo)
    if not expo.start_date <= date <= expo.end_date:
        raise InvalidRequest(_("The session must take place during the expo."))
    if slot_minutes <= 0 or tables <= 0:
        raise InvalidRequest(_("Slot length and number of tables must be positive."))
    times = slot_times(
        date=date,
        start_time=start_time,
        end_time=end_time,
        minutes=slot_minutes,
        time_zone=expo.time_zone,
    )
    if not times:
        raise InvalidRequest(_("The session is shorter than one slot."))
    with transaction.atomic():
        session = NegotiationSession.objects.create(
            expo=expo,
            name=name,
            name_zh=name_zh,
            hall=hall,
            date=date,
            start_time=start_time,
            end_time=end_time,
            slot_minutes=slot_minutes,
            tables=tables,
        )
        Slot.objects.bulk_create(
            Slot(expo=expo, session=session, start=start, end=end, tables=tables)
            for start, end in times
        )
    return session


def delete_session(*, session: NegotiationSession, by_user: User) -> int:
    """Delete a session that has no meetings, with its slots; returns how many slots went.

    Refused while a scheduler run is queued or running (its write-back would point at the
    deleted slots), and when a participant said they can attend only in this session's slots:
    with those rows gone they would count as free in every slot, which nobody asked for.
    """
    require_staff(by_user, session.expo)
    with transaction.atomic():
        # Protocol step 1 (docs/adr/0003-locking-protocol.md): the slot rows, by id.
        slot_ids = list(
            Slot.objects.select_for_update()
            .filter(session=session)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if ScheduleRun.objects.filter(
            expo_id=session.expo_id,
            status__in=(ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING),
        ).exists():
            raise InvalidTransition(
                _("A scheduler run is in progress; delete the session after it.")
            )
        meetings = Meeting.objects.filter(slot_id__in=slot_ids).count()
        if meetings:
            raise InvalidTransition(
                ngettext(
                    "This session has %(count)s meeting; move or remove it first.",
                    "This session has %(count)s meetings; move or remove them first.",
                    meetings,
                )
                % {"count": number(meetings)}
            )
        only_here = _limited_to(Availability.objects, "participation_id", slot_ids)
        if only_here:
            raise InvalidTransition(
                ngettext(
                    "%(count)s participant can attend only in this session's slots; "
                    "change their availability first.",
                    "%(count)s participants can attend only in this session's slots; "
                    "change their availability first.",
                    only_here,
                )
                % {"count": number(only_here)}
            )
        interpreters = _limited_to(
            Interpreter.available_slots.through.objects, "interpreter_id", slot_ids
        )
        if interpreters:
            raise InvalidTransition(
                ngettext(
                    "%(count)s interpreter is available only in this session's slots; "
                    "change their availability first.",
                    "%(count)s interpreters are available only in this session's slots; "
                    "change their availability first.",
                    interpreters,
                )
                % {"count": number(interpreters)}
            )
        deleted = len(slot_ids)
        session.delete()
    return deleted


def _limited_to(rows: models.Manager[models.Model], owner: str, slot_ids: list[int]) -> int:
    """How many owners (participations, interpreters) have availability only in these slots."""
    elsewhere = rows.exclude(slot_id__in=slot_ids).values(owner)
    return (
        rows.filter(slot_id__in=slot_ids)
        .exclude(**{f"{owner}__in": elsewhere})
        .values(owner)
        .distinct()
        .count()
    )
