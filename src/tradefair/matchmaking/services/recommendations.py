"""Refreshing an edition's stored recommendations (the engine's top k, both ways).

Buyers' lists are stored in the engine's diverse order (at most three exhibitors of one HS
heading per page of ten while others fit) with each pair's heading, so a page that leaves some
exhibitors out can diversify what is left (``queries.recommendations``); exhibitors' lists stay
in score order.

The scores are computed outside any transaction (seconds at the demo's size); the expo's rows
are then replaced in one transaction that holds the expo's row lock, so two refreshes of the
same edition run one after the other and readers see either the old lists or the new ones,
never a mix. The caller authorises: organiser views, the ``refresh_recommendations`` task, the
``tradefair match`` command and the demo loader all call this function.
"""

from collections.abc import Callable

import numpy as np
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.translation import gettext as _
from numpy.typing import NDArray

from tradefair.engine.recommend import Recommendations, TopK, recommend
from tradefair.engine.recommend.diversity import as_labels, diverse_order, matched_codes
from tradefair.expos.models import Expo
from tradefair.matchmaking.adapters.recommend import Sides, expo_sides
from tradefair.matchmaking.models import Recommendation
from tradefair.matchmaking.models.recommendations import MAX_LIST_LENGTH
from tradefair.matchmaking.services.errors import InvalidRequest

MAX_K = MAX_LIST_LENGTH
BATCH = 10_000

Progress = Callable[[str, float], None]


def refresh_recommendations(*, expo: Expo, k: int = 50, progress: Progress | None = None) -> int:
    """Replace ``expo``'s recommendations by each buyer's and each exhibitor's top ``k``.

    A pair in both lists is one row with both ranks. Running it again on unchanged offers and
    needs stores the same rows (and writes none). Returns the number of rows stored.
    """
    _check(k)
    report = progress or _quiet
    report(_("reading offers and needs"), 0.0)
    sides = expo_sides(expo)
    report(_("scoring every pair"), 0.2)
    if sides.buyers and sides.exhibitors:
        buyer, exhibitor, score, buyer_rank, exhibitor_rank, heading = _pairs(
            *_ranked(sides, k), len(sides.exhibitors)
        )
    else:
        buyer = exhibitor = buyer_rank = exhibitor_rank = np.zeros(0, dtype=np.int64)
        score = np.zeros(0, dtype=np.float32)
        heading = np.zeros(0, dtype="<U4")
    buyer_pks = np.asarray(sides.buyer_ids, dtype=np.int64)[buyer].tolist()
    exhibitor_pks = np.asarray(sides.exhibitor_ids, dtype=np.int64)[exhibitor].tolist()
    rows = list(
        zip(
            [expo.pk] * len(buyer_pks),
            buyer_pks,
            exhibitor_pks,
            score.astype(np.float64).round(6).tolist(),
            [r or None for r in buyer_rank.tolist()],
            [r or None for r in exhibitor_rank.tolist()],
            heading.tolist(),
            strict=True,
        )
    )
    report(_("storing the lists"), 0.7)
    with transaction.atomic():
        Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one refresh at a time
        _store(expo, rows, lambda share: report(_("storing the lists"), 0.7 + 0.3 * share))
    report(_("done"), 1.0)
    return len(rows)


def _ranked(sides: Sides, k: int) -> tuple[Recommendations, NDArray[np.str_]]:
    """Both sides' top ``k``, the buyers' lists re-ranked so a page is not one heading, and
    the heading of each place of the buyers' lists."""
    found = recommend(sides.buyers, sides.exhibitors, k=k)
    codes = matched_codes(sides.buyers, sides.exhibitors, found.for_buyers.index)
    order = diverse_order(found.for_buyers, as_labels(codes))
    diverse = TopK(
        index=np.take_along_axis(found.for_buyers.index, order, axis=1),
        score=np.take_along_axis(found.for_buyers.score, order, axis=1),
    )
    headings = np.take_along_axis(codes, order, axis=1)
    return Recommendations(for_buyers=diverse, for_exhibitors=found.for_exhibitors), headings


def queue_refresh(*, expo: Expo, k: int = 50) -> None:
    """Refresh in the background once the current transaction commits (inline without Redis).

    Robust: a failed inline refresh is logged, never raised into the caller's request.
    """
    from tradefair.matchmaking.tasks import refresh_recommendations as task  # imports this

    _check(k)
    transaction.on_commit(lambda: task.delay(expo.pk, k), robust=True)


AFTER_EDIT_SECONDS = 10


def queue_refresh_after_edit(*, expo: Expo, k: int = 50) -> None:
    """Refresh a few seconds after a profile or product edit, once for a burst of edits.

    Exhibitors save several products in a row; the first edit queues one refresh due in
    ``AFTER_EDIT_SECONDS`` and the edits until then ride on it (a shared cache key; with the
    local-memory cache, per web process). The refresh reads what is committed when it starts.
    """
    from tradefair.matchmaking.tasks import refresh_recommendations as task  # imports this

    _check(k)
    if not cache.add(f"recommendations-after-edit:{expo.pk}", True, AFTER_EDIT_SECONDS):
        return
    transaction.on_commit(
        lambda: task.apply_async((expo.pk, k), countdown=AFTER_EDIT_SECONDS), robust=True
    )


