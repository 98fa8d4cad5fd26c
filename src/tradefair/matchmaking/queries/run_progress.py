"""What the console says about background work going on: phases in words, real wall time.

The solver names its phases with short codes (``select``, ``assign``…); the organiser reads
what is happening instead, in their language, with the time the run has really taken so far.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tradefair.expos.services.background import NO_WORKER_AFTER, duration
from tradefair.matchmaking.models import ScheduleRun

PHASES = {
    "starting": _("Starting"),
    "reading": _("Reading the accepted requests, availability and interpreters"),
    "index": _("Indexing the requests"),
    "greedy": _("Scheduling first come, first served"),
    "bounds": _("Proving how many meetings are possible at most"),
    "exact": _("Searching for the best schedule (exact solver)"),
    "select": _("Choosing which meetings to hold"),
    "assign": _("Placing meetings at slots and tables"),
    "fill": _("Filling the tables left free"),
    "serve": _("Making sure every buyer gets a meeting"),
    "repair": _("Resolving clashes"),
    "days": _("Bringing people's meetings onto fewer days"),
    # The general solver's stages (rules beyond buyer and exhibitor, docs/formats/schedule.md).
    "required": _("Placing the required meetings"),
    "keep": _("Keeping the previous schedule's meetings in place"),
    "served": _("Giving a meeting to as many people as possible"),
    "priority": _("Holding the meetings with the highest priority"),
    "gaps": _("Closing idle gaps in people's days"),
    "done": _("Finishing the schedule"),
    "saving": _("Saving the schedule"),
    "swapping": _("Putting the new schedule in place"),
    "publishing": _("Publishing the meetings"),
    "emailing": _("E-mailing the participants"),
}


def phase_label(code: str) -> str:
    return str(PHASES.get(code, code))


@dataclass(frozen=True)
class Activity:
    """One piece of background work of a run, as the progress panel shows it."""

    kind: str  # "run" or "publish"
    queued: bool
    phase: str
    share: float
    elapsed: str
    no_worker: bool


def activity(run: ScheduleRun) -> Activity | None:
    """The run's work going on now (solving or publishing), or None when nothing is."""
    now = timezone.now()
    if run.status in (ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING):
        kind, queued = "run", run.status == ScheduleRun.Status.QUEUED
        since = run.created_at if queued else (run.started_at or run.created_at)
    elif run.publish_status in (
        ScheduleRun.PublishStatus.QUEUED,
        ScheduleRun.PublishStatus.RUNNING,
    ):
        kind, queued = "publish", run.publish_status == ScheduleRun.PublishStatus.QUEUED
        since = run.heartbeat_at or now
    else:
        return None
    return Activity(
        kind=kind,
        queued=queued,
        phase="" if queued else phase_label(run.phase),
        share=0.0 if queued else run.progress,
        elapsed=duration(now - since),
        no_worker=queued and now - since > NO_WORKER_AFTER,
    )


def wall_time(run: ScheduleRun) -> str | None:
    """How long the run really took, from a worker taking it to its result."""
    if run.finished_at is None or run.started_at is None:
        return None
    return duration(run.finished_at - run.started_at)
