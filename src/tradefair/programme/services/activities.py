"""The organisers' side of the programme: activities, rooms and speakers.

Every function takes the acting user and refuses anyone who is not an organiser of the
edition (``accounts.services.roles``). Values are checked here as well as in the console's
forms, because the import and the demo call these functions too: an activity ends after it
starts, lies within the edition's days on the edition's clock, and holds at least one person
when it has a capacity. Cancelling takes the activity lock (``registration.lock_activity``),
so nobody takes a seat while the activity is being cancelled; the registrants are told after
commit, each in their own language, and their registrations stay for the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.expos.formatting import day
from tradefair.expos.models import Expo, Sector
from tradefair.floorplan.models import Hall
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.models.registrations import TOLD_OF_CANCELLATION
from tradefair.programme.queries.conflicts import Conflict, conflicts_of
from tradefair.programme.services import notices
from tradefair.programme.services.errors import InvalidActivity, NotAllowed
from tradefair.programme.services.registration import lock_activity, promote


class NeedsConfirmation(InvalidActivity):
    """Publishing would leave conflicts; the organiser sees them and may confirm."""

    def __init__(self, message: str, conflicts: list[Conflict]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


def require_organiser(user: User, expo: Expo) -> None:
    if not has_role(user, expo, ORGANISER):
        raise NotAllowed(_("Only the organisers of this expo may change its programme."))


def edition_window(expo: Expo) -> tuple[dt.datetime, dt.datetime]:
    """The first day's local midnight to the midnight after the last day, on the edition's clock."""
    zone = ZoneInfo(expo.time_zone)
    first = dt.datetime.combine(expo.start_date, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(expo.end_date + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def _check_times(expo: Expo, start: dt.datetime, end: dt.datetime) -> None:
    if end <= start:
        raise InvalidActivity(_("end: the activity must end after it starts."))
    first, after = edition_window(expo)
    if start < first or end > after:
        raise InvalidActivity(
            _("start, end: an activity takes place between %(first)s and %(last)s.")
            % {"first": day(expo.start_date), "last": day(expo.end_date)}
        )


def _check_capacity(capacity: int | None, room: Room | None, expo: Expo) -> None:
    if capacity is not None and capacity < 1:
        raise InvalidActivity(
            _("capacity: at least 1, or leave it empty to use the room's capacity.")
        )
    if room is not None and room.expo_id != expo.pk:
        raise InvalidActivity(_("room: choose a room of this expo."))


def _check_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise InvalidActivity(_("title: the activity needs an English title."))
    return title


def _checked_values(
    expo: Expo,
    *,
    kind: str,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    title_zh: str,
    description: str,
    description_zh: str,
    room: Room | None,
    capacity: int | None,
    audience: str,
) -> dict[str, object]:
    """The activity's own fields, checked and trimmed, as creating and editing store them."""
    title = _check_title(title)
    _check_times(expo, start, end)
    _check_capacity(capacity, room, expo)
    return {
        "kind": kind,
        "title": title,
        "title_zh": title_zh.strip(),
        "description": description.strip(),
        "description_zh": description_zh.strip(),
        "start": start,
        "end": end,
        "room": room,
        "capacity": capacity,
        "audience": audience,
    }


def _set_links(
    activity: Activity,
    hosts: Iterable[Organisation],
    sectors: Iterable[Sector],
    invited_organisations: Iterable[Organisation],
    invited_people: Iterable[User],
) -> None:
    activity.hosts.set(list(hosts))
    activity.sectors.set(list(sectors))
    activity.invited_organisations.set(list(invited_organisations))
    activity.invited_people.set(list(invited_people))


