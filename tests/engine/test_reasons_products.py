"""Product reasons carry the need and the offer that matched, so a card can name the product."""

from tradefair.engine.recommend import Party, TradeLine
from tradefair.engine.recommend.reasons import (
    Kind,
    LineMatch,
    Reason,
    explain,
    hs_dotted,
    reasons,
)

PACKING = TradeLine(("8479",), markets=("CN",), title="Fruit packing machines")
TEA = TradeLine(("0902",), markets=("CN",), title="Green tea")
BUYER = Party("b", "VN", (TEA, PACKING))
ARM = TradeLine(("8479", "847950"), markets=("VN",), title="Packing arm", title_zh="包装臂")
PRESS = TradeLine(("847930",), markets=("VN",), title="Press")
MAKER = Party("e", "CN", (ARM, PRESS))


def test_a_product_reason_says_which_need_met_which_offer() -> None:
    said = explain(BUYER, MAKER)
    # Two offers meet the same need: one reason per shared code, each with its own offer.
    assert [r.kind for r in said[:2]] == [Kind.BOTH_TRADE, Kind.BOTH_TRADE]
    assert [r.match for r in said[:2]] == [
        LineMatch(need=PACKING, offer=PRESS, need_code="8479", offer_code="847930"),
        LineMatch(need=PACKING, offer=ARM, need_code="8479", offer_code="847950"),
    ]


def test_which_lines_prove_a_reason_does_not_change_what_it_says() -> None:
    match = LineMatch(PACKING, ARM, "8479", "847950")
    assert Reason(Kind.BOTH_TRADE, ("847950",), match) == Reason(Kind.BOTH_TRADE, ("847950",))


def test_english_reasons_name_the_offer_and_the_need_when_both_have_titles() -> None:
    assert reasons(BUYER, MAKER)[:2] == [
        "Press — HS 8479.30 matches “Fruit packing machines”",
        "Packing arm — HS 8479.50 matches “Fruit packing machines”",
    ]
    untitled = Party("e2", "CN", (TradeLine(("847950",), markets=("VN",)),))
    assert reasons(BUYER, untitled, describe=lambda code: "robots")[0] == (
        "both trade HS 847950 robots"
    )
    cousin = Party("e3", "CN", (TradeLine(("0901",), markets=("VN",), title="Coffee"),))
    assert reasons(BUYER, cousin)[0] == "Coffee — HS 0901: same HS chapter as “Green tea”"


def test_codes_are_written_as_traders_write_them() -> None:
    assert [hs_dotted(c) for c in ("847950", "8479", "84")] == ["8479.50", "8479", "84"]
