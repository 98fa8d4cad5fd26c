"""Writing a solution back: staged in short transactions, then swapped in by one brief one.

At the demo's size a solution holds ~80,000 meetings. Creating them through the ORM inside the
write lock held SQLite's only writer for 16 s, and every log-in meanwhile failed with "database
is locked". So the rows go first into ``StagedMeeting`` with prepared ``executemany`` batches,
each in its own transaction (other writers slip in between), and the swap, which must see and
change the live schedule atomically, is a handful of set-based statements under the locking
protocol's slot locks. A worker that dies while staging leaves only staged rows, which the next
run of the edition deletes; the live ``Meeting`` table is never half-written.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from tradefair.engine.schedule import problem as engine
from tradefair.expos.models import Expo
from tradefair.matchmaking.models import Meeting, MeetingRequest, StagedMeeting

ID_BATCH = 900  # ids per IN (...): below every SQLite build's limit on parameters

# What the e-mails about moved and dropped meetings read.
_MAILED = ("expo", "slot", "interpreter", "buyer__organisation", "exhibitor__organisation")


@dataclass(frozen=True)
class Written:
    """What a swap changed. ``moved`` and ``dropped`` are published meetings whose sides must be
    told: moved ones are saved at their new place, dropped ones are deleted rows (loaded before
    the delete, for the message)."""

    kept: int
    created: int
    moved: list[Meeting]
    dropped: list[Meeting]

    def stats(self) -> dict[str, int]:
        return {
            "kept": self.kept,
            "created": self.created,
            "moved_published": len(self.moved),
            "dropped_published": len(self.dropped),
        }


def _batches(items: list[int], size: int = ID_BATCH) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _engine_pk(ident: str) -> int:
    """``"p12"``/``"i3"``/``"12"`` → 12."""
    return int(ident.lstrip("pi"))


def clear_staged(*, expo: Expo, keep_run: int | None = None) -> None:
    """Forget staged rows of the edition's runs (a dead run's leftovers, or a swapped run's)."""
    rows = StagedMeeting.objects.filter(run__expo=expo)
    if keep_run is not None:
        rows = rows.exclude(run_id=keep_run)
    rows.delete()


def stage(
    run_id: int,
    problem: engine.Problem,
    solution: engine.Solution,
    progress: Callable[[float], None] = lambda _share: None,
) -> int:
    """Write the solution's meetings into the staging table; returns how many were staged."""
    requests = {r.id: r for r in problem.requests}
    rows = [
        (
            run_id,
            int(m.request),
            int(m.slot),
            m.table,
            _engine_pk(requests[m.request].buyer),
            _engine_pk(requests[m.request].exhibitor),
            _engine_pk(m.interpreter) if m.interpreter else None,
        )
        for m in solution.meetings
    ]
    StagedMeeting.objects.filter(run_id=run_id).delete()  # a redelivered task starts afresh
    sql = (
        f"INSERT INTO {StagedMeeting._meta.db_table} (run_id, request_id, slot_id, table_number,"
        " buyer_id, exhibitor_id, interpreter_id) VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    batch = settings.SCHEDULE_STAGE_BATCH
    for start in range(0, len(rows), batch):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows[start : start + batch])
        progress(min(1.0, (start + batch) / max(len(rows), 1)))
    return len(rows)


