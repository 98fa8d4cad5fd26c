"""Reciprocal scores for every buyer-exhibitor pair, and the top k of each side, chunk by chunk.

Each chunk of buyers gets a dense float32 block of scores against all exhibitors (sparse
products, then element-wise NumPy); the block is reduced to each buyer's top k and folded into
each exhibitor's running top k, then dropped. Memory stays a few blocks whatever the number of
buyers, and there is no Python loop over pairs.

Ties are broken by the lower index through a composite integer key (score bits, then inverted
index), so results are deterministic and identical for every chunk size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from tradefair.engine.recommend.features import CodeMatrices, Features, build_features
from tradefair.engine.recommend.profiles import Party

Block = NDArray[np.float32]
BlockScorer = Callable[[int, int], Block]  # buyer rows [start, stop) x all exhibitors
_LOW = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Weights:
    """Each direction's score is a weighted sum of components in [0, 1]; the weights sum to 1.

    The product matched within the market its line asks for weighs most, because that is what
    a meeting is about; plain product affinity, text and sectors are softer evidence that keeps
    near misses (same heading, other market) above unrelated pairs.
    """

    product_in_market: float = 0.4
    product: float = 0.2
    market: float = 0.1
    text: float = 0.2
    sector: float = 0.1
    exact: float = 1.0  # one code contains the other (equal, or a heading and its subheading)
    heading: float = 0.5  # same 4-digit heading
    chapter: float = 0.2  # same 2-digit chapter


@dataclass(frozen=True)
class TopK:
    """Row i: the indices of the other side's best k, best first; -1 where the score is 0."""

    index: NDArray[np.int32]
    score: NDArray[np.float32]


@dataclass(frozen=True)
class Recommendations:
    for_buyers: TopK  # exhibitor indices per buyer
    for_exhibitors: TopK  # buyer indices per exhibitor


@dataclass(frozen=True)
class _Transposed:
    target: sp.csr_matrix
    heading: sp.csr_matrix
    chapter: sp.csr_matrix


def _t(matrix: sp.csr_matrix) -> sp.csr_matrix:
    return sp.csr_matrix(matrix.T, dtype=np.float32)


def _transposed(codes: CodeMatrices) -> _Transposed:
    return _Transposed(_t(codes.target), _t(codes.heading), _t(codes.chapter))


class ReciprocalScorer:
    """Scores a block of buyers against all exhibitors; the exhibitor side is transposed once."""

    def __init__(self, features: Features, weights: Weights | None = None) -> None:
        self.weights = weights or Weights()
        self.buyers = features.buyers
        ex = features.exhibitors
        self.n_exhibitors = ex.text.shape[0]
        self._products = _transposed(ex.products)
        self._is_at = _transposed(ex.is_at)
        self._wants = _transposed(ex.wants)
        self._country = _t(ex.country)
        self._markets = _t(ex.markets)
        self._sectors = _t(ex.sectors)
        self._text = _t(ex.text)

    def directions(self, start: int, stop: int) -> tuple[Block, Block]:
        """(buyer-to-exhibitor, exhibitor-to-buyer) scores for buyers ``start:stop``.

        The first says how well the exhibitor suits the buyer (its products, from a market the
        buyer sources in), the second how well the buyer suits the exhibitor (the exhibitor's
        products, wanted in a market the exhibitor targets). Both share the symmetric parts.
        """
        w, b, rows = self.weights, self.buyers, slice(start, stop)
        shared = w.product * self._level(b.products, self._products, rows)
        shared += w.text * _dense(b.text[rows] @ self._text)
        shared += w.sector * _dense(b.sectors[rows] @ self._sectors)
        # A market wish met says nothing alone (two "any market" lines meet everywhere): it
        # counts only beside some evidence about the products.
        evidence = shared > 0
        to_ex = shared + w.product_in_market * self._level(b.wants, self._is_at, rows)
        to_ex += w.market * ((_dense(b.markets[rows] @ self._country) > 0) & evidence)
        shared += w.product_in_market * self._level(b.is_at, self._wants, rows)
        shared += w.market * ((_dense(b.country[rows] @ self._markets) > 0) & evidence)
        return to_ex, shared

    def __call__(self, start: int, stop: int) -> Block:
        """The harmonic mean of both directions: high only when the pair suits both sides."""
        to_ex, to_buyer = self.directions(start, stop)
        total = to_ex + to_buyer
        product = to_ex * to_buyer
        product *= 2.0
        np.divide(product, total, out=product, where=total > 0)
        return product

    def _level(self, left: CodeMatrices, right: _Transposed, rows: slice) -> Block:
        """The closest HS relation of each pair as a weight: exact > heading > chapter > none."""
        w = self.weights
        out = np.zeros((rows.stop - rows.start, self.n_exhibitors), dtype=np.float32)
        for matrix, transposed, value in (
            (left.chapter, right.chapter, w.chapter),
            (left.heading, right.heading, w.heading),
            (left.probe, right.target, w.exact),
        ):
            hits = sp.csr_matrix(matrix[rows] @ transposed)
            out[np.repeat(np.arange(hits.shape[0]), np.diff(hits.indptr)), hits.indices] = value
        return out


