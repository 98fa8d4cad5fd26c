"""The requests a run left out, written a row each (``LeftOutRequest``) before its swap.

In batches of ``BATCH``, each its own short transaction: at the reference size a run leaves
out about 95,000 requests, and one transaction for all of them would hold SQLite's single
writer lock for seconds while buyers book. The rows are read only for a finished run, so a
run that dies halfway leaves nothing anyone sees; its rows go with the edition's next run, and
a run given up on deletes its own.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from tradefair.matchmaking.models import LeftOutRequest, ScheduleRun

COLUMNS = (
    "run_id",
    "position",
    "request_id",
    "buyer_id",
    "buyer_name",
    "exhibitor_id",
    "exhibitor_name",
    "code",
    "params",
    "reason",
)


def _row(run_id: int, position: int, entry: Mapping[str, Any]) -> tuple[Any, ...]:
    """``entry`` as ``adapters.readable`` makes it, as the table's columns."""
    params = LeftOutRequest._meta.get_field("params")
    return (
        run_id,
        position,
        int(entry.get("request") or 0),
        entry.get("buyer_id"),
        str(entry.get("buyer") or ""),
        entry.get("exhibitor_id"),
        str(entry.get("exhibitor") or ""),
        str(entry.get("code") or ""),
        params.get_db_prep_save(dict(entry.get("params") or {}), connection),
        str(entry.get("reason") or ""),
    )


def store_left_out(
    run: ScheduleRun,
    entries: Sequence[Mapping[str, Any]],
    progress: Callable[[float], None] | None = None,
) -> None:
    """Write ``entries`` in the solver's order; ``progress`` hears the share written.

    Plain INSERTs, as the staged meetings are written: building 95,000 model instances and
    their SQL took the ORM 17 s at the reference size."""
    LeftOutRequest.objects.filter(
        run__expo_id=run.expo_id, run__status=ScheduleRun.Status.FAILED
    ).delete()
    sql = (
        f"INSERT INTO {LeftOutRequest._meta.db_table} ({', '.join(COLUMNS)})"
        f" VALUES ({', '.join(['%s'] * len(COLUMNS))})"
    )
    batch = settings.SCHEDULE_STAGE_BATCH
    for start in range(0, len(entries), batch):
        rows = [_row(run.pk, start + n, e) for n, e in enumerate(entries[start : start + batch])]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        if progress is not None:
            progress(min(1.0, (start + len(rows)) / len(entries)))


def forget_left_out(run_id: int) -> None:
    LeftOutRequest.objects.filter(run_id=run_id).delete()
