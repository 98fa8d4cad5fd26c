"""Companies named in their own language: found by a Thai search without spaces and by a
Vietnamese one with or without diacritics, and shown first to readers of that language.

Run on SQLite by default and on PostgreSQL with ``DATABASE_URL`` set.
"""

import pytest

from tradefair.expos.names import organisation_names, thai_unspaced, unaccented

URL = "/test-expo/exhibitors/"
THAI = "บริษัท ไทยยูเนี่ยน กรุ๊ป จำกัด"
VIETNAMESE = "Công ty Cổ phần Đồng Tâm"


@pytest.fixture
def local(add_exhibitor):
    add_exhibitor(
        "Thai Union Group PCL", country="TH", title="Canned tuna", local=THAI, local_language="th"
    )
    add_exhibitor("Dong Tam Group", country="VN", local=VIETNAMESE, local_language="vi")
    add_exhibitor("Nguyen Kim Trading", country="VN", title="Gạo thơm ST25")
    add_exhibitor("Sunlight Energy", "阳光能源", title="Solar panels")


def found(client, query: str, prefix: str = "") -> list[str]:
    response = client.get(f"{prefix}{URL}", {"q": query})
    assert response.status_code == 200
    return [card.name for card in response.context["result"].cards]


@pytest.mark.parametrize(
    "query",
    [
        "ยูเนี่ยน",  # "union", inside the run "ไทยยูเนี่ยน": Thai puts no space between words
        "ไทยยูเนี่ยน",  # "Thai union", two words written together
        "ไทยยูเนี่ยน กรุ๊ป",  # two terms, each a part of the name
        "ไทยยูเนี่ยนกรุ๊ป",  # the same typed without the space the name has
        "บริษัทไทยยูเนี่ยนกรุ๊ปจำกัด",  # the whole name without its spaces
        "จำกัด",  # "limited"
    ],
    ids=["inner-word", "words-together", "two-terms", "no-space", "whole-unspaced", "last-word"],
)
def test_a_thai_search_finds_the_thai_name(client, local, query):
    assert found(client, query) == ["Thai Union Group PCL"]


@pytest.mark.parametrize("query", ["Đồng Tâm", "đồng tâm", "dong tam", "DONG TAM", "Cổ phần"])
def test_a_vietnamese_name_is_found_with_or_without_diacritics(client, local, query):
    assert found(client, query) == ["Dong Tam Group"]


def test_a_query_with_diacritics_finds_text_written_without_them(client, local):
    # The English name has none; the query's diacritics do not hide it.
    assert found(client, "Nguyễn Kim") == ["Nguyen Kim Trading"]


def test_a_thai_reader_sees_the_thai_name_first_and_the_english_under_it(client, local):
    response = client.get(f"/th{URL}", {"q": "tuna"})
    card = response.context["result"].cards[0]
    assert (card.name, card.name_lang) == (THAI, "th")
    assert (card.other_name, card.other_lang) == ("Thai Union Group PCL", "en")
    page = response.content.decode()
    assert f'lang="th">{THAI}</a>' in page
    assert '<p class="other-name" lang="en">Thai Union Group PCL</p>' in page


def test_other_readers_see_the_english_name_with_the_local_one_under_it(client, local):
    for prefix in ("", "/vi", "/id"):
        card = client.get(f"{prefix}{URL}", {"q": "tuna"}).context["result"].cards[0]
        assert (card.name, card.other_name, card.other_lang) == (
            "Thai Union Group PCL",
            THAI,
            "th",
        )


def test_the_profile_heads_with_the_readers_name(client, local):
    pk = client.get(URL, {"q": "tuna"}).context["result"].cards[0].pk
    thai = client.get(f"/th/test-expo/exhibitors/{pk}/").content.decode()
    assert f'<h1 lang="th">{THAI}</h1>' in thai
    english = client.get(f"/test-expo/exhibitors/{pk}/").content.decode()
    assert '<h1 lang="en">Thai Union Group PCL</h1>' in english
    assert f'<p class="names" lang="th">{THAI}</p>' in english


def test_names_without_a_local_one_keep_the_chinese_order():
    from django.utils import translation

    with translation.override("zh-hans"):
        first, other = organisation_names("Sunlight Energy", "阳光能源")
    assert (first.text, first.lang, other and other.text) == (
        "阳光能源",
        "zh-Hans",
        "Sunlight Energy",
    )
    with translation.override("th"):
        first, other = organisation_names("Sunlight Energy", "阳光能源")
    assert (first.text, other and other.lang) == ("Sunlight Energy", "zh-Hans")
    with translation.override("en"):
        assert organisation_names("Solo Ltd")[1] is None


def test_unaccented_drops_latin_marks_only():
    assert unaccented("Công ty Cổ phần Đồng Tâm Nguyễn") == "Cong ty Co phan Dong Tam Nguyen"
    assert unaccented(THAI) == THAI  # Thai vowels and tone marks are combining marks too
    assert unaccented("广西") == "广西"


def test_thai_unspaced_joins_thai_phrases_only():
    assert thai_unspaced(THAI) == "บริษัทไทยยูเนี่ยนกรุ๊ปจำกัด"
    assert thai_unspaced("Thai Union กรุ๊ป จำกัด") == "Thai Union กรุ๊ปจำกัด"


def test_the_fairs_own_sectors_and_country_groups_read_in_the_readers_language(
    client, add_exhibitor
):
    add_exhibitor(
        "Mekong Rice Co.", country="VN", title="Jasmine rice", sectors=("agriculture-food",)
    )
    response = client.get(f"/th{URL}")
    card = response.context["result"].cards[0]
    assert card.sectors == ["เกษตรและอาหาร"]
    form = response.context["form"]
    assert ("asean", "อาเซียน") in form.fields["group"].choices
    assert ("agriculture-food", "เกษตรและอาหาร") in form.fields["sector"].choices
    assert client.get(URL).context["result"].cards[0].sectors == ["Agriculture and food"]