def create_activity(
    *,
    expo: Expo,
    by_user: User,
    kind: str,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    title_zh: str = "",
    description: str = "",
    description_zh: str = "",
    room: Room | None = None,
    capacity: int | None = None,
    audience: str = Activity.Audience.REGISTRATION,
    hosts: Iterable[Organisation] = (),
    sectors: Iterable[Sector] = (),
    invited_organisations: Iterable[Organisation] = (),
    invited_people: Iterable[User] = (),
) -> Activity:
    """A new draft: nobody sees it until it is published."""
    require_organiser(by_user, expo)
    values = _checked_values(
        expo,
        kind=kind,
        title=title,
        start=start,
        end=end,
        title_zh=title_zh,
        description=description,
        description_zh=description_zh,
        room=room,
        capacity=capacity,
        audience=audience,
    )
    with transaction.atomic():
        activity = Activity.objects.create(expo=expo, status=Activity.Status.DRAFT, **values)
        _set_links(activity, hosts, sectors, invited_organisations, invited_people)
    return activity


def update_activity(
    *,
    activity: Activity,
    by_user: User,
    kind: str,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    title_zh: str = "",
    description: str = "",
    description_zh: str = "",
    room: Room | None = None,
    capacity: int | None = None,
    audience: str = Activity.Audience.REGISTRATION,
    hosts: Iterable[Organisation] = (),
    sectors: Iterable[Sector] = (),
    invited_organisations: Iterable[Organisation] = (),
    invited_people: Iterable[User] = (),
) -> Activity:
    """Change what the activity is; seats already taken stay taken even if capacity shrinks
    (the console lists the excess as a conflict)."""
    expo = activity.expo
    require_organiser(by_user, expo)
    values = _checked_values(
        expo,
        kind=kind,
        title=title,
        start=start,
        end=end,
        title_zh=title_zh,
        description=description,
        description_zh=description_zh,
        room=room,
        capacity=capacity,
        audience=audience,
    )
    with transaction.atomic():
        locked = lock_activity(activity.pk)
        if locked.status == Activity.Status.CANCELLED:
            raise InvalidActivity(_("A cancelled activity cannot be changed."))
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save()
        _set_links(locked, hosts, sectors, invited_organisations, invited_people)
        if locked.status == Activity.Status.PUBLISHED:
            promote(locked)  # more seats (a larger capacity or room) go to those waiting
    return locked


def publish_activity(*, activity: Activity, by_user: User, confirmed: bool = False) -> Activity:
    """Make a draft public and open for registration.

    Raises ``NeedsConfirmation`` with the conflicts it would leave unless ``confirmed``.
    """
    require_organiser(by_user, activity.expo)
    with transaction.atomic():
        locked = lock_activity(activity.pk)
        if locked.status != Activity.Status.DRAFT:
            raise InvalidActivity(
                _("Only a draft can be published; this activity is %(status)s.")
                % {"status": locked.get_status_display()}
            )
        found = conflicts_of(locked.expo, activity_ids=[locked.pk])
        if found and not confirmed:
            raise NeedsConfirmation(
                _("Publishing leaves %(count)d conflicts; confirm to publish anyway.")
                % {"count": len(found)},
                found,
            )
        locked.status = Activity.Status.PUBLISHED
        locked.save(update_fields=["status", "updated_at"])
    return locked


def cancel_activity(*, activity: Activity, by_user: User) -> int:
    """Cancel the activity and tell every registrant still holding or waiting for a place.

    Returns how many people are told. Registrations keep their status: they record who had
    a place when it was cancelled.
    """
    require_organiser(by_user, activity.expo)
    with transaction.atomic():
        locked = lock_activity(activity.pk)
        if locked.status == Activity.Status.CANCELLED:
            raise InvalidActivity(_("This activity is already cancelled."))
        locked.status = Activity.Status.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
        people = list(
            User.objects.filter(
                registrations__activity=locked, registrations__status__in=TOLD_OF_CANCELLATION
            ).distinct()
        )
        notices.activity_cancelled(locked, people)
    return len(people)


# Rooms ----------------------------------------------------------------------------------------


def _check_room(expo: Expo, name: str, capacity: int, hall: Hall | None) -> str:
    name = name.strip()
    if not name:
        raise InvalidActivity(_("name: the room needs a name."))
    if capacity < 1:
        raise InvalidActivity(_("capacity: a room holds at least 1 person."))
    if hall is not None and hall.expo_id != expo.pk:
        raise InvalidActivity(_("hall: choose a hall of this expo."))
    return name


