"""An uploaded file imported by a worker, not in the request: the admin's exhibitor and buyer
files, and the deals console's (whose app passes its own task and importer; it sits above this
one).

``queue_import`` stores the file under MEDIA_ROOT with an ``ImportJob`` and queues the task
(``run_import`` unless told) after commit. ``execute_import`` (the task) claims the job under a
row lock, so a duplicate delivery does nothing, and runs the importer, for participants the same
``import_participants`` as ``tradefair import``: still all or nothing in one transaction, every
bad row reported. A
heartbeat thread shows the worker alive; a job whose heartbeat stops is marked failed by whoever
looks next (``give_up_on_dead_imports``), and since the import's transaction died with its
worker, nothing of that file was imported.
"""

import logging
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from tradefair.expos.models import Expo
from tradefair.expos.services.background import QUEUED_FOR_TOO_LONG, heartbeat, timeout
from tradefair.organisations.models import ImportJob
from tradefair.organisations.services.import_files import ImportCounts
from tradefair.organisations.services.imports import Progress, import_participants

log = logging.getLogger(__name__)

Status = ImportJob.Status
# Stored in English and translated when shown (the job page reads them with gettext).
WORKER_LOST = gettext_noop(
    "The worker stopped giving signs of life; nothing was imported. Upload the file again."
)
NEVER_STARTED = gettext_noop("No worker took this import within 30 minutes; nothing was imported.")
CRASHED = gettext_noop("The import stopped on an unexpected error; nothing was imported.")


# What a job's file becomes: (the job, the file's bytes, progress) -> what the import did.
Importer = Callable[[ImportJob, bytes, Progress], ImportCounts]


def import_participants_file(job: ImportJob, content: bytes, progress: Progress) -> ImportCounts:
    return import_participants(
        expo_slug=job.expo.slug,
        kind=job.kind,
        filename=job.original_name,
        content=content,
        progress=progress,
    )


def queue_import(
    *, expo: Expo, kind: str, upload: UploadedFile, by_user: Any, task: Any = None
) -> ImportJob:
    """Store the upload with a queued job; ``task`` (a Celery task taking the job's id,
    ``run_import`` by default) is asked to import it after commit."""
    if task is None:
        from tradefair.organisations.tasks import run_import as task  # it imports this module

    name = PurePath(upload.name or "upload").name[:255]
    with transaction.atomic():
        job = ImportJob(
            expo=expo, kind=ImportJob.Kind(kind).value, original_name=name, uploaded_by=by_user
        )
        job.file.save(name, upload, save=False)
        job.save()
        # Robust: an inline (test) import that crashes is recorded on the job, not raised here.
        transaction.on_commit(lambda: task.delay(job.pk), robust=True)
    return job


def _claim(job_id: int) -> ImportJob | None:
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != Status.QUEUED:
            return None
        job.status, job.phase, job.progress = Status.RUNNING, "reading", 0.0
        job.started_at = job.heartbeat_at = timezone.now()
        job.save(update_fields=["status", "phase", "progress", "started_at", "heartbeat_at"])
    return job


def execute_import(
    *, job_id: int, importer: Importer = import_participants_file
) -> ImportJob | None:
    """Import a queued job's file and record the outcome; a job not queued is left alone.

    The outcome is written whatever the job's status has become meanwhile: only the worker
    that claimed the job runs it, so what it found is the truth even if an impatient reader
    had given up on it.
    """
    job = _claim(job_id)
    if job is None:
        return None
    # The import's own writes are uncommitted until it ends, so its phases go out with the
    # heartbeat thread's stamps, on that thread's connection.
    now_doing: dict[str, Any] = {"phase": "reading", "progress": 0.0}

    def progress(phase: str, done: int, total: int) -> None:
        now_doing.update(phase=phase[:40], progress=done / total if total else 1.0)

    try:
        with (
            heartbeat(ImportJob.objects.filter(pk=job.pk), fields=lambda: dict(now_doing)),
            translation.override(_uploader_language(job)),
        ):
            with job.file.open("rb") as stored:
                content = stored.read()
            result = importer(job, content, progress)
            errors = [str(error) for error in result.errors]
    except Exception:
        ImportJob.objects.filter(pk=job.pk).update(
            status=Status.FAILED, failure=CRASHED, phase="", finished_at=timezone.now()
        )
        raise
    _record(job, result, errors)
    return job


def _uploader_language(job: ImportJob) -> str:
    """The row errors are stored as text, written once: in the language of whoever uploaded
    the file (the one their e-mails use), not the worker's, which has none."""
    uploader = job.uploaded_by
    return (uploader.language if uploader else "") or settings.LANGUAGE_CODE


def _record(job: ImportJob, result: ImportCounts, errors: list[str]) -> None:
    job.status, job.phase, job.progress, job.failure = Status.DONE, "", 1.0, ""
    job.errors = errors
    if result.ok:
        job.created_count = result.created
        job.updated_count = result.updated
        job.unchanged_count = result.unchanged
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "phase",
            "progress",
            "failure",
            "errors",
            "created_count",
            "updated_count",
            "unchanged_count",
            "finished_at",
        ]
    )


def give_up_on_dead_imports() -> int:
    """Mark failed the jobs no live worker is doing any more; returns how many."""
    now = timezone.now()
    jobs = ImportJob.objects.all()
    given_up = jobs.filter(status=Status.RUNNING, heartbeat_at__lt=now - timeout()).update(
        status=Status.FAILED, failure=WORKER_LOST, phase="", finished_at=now
    )
    given_up += jobs.filter(status=Status.QUEUED, created_at__lt=now - QUEUED_FOR_TOO_LONG).update(
        status=Status.FAILED, failure=NEVER_STARTED, finished_at=now
    )
    if given_up:
        log.warning("gave up on %d import job(s) whose worker stopped", given_up)
    return given_up
