"""Programme files for the import tests: the documented sample, one good row to change, and
what the database holds."""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from tests.programme.conftest import NANNING
from tradefair.expos.models import Country
from tradefair.organisations.models import Organisation
from tradefair.programme.models import Activity, Room, Speaker
from tradefair.programme.services.imports_parse import COLUMNS
from tradefair.programme.services.imports_sample import COUNCIL

SAMPLE = Path(__file__).parents[2] / "docs" / "formats" / "programme-sample.csv"


def csv_file(rows: Sequence[Sequence[str]], header: Sequence[str] = COLUMNS) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def sample_rows() -> list[list[str]]:
    """The documented sample's data rows, to change one cell at a time."""
    return list(csv.reader(io.StringIO(SAMPLE.read_text("utf-8-sig"))))[1:]


def row(**cells: str) -> list[str]:
    """A good one-row activity, with some cells changed."""
    values = {
        "kind": "forum",
        "title": "Digital Trade Forum",
        "date": "2025-09-18",
        "start_time": "14:00",
        "end_time": "15:00",
        "room": "Forum Room 1",
        "status": "draft",
        **cells,
    }
    return [values.get(column, "") for column in COLUMNS]


def make_council() -> Organisation:
    """The sample's host: a host must be registered before a file names it."""
    return Organisation.objects.create(
        name=COUNCIL,
        name_zh="广西壮族自治区国际贸易促进委员会",
        country=Country.objects.get(code="CN"),
    )


def programme() -> list[tuple[object, ...]]:
    """The activities as tuples of what the import sets, times on Nanning's clock."""
    return [
        (
            a.kind,
            a.title,
            a.title_zh,
            a.description,
            a.start.astimezone(NANNING).strftime("%Y-%m-%d %H:%M"),
            a.end.astimezone(NANNING).strftime("%H:%M"),
            a.room.name if a.room else None,
            a.capacity,
            a.audience,
            a.status,
            sorted(h.name for h in a.hosts.all()),
            sorted(s.slug for s in a.sectors.all()),
            [
                (s.name, s.role, s.organisation_name, s.organisation_id, s.position)
                for s in a.speakers.order_by("order")
            ],
        )
        for a in Activity.objects.order_by("start", "title")
    ]


def database() -> tuple[object, ...]:
    """Everything an import may write, to show that a refused import wrote none of it."""
    return (
        list(Activity.objects.values_list("pk", "title", "start", "end", "status", "capacity")),
        list(Room.objects.values_list("pk", "name", "capacity", "hall_id")),
        list(Speaker.objects.values_list("pk", "name", "role", "order")),
        list(Activity.hosts.through.objects.values_list("activity_id", "organisation_id")),
        list(Activity.sectors.through.objects.values_list("activity_id", "sector_id")),
    )
