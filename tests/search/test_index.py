"""The search text is laid out in weighted sections that the ranking reads."""

from tradefair.organisations.services.search import (
    CODES_END,
    NAMES_END,
    PRODUCTS_END,
    TOPICS_END,
    search_phrase,
    search_text,
)


def test_the_sections_come_heaviest_first_each_closed_by_its_marker(fair):
    seafood = fair["Guangxi Beibu Gulf Seafood Co., Ltd."]
    seafood.refresh_from_db()
    names, rest = seafood.search_text.split(NAMES_END)
    products, rest = rest.split(PRODUCTS_END, 1)
    codes, rest = rest.split(CODES_END)
    topics, other = rest.split(TOPICS_END)
    assert names == "\nguangxi beibu gulf seafood co., ltd.\n广西北部湾海产有限公司\n"
    assert products == "frozen shrimp 冷冻虾"
    assert codes == f"030617{PRODUCTS_END}"
    assert topics.startswith("crustaceans; frozen, shrimps and prawns")
    assert topics.endswith("blue economy 蓝色经济")
    assert other == "cn china 中国"


def test_control_characters_in_stored_text_cannot_fake_a_section():
    text = search_text(
        names=[f"Evil{NAMES_END}Name\n  Ltd"],
        products=[f"a{TOPICS_END}b"],
        codes=["0306", "0306", "030617"],
        topics=[],
        other=["Line one\n\nline two"],
    )
    assert text == (
        f"\nevil name ltd\n{NAMES_END}a b{PRODUCTS_END}"
        f"0306{PRODUCTS_END}030617{PRODUCTS_END}{CODES_END}{TOPICS_END}line one line two"
    )


def test_search_phrase_is_the_stored_shape_of_a_query():
    assert search_phrase("  Sunlight\tENERGY \x1c Co. ") == "sunlight energy co."
