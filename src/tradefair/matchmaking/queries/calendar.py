"""An agenda as an iCalendar file (RFC 5545), shared by the download, the feed and the API.

Pure apart from the active language: it takes an ``Agenda`` and returns bytes. Times are
written in UTC so every calendar application places them right without a VTIMEZONE. Each
meeting keeps its UID for ever, and its SEQUENCE grows whenever the meeting changes (moved,
marked held), so applications that imported the file once update the event instead of adding
a second one.
"""

import datetime as dt

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from tradefair.matchmaking.queries.agenda import Agenda, AgendaMeeting

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


def sequence(meeting: AgendaMeeting) -> int:
    return max(0, int((meeting.updated_at - SEQUENCE_EPOCH).total_seconds()))


def location(meeting: AgendaMeeting) -> str:
    if meeting.hall:
        return _("%(hall)s, table %(table)s") % {
            "hall": meeting.location,
            "table": meeting.table_number,
        }
    return _("Table %(table)s") % {"table": meeting.table_number}


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
    return "\n".join(lines)


def agenda_calendar(agenda: Agenda, *, host: str = "", now: dt.datetime | None = None) -> bytes:
    """The agenda's published meetings as a VCALENDAR, one VEVENT each."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name(agenda))
    cal.add("x-wr-timezone", agenda.expo.time_zone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    for meeting in agenda.meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting, host))
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.start.astimezone(dt.UTC))
        event.add("dtend", meeting.end.astimezone(dt.UTC))
        event.add("sequence", sequence(meeting))
        event.add("last-modified", meeting.updated_at.astimezone(dt.UTC))
        event.add("summary", _("Meeting with %(name)s") % {"name": meeting.counterpart.name})
        event.add("location", location(meeting))
        event.add("description", description(meeting))
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return bytes(cal.to_ical())
