"""Offline quality measures for top-k recommendations, and the baseline they are compared with.

Truth is given as (row, column) index pairs, e.g. (buyer, exhibitor) true fits; rankings as
``TopK.index`` arrays. Pairs are encoded as one int64 (row * n_columns + column) so membership
is a vectorised ``np.isin`` rather than a loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from tradefair.engine.recommend.features import (
    Vocabulary,
    columns,
    indicator,
    normalised_rows,
    to_matrix,
)
from tradefair.engine.recommend.profiles import Party
from tradefair.engine.recommend.score import Block, Recommendations, top_k_both

Pairs = NDArray[np.int64]  # shape (n, 2): row index, column index


@dataclass(frozen=True)
class Quality:
    precision: float  # mean share of each row's top k that is true
    recall: float  # mean share of each row's truths found in its top k
    rows: int  # rows with at least one truth (the ones averaged over)


def pair_codes(pairs: Pairs, n_columns: int) -> NDArray[np.int64]:
    return np.asarray(pairs[:, 0], dtype=np.int64) * n_columns + pairs[:, 1]


def hits(top: NDArray[np.int32], k: int, truth: Pairs, n_columns: int) -> NDArray[np.bool_]:
    """hits[i, j]: the j-th recommendation of row i (j < k) is a true pair."""
    ranked = top[:, :k].astype(np.int64)
    codes = np.arange(top.shape[0], dtype=np.int64)[:, None] * n_columns + ranked
    return (ranked >= 0) & np.isin(codes, pair_codes(truth, n_columns))


def precision_recall(top: NDArray[np.int32], k: int, truth: Pairs, n_columns: int) -> Quality:
    """precision@k and recall@k, averaged over rows that have at least one true pair.

    precision@k divides by k even when a row has fewer than k truths, so its ceiling is below
    1; ``ceiling`` reports it.
    """
    per_row = np.bincount(truth[:, 0], minlength=top.shape[0])
    found = hits(top, k, truth, n_columns).sum(axis=1)
    rows = per_row > 0
    if not rows.any():
        return Quality(0.0, 0.0, 0)
    precision = float(np.mean(found[rows] / k))
    recall = float(np.mean(found[rows] / per_row[rows]))
    return Quality(precision, recall, int(rows.sum()))


def ceiling(truth: Pairs, n_rows: int, k: int) -> Quality:
    """The best precision@k and recall@k any ranking could reach on this truth."""
    per_row = np.bincount(truth[:, 0], minlength=n_rows)
    rows = per_row > 0
    best = np.minimum(per_row[rows], k)
    return Quality(float(np.mean(best / k)), float(np.mean(best / per_row[rows])), int(rows.sum()))


def mutual_share(
    top: NDArray[np.int32], k: int, both: Pairs, either: Pairs, n_columns: int
) -> float:
    """Of the top-k pairs that suit at least one side (``either``), the share that suit both.

    A one-sided recommender fills lists with pairs only the asking side wants; a reciprocal
    one should not.
    """
    suits_one = hits(top, k, either, n_columns).sum()
    return float(hits(top, k, both, n_columns).sum() / suits_one) if suits_one else 0.0


def coverage(top: NDArray[np.int32], k: int, n_columns: int) -> float:
    """Share of the other side that appears in at least one top-k list."""
    shown = top[:, :k]
    return float(np.unique(shown[shown >= 0]).size / n_columns) if n_columns else 0.0


def shown_without(top: NDArray[np.int32], pairs: Pairs, n_columns: int) -> NDArray[np.int32]:
    """Each row with ``pairs`` left out and the rest moved up, padded with -1.

    What a page shows when a read-time filter hides some of the stored list.
    """
    keep = (top >= 0) & ~hits(top, top.shape[1], pairs, n_columns)
    order = np.argsort(~keep, axis=1, kind="stable")
    moved = np.take_along_axis(top, order, axis=1)
    return np.where(np.take_along_axis(keep, order, axis=1), moved, -1).astype(np.int32)


def share_of(top: NDArray[np.int32], k: int, pairs: Pairs, n_columns: int) -> float:
    """Of all places in the rows' top k that hold someone, the share held by ``pairs``."""
    held = int((top[:, :k] >= 0).sum())
    return float(hits(top, k, pairs, n_columns).sum() / held) if held else 0.0


