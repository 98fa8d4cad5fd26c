"""Diverse buyer lists: a heading takes at most three places of a page while others fit, the
set of k never changes, and the measures the benchmark reports."""

import random
from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp

from tradefair.engine.recommend import (
    Diversity,
    Party,
    TopK,
    TradeLine,
    diverse_for_buyers,
    recommend,
)
from tradefair.engine.recommend import evaluate as ev
from tradefair.engine.recommend.diversity import (
    diverse_positions,
    diversify,
    matched_codes,
    matched_headings,
)
from tradefair.engine.recommend.reasons import product_reasons

A, B, C, D = 0, 1, 2, 3  # heading labels


def ranked(scores: list[float]) -> TopK:
    """One buyer's list: candidates 0, 1, 2, … with these scores, best first."""
    return TopK(
        index=np.arange(len(scores), dtype=np.int32)[None, :],
        score=np.asarray([scores], dtype=np.float32),
    )


def labels_of(order: list[int], labels: list[int]) -> list[int]:
    return [labels[i] for i in order]


def test_a_heading_takes_at_most_three_places_of_a_page_while_others_fit() -> None:
    # Eight suppliers of heading A score best; three of B, three of C and one of D fit too.
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93]
    scores += [0.92, 0.91, 0.90, 0.89, 0.88, 0.87, 0.86]
    labels = [A] * 8 + [B] * 3 + [C] * 3 + [D]
    top = diversify(ranked(scores), np.asarray([labels], dtype=np.int64))
    order = top.index[0].tolist()
    assert Counter(labels_of(order[:10], labels)) == {A: 3, B: 3, C: 3, D: 1}
    # Each heading first appears as early as it can, the best of it first.
    assert order[:4] == [0, 8, 11, 14]
    # The other A suppliers follow on the next page, in score order; nothing was dropped.
    assert order[10:] == [3, 4, 5, 6, 7]
    assert top.score[0].tolist() == pytest.approx([scores[i] for i in order])


def test_the_cap_yields_when_nothing_else_fits() -> None:
    # Only heading A fits (within 0.85 of the best); B is a poor match: it is not pulled up.
    scores = [1.0, 0.98, 0.96, 0.94, 0.92, 0.9, 0.3]
    labels = [A] * 6 + [B]
    top = diversify(ranked(scores), np.asarray([labels], dtype=np.int64))
    assert top.index[0].tolist() == [0, 1, 2, 3, 4, 5, 6]


def test_each_page_starts_afresh() -> None:
    scores = [1.0 - i / 100 for i in range(8)]
    labels = [A, A, A, A, B, B, B, B]
    top = diversify(ranked(scores), np.asarray([labels], dtype=np.int64), Diversity(window=4))
    # Pages of four: A B A A | A B B B (the second page's cap counts from zero).
    assert labels_of(top.index[0].tolist(), labels) == [A, B, A, A, A, B, B, B]


def test_rows_keep_their_candidates_and_empty_places_stay_last() -> None:
    rng = random.Random(3)
    n, k = 40, 12
    scores = np.sort(np.asarray([[rng.random() for _ in range(k)] for _ in range(n)]), axis=1)
    scores = scores[:, ::-1].astype(np.float32)
    index = np.asarray([rng.sample(range(100), k) for _ in range(n)], dtype=np.int32)
    index[::5, 8:] = -1  # some rows are shorter
    scores[::5, 8:] = 0
    labels = np.asarray([[rng.randrange(3) for _ in range(k)] for _ in range(n)], np.int64)
    labels[index < 0] = -1
    top = diversify(TopK(index, scores), labels, Diversity(window=5, band=0.5))
    for before, after, s_before, s_after in zip(index, top.index, scores, top.score, strict=True):
        assert sorted(before.tolist()) == sorted(after.tolist())
        assert dict(zip(after.tolist(), s_after.tolist(), strict=True)) == dict(
            zip(before.tolist(), s_before.tolist(), strict=True)
        )
        shown = after >= 0
        assert not (np.diff(shown.astype(int)) > 0).any()  # no person after an empty place


@pytest.mark.parametrize(
    "settings",
    [{"cap": 0}, {"window": 0}, {"band": 1.5}, {"balance": -0.1}],
)
def test_nonsense_settings_are_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Diversity(**settings)  # type: ignore[arg-type]


def offer(*codes: str, markets: tuple[str, ...] = ("VN",), title: str = "") -> TradeLine:
    return TradeLine(hs_codes=codes, markets=markets, title=title)


