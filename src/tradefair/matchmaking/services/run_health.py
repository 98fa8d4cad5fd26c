"""Giving up on scheduling runs and publications whose worker died.

A worker killed mid-run (SIGKILL, out of memory, a machine lost) cannot say so. While it
works, ``expos.services.background.heartbeat`` stamps the run's ``heartbeat_at`` every few
seconds; a run or publication whose stamp is older than ``settings.TASK_HEARTBEAT_TIMEOUT`` is
marked failed by whoever looks next (the console's pages, the next start), so the edition is
never blocked and the organiser can start again. Nothing is half-written: the live schedule
only changes in the run's final swap transaction, which the database rolls back when its
connection dies.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone
from django.utils.translation import gettext_noop

from tradefair.expos.models import Expo
from tradefair.expos.services import background
from tradefair.expos.services.background import QUEUED_FOR_TOO_LONG, timeout
from tradefair.matchmaking.models import ScheduleRun

# Stored in English and translated when shown (the console reads it with gettext).
WORKER_LOST = gettext_noop(
    "The worker stopped giving signs of life; nothing was changed. Start a new run."
)
NEVER_STARTED = gettext_noop("No worker took this run within 30 minutes; nothing was changed.")
PUBLISH_LOST = gettext_noop(
    "The worker stopped while publishing; nothing was published. Publish again."
)


@contextmanager
def heartbeat(run_id: int) -> Iterator[None]:
    """Stamp the run's ``heartbeat_at`` from a thread while the block runs."""
    with background.heartbeat(ScheduleRun.objects.filter(pk=run_id)):
        yield


def give_up_on_dead_work(expo: Expo) -> int:
    """Mark failed what no live worker is doing any more; returns how many were given up."""
    now = timezone.now()
    silent = now - timeout()
    runs = ScheduleRun.objects.filter(expo=expo)
    given_up = runs.filter(status=ScheduleRun.Status.RUNNING, heartbeat_at__lt=silent).update(
        status=ScheduleRun.Status.FAILED, error=WORKER_LOST, finished_at=now, phase=""
    )
    given_up += runs.filter(
        status=ScheduleRun.Status.QUEUED, created_at__lt=now - QUEUED_FOR_TOO_LONG
    ).update(status=ScheduleRun.Status.FAILED, error=NEVER_STARTED, finished_at=now)
    given_up += runs.filter(
        publish_status=ScheduleRun.PublishStatus.RUNNING, heartbeat_at__lt=silent
    ).update(publish_status=ScheduleRun.PublishStatus.FAILED, error=PUBLISH_LOST, phase="")
    given_up += runs.filter(
        publish_status=ScheduleRun.PublishStatus.QUEUED,
        heartbeat_at__lt=now - QUEUED_FOR_TOO_LONG,
    ).update(publish_status=ScheduleRun.PublishStatus.FAILED, error=NEVER_STARTED)
    return given_up