def _check(k: int) -> None:
    if not 1 <= k <= MAX_K:
        raise InvalidRequest(
            _("The list length k must be between 1 and %(max)d, not %(k)d.")
            % {"max": MAX_K, "k": k}
        )


Row = tuple[int, int, int, float, int | None, int | None, str]
DELETE_BATCH = 900  # ids per DELETE: below every SQLite build's limit on parameters


def _store(expo: Expo, rows: list[Row], done: Callable[[float], None]) -> None:
    """Make the expo's rows equal to ``rows``, writing only what changed.

    A refresh after a few edits changes a few lists: deleting and inserting half a million
    identical rows would cost most of the refresh. When most rows changed (a first run, a
    new k), everything is deleted in one statement and inserted again.
    """
    held = Recommendation.objects.filter(expo=expo)
    old = {
        tuple(row[1:]): row[0]
        for row in held.values_list("pk", *COLUMNS[1:]).iterator(chunk_size=BATCH)
    }
    new = {row[1:] for row in rows}
    stale = [pk for key, pk in old.items() if key not in new]
    if len(stale) * 2 > len(old):
        held.delete()
        fresh = rows
    else:
        for start in range(0, len(stale), DELETE_BATCH):
            Recommendation.objects.filter(pk__in=stale[start : start + DELETE_BATCH]).delete()
        fresh = [row for row in rows if row[1:] not in old]
    _insert(fresh, done)


COLUMNS = (
    "expo_id",
    "buyer_id",
    "exhibitor_id",
    "score",
    "buyer_rank",
    "exhibitor_rank",
    "heading",
)


def _insert(rows: list[Row], done: Callable[[float], None]) -> None:
    """Insert rows in batches: COPY on PostgreSQL, one prepared INSERT elsewhere.

    Not ``bulk_create``: building and preparing a model instance per row cost 5.9 s per 50,000
    rows on SQLite (a minute for the demo's 520,000), a prepared ``executemany`` 1.0 s.
    """
    quote = connection.ops.quote_name
    table = quote(Recommendation._meta.db_table)
    columns = ", ".join(quote(name) for name in COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for start in range(0, len(rows), BATCH):
                    for row in rows[start : start + BATCH]:
                        copy.write_row(row)
                    done(min(start + BATCH, len(rows)) / len(rows))
            return
        values = ", ".join(["%s"] * len(COLUMNS))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({values})"
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
            done(min(start + BATCH, len(rows)) / len(rows))


Array = NDArray[np.int64]


def _pairs(
    result: Recommendations, headings: NDArray[np.str_], n_exhibitors: int
) -> tuple[Array, Array, NDArray[np.float32], Array, Array, NDArray[np.str_]]:
    """The union of both sides' lists as (buyer, exhibitor, score, buyer rank, exhibitor rank,
    heading) arrays sorted by buyer then exhibitor; a rank of 0 means "not in that side's
    list", and only pairs of a buyer's list (``headings``, its shape) carry a heading.

    Vectorised: every pair becomes one integer code, so merging ~670,000 pairs is a sort.
    """
    by_buyer, by_exhibitor = result.for_buyers, result.for_exhibitors
    k = by_buyer.index.shape[1]
    ranks = np.arange(1, k + 1, dtype=np.int64)

    def side(
        index: NDArray[np.int32], score: NDArray[np.float32], buyers_are_rows: bool
    ) -> tuple[Array, NDArray[np.float32], Array]:
        rows = np.repeat(np.arange(index.shape[0], dtype=np.int64), k)
        columns = index.astype(np.int64).ravel()
        kept = columns >= 0
        buyer, exhibitor = (rows, columns) if buyers_are_rows else (columns, rows)
        codes = buyer[kept] * n_exhibitors + exhibitor[kept]
        return codes, score.ravel()[kept], np.tile(ranks, index.shape[0])[kept]

    b_codes, b_scores, b_ranks = side(by_buyer.index, by_buyer.score, True)
    e_codes, e_scores, e_ranks = side(by_exhibitor.index, by_exhibitor.score, False)
    codes = np.union1d(b_codes, e_codes)
    score = np.zeros(codes.size, dtype=np.float32)
    buyer_rank = np.zeros(codes.size, dtype=np.int64)
    exhibitor_rank = np.zeros(codes.size, dtype=np.int64)
    heading = np.zeros(codes.size, dtype="<U4")
    at = np.searchsorted(codes, b_codes)
    score[at], buyer_rank[at] = b_scores, b_ranks
    heading[at] = headings.ravel()[by_buyer.index.ravel() >= 0]
    at = np.searchsorted(codes, e_codes)
    score[at], exhibitor_rank[at] = e_scores, e_ranks  # the same pair scores the same both ways
    return codes // n_exhibitors, codes % n_exhibitors, score, buyer_rank, exhibitor_rank, heading


def _quiet(phase: str, share: float) -> None:
    """No progress wanted."""