def test_the_heading_is_the_one_the_first_reason_names() -> None:
    buyer = Party("b", "VN", (offer("847950", markets=("CN",)), offer("0902", markets=("CN",))))
    exhibitors = [
        Party("tea and robots", "CN", (offer("090210"), offer("847950"))),
        Party("tea", "CN", (offer("090210"),)),
        Party("robots", "CN", (offer("847989"),)),
        Party("motors", "CN", (offer("850110"),)),  # same chapter as no need: its own label
        Party("nothing coded", "CN", (offer(),)),
        Party("robot arms", "CN", (offer("847950"),)),
    ]
    index = np.asarray([[0, 1, 2, 3, 4, 5, -1]], dtype=np.int32)
    codes = matched_codes([buyer], exhibitors, index)[0].tolist()
    # Both products match exactly; the reasons list 0902.10 before 8479.50, and so does the label.
    assert codes == ["0902", "0902", "8479", "", "", "8479", ""]
    for exhibitor, code in zip(exhibitors, codes, strict=False):
        said = product_reasons(buyer, exhibitor)
        assert (said[0].values[0][:4] if said else "") == code
    both, tea, robots, motors, uncoded, arms, empty = matched_headings([buyer], exhibitors, index)[
        0
    ]
    assert both == tea and robots == arms and tea != robots
    assert (motors, uncoded, empty) == (-1, -1, -1)


def test_a_stored_list_read_back_is_diverse_after_entries_leave_it() -> None:
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93]
    codes = ["8471"] * 5 + ["8542"] * 3
    order = diverse_positions(scores, codes)
    assert [codes[i] for i in order[:6]].count("8471") == 3  # the cap, then the best of 8542
    assert order[6:] == [3, 4]  # the cap yields once no other heading is left
    # What is left of a list when the reader's requests leave it: still at most three a page.
    left = [0, 1, 2, 3, 4, 7]
    kept = diverse_positions([scores[i] for i in left], [codes[i] for i in left])
    assert [codes[left[i]] for i in kept[:4]] == ["8471", "8542", "8471", "8471"]
    assert diverse_positions([], []) == []


def test_a_buyer_of_two_products_sees_both_on_the_first_page() -> None:
    buyer = Party(
        "b",
        "VN",
        (offer("847950", markets=("CN",)), offer("090210", markets=("CN",))),
        text="industrial robots and green tea",
    )
    robots = [Party(f"r{i}", "CN", (offer("847950"),), "industrial robots") for i in range(8)]
    tea = [Party(f"t{i}", "CN", (offer("090210"),), "green tea") for i in range(3)]
    exhibitors = robots + tea
    plain = recommend([buyer], exhibitors, k=11).for_buyers
    diverse = diverse_for_buyers([buyer], exhibitors, plain)
    is_tea = [int(e) >= len(robots) for e in diverse.index[0]]
    assert is_tea[:6].count(True) == 3  # every tea house within the first six
    assert sorted(plain.index[0].tolist()) == sorted(diverse.index[0].tolist())


def test_requested_pairs_leave_the_page_and_the_rest_move_up() -> None:
    top = np.asarray([[4, 2, 7, -1], [1, 3, 5, 6]], dtype=np.int32)
    requested = np.asarray([[0, 2], [1, 6]], dtype=np.int64)
    shown = ev.shown_without(top, requested, n_columns=10)
    assert shown.tolist() == [[4, 7, -1, -1], [1, 3, 5, -1]]
    assert ev.share_of(top, 2, requested, 10) == pytest.approx(1 / 4)
    assert ev.share_of(shown, 2, requested, 10) == 0


def test_intra_list_diversity_is_one_minus_the_mean_pairwise_cosine() -> None:
    vectors = sp.csr_matrix(np.asarray([[1, 0], [1, 0], [0, 1]], dtype=np.float32))
    assert ev.intra_list_diversity(np.asarray([[0, 1]]), 2, vectors) == pytest.approx(0)
    assert ev.intra_list_diversity(np.asarray([[0, 2]]), 2, vectors) == pytest.approx(1)
    # Pairs 0-1 alike, 0-2 and 1-2 not: 1 - 1/3; the row with one item does not count.
    top = np.asarray([[0, 1, 2], [2, -1, -1]])
    assert ev.intra_list_diversity(top, 3, vectors) == pytest.approx(2 / 3)


def test_a_page_is_crowded_only_when_a_fit_of_another_heading_waits() -> None:
    top = np.asarray([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4]], dtype=np.int32)
    labels = np.asarray([[A, A, A, A, B], [A, A, A, A, A]], dtype=np.int64)
    truth = np.asarray([[0, 4], [1, 4]], dtype=np.int64)
    # Row 0: four A in the top 4 while a fitting B waits at place 5; row 1: nothing else waits.
    assert ev.crowded_share(top, labels, truth, 10, k=4, cap=3) == pytest.approx(0.5)