def heading_vectors(parties: Sequence[Party]) -> sp.csr_matrix:
    """Each party's 4-digit HS headings as an L2-normalised 0/1 row."""
    vocab = Vocabulary()
    rows = [
        [code[:4] for line in p.lines for code in line.leaf_codes() if len(code) >= 4]
        for p in parties
    ]
    cols = columns(rows, vocab)  # fills the vocabulary: the width is known only after
    return normalised_rows(to_matrix(cols, len(vocab)))


def intra_list_diversity(top: NDArray[np.int32], k: int, vectors: sp.csr_matrix) -> float:
    """1 - the mean cosine of the items' ``vectors`` over the pairs of places in a top k.

    Averaged over rows with at least two items; 0 when every item is alike, 1 when no two
    share anything (with heading vectors: no two exhibitors sell under one heading).
    """
    shown = top[:, :k].astype(np.int64)
    total = np.zeros(shown.shape[0])
    pairs = np.zeros(shown.shape[0])
    for i in range(shown.shape[1]):
        for j in range(i + 1, shown.shape[1]):
            both = (shown[:, i] >= 0) & (shown[:, j] >= 0)
            left, right = vectors[shown[both, i]], vectors[shown[both, j]]
            total[both] += np.asarray(left.multiply(right).sum(axis=1)).ravel()
            pairs[both] += 1
    rows = pairs > 0
    return float(1 - np.mean(total[rows] / pairs[rows])) if rows.any() else 0.0


def over_cap_share(labels: NDArray[np.int64], k: int = 10, cap: int = 3) -> float:
    """Share of rows whose top k holds more than ``cap`` places of one label (-1: none).

    Counts every such page, whether or not another label could have taken a place: what a
    reader sees, where ``crowded_share`` judges the ranking."""
    head = labels[:, :k]
    same = (head[:, :, None] == head[:, None, :]) & (head[:, :, None] >= 0)
    return float(np.mean((same.sum(axis=2) > cap).any(axis=1))) if labels.shape[0] else 0.0


def crowded_share(
    top: NDArray[np.int32],
    labels: NDArray[np.int64],
    truth: Pairs,
    n_columns: int,
    k: int = 10,
    cap: int = 3,
) -> float:
    """Share of rows whose top k holds more than ``cap`` of one label while a true pair of a
    label held fewer than ``cap`` times waits below: a page crowded for no reason.

    ``labels`` gives each place's label (-1: none), e.g. ``diversity.matched_headings``.
    """
    head, tail = labels[:, :k], labels[:, k:]
    same = (head[:, :, None] == head[:, None, :]) & (head[:, :, None] >= 0)
    crowded = (same.sum(axis=2) > cap).any(axis=1)
    held = np.where(tail >= 0, (tail[:, :, None] == head[:, None, :]).sum(axis=2), 0)
    true_below = hits(top, top.shape[1], truth, n_columns)[:, k:]
    waiting = (true_below & (held < cap)).any(axis=1)
    return float(np.mean(crowded & waiting)) if top.shape[0] else 0.0


def sector_overlap(
    buyers: Sequence[Party], exhibitors: Sequence[Party], k: int = 50, chunk_size: int = 1024
) -> Recommendations:
    """The baseline: rank by the cosine of shared sector themes alone, lower index on ties.

    This is what a directory filter by sector gives, and what many fair platforms recommend.
    """
    vocab = Vocabulary()
    rows = [[*p.all_sectors()] for p in (*buyers, *exhibitors)]
    vocab.ids(key for keys in rows for key in keys)
    matrix = normalised_rows(indicator(rows, vocab, len(vocab)))
    left, right_t = matrix[: len(buyers)], matrix[len(buyers) :].T.tocsr()

    def block(start: int, stop: int) -> Block:
        return np.asarray((left[start:stop] @ right_t).toarray(), dtype=np.float32)

    return top_k_both(block, len(buyers), len(exhibitors), k, chunk_size)