def _dense(matrix: sp.spmatrix) -> Block:
    return np.asarray(matrix.toarray(), dtype=np.float32)


def recommend(
    buyers: Sequence[Party],
    exhibitors: Sequence[Party],
    k: int = 50,
    chunk_size: int = 1024,
    weights: Weights | None = None,
) -> Recommendations:
    """Top ``k`` exhibitors for every buyer and top ``k`` buyers for every exhibitor."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    scorer = ReciprocalScorer(build_features(buyers, exhibitors), weights)
    return top_k_both(scorer, len(buyers), len(exhibitors), k, chunk_size)


def top_k_both(
    score_block: BlockScorer, n_buyers: int, n_exhibitors: int, k: int, chunk_size: int = 1024
) -> Recommendations:
    """Drive any block scorer over all buyers, keeping both sides' top ``k``."""
    buyer_keys = np.zeros((n_buyers, k), dtype=np.uint64)
    exhibitor_keys = np.zeros((n_exhibitors, k), dtype=np.uint64)
    exhibitor_ids = np.arange(n_exhibitors, dtype=np.uint64)
    for start in range(0, n_buyers, chunk_size):
        stop = min(start + chunk_size, n_buyers)
        block = score_block(start, stop)
        buyer_keys[start:stop] = _best(_keys(block, exhibitor_ids), k)
        buyer_ids = np.arange(start, stop, dtype=np.uint64)
        candidates = np.concatenate([exhibitor_keys, _keys(block.T, buyer_ids)], axis=1)
        exhibitor_keys = _best(candidates, k)
    return Recommendations(_decode(buyer_keys), _decode(exhibitor_keys))


def _keys(block: Block, ids: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """Score bits above the inverted column id: ordering keys = ordering (score, -id).

    The bits of a non-negative float32 sort like the float itself; adding 0.0 turns a -0.0
    into 0.0.
    """
    bits = (np.ascontiguousarray(block, dtype=np.float32) + np.float32(0.0)).view(np.uint32)
    return (bits.astype(np.uint64) << np.uint64(32)) | (_LOW - ids)


def _best(keys: NDArray[np.uint64], k: int) -> NDArray[np.uint64]:
    """Each row's ``k`` largest keys, largest first (zero-padded if the row is shorter)."""
    n = keys.shape[1]
    if n > k:
        keys = np.partition(keys, n - k, axis=1)[:, n - k :]
    elif n < k:
        keys = np.pad(keys, ((0, 0), (0, k - n)))
    return np.sort(keys, axis=1)[:, ::-1]


def _decode(keys: NDArray[np.uint64]) -> TopK:
    scores = (keys >> np.uint64(32)).astype(np.uint32).view(np.float32)
    index = (_LOW - (keys & _LOW)).astype(np.int64)
    index[scores <= 0] = -1
    return TopK(index=index.astype(np.int32), score=np.where(scores > 0, scores, 0))
