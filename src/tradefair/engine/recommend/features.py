"""Sparse feature matrices for both sides, built once; scoring multiplies them chunk by chunk.

HS codes become columns over one shared vocabulary, so the product of a buyer row and an
exhibitor row counts shared codes. Three kinds of code matrix per side:

- ``products``: the codes alone (what is traded);
- ``wants``: each line's codes paired with that line's markets, "8541|VN" (a buyer sourcing
  solar cells from Vietnam; an exhibitor selling them to Vietnam);
- ``is_at``: the party's codes paired with its own country, "8541|VN" again (a Vietnamese maker
  of solar cells; a Vietnamese buyer of them).

So ``wants`` of one side times ``is_at`` of the other counts products that match *with* the
market that line asks for, which a merged, per-party market list cannot express. A line with no
markets pairs with "*", and every ``is_at`` row carries "*" too, so open lines match anyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from tradefair.engine.recommend.profiles import Party
from tradefair.engine.recommend.text import char_ngram_counts, tfidf

ANY = "*"
CodeRows = list[list[tuple[tuple[str, ...], tuple[str, ...]]]]  # per party: (codes, markets)


@dataclass(frozen=True)
class CodeMatrices:
    """``probe @ target.T`` > 0 iff one code contains the other (8541 ⊇ 854142, or equal);
    the heading and chapter matrices catch looser matches along the hierarchy."""

    probe: sp.csr_matrix  # [leaves | ancestors-or-self]
    target: sp.csr_matrix  # [ancestors-or-self | leaves]
    heading: sp.csr_matrix
    chapter: sp.csr_matrix


@dataclass(frozen=True)
class SideFeatures:
    products: CodeMatrices
    wants: CodeMatrices
    is_at: CodeMatrices
    markets: sp.csr_matrix  # every market any line names, plus "*" if a line is open
    country: sp.csr_matrix  # own country and "*"
    sectors: sp.csr_matrix  # L2-normalised sector indicators
    text: sp.csr_matrix  # L2-normalised TF-IDF of character n-grams


@dataclass(frozen=True)
class Features:
    buyers: SideFeatures
    exhibitors: SideFeatures


class Vocabulary:
    """String keys to column numbers, shared by both sides so their columns line up."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def ids(self, keys: Iterable[str]) -> list[int]:
        known = self._ids
        found = []
        for key in keys:
            number = known.get(key)
            if number is None:
                number = known[key] = len(known)
            found.append(number)
        return found


Columns = tuple[list[int], list[int]]  # CSR indptr and indices of a 0/1 matrix


def columns(rows: Sequence[Iterable[str]], vocab: Vocabulary) -> Columns:
    indptr = [0]
    indices: list[int] = []
    for keys in rows:
        indices.extend(sorted(set(vocab.ids(keys))))
        indptr.append(len(indices))
    return indptr, indices


def to_matrix(cols: Columns, width: int) -> sp.csr_matrix:
    indptr, indices = cols
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, width))


def indicator(rows: Sequence[Iterable[str]], vocab: Vocabulary, width: int) -> sp.csr_matrix:
    """A 0/1 float32 matrix: row i has a one in the column of each of its keys."""
    return to_matrix(columns(rows, vocab), width)


KeyRows = list[list[str]]


def _keys(rows: CodeRows) -> tuple[KeyRows, KeyRows, KeyRows, KeyRows]:
    """Per party: keys of its leaf codes, of their ancestors-or-self, headings and chapters."""
    leaves: KeyRows = []
    ancestors: KeyRows = []
    headings: KeyRows = []
    chapters: KeyRows = []
    prefixes: dict[str, list[str]] = {}
    for party in rows:
        leaf: list[str] = []
        ancestor: list[str] = []
        heading: list[str] = []
        chapter: list[str] = []
        for codes, markets in party:
            for code in codes:
                above = prefixes.get(code)
                if above is None:
                    above = prefixes[code] = [code[:n] for n in range(2, len(code) + 1, 2)]
                for market in markets:
                    leaf.append(f"{code}|{market}")
                    ancestor.extend([f"{a}|{market}" for a in above])
                    if len(code) >= 4:
                        heading.append(f"{above[1]}|{market}")
                    chapter.append(f"{above[0]}|{market}")
        leaves.append(leaf)
        ancestors.append(ancestor)
        headings.append(heading)
        chapters.append(chapter)
    return leaves, ancestors, headings, chapters


