"""A run's requests left out as a file, written by the worker and fetched when ready.

At the reference size a run leaves out about 95,000 requests; phrasing them in the reader's
language and writing the XLSX took 5.8 s, which held a web worker for the whole of it. Now
the console queues a ``LeftOutExport`` and the worker writes it a page of rows at a time
(progress on the job, the heartbeat as for runs); the console's page for the job updates
itself and offers the file once it is there. Asking again for a file already being written
(a second click) gives the same job.
"""

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tradefair.accounts.models import User
from tradefair.expos.services import background
from tradefair.expos.services.background import QUEUED_FOR_TOO_LONG, timeout
from tradefair.expos.spreadsheets import csv_bytes, xlsx_bytes
from tradefair.matchmaking.models import LeftOutExport, ScheduleRun
from tradefair.matchmaking.queries import left_out
from tradefair.matchmaking.services.access import require_staff

Status = LeftOutExport.Status
ACTIVE = (Status.QUEUED, Status.RUNNING)
PAGE = 2_000  # rows phrased at a time: a query each, and a step of the progress
KEPT_FOR = timedelta(days=1)  # ready files older than this go when the next is asked for
# Stored in English and translated when shown.
WORKER_LOST = gettext_noop(
    "The worker stopped giving signs of life before the file was written. Export again."
)
NEVER_STARTED = gettext_noop("No worker took this export within 30 minutes. Export again.")

CONTENT_TYPES: dict[str, str] = {
    LeftOutExport.Kind.CSV: "text/csv; charset=utf-8",
    LeftOutExport.Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def queue_left_out_export(
    *, run: ScheduleRun, by_user: User, kind: str, reason: str = "", language: str = "en"
) -> LeftOutExport:
    """The job that writes ``run``'s requests left out (of ``reason`` only, if given)."""
    require_staff(by_user, run.expo)
    # The console offers neither (its pages answer 404): a caller's mistake, not a person's.
    if run.status != ScheduleRun.Status.DONE:
        raise ValueError(f"run {run.pk} is {run.status}: only a finished run's list is whole")
    if kind not in LeftOutExport.Kind.values:
        raise ValueError(f"no export of kind {kind!r}")
    reason = reason if left_out.is_reason(reason) else ""
    with transaction.atomic():
        same = LeftOutExport.objects.select_for_update().filter(
            run=run, kind=kind, reason=reason, language=language, status__in=ACTIVE
        )
        if (going := same.first()) is not None:
            return going
        LeftOutExport.objects.filter(
            run__expo_id=run.expo_id, created_at__lt=timezone.now() - KEPT_FOR
        ).delete()
        export = LeftOutExport.objects.create(
            run=run, kind=kind, reason=reason, language=language, requested_by=by_user
        )
        from tradefair.matchmaking.tasks import export_left_out  # the task module imports us

        transaction.on_commit(lambda: export_left_out.delay(export.pk), robust=True)
    return export


def _pages(export: LeftOutExport, progress: Callable[[float], None]) -> Iterator[list[Any]]:
    """The table's rows, phrased a page at a time in the solver's order."""
    run, expo = export.run, export.run.expo
    entries = left_out.entries(run, export.reason)
    total = entries.count()
    known = left_out.names(expo)
    for start in range(0, total, PAGE):
        phrased = left_out.phrased(expo, entries[start : start + PAGE], known)
        yield [[r.request, r.buyer, r.exhibitor, r.label, r.reason] for r in phrased]
        progress(min(1.0, (start + PAGE) / total))


def write_file(export: LeftOutExport, progress: Callable[[float], None]) -> tuple[bytes, int]:
    """The file's bytes and its number of rows, in the export's language."""
    written = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal written
        for page in _pages(export, progress):
            written += len(page)
            yield from page

    with translation.override(export.language):
        headers = [_("Request"), _("Buyer"), _("Exhibitor"), _("Reason"), _("Why")]
        if export.kind == LeftOutExport.Kind.XLSX:
            content = xlsx_bytes(_("Requests left out"), headers, rows(), numeric={0})
        else:
            content = csv_bytes(headers, rows())
    return content, written


def execute_left_out_export(*, export_id: int) -> LeftOutExport | None:
    """Write a queued export; one not queued (a duplicate delivery) is left alone."""
    export = background.claim_queued(LeftOutExport, export_id)
    if export is None:
        return None
    jobs = LeftOutExport.objects.filter(pk=export.pk)
    doing: dict[str, Any] = {"phase": "writing", "progress": 0.0}
    try:
        with background.heartbeat(jobs, fields=lambda: dict(doing)):
            content, count = write_file(export, lambda share: doing.update(progress=share))
        jobs.update(
            status=Status.DONE,
            phase="done",
            progress=1.0,
            content=content,
            rows=count,
            finished_at=timezone.now(),
        )
    except Exception as exc:
        jobs.update(status=Status.FAILED, error=repr(exc), finished_at=timezone.now())
        raise
    return LeftOutExport.objects.get(pk=export.pk)


def give_up_on_dead_exports(run: ScheduleRun) -> int:
    """Mark failed the run's exports that no live worker is writing any more."""
    now = timezone.now()
    jobs = LeftOutExport.objects.filter(run=run)
    given_up = jobs.filter(status=Status.RUNNING, heartbeat_at__lt=now - timeout()).update(
        status=Status.FAILED, error=WORKER_LOST, finished_at=now, phase=""
    )
    given_up += jobs.filter(status=Status.QUEUED, created_at__lt=now - QUEUED_FOR_TOO_LONG).update(
        status=Status.FAILED, error=NEVER_STARTED, finished_at=now
    )
    return given_up
