"""The search text is laid out in weighted sections that the ranking reads."""

from tradefair.expos.models import HSCode, Sector
from tradefair.organisations.models import Need, Offer
from tradefair.organisations.services.search import (
    CODES_END,
    NAMES_END,
    PRODUCTS_END,
    TOPICS_END,
    refresh_search_text,
    search_phrase,
    search_text,
)


def _sections(text: str) -> list[str]:
    """Names, products, codes, topics and the rest, each without its closing marker."""
    names, rest = text.split(NAMES_END)
    products, rest = rest.split(PRODUCTS_END, 1)
    codes, rest = rest.split(CODES_END)
    return [names, products, codes, *rest.split(TOPICS_END)]


def test_the_sections_come_heaviest_first_each_closed_by_its_marker(fair):
    seafood = fair["Guangxi Beibu Gulf Seafood Co., Ltd."]
    seafood.refresh_from_db()
    names, products, codes, topics, other = _sections(seafood.search_text)
    assert names == "\nguangxi beibu gulf seafood co., ltd.\n广西北部湾海产有限公司\n"
    assert products == "frozen shrimp 冷冻虾"
    assert codes == f"030617{PRODUCTS_END}"
    assert topics.startswith("crustaceans; frozen, shrimps and prawns")
    assert topics.endswith("blue economy 蓝色经济")
    # The country in each of the site's languages (Malay's "China" is the English one).
    assert other == "cn china 中国 trung quốc จีน tiongkok"


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


def test_codes_and_sectors_of_every_line_land_in_their_sections_in_their_own_order(fair):
    works = fair["Nanning Battery Works"]  # already offers 850720
    offer = Offer.objects.create(participation=works, title="Mixed lot", title_zh="混合批次")
    offer.hs_codes.set(HSCode.objects.filter(code__in=["850760", "030617"]))
    offer.sectors.set(Sector.objects.filter(slug__in=["green-economy", "blue-economy"]))
    need = Need.objects.create(participation=works, title="Copper wire", title_zh="铜线")
    need.hs_codes.set(HSCode.objects.filter(code="740811"))
    refresh_search_text([works.pk])
    works.refresh_from_db()
    _, products, codes, topics, other = _sections(works.search_text)
    assert products == "lead-acid accumulators 铅酸蓄电池 mixed lot 混合批次"
    assert codes == "".join(f"{c}{PRODUCTS_END}" for c in ("030617", "850720", "850760"))
    # An offer's HS descriptions in code order, then its sectors by name, line by line.
    described = dict(HSCode.objects.values_list("code", "description"))
    order = [
        search_phrase(described["850720"]),
        search_phrase(described["030617"]),
        search_phrase(described["850760"]),
        "blue economy",
        "green economy",
    ]
    assert [topics.index(t) for t in order] == sorted(topics.index(t) for t in order)
    # A need's code and its description weigh least.
    assert "740811" not in codes and "copper wire 铜线 740811" in other
