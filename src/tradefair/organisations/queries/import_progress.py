"""What the admin's job page and the import commands' bars say about an import going on:
phases in words, real wall time."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tradefair.expos.services.background import NO_WORKER_AFTER, duration
from tradefair.organisations.models import ImportJob

# The codes are the file imports' progress phases (and "reading", set when a worker claims
# the job); the organiser reads what is happening instead. One table for every import (the
# exhibitors', the programme's, the products', the deals', the trade figures'): the apps that
# import sit above this one, so all of them can read it.
PHASES = {
    "reading": _("Reading the file and checking every row"),
    "checking": _("Checking every row"),
    "checking pictures": _("Checking the rows and their pictures"),
    "organisations": _("Saving the organisations"),
    "participations": _("Saving their participation in the edition"),
    "offers and needs": _("Saving their sectors and HS codes"),
    "index": _("Updating the directory's search"),
    "activities": _("Saving the activities"),
    "speakers": _("Saving the speakers"),
    "writing": _("Saving the rows"),
}


def phase_label(code: str) -> str:
    """An import's phase in the reader's words; a code not in the table as it is."""
    return str(PHASES.get(code, code))


@dataclass(frozen=True)
class Activity:
    """An import going on, as the polling panel shows it."""

    queued: bool
    phase: str
    share: float
    elapsed: str
    no_worker: bool


def activity(job: ImportJob) -> Activity | None:
    """The job's work going on now, or None once it is done or failed."""
    if not job.active:
        return None
    now = timezone.now()
    queued = job.status == ImportJob.Status.QUEUED
    since = job.created_at if queued else (job.started_at or job.created_at)
    return Activity(
        queued=queued,
        phase="" if queued else phase_label(job.phase),
        share=0.0 if queued else job.progress,
        elapsed=duration(now - since),
        no_worker=queued and now - since > NO_WORKER_AFTER,
    )


def wall_time(job: ImportJob) -> str | None:
    """How long the import really took, from a worker taking it to its result."""
    if job.finished_at is None or job.started_at is None:
        return None
    return duration(job.finished_at - job.started_at)
