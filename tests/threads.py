"""Real concurrency for the PostgreSQL race tests: threads with their own connections."""

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections


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

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def kinds(results: list[Any]) -> list[str]:
    return sorted(type(r).__name__ for r in results)
