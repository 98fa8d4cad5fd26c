"""Diverse buyer lists: at most three exhibitors of one HS heading on a page while others fit.

The scorer ranks each exhibitor on its own, so a buyer who needs packing machines and tea sees
ten packing-machine makers before the first tea house. This re-ranks each buyer's top k by
maximal marginal relevance (Carbonell and Goldstein, 1998), page by page (``window`` places),
with the HS heading through which an exhibitor meets the buyer as the similarity:

- a candidate *fits* when its score is at least ``band`` times the buyer's best score;
- each place goes to the fitting candidate with the highest ``balance * relevance -
  (1 - balance) * [its heading is already on the page]`` (relevance: score / best score), among
  those whose heading is on the page fewer than ``cap`` times;
- when no such candidate is left, the best remaining one by score takes the place: nothing else
  fits, so the cap yields rather than show a poor match.

Only the order changes, never the set of k, so recall@k stays what the scorer gives. Vectorised
over all buyers: one step per place, each a few element-wise operations on the n-by-k block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from tradefair.engine.recommend.profiles import Party
from tradefair.engine.recommend.score import TopK

Labels = NDArray[np.int64]


@dataclass(frozen=True)
class Diversity:
    """How a list is diversified; the defaults are what the stored lists use.

    With ``balance`` 0.8 the similarity term (0.2) outweighs any relevance gap inside the band
    (0.8 * 0.15 = 0.12): within the fitting candidates a heading not yet on the page comes first.
    """

    cap: int = 3  # the most places one heading takes on a page while others fit
    window: int = 10  # places per page: the dashboard shows ten
    band: float = 0.85  # a candidate fits when its score is at least band × the best
    balance: float = 0.8  # MMR's lambda: relevance against similarity

    def __post_init__(self) -> None:
        if self.cap < 1 or self.window < 1:
            raise ValueError(f"cap and window must be at least 1, got {self.cap}, {self.window}")
        if not (0 <= self.band <= 1 and 0 <= self.balance <= 1):
            raise ValueError(f"band and balance must be in [0, 1], got {self.band}, {self.balance}")


def _headings(party: Party, vocabulary: dict[str, int]) -> list[int]:
    """The party's 4-digit headings in line order, each once, as numbers."""
    found: dict[int, None] = {}
    for line in party.lines:
        for code in line.leaf_codes():
            if len(code) >= 4:
                found[vocabulary.setdefault(code[:4], len(vocabulary))] = None
    return list(found)


def matched_headings(
    buyers: Sequence[Party], exhibitors: Sequence[Party], index: NDArray[np.int32]
) -> Labels:
    """Per listed pair, the heading through which the exhibitor meets the buyer, as a number.

    The first of the buyer's needed headings (in need order) that the exhibitor offers, else
    the exhibitor's first heading; -1 for an empty place or an exhibitor without a heading (it
    is then like no other). Membership is one ``np.isin`` per need heading over all pairs.
    """
    vocabulary: dict[str, int] = {}
    needed = [_headings(b, vocabulary) for b in buyers]
    offered = [_headings(e, vocabulary) for e in exhibitors]
    width = max(len(vocabulary), 1)
    pairs = np.asarray(
        [e * width + h for e, heads in enumerate(offered) for h in heads], dtype=np.int64
    )
    first = np.asarray([heads[0] if heads else -1 for heads in offered], dtype=np.int64)
    columns = max((len(heads) for heads in needed), default=0)
    wanted = np.full((len(buyers), columns), -1, dtype=np.int64)
    for row, heads in enumerate(needed):
        wanted[row, : len(heads)] = heads
    listed = index.astype(np.int64)
    labels = np.full(listed.shape, -1, dtype=np.int64)
    for column in range(columns):
        need = wanted[:, column : column + 1]
        hit = (labels < 0) & (listed >= 0) & (need >= 0) & np.isin(listed * width + need, pairs)
        labels = np.where(hit, need, labels)
    fallback = first[np.maximum(listed, 0)]
    return np.where((labels < 0) & (listed >= 0), fallback, labels)


def diversify(top: TopK, labels: Labels, diversity: Diversity | None = None) -> TopK:
    """``top`` re-ranked row by row as the module says; ``labels`` gives each place's heading.

    ``top`` must be best first (as the scorer gives it): a row with no fitting candidate left
    keeps that order for its remaining places, so each step works on the rows still choosing.
    """
    d = diversity or Diversity()
    index, score = top.index, top.score
    n, k = index.shape
    if n == 0 or k == 0:
        return top
    best = score.max(axis=1, keepdims=True)
    relevance = np.divide(score, best, out=np.zeros(score.shape, np.float32), where=best > 0)
    fits = (index >= 0) & (relevance >= np.float32(d.band))
    value = (relevance * np.float32(d.balance)).astype(np.float32)
    penalty = np.float32(1 - d.balance)
    taken = np.zeros((n, k), dtype=bool)
    order = np.zeros((n, k), dtype=np.int64)
    filled = np.zeros(n, dtype=np.int64)  # places each row has chosen so far
    on_page = np.zeros((n, k), dtype=np.int16)  # per candidate: places on the page like it
    live = np.arange(n)
    for place in range(k):
        live = live[(fits[live] & ~taken[live]).any(axis=1)]
        if live.size == 0:
            break
        if place % d.window == 0:
            on_page[live] = 0
        page, free = on_page[live], ~taken[live]
        allowed = free & fits[live] & (page < d.cap)
        mmr = np.where(allowed, value[live] - penalty * (page > 0), -np.inf)
        pick = np.where(allowed.any(axis=1), mmr.argmax(axis=1), free.argmax(axis=1))
        order[live, place] = pick
        taken[live, pick] = True
        filled[live] = place + 1
        label = labels[live, pick][:, None]
        on_page[live] = page + ((labels[live] == label) & (label >= 0))
    # The places left, in the scorer's order: untaken candidates come first in a stable sort.
    places = np.arange(k)[None, :]
    rest = np.argsort(taken, axis=1, kind="stable")
    shifted = np.take_along_axis(rest, np.maximum(places - filled[:, None], 0), axis=1)
    order = np.where(places >= filled[:, None], shifted, order)
    return TopK(
        index=np.take_along_axis(index, order, axis=1),
        score=np.take_along_axis(score, order, axis=1),
    )


def diverse_for_buyers(
    buyers: Sequence[Party],
    exhibitors: Sequence[Party],
    top: TopK,
    diversity: Diversity | None = None,
) -> TopK:
    """The buyers' lists ``top`` (``Recommendations.for_buyers``), diversified by heading."""
    return diversify(top, matched_headings(buyers, exhibitors, top.index), diversity)