def _save_room(room: Room) -> Room:
    try:
        with transaction.atomic():
            room.save()
    except IntegrityError as error:
        raise InvalidActivity(
            _("name: this expo already has a room called “%(name)s”; choose another name.")
            % {"name": room.name}
        ) from error
    return room


def create_room(
    *,
    expo: Expo,
    by_user: User,
    name: str,
    capacity: int,
    name_zh: str = "",
    hall: Hall | None = None,
) -> Room:
    require_organiser(by_user, expo)
    name = _check_room(expo, name, capacity, hall)
    room = Room(expo=expo, name=name, name_zh=name_zh.strip(), capacity=capacity, hall=hall)
    return _save_room(room)


def update_room(
    *,
    room: Room,
    by_user: User,
    name: str,
    capacity: int,
    name_zh: str = "",
    hall: Hall | None = None,
) -> Room:
    """Change a room; activities using its capacity follow it (see the seats conflicts)."""
    require_organiser(by_user, room.expo)
    room.name = _check_room(room.expo, name, capacity, hall)
    room.name_zh, room.capacity, room.hall = name_zh.strip(), capacity, hall
    with transaction.atomic():
        _save_room(room)
        following = Activity.objects.filter(
            room=room, capacity__isnull=True, status=Activity.Status.PUBLISHED
        ).order_by("pk")
        for activity_id in following.values_list("pk", flat=True):
            promote(lock_activity(activity_id))  # a larger room seats those waiting
    return room


# Speakers -------------------------------------------------------------------------------------


def _speaker_values(
    activity: Activity,
    *,
    name: str,
    name_zh: str,
    position: str,
    organisation: Organisation | None,
    organisation_name: str,
    user: User | None,
    role: str,
    order: int,
) -> dict[str, object]:
    name = name.strip()
    if not name:
        raise InvalidActivity(_("name: the speaker needs a name."))
    if activity.status == Activity.Status.CANCELLED:
        raise InvalidActivity(_("A cancelled activity cannot be changed."))
    return {
        "name": name,
        "name_zh": name_zh.strip(),
        "position": position.strip(),
        "organisation": organisation,
        "organisation_name": "" if organisation else organisation_name.strip(),
        "user": user,
        "role": role,
        "order": order,
    }


def add_speaker(
    *,
    activity: Activity,
    by_user: User,
    name: str,
    name_zh: str = "",
    position: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    user: User | None = None,
    role: str = Speaker.Role.SPEAKER,
    order: int = 0,
) -> Speaker:
    """A person on the activity's stage; with an account, it goes on their timeline."""
    require_organiser(by_user, activity.expo)
    values = _speaker_values(
        activity,
        name=name,
        name_zh=name_zh,
        position=position,
        organisation=organisation,
        organisation_name=organisation_name,
        user=user,
        role=role,
        order=order,
    )
    return Speaker.objects.create(activity=activity, **values)


def update_speaker(
    *,
    speaker: Speaker,
    by_user: User,
    name: str,
    name_zh: str = "",
    position: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    user: User | None = None,
    role: str = Speaker.Role.SPEAKER,
    order: int = 0,
) -> Speaker:
    require_organiser(by_user, speaker.activity.expo)
    values = _speaker_values(
        speaker.activity,
        name=name,
        name_zh=name_zh,
        position=position,
        organisation=organisation,
        organisation_name=organisation_name,
        user=user,
        role=role,
        order=order,
    )
    for field, value in values.items():
        setattr(speaker, field, value)
    speaker.save()
    return speaker


def remove_speaker(*, speaker: Speaker, by_user: User) -> None:
    require_organiser(by_user, speaker.activity.expo)
    if speaker.activity.status == Activity.Status.CANCELLED:
        raise InvalidActivity(_("A cancelled activity cannot be changed."))
    speaker.delete()
