from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import connection, transaction

T = TypeVar("T")


def unload_with_trade(slug: str) -> None:
    """Remove a demo loaded outside the tests' transactions, and the illustrative trade rows
    it added: statistics are shared by every edition, so ``unload_demo`` keeps them, but the
    tests that follow on this worker must find the table as it was."""
    from tradefair.demo.loader import unload_demo
    from tradefair.trade.models import TradeFlow

    unload_demo(slug)
    TradeFlow.objects.filter(illustrative=True).delete()


def rolled_back(blocker: Any, write: Callable[[], T]) -> Iterator[T]:
    """Yield what ``write`` returns, in a transaction rolled back when the module is done.

    Undone at once, where deleting the full demo row by row took 45 s on PostgreSQL. Each
    test's own transaction nests inside it as a savepoint. The foreign keys of the written rows
    are checked once, here: left deferred, every test's teardown, which checks constraints,
    would check them all again (12 s a test).
    """
    with blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        with blocker.unblock():
            written = write()
            connection.check_constraints()
        yield written
    finally:
        with blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
