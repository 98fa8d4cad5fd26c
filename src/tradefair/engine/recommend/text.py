"""TF-IDF over hashed character n-grams, vectorised with NumPy.

Character n-grams need no tokeniser, so the same code handles English and Chinese (a Chinese
bigram is usually a word: 光伏, 橡胶) and is robust to inflection and spelling variants
("photovoltaic"/"photo-voltaic"). N-grams are hashed into a fixed number of columns so there is
no vocabulary to build in Python; at 2^20 columns collisions are negligible.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

HASH_BITS = 20
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # multiplicative (Fibonacci) hashing
_POINT_BITS = np.uint64(21)  # every Unicode code point fits in 21 bits
_BATCH_CHARS = 1 << 17


def char_ngram_counts(
    texts: Sequence[str], sizes: Sequence[int] = (2, 3), bits: int = HASH_BITS
) -> sp.csr_matrix:
    """Rows = texts, columns = hashed n-grams, values = counts (float32).

    Texts are lower-cased and whitespace-collapsed. Batches of about ``_BATCH_CHARS`` code points
    keep the working arrays in cache instead of paging in hundreds of megabytes.
    """
    if max(sizes) > 3:
        raise ValueError("n-grams longer than 3 do not pack into 64 bits")
    cleaned = [" ".join(t.lower().split()) for t in texts]
    blocks: list[sp.csr_matrix] = []
    start = 0
    while start < len(cleaned) or not blocks:
        stop, chars = start, 0
        while stop < len(cleaned) and (chars < _BATCH_CHARS or stop == start):
            chars += len(cleaned[stop]) + 1
            stop += 1
        blocks.append(_batch_counts(cleaned[start:stop], sizes, bits))
        start = stop
    return sp.csr_matrix(sp.vstack(blocks, format="csr"), dtype=np.float32)


def _batch_counts(texts: Sequence[str], sizes: Sequence[int], bits: int) -> sp.csr_matrix:
    """Texts joined with NUL separators into one array, so no n-gram spans two texts; up to
    three 21-bit code points pack exactly into one integer, which is hashed to ``bits`` bits."""
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    points = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32)
    points = np.append(points, np.uint32(0)).astype(np.uint64)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keys: list[NDArray[np.int64]] = []
    for n in sizes:
        count = points.size - n + 1
        if count <= 0:
            continue
        valid = points[:count] != 0
        code = points[:count].copy()
        for j in range(1, n):
            window = points[j : j + count]
            valid &= window != 0
            code <<= _POINT_BITS
            code |= window
        code *= _GOLDEN
        code >>= np.uint64(64 - bits)
        keys.append((doc[:count][valid] << bits) | code[valid].astype(np.int64))
    return _count_keys(np.concatenate(keys) if keys else np.zeros(0, np.int64), len(texts), bits)


def _count_keys(keys: NDArray[np.int64], n_rows: int, bits: int) -> sp.csr_matrix:
    """A CSR matrix from (row << bits | column) keys, counting repeats: one sort, no COO."""
    keys = np.sort(keys)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if keys.size else keys
    unique = keys[starts]
    counts = np.diff(np.r_[starts, keys.size]).astype(np.float32)
    rows = unique >> bits
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    columns = (unique & ((1 << bits) - 1)).astype(np.int32)
    return sp.csr_matrix((counts, columns, indptr), shape=(n_rows, 1 << bits))


def tfidf(counts: sp.csr_matrix, max_df: float = 0.3) -> sp.csr_matrix:
    """Sublinear tf times smoothed idf, rows L2-normalised (so a product of rows is a cosine).

    N-grams in more than ``max_df`` of the texts ("the", "co.", "有限") say nothing about fit
    and would make every product dense, so they are dropped; so are n-grams seen only once,
    which cannot match anything.
    """
    n_docs = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = (df >= 2) & (df <= max(2.0, max_df * n_docs))
    idf = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
    mask = keep[counts.indices]
    rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))[mask]
    columns = counts.indices[mask]
    data = (1.0 + np.log(counts.data[mask])) * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=n_docs))
    norms[norms == 0] = 1.0
    data = (data / norms[rows]).astype(np.float32)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_docs), out=indptr[1:])
    return sp.csr_matrix((data, columns, indptr), shape=counts.shape)
