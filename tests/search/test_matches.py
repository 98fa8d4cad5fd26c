"""Each card says what matched, the terms marked, escaped, in the reader's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.accounts.conftest import people  # noqa: F401
from tradefair.organisations.queries.matches import Match, MatchPart, highlight, snippet

URL = "/test-expo/exhibitors/"
API = "/api/v1/expos/test-expo/exhibitors"


def matches(response) -> dict[str, tuple[str, str] | None]:
    """Each card's match as (label, text with the marked parts in brackets)."""
    assert response.status_code == 200
    found: dict[str, tuple[str, str] | None] = {}
    for card in response.context["result"].cards:
        if card.match is None:
            found[card.name] = None
            continue
        text = "".join(f"[{p.text}]" if p.marked else p.text for p in card.match.parts)
        found[card.name] = (card.match.label, text)
    return found


def test_the_product_title_hs_description_or_description_that_matched(client, fair):
    assert matches(client.get(URL, {"q": "shrimp"})) == {
        "Guangxi Beibu Gulf Seafood Co., Ltd.": ("Product", "Frozen [shrimp]"),
        "Zhanjiang Aquatic Foods": (
            "HS code",
            "160521 · Crustacean preparations; [shrimp]s and prawns, prepared or preserved, "
            "not in airtight containers",
        ),
        "Beihai Cold Chain Logistics": (
            "Description",
            "Cold storage for [shrimp] and fish exporters.",
        ),
    }


def test_an_hs_code_is_marked_from_its_start(client, fair):
    found = matches(client.get(URL, {"q": "8507"}))
    assert found["Hanoi Accumulator JSC"] == (
        "HS code",
        "[8507] · Electric accumulators, including separators therefor; whether or not "
        "rectangular (including square)",
    )
    assert found["Ascent Sunlight Energy Storage Co., Ltd."] == (
        "HS code",
        "[8507]60 · Electric accumulators; lithium-ion, including separators, whether or not "
        "rectangular (including square)",
    )
    assert found["Mekong Electric Trading"] == (
        "Description",
        "Distributor of HS [8507] and [8507]60 goods from partner factories.",
    )


def test_the_text_holding_most_terms_wins(client, fair):
    found = matches(client.get(URL, {"q": "lithium battery"}))
    assert found == {
        "Ascent Sunlight Energy Storage Co., Ltd.": ("Product", "[Lithium] [battery] packs"),
    }


def test_a_name_match_is_said_too(client, fair):
    found = matches(client.get(URL, {"q": "battery"}))
    assert found["Nanning Battery Works"] == ("Organisation name", "Nanning [Battery] Works")


def test_a_country_match_shows_no_line(client, fair):
    found = matches(client.get(URL, {"q": "thailand"}))
    assert found == {
        "Bangkok Durian Export": None,
        "Chanthaburi Fruit Co.": None,
        "Thai Orchard Logistics": None,
    }


def test_no_query_no_match_line(client, fair):
    response = client.get(URL, {"country": "TH"})
    assert [card.match for card in response.context["result"].cards] == [None, None, None]
    assert 'class="match"' not in response.content.decode()


def test_the_chinese_reader_sees_the_chinese_title_when_both_hold_the_terms(client, fair):
    english = matches(client.get(URL, {"q": "5g"}))
    assert english == {"Liuzhou Telecom Parts": ("Product", "[5G] modules")}
    chinese = matches(client.get(f"/zh-hans{URL}", {"q": "5g"}))
    with translation.override("zh-hans"):
        product = gettext("Product")  # whatever the catalogue's translators chose
    assert chinese == {"柳州通信配件": (product, "[5G]模组")}


def test_a_chinese_term_shows_the_chinese_text_to_an_english_reader(client, fair):
    found = matches(client.get(URL, {"q": "山竹"}))
    assert found == {
        "Chanthaburi Fruit Co.": ("Product", "[山竹]"),
        "Thai Orchard Logistics": ("Description", "为榴莲和[山竹]出口商提供冷链物流。"),
    }


def test_the_card_marks_the_terms_in_html(client, fair):
    html = client.get(URL, {"q": "frozen shrimp"}).content.decode()
    assert (
        '<p class="match"><span class="match-kind">Product</span> '
        "<mark>Frozen</mark> <mark>shrimp</mark></p>"
    ) in html


def test_user_text_is_escaped_around_and_inside_the_marks(client, fair, add_exhibitor):
    add_exhibitor("Escaping Test Ltd", title='<script>alert("x")</script> prawn crackers')
    html = client.get(URL, {"q": "<script>"}).content.decode()
    assert (
        '<span class="match-kind">Product</span> <mark>&lt;script&gt;</mark>'
        "alert(&quot;x&quot;)&lt;/script&gt; prawn crackers</p>"
    ) in html
    assert "<script>alert" not in html


def test_the_buyers_search_shows_the_match_line(client, fair, people):  # noqa: F811
    from django.urls import reverse

    client.force_login(people.buyer_admin)
    html = client.get(reverse("buyer:search", kwargs={"slug": "test-expo"}), {"q": "coffee"})
    assert (
        '<p class="match"><span class="match-kind">Product</span> Robusta <mark>coffee</mark> '
        "beans</p>"
    ) in html.content.decode()


def test_the_api_returns_the_match_as_parts(client, fair):
    response = client.get(API, {"q": "shrimp"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["name"] == "Guangxi Beibu Gulf Seafood Co., Ltd."
    assert first["match"] == {
        "kind": "product",
        "parts": [{"text": "Frozen ", "marked": False}, {"text": "shrimp", "marked": True}],
    }
    unfiltered = client.get(API, {"country": "TH"}).json()["results"]
    assert [row["match"] for row in unfiltered] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "terms", "parts"),
    [
        ("Frozen Shrimp", ["shrimp"], [("Frozen ", False), ("Shrimp", True)]),
        # The longer term wins where two overlap.
        ("shrimps", ["shrimp", "shrimps"], [("shrimps", True)]),
        ("a.b a*b", ["a*b"], [("a.b ", False), ("a*b", True)]),  # terms are not patterns
        ("冷冻虾仁", ["虾"], [("冷冻", False), ("虾", True), ("仁", False)]),
        ("no terms", [], [("no terms", False)]),
    ],
)
def test_highlight(text, terms, parts):
    assert highlight(text, terms) == tuple(MatchPart(t, m) for t, m in parts)


def test_snippet_cuts_a_long_text_around_the_first_term_on_spaces():
    text = " ".join(f"w{i}" for i in range(30)) + " durian " + " ".join(f"x{i}" for i in range(40))
    assert snippet(text, ["durian"]) == (
        "…w21 w22 w23 w24 w25 w26 w27 w28 w29 durian x0 x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12 "
        "x13 x14 x15 x16 x17 x18 x19 x20 x21 x22 x23 x24 x25 x26…"
    )
    assert snippet("short durian text", ["durian"]) == "short durian text"


def test_the_match_html_escapes_every_part_and_marks_only_the_terms():
    match = Match("product", (MatchPart('<b>"x"</b> & ', False), MatchPart("<i>", True)))
    assert match.html == "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; <mark>&lt;i&gt;</mark>"
