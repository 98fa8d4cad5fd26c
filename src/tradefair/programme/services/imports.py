"""Import an edition's programme from a CSV or XLSX file, all or nothing.

Invariants:
- A file with any bad cell writes nothing; every bad cell is reported as ``line N: column:
  reason`` (docs/formats/programme-import.md).
- An activity is identified by its title (any case), start and room: a row that matches an
  existing activity updates it, so importing the same file twice creates nothing the second
  time. A column the file leaves out is left alone; a blank status or audience keeps the
  stored one (a new activity is a draft, open to registration).
- Rooms the rows name with a ``room_capacity`` are created, or get that capacity and hall.
- Synchronous and bounded: a programme is hundreds of rows, so the request does the work;
  files over ``MAX_ROWS`` rows or ``MAX_BYTES`` are refused (the exhibitor import, with
  thousands of rows, runs in the worker instead).
- One programme import of an edition at a time (the edition's row is locked), and activities
  it changes are locked as registration locks them, since capacity and room decide seats; an
  activity that gains seats passes them to its waiting list (``registration.promote``), whose
  people are told after commit.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.services.import_files import (
    ImportCounts,
    InRequestLimits,
    RowError,
    bounded_table,
)
from tradefair.organisations.services.imports import assign_changed, chunks
from tradefair.programme.models import Activity, Registration, Room, Speaker
from tradefair.programme.services.imports_parse import (
    COLUMNS,
    REQUIRED,
    ParsedActivity,
    Plan,
    activity_key,
    parse_rows,
)
from tradefair.programme.services.registration import lock_activity, promote

__all__ = ["MAX_BYTES", "MAX_ROWS", "ImportResult", "Progress", "RowError", "import_programme"]

MAX_ROWS = 2_000
MAX_BYTES = 2 * 2**20  # 2,000 rows with long descriptions fit in well under 2 MB
LIMITS = InRequestLimits(
    kind=gettext_lazy("programme"),
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    columns=COLUMNS,
    required=REQUIRED,
)

# Called as progress(phase, done, total), so a command can draw a bar.
Progress = Callable[[str, int, int], None]

_CHUNK = 500
T = TypeVar("T")


@dataclass
class ImportResult(ImportCounts):
    """What an import did: either ``errors`` (and nothing written) or the counts."""

    rooms_created: int = 0
    promoted: int = 0

    def summary(self) -> str:
        summary = _(
            "Programme of %(expo)s: %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged; %(rooms)s new rooms."
        ) % {
            "expo": self.expo,
            "created": number(self.created),
            "updated": number(self.updated),
            "unchanged": number(self.unchanged),
            "rooms": number(self.rooms_created),
        }
        if self.promoted:
            summary += " " + ngettext(
                "%(count)s person moved from a waiting list to a seat.",
                "%(count)s people moved from waiting lists to seats.",
                self.promoted,
            ) % {"count": number(self.promoted)}
        return summary


def import_programme(
    *, expo: Expo, filename: str, content: bytes, progress: Progress | None = None
) -> ImportResult:
    """Check the whole file, then write it in one transaction only if every row is good."""
    result = ImportResult(expo=expo.slug)
    table, result.errors = bounded_table(content=content, filename=filename, limits=LIMITS)
    if result.errors:
        return result

    def checked(done: int, total: int) -> None:
        if progress is not None:
            progress("checking", done, total)

    try:
        with transaction.atomic():
            Expo.objects.select_for_update().filter(pk=expo.pk).first()
            plan, errors = parse_rows(expo=expo, table=table, progress=checked)
            if not errors:
                errors = _Writer(expo, result, progress).write(plan)
            if errors:
                result.errors = errors
                # Nothing was written before the check, but leave no doubt.
                transaction.set_rollback(True)
    except IntegrityError as exc:
        # A room of the same name was added in the console meanwhile.
        result.created = result.updated = result.unchanged = result.rooms_created = 0
        result.promoted = 0
        result.errors.append(
            RowError(None, "database", _("a concurrent change conflicted (%s); import again") % exc)
        )
    return result


class _Writer:
    """Rooms first, then the activities, then their hosts, sectors and speakers."""

    def __init__(self, expo: Expo, result: ImportResult, progress: Progress | None) -> None:
        self.expo, self.result, self.progress = expo, result, progress

    def _tick(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def write(self, plan: Plan) -> list[RowError]:
        matches, errors = self._match(plan.activities)
        if errors:
            return errors
        rooms, larger_rooms = self._rooms(plan)
        activities, changed, reseated = self._activities(plan.activities, matches, rooms)
        changed |= self._links(plan.activities, activities, "hosts", "organisation_id")
        changed |= self._links(plan.activities, activities, "sectors", "sector_id")
        changed |= self._speakers(plan.activities, activities, matches)
        self._promote(reseated, larger_rooms)
        for row in plan.activities:
            if row.line not in matches:
                self.result.created += 1
            elif row.line in changed:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        return []

    def _match(self, rows: list[ParsedActivity]) -> tuple[dict[int, Activity], list[RowError]]:
        """The existing activity of each row that has one (by line), locked for the update."""
        known: dict[tuple[Any, ...], list[int]] = {}
        stored = Activity.objects.filter(expo=self.expo).values_list(
            "pk", "title", "start", "room__name"
        )
        for pk, title, start, room in stored.order_by("pk"):
            known.setdefault(activity_key(title, start, room), []).append(pk)
        wanted: dict[int, int] = {}
        errors = []
        for row in rows:
            pks = known.get(row.key, [])
            if len(pks) > 1:
                errors.append(
                    RowError(
                        row.line,
                        "title",
                        _(
                            "%(count)d activities of this edition have this title, start and "
                            "room; rename or delete all but one in the console first"
                        )
                        % {"count": len(pks)},
                    )
                )
            elif pks:
                wanted[row.line] = pks[0]
        locked: dict[int, Activity] = {}
        for chunk in chunks(sorted(wanted.values())):
            # The same lock as registration takes: capacity and room decide the seats.
            for activity in (
                Activity.objects.select_for_update().filter(pk__in=chunk).order_by("pk")
            ):
                locked[activity.pk] = activity
        return {line: locked[pk] for line, pk in wanted.items()}, errors

    def _rooms(self, plan: Plan) -> tuple[dict[str, Room], list[int]]:
        """Each room of the plan by key, created or updated; the rooms that gained seats."""
        rooms: dict[str, Room] = {}
        new: list[Room] = []
        changed: list[Room] = []
        larger: list[int] = []
        for key, room_plan in plan.rooms.items():
            room = room_plan.room
            if room is None:
                # The parser refuses a new room without a capacity.
                assert room_plan.capacity is not None
                room = Room(
                    expo=self.expo,
                    name=room_plan.name,
                    capacity=room_plan.capacity,
                    hall_id=room_plan.hall_id,
                )
                new.append(room)
            else:
                before = (room.capacity, room.hall_id)
                if room_plan.capacity is not None:
                    room.capacity = room_plan.capacity
                if room_plan.hall_id is not None:
                    room.hall_id = room_plan.hall_id
                if (room.capacity, room.hall_id) != before:
                    changed.append(room)
                if room.capacity > before[0]:
                    larger.append(room.pk)
            rooms[key] = room
        Room.objects.bulk_create(new)
        if changed:
            Room.objects.bulk_update(changed, ["capacity", "hall_id"])
        self.result.rooms_created = len(new)
        return rooms, larger

    def _activities(
        self, rows: list[ParsedActivity], matches: dict[int, Activity], rooms: dict[str, Room]
    ) -> tuple[dict[int, Activity], set[int], list[int]]:
        """Each row's activity (by line), created or updated; the lines of those that changed;
        the existing activities whose capacity or room changed (they may have seats to give)."""
        now = timezone.now()
        activities: dict[int, Activity] = {}
        new: list[Activity] = []
        changed: list[Activity] = []
        changed_lines: set[int] = set()
        reseated: list[int] = []
        fields: set[str] = set()
        for done, row in enumerate(rows, start=1):
            room = rooms[row.room_key] if row.room_key else None
            values = {**row.values, "room_id": room.pk if room else None}
            activity = matches.get(row.line)
            if activity is None:
                activity = Activity(expo=self.expo, **values)
                new.append(activity)
            else:
                differ = {
                    name: value
                    for name, value in values.items()
                    if getattr(activity, name) != value
                }
                if differ:
                    for name, value in differ.items():
                        setattr(activity, name, value)
                    activity.updated_at = now
                    fields |= set(differ) | {"updated_at"}
                    changed.append(activity)
                    changed_lines.add(row.line)
                    if {"capacity", "room_id"} & set(differ):
                        reseated.append(activity.pk)
            activities[row.line] = activity
            if done % _CHUNK == 0:
                self._tick("activities", done, len(rows))
        Activity.objects.bulk_create(new, batch_size=_CHUNK)
        if changed:
            Activity.objects.bulk_update(changed, sorted(fields), batch_size=_CHUNK)
        self._tick("activities", len(rows), len(rows))
        return activities, changed_lines, reseated

    def _promote(self, activity_ids: list[int], larger_rooms: list[int]) -> None:
        """Give the seats an activity gained to its waiting list, as the console does."""
        waiting = Registration.objects.filter(status=Registration.Status.WAITLISTED)
        candidates: set[int] = set()
        for chunk in chunks(activity_ids):
            candidates.update(
                waiting.filter(activity_id__in=chunk).values_list("activity_id", flat=True)
            )
        if larger_rooms:
            candidates.update(
                waiting.filter(activity__room_id__in=larger_rooms).values_list(
                    "activity_id", flat=True
                )
            )
        for activity_id in sorted(candidates):
            self.result.promoted += len(promote(lock_activity(activity_id)))

    def _links(
        self, rows: list[ParsedActivity], activities: dict[int, Activity], name: str, target: str
    ) -> set[int]:
        """Set hosts or sectors to the file's; the lines whose links changed."""
        through: Any = getattr(Activity, name).through
        given = [(row, activities[row.line]) for row in rows if getattr(row, name) is not None]
        current: dict[int, set[int]] = {}
        ids = [activity.pk for _, activity in given]
        for chunk in chunks(ids):
            for owner, value in through.objects.filter(activity_id__in=chunk).values_list(
                "activity_id", target
            ):
                current.setdefault(owner, set()).add(value)
        stale: list[int] = []
        links = []
        changed = set()
        for row, activity in given:
            wanted: frozenset[int] = getattr(row, name)
            have = current.get(activity.pk, set())
            if have == wanted:
                continue
            changed.add(row.line)
            if have:
                stale.append(activity.pk)
            links += [through(activity_id=activity.pk, **{target: pk}) for pk in sorted(wanted)]
        for chunk in chunks(stale):
            through.objects.filter(activity_id__in=chunk).delete()
        through.objects.bulk_create(links, batch_size=_CHUNK)
        return changed

    def _speakers(
        self,
        rows: list[ParsedActivity],
        activities: dict[int, Activity],
        matches: dict[int, Activity],
    ) -> set[int]:
        """Make each activity's speakers the file's list, in its order.

        A speaker is recognised by name, so a person the console linked to an account keeps
        the link (and their timeline) when the file is imported again.
        """
        given = [row for row in rows if row.speakers is not None]
        present: dict[int, dict[str, Speaker]] = {}
        matched = [matches[row.line].pk for row in given if row.line in matches]
        for chunk in chunks(matched):
            for speaker in Speaker.objects.filter(activity_id__in=chunk).order_by("pk"):
                present.setdefault(speaker.activity_id, {}).setdefault(
                    speaker.name.casefold(), speaker
                )
        new: list[Speaker] = []
        changed: list[Speaker] = []
        gone: list[int] = []
        changed_lines: set[int] = set()
        for row in given:
            activity = activities[row.line]
            stored = present.get(activity.pk, {})
            keep: set[int] = set()
            for order, line in enumerate(row.speakers or ()):
                values = {
                    "name": line.name,
                    "role": line.role,
                    "organisation_id": line.organisation_id,
                    "organisation_name": line.organisation_name,
                    "position": line.position,
                    "order": order,
                }
                known = stored.get(line.name.casefold())
                if known is None:
                    new.append(Speaker(activity=activity, **values))
                    changed_lines.add(row.line)
                    continue
                keep.add(known.pk)
                if assign_changed(known, values):
                    changed.append(known)
                    changed_lines.add(row.line)
            dropped = [s.pk for s in stored.values() if s.pk not in keep]
            if dropped:
                gone += dropped
                changed_lines.add(row.line)
        for chunk in chunks(gone):
            Speaker.objects.filter(pk__in=chunk).delete()
        Speaker.objects.bulk_create(new, batch_size=_CHUNK)
        Speaker.objects.bulk_update(
            changed,
            ["name", "role", "organisation_id", "organisation_name", "position", "order"],
            batch_size=_CHUNK,
        )
        self._tick("speakers", len(rows), len(rows))
        return changed_lines
