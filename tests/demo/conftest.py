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


def small_cut(demo: Any, slug: str) -> Any:
    """A small expo cut from the demo: the first 60 exhibitors; up to 25 buyers with fits among
    them from China and from each of five ASEAN countries, so every demo log-in has its
    organisation; 12 tables a slot."""
    import dataclasses

    from tradefair.demo.meetings import draw_meetings
    from tradefair.demo.showcase import BUYER_COUNTRIES

    exhibitors = demo.exhibitors[:60]
    keys = {e.organisation.key for e in exhibitors}
    fits = tuple(f for f in demo.fits if f[1] in keys)
    buyer_keys = {b for b, _ in fits}
    fitting = [dataclasses.replace(b, delegation=None) for b in demo.buyers]
    fitting = [b for b in fitting if b.organisation.key in buyer_keys]
    buyers = tuple(
        b
        for country in ("CN", *BUYER_COUNTRIES)
        for b in [b for b in fitting if b.organisation.country == country][:25]
    )
    kept = {b.organisation.key for b in buyers}
    cut = dataclasses.replace(
        demo,
        slug=slug,
        exhibitors=exhibitors,
        buyers=buyers,
        booths=tuple(b for b in demo.booths if b.holder in keys),
        partners=(),
        delegations=(),
        investors=(),
        fits=tuple(f for f in fits if f[0] in kept),
    )
    return dataclasses.replace(cut, meetings=draw_meetings(cut, seed=7, tables=12, interpreters=4))
