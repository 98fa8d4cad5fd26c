"""An agenda as an iCalendar file (RFC 5545), shared by the download, the feed and the API.

Pure apart from the active language: it takes an ``Agenda`` and returns bytes. Times are
written in UTC so every calendar application places them right without a VTIMEZONE. Each
meeting and each activity keeps its UID for ever, and its SEQUENCE grows whenever it changes
(moved, marked held, a seat after the waiting list, cancelled), so applications that imported
the file once update the event instead of adding a second one.
"""

import datetime as dt
import hashlib

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from tradefair.matchmaking.queries.agenda import Agenda, AgendaMeeting
from tradefair.matchmaking.queries.agenda_activities import AgendaActivity

PRODID = "-//tradefair//agenda//EN"
# SEQUENCE counts seconds from here: it grows with every change and stays well inside 32 bits.
SEQUENCE_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
REFRESH = dt.timedelta(hours=1)


def calendar_name(agenda: Agenda) -> str:
    return _("%(expo)s: meetings of %(organisation)s") % {
        "expo": agenda.expo.display_name,
        "organisation": agenda.participation.organisation.display_name,
    }


def meeting_uid(meeting: AgendaMeeting, host: str = "") -> str:
    return f"meeting-{meeting.pk}@{host or 'tradefair'}"


def activity_uid(activity: AgendaActivity, host: str = "") -> str:
    return f"activity-{activity.pk}@{host or 'tradefair'}"


def sequence(entry: AgendaMeeting | AgendaActivity) -> int:
    return max(0, int((entry.updated_at - SEQUENCE_EPOCH).total_seconds()))


def description(meeting: AgendaMeeting) -> str:
    other = meeting.counterpart
    lines = [
        _("Session: %(session)s") % {"session": meeting.session},
        _("Country: %(country)s") % {"country": other.country},
    ]
    if other.booth:
        lines.append(_("Their booth: %(booth)s") % {"booth": other.booth})
    if meeting.interpreter:
        lines.append(_("Interpreter: %(name)s") % {"name": meeting.interpreter})
    lines += [
        _("Status: %(status)s") % {"status": meeting.status_label},
        _("Reference: %(reference)s") % {"reference": meeting.reference},
    ]
    if meeting.clash:
        lines.append(meeting.clash)
    return "\n".join(lines)


def activity_description(activity: AgendaActivity) -> str:
    lines = [
        _("Kind: %(kind)s") % {"kind": activity.activity_kind_label},
        _("Status: %(status)s") % {"status": activity.status_label},
    ]
    if activity.clash:
        lines.append(activity.clash)
    return "\n".join(lines)


def _activity_status(activity: AgendaActivity) -> str:
    if activity.cancelled:
        return "CANCELLED"
    return "CONFIRMED" if activity.keeps_busy else "TENTATIVE"


def _event(
    uid: str, entry: AgendaMeeting | AgendaActivity, stamp: dt.datetime, description: str
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.start.astimezone(dt.UTC))
    event.add("dtend", entry.end.astimezone(dt.UTC))
    event.add("sequence", sequence(entry))
    event.add("last-modified", entry.updated_at.astimezone(dt.UTC))
    event.add("summary", entry.title)
    event.add("location", entry.place)
    event.add("description", description)
    return event


def agenda_calendar(agenda: Agenda, *, host: str = "", now: dt.datetime | None = None) -> bytes:
    """The agenda's meetings and activities as a VCALENDAR, one VEVENT each, by start.

    Without ``now`` the file is kept for an hour under a digest of everything it says:
    calendar applications ask for it every hour, changed or not, and serialising costs more
    than reading the agenda. Its DTSTAMP is then when that content was first written.
    """
    if now is not None:
        return _calendar(agenda, host, now)
    content = repr((get_language(), host, calendar_name(agenda), agenda.expo.time_zone))
    content += repr(agenda.entries)
    key = f"agenda-ics:{hashlib.sha256(content.encode()).hexdigest()}"
    body = cache.get(key)
    if body is None:
        body = _calendar(agenda, host, dt.datetime.now(dt.UTC))
        cache.set(key, body, int(REFRESH.total_seconds()))
    return bytes(body)


def _calendar(agenda: Agenda, host: str, now: dt.datetime) -> bytes:
    stamp = now.astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name(agenda))
    cal.add("x-wr-timezone", agenda.expo.time_zone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    for entry in agenda.entries:
        if isinstance(entry, AgendaMeeting):
            event = _event(meeting_uid(entry, host), entry, stamp, description(entry))
            event.add("status", "CONFIRMED")
            event.add("transp", "OPAQUE")
        else:
            event = _event(activity_uid(entry, host), entry, stamp, activity_description(entry))
            event.add("status", _activity_status(entry))
            event.add("transp", "OPAQUE" if entry.keeps_busy else "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
