"""Diverse buyer lists: at most three exhibitors of one HS heading on a page while others fit.

The scorer ranks each exhibitor on its own, so a buyer who needs packing machines and tea sees
ten packing-machine makers before the first tea house. This re-ranks each buyer's top k by
maximal marginal relevance (Carbonell and Goldstein, 1998), page by page (``window`` places),
with the HS heading the card's first reason names (``matched_codes``) as the similarity:

- a candidate *fits* when its score is at least ``band`` times the buyer's best score;
- each place goes to the fitting candidate with the highest ``balance * relevance -
  (1 - balance) * [its heading is already on the page]`` (relevance: score / best score), among
  those whose heading is on the page fewer than ``cap`` times;
- when no such candidate is left, the best remaining one by score takes the place: nothing else
  fits, so the cap yields rather than show a poor match.

Only the order changes, never the set of k, so recall@k stays what the scorer gives. Vectorised
over all buyers: one step per place, each a few element-wise operations on the n-by-k block.
``diverse_positions`` does the same for one stored list as a page reads it, after the entries
the reader already asked have left it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from tradefair.engine.recommend.profiles import Party
from tradefair.engine.recommend.reasons import closest_code
from tradefair.engine.recommend.score import TopK

Labels = NDArray[np.int64]
Order = NDArray[np.int64]


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


def _leaf_codes(party: Party) -> tuple[str, ...]:
    return tuple(code for line in party.lines for code in line.leaf_codes())


def matched_codes(
    buyers: Sequence[Party], exhibitors: Sequence[Party], index: NDArray[np.int32]
) -> NDArray[np.str_]:
    """Per listed pair, the HS heading the card's first reason names ("" when none).

    That reason names the closest code the two sides share (``reasons.closest_code``): its
    first four digits, or the chapter's two when the sides share only a chapter. A page is
    diverse when the cards read differently, so the label is what the reader sees. Pairs of
    the same code sets recur across an edition, so each is worked out once.
    """
    needs = [_leaf_codes(b) for b in buyers]
    offers = [_leaf_codes(e) for e in exhibitors]
    known: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}

    def code(need: tuple[str, ...], exhibitor: int) -> str:
        if exhibitor < 0:
            return ""
        pair = (need, offers[exhibitor])
        if (found := known.get(pair)) is None:
            found = known[pair] = (closest_code(*pair) or "")[:4]
        return found

    rows = [
        [code(need, e) for e in listed] for need, listed in zip(needs, index.tolist(), strict=True)
    ]
    codes = np.asarray(rows, dtype="<U4").reshape(index.shape)
    return codes


def as_labels(codes: NDArray[np.str_]) -> Labels:
    """Codes as numbers, one per distinct code; -1 for "" (like no other)."""
    _, inverse = np.unique(codes, return_inverse=True)
    labels = inverse.reshape(codes.shape).astype(np.int64)
    return np.where(codes == "", -1, labels)


def matched_headings(
    buyers: Sequence[Party], exhibitors: Sequence[Party], index: NDArray[np.int32]
) -> Labels:
    """``matched_codes`` as numbers, what ``diversify`` compares."""
    return as_labels(matched_codes(buyers, exhibitors, index))


def diversify(top: TopK, labels: Labels, diversity: Diversity | None = None) -> TopK:
    """``top`` re-ranked row by row as the module says; ``labels`` gives each place's heading."""
    order = diverse_order(top, labels, diversity)
    return TopK(
        index=np.take_along_axis(top.index, order, axis=1),
        score=np.take_along_axis(top.score, order, axis=1),
    )


def diverse_order(top: TopK, labels: Labels, diversity: Diversity | None = None) -> Order:
    """Per row, the places of ``top`` in their diverse order (what ``diversify`` applies).

    ``top`` must be best first (as the scorer gives it): a row with no fitting candidate left
    keeps that order for its remaining places, so each step works on the rows still choosing.
    """
    d = diversity or Diversity()
    index, score = top.index, top.score
    n, k = index.shape
    if n == 0 or k == 0:
        return np.zeros((n, k), dtype=np.int64)
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
    return np.where(places >= filled[:, None], shifted, order)


def diverse_positions(
    scores: Sequence[float], codes: Sequence[str], diversity: Diversity | None = None
) -> list[int]:
    """One stored list read back: the positions of its entries in diverse order.

    ``codes`` are each entry's ``matched_codes`` heading. Pages that leave some entries out
    (those the reader already asked) diversify what is left, so the cap holds on the page the
    reader sees and not only on the list as stored. Ties keep the given order.
    """
    by_score = sorted(range(len(scores)), key=lambda i: -scores[i])
    if not by_score:
        return []
    top = TopK(
        index=np.asarray([by_score], dtype=np.int32),
        score=np.asarray([[scores[i] for i in by_score]], dtype=np.float32),
    )
    labels = as_labels(np.asarray([[codes[i] for i in by_score]], dtype="<U4"))
    order = diverse_order(top, labels, diversity)[0]
    return [by_score[i] for i in order.tolist()]


def diverse_for_buyers(
    buyers: Sequence[Party],
    exhibitors: Sequence[Party],
    top: TopK,
    diversity: Diversity | None = None,
) -> TopK:
    """The buyers' lists ``top`` (``Recommendations.for_buyers``), diversified by heading."""
    return diversify(top, matched_headings(buyers, exhibitors, top.index), diversity)