def swap_in(expo: Expo, run_id: int) -> Written:
    """Make the edition's meetings match the run's staged ones; call under the slot locks.

    Held and no-show meetings are never touched. For a published scheduled meeting:

    - the solution leaves it in place: its row stays (published; its interpreter may change);
    - the solution places it elsewhere (it became invalid where it was, or the run did not keep
      published meetings): it moves, keeping its id and staying published;
    - the solution does not place it: it is deleted (its request stays accepted).

    Every other scheduled meeting is replaced; new meetings start unpublished. Requests no
    longer accepted are skipped. The caller tells the sides of moved and dropped meetings.
    """
    # Locked so that a cancellation committed during the solve is seen, not overwritten.
    accepted = set(
        MeetingRequest.objects.select_for_update()
        .filter(expo=expo, status=MeetingRequest.Status.ACCEPTED)
        .values_list("pk", flat=True)
    )
    target = {
        row[0]: row[1:]  # request -> (slot, table, interpreter, buyer, exhibitor)
        for row in StagedMeeting.objects.filter(run_id=run_id).values_list(
            "request_id", "slot_id", "table_number", "interpreter_id", "buyer_id", "exhibitor_id"
        )
        if row[0] in accepted
    }
    stay: dict[int, int | None] = {}  # request -> its kept meeting's current interpreter
    moving: dict[int, int] = {}  # request -> id of its published meeting, kept at the new place
    dropped_ids: list[int] = []
    published = Meeting.objects.filter(
        expo=expo, published=True, status=Meeting.Status.SCHEDULED
    ).values_list("pk", "request_id", "slot_id", "table_number", "interpreter_id")
    for pk, request, slot, table, interpreter in published:
        placed = target.get(request)
        if placed is None:
            dropped_ids.append(pk)
        elif (slot, table) == placed[:2]:
            stay[request] = interpreter
        else:
            moving[request] = pk
    dropped = load_for_mail(dropped_ids)
    # Moving rows are deleted and inserted again under their id: updating them in place could
    # trip the per-slot unique constraints when two meetings swap places.
    Meeting.objects.filter(expo=expo, status=Meeting.Status.SCHEDULED, published=False).delete()
    for ids in _batches([*moving.values(), *dropped_ids]):
        Meeting.objects.filter(pk__in=ids).delete()
    _reassign_interpreters(expo, {r: target[r][2] for r, i in stay.items() if target[r][2] != i})
    Meeting.objects.bulk_create(
        Meeting(
            pk=pk,
            request_id=request,
            expo=expo,
            slot_id=target[request][0],
            table_number=target[request][1],
            buyer_id=target[request][3],
            exhibitor_id=target[request][4],
            interpreter_id=target[request][2],
            published=True,
        )
        for request, pk in moving.items()
    )
    created = _insert_staged(expo, run_id)
    moved = load_for_mail(list(moving.values()))
    return Written(kept=len(stay), created=created, moved=moved, dropped=dropped)


def load_for_mail(ids: list[int]) -> list[Meeting]:
    """Meetings with what their notifications name, read a batch of ids at a time."""
    found: list[Meeting] = []
    for chunk in _batches(ids):
        found.extend(Meeting.objects.filter(pk__in=chunk).select_related(*_MAILED))
    return found


def _reassign_interpreters(expo: Expo, changes: dict[int, int | None]) -> None:
    """Interpreters may swap between kept meetings: clear first so no unique check trips."""
    for chunk in _batches(list(changes)):
        Meeting.objects.filter(expo=expo, request_id__in=chunk).update(
            interpreter=None, updated_at=timezone.now()
        )
    for request, interpreter in changes.items():
        if interpreter is not None:
            Meeting.objects.filter(expo=expo, request_id=request).update(
                interpreter_id=interpreter, updated_at=timezone.now()
            )


def _insert_staged(expo: Expo, run_id: int) -> int:
    """One INSERT ... SELECT for every staged meeting whose request is still accepted and has
    no meeting (kept, held, moved): set-based, so the lock is held for well under a second."""
    meeting = Meeting._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {meeting} (request_id, expo_id, slot_id, table_number, buyer_id,"
            " exhibitor_id, interpreter_id, status, published, updated_at)"
            " SELECT s.request_id, %s, s.slot_id, s.table_number, s.buyer_id, s.exhibitor_id,"
            " s.interpreter_id, %s, %s, %s"
            f" FROM {StagedMeeting._meta.db_table} s"
            f" JOIN {MeetingRequest._meta.db_table} r ON r.id = s.request_id AND r.status = %s"
            f" WHERE s.run_id = %s AND NOT EXISTS"
            f" (SELECT 1 FROM {meeting} m WHERE m.request_id = s.request_id)"
            " ORDER BY s.request_id",
            [
                expo.pk,
                Meeting.Status.SCHEDULED,
                False,
                connection.ops.adapt_datetimefield_value(timezone.now()),
                MeetingRequest.Status.ACCEPTED,
                run_id,
            ],
        )
        return cursor.rowcount
