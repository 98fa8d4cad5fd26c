"""Signs of life and elapsed time of background work, shared by every app that queues some.

A worker killed mid-task (SIGKILL, out of memory, a machine lost) cannot say so. While it
works, a thread beside it stamps the job's ``heartbeat_at`` every few seconds; work whose
stamp is older than ``settings.TASK_HEARTBEAT_TIMEOUT`` is marked failed by whoever looks
next. It lives in the lowest app so that imports (``organisations``) and scheduling runs
(``matchmaking``) keep one notion of "alive" and say durations the same way.
"""

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from babel.dates import format_timedelta
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import get_language, to_locale

log = logging.getLogger(__name__)

HEARTBEAT_EVERY = 5.0  # seconds between stamps, at most
QUEUED_FOR_TOO_LONG = dt.timedelta(minutes=30)  # no worker ever took it
NO_WORKER_AFTER = dt.timedelta(seconds=15)  # queued this long: probably no worker running


def timeout() -> dt.timedelta:
    return dt.timedelta(seconds=settings.TASK_HEARTBEAT_TIMEOUT)


def beat_interval() -> float:
    """Seconds between stamps: a quarter of the timeout (5 s at most), so that a stamp held
    up by a busy database or a loaded machine for a beat or two is not taken for a death."""
    return min(HEARTBEAT_EVERY, settings.TASK_HEARTBEAT_TIMEOUT / 4)


@contextmanager
def heartbeat(
    rows: QuerySet[Any],
    *,
    every: float | None = None,
    fields: Callable[[], dict[str, Any]] | None = None,
) -> Iterator[None]:
    """Stamp ``heartbeat_at`` (and what ``fields`` returns) on ``rows`` while the block runs.

    The stamp is written from a thread with its own connection, so it is seen even while the
    block is inside a long transaction of its own (``fields`` lets that block report a phase
    the same way, which its own uncommitted writes could not).
    """
    stop = threading.Event()
    interval = beat_interval() if every is None else every

    def beat() -> None:
        try:
            while not stop.wait(interval):
                try:
                    rows.update(heartbeat_at=timezone.now(), **(fields() if fields else {}))
                except DatabaseError:  # a busy moment; the next stamp will do
                    log.warning("heartbeat of %s not written", rows.model.__name__, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{rows.model.__name__}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


Claimed = TypeVar("Claimed", bound=Model)


def claim_queued(model: type[Claimed], pk: int) -> Claimed | None:
    """Take a queued run (any model with ``status``, ``phase``, ``progress``, ``started_at``
    and ``heartbeat_at``) under its row lock and mark it running; None if it is gone or not
    queued any more, which is how a duplicate delivery of its task does nothing."""
    with transaction.atomic():
        run = model._default_manager.select_for_update().filter(pk=pk).first()
        status = model.Status  # type: ignore[attr-defined]
        if run is None or run.status != status.QUEUED:  # type: ignore[attr-defined]
            return None
        run.status, run.phase, run.progress = status.RUNNING, "reading", 0.0  # type: ignore[attr-defined]
        run.started_at = run.heartbeat_at = timezone.now()  # type: ignore[attr-defined]
        run.save(update_fields=["status", "phase", "progress", "started_at", "heartbeat_at"])
    return run


def duration(delta: dt.timedelta) -> str:
    """'42 sec', '3 min 5 sec', '1 hr 2 min 5 sec' in the reader's language, never rounded
    (Babel rounds one unit: 62 minutes alone are "1 hr")."""
    locale = to_locale(get_language() or "en")
    hours, rest = divmod(max(int(delta.total_seconds()), 0), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [dt.timedelta(hours=hours)] if hours else []
    if minutes:
        parts.append(dt.timedelta(minutes=minutes))
    if seconds or not parts:
        parts.append(dt.timedelta(seconds=seconds))
    return " ".join(
        format_timedelta(p, threshold=1, granularity="second", format="short", locale=locale)
        for p in parts
    )
