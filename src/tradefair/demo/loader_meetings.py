"""Write the demo's B2B meeting data: sessions and slots, interpreters, profiles, requests.

Called by ``loader._Writer`` inside the demo's one transaction, after the participations exist,
and undone by ``unload_meetings`` before the participations are deleted. Rows go in with
``bulk_create`` in chunks, so memory stays bounded while 150,000 requests are written.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.demo.records import DemoMeetings, OrgKey, session_slots
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.matchmaking.models import (
    Availability,
    Interpreter,
    Meeting,
    MeetingProfile,
    MeetingRequest,
    NegotiationSession,
    Recommendation,
    ScheduleRun,
    Slot,
)

BATCH = 2000
ANSWERED = (MeetingRequest.Status.ACCEPTED, MeetingRequest.Status.DECLINED)
REQUEST_COLUMNS = [
    *("expo", "buyer", "exhibitor", "message", "priority", "status", "decline_reason"),
    *("from_exhibitor", "must_meet", "created_at", "answered_at"),
]
Step = Callable[[str, int], None]


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class MeetingWriter:
    def __init__(
        self,
        expo: Expo,
        meetings: DemoMeetings,
        participation_ids: dict[tuple[OrgKey, str], int],
        advance: Step,
    ) -> None:
        self.expo = expo
        self.meetings = meetings
        self.participation_ids = participation_ids
        self.advance = advance
        self.slot_ids: list[list[int]] = []  # per session, in time order

    def write(self) -> None:
        self._sessions()
        self._interpreters()
        self._profiles()
        self._requests()

    def _slots_of(self, sessions: tuple[int, ...] | None) -> list[int]:
        return [] if sessions is None else [s for i in sessions for s in self.slot_ids[i]]

    def _sessions(self) -> None:
        expo = self.expo
        halls = dict(Hall.objects.filter(expo=expo).values_list("code", "id"))
        demo_sessions = self.meetings.sessions
        sessions = NegotiationSession.objects.bulk_create(
            NegotiationSession(
                expo=expo,
                name=s.name,
                name_zh=s.name_zh,
                hall_id=halls.get(s.hall),
                date=s.date,
                start_time=s.start_time,
                end_time=s.end_time,
                slot_minutes=s.slot_minutes,
                tables=s.tables,
            )
            for s in demo_sessions
        )
        rows = 0
        for session, demo_session in zip(sessions, demo_sessions, strict=True):
            slots = Slot.objects.bulk_create(
                Slot(expo=expo, session=session, start=start, end=end, tables=session.tables)
                for start, end in session_slots(demo_session, expo.time_zone)
            )
            self.slot_ids.append([slot.pk for slot in slots])
            rows += len(slots)
        self.advance(_("Opened negotiation sessions"), len(sessions) + rows)

    def _interpreters(self) -> None:
        demo_interpreters = self.meetings.interpreters
        interpreters = Interpreter.objects.bulk_create(
            Interpreter(expo=self.expo, name=i.name, email=i.email, languages=list(i.languages))
            for i in demo_interpreters
        )
        through = Interpreter.available_slots.through
        links = [
            through(interpreter_id=interpreter.pk, slot_id=slot)
            for interpreter, demo in zip(interpreters, demo_interpreters, strict=True)
            for slot in self._slots_of(demo.sessions)
        ]
        through.objects.bulk_create(links, batch_size=BATCH)
        self.advance(_("Engaged interpreters"), len(interpreters) + len(links))

    def _profiles(self) -> None:
        for chunk in _chunks(self.meetings.profiles):
            pids = [self.participation_ids[(p.holder, p.role)] for p in chunk]
            MeetingProfile.objects.bulk_create(
                MeetingProfile(
                    participation_id=pid, languages=list(p.languages), max_meetings=p.max_meetings
                )
                for pid, p in zip(pids, chunk, strict=True)
            )
            availability = [
                Availability(participation_id=pid, slot_id=slot)
                for pid, p in zip(pids, chunk, strict=True)
                for slot in self._slots_of(p.sessions)
            ]
            Availability.objects.bulk_create(availability, batch_size=BATCH)
            self.advance(_("Wrote meeting profiles"), len(chunk) + len(availability))

    def _requests(self) -> None:
        """Plain ``executemany``: the ORM's per-object work took 47 s for 150,000 rows."""
        ids = self.participation_ids
        ops = connection.ops
        now = timezone.now()
        answered = ops.adapt_datetimefield_value(now)
        column = {f.name: str(f.column) for f in MeetingRequest._meta.concrete_fields}
        table = ops.quote_name(MeetingRequest._meta.db_table)
        columns = ", ".join(ops.quote_name(column[name]) for name in REQUEST_COLUMNS)
        marks = ", ".join(["%s"] * len(REQUEST_COLUMNS))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        with connection.cursor() as cursor:
            for chunk in _chunks(self.meetings.requests):
                cursor.executemany(
                    sql,
                    [
                        (
                            self.expo.pk,
                            ids[(r.buyer, "buyer")],
                            ids[(r.exhibitor, "exhibitor")],
                            r.message,
                            r.priority,
                            r.status,
                            r.decline_reason,
                            r.from_exhibitor,
                            r.must_meet,
                            answered,
                            answered if r.status in ANSWERED else None,
                        )
                        for r in chunk
                    ],
                )
                self.advance(_("Wrote meeting requests"), len(chunk))


def unload_meetings(expo: Expo) -> None:
    """Delete the expo's meeting data and recommendations, meetings first (they protect slots).

    Requests go in one statement. A meeting is the only row that refers to a request, and the
    expo's meetings are gone by then, yet Django's delete would still load every request to
    look for them: 10 s of the 34 s a reset of the demo took, in 75 chunks of 2,000. The
    database checks the foreign keys at commit, so a request still referred to fails the
    transaction rather than leaving a dangling meeting.
    """
    Meeting.objects.filter(expo=expo).delete()
    Recommendation.objects.filter(expo=expo).delete()
    ScheduleRun.objects.filter(expo=expo).delete()
    table = connection.ops.quote_name(MeetingRequest._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE expo_id = %s", [expo.pk])
    Availability.objects.filter(slot__expo=expo).delete()
    MeetingProfile.objects.filter(participation__expo=expo).delete()
    Interpreter.objects.filter(expo=expo).delete()
    Slot.objects.filter(expo=expo).delete()
    NegotiationSession.objects.filter(expo=expo).delete()
