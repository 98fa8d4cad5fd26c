"""Real concurrency for the PostgreSQL race tests: threads with their own connections."""

import fcntl
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import OperationalError, connections

# One race at a time across the xdist workers: two 50-thread races at once need more
# connections than PostgreSQL's default max_connections (100) allows.
RACE_LOCK = Path(tempfile.gettempdir()) / "tradefair-test-races.lock"


def in_threads(n: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` in ``n`` threads released together; each result or raised error."""
    start = threading.Barrier(n)
    results: list[Any] = [None] * n

    def target(i: int) -> None:
        try:
            start.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    with RACE_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    unconnected = [r for r in results if isinstance(r, OperationalError)]
    if unconnected:
        # Not the race under test: the database refused the thread (e.g. too many clients).
        raise RuntimeError(f"{len(unconnected)} of {n} threads got no database: {unconnected[0]}")
    return results


def kinds(results: list[Any]) -> list[str]:
    return sorted(type(r).__name__ for r in results)