def code_matrices(sides: Sequence[CodeRows], vocab: Vocabulary) -> list[CodeMatrices]:
    """Code matrices for several row sets over one vocabulary (so any two can be multiplied).

    Exact containment needs two column blocks: a leaf of one side that equals an
    ancestor-or-self of a leaf of the other side means one code contains the other.
    """
    keyed = [[columns(rows, vocab) for rows in _keys(side)] for side in sides]
    width = len(vocab)
    result = []
    for leaves, ancestors, headings, chapters in keyed:
        leaf, ancestor = to_matrix(leaves, width), to_matrix(ancestors, width)
        result.append(
            CodeMatrices(
                probe=sp.hstack([leaf, ancestor], format="csr", dtype=np.float32),
                target=sp.hstack([ancestor, leaf], format="csr", dtype=np.float32),
                heading=to_matrix(headings, width),
                chapter=to_matrix(chapters, width),
            )
        )
    return result


def normalised_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.sum(axis=1)).ravel())  # 0/1 entries: sum = squared norm
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ matrix, dtype=np.float32)


def build_features(buyers: Sequence[Party], exhibitors: Sequence[Party]) -> Features:
    """Every matrix both sides need, over shared vocabularies."""
    sides = (buyers, exhibitors)
    leaves = [[[line.leaf_codes() for line in p.lines] for p in side] for side in sides]
    plain: list[CodeRows] = [
        [[(codes, (ANY,)) for codes in lines] for lines in side] for side in leaves
    ]
    wants: list[CodeRows] = [
        [
            [(codes, line.markets or (ANY,)) for codes, line in zip(lines, p.lines, strict=True)]
            for lines, p in zip(side_leaves, side, strict=True)
        ]
        for side_leaves, side in zip(leaves, sides, strict=True)
    ]
    is_at: list[CodeRows] = [
        [
            [(codes, (p.country, ANY)) for codes in lines]
            for lines, p in zip(side_leaves, side, strict=True)
        ]
        for side_leaves, side in zip(leaves, sides, strict=True)
    ]
    matrices = code_matrices([*plain, *wants, *is_at], Vocabulary())
    product_m, want_m, at_m = matrices[0:2], matrices[2:4], matrices[4:6]
    places, sectors = Vocabulary(), Vocabulary()
    market_rows = [[_markets(p) for p in side] for side in sides]
    country_rows = [[(p.country, ANY) for p in side] for side in sides]
    sector_rows = [[p.all_sectors() for p in side] for side in sides]
    for side_rows, vocab in ((market_rows, places), (country_rows, places), (sector_rows, sectors)):
        for rows in side_rows:
            for keys in rows:
                vocab.ids(keys)
    text = tfidf(char_ngram_counts([p.text for p in (*buyers, *exhibitors)]))
    texts = (text[: len(buyers)], text[len(buyers) :])
    built = [
        SideFeatures(
            products=product_m[i],
            wants=want_m[i],
            is_at=at_m[i],
            markets=indicator(market_rows[i], places, len(places)),
            country=indicator(country_rows[i], places, len(places)),
            sectors=normalised_rows(indicator(sector_rows[i], sectors, len(sectors))),
            text=sp.csr_matrix(texts[i]),
        )
        for i in range(2)
    ]
    return Features(buyers=built[0], exhibitors=built[1])


def _markets(party: Party) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for line in party.lines:
        found.update(dict.fromkeys(line.markets or (ANY,)))
    return tuple(found)
