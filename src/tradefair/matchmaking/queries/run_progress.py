"""What the console says about background work going on: phases in words, real wall time.

The solver names its phases with short codes (``select``, ``assign``…); the organiser reads
what is happening instead, in their language, with the time the run has really taken so far.
"""

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_timedelta
from django.utils import timezone
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from tradefair.matchmaking.models import ScheduleRun

PHASES = {
    "reading": _("Reading the accepted requests, availability and interpreters"),
    "index": _("Indexing the requests"),
    "bounds": _("Proving how many meetings are possible at most"),
    "exact": _("Searching for the best schedule (exact solver)"),
    "select": _("Choosing which meetings to hold"),
    "assign": _("Placing meetings at slots and tables"),
    "fill": _("Filling the tables left free"),
    "serve": _("Making sure every buyer gets a meeting"),
    "repair": _("Resolving clashes"),
    "gaps": _("Closing idle gaps in people's days"),
    "done": _("Finishing the schedule"),
    "saving": _("Saving the schedule"),
    "swapping": _("Putting the new schedule in place"),
    "publishing": _("Publishing the meetings"),
    "emailing": _("E-mailing the participants"),
}
# A queued job nobody took for this long probably has no worker to go to.
NO_WORKER_AFTER = dt.timedelta(seconds=15)


def phase_label(code: str) -> str:
    return str(PHASES.get(code, code))


def duration(delta: dt.timedelta) -> str:
    """'42 sec', '3 min 5 sec' in the reader's language (minutes and seconds, never rounded)."""
    locale = to_locale(get_language() or "en")
    seconds = max(int(delta.total_seconds()), 0)
    minutes, seconds = divmod(seconds, 60)
    parts = [dt.timedelta(minutes=minutes)] if minutes else []
    if seconds or not minutes:
        parts.append(dt.timedelta(seconds=seconds))
    return " ".join(
        format_timedelta(p, threshold=1, granularity="second", format="short", locale=locale)
        for p in parts
    )


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
