from django.utils import translation

from tradefair.expos.models import Country, CountryGroup, HSCode, Sector


def test_countries_come_from_pycountry_and_display_names_from_babel(db):
    assert Country.objects.count() == 249
    vietnam = Country.objects.get(code="VN")
    assert vietnam.display_name("en") == "Vietnam"
    with translation.override("zh-hans"):
        assert str(vietnam) == "越南"


def test_hs_codes_form_a_tree_of_chapters_headings_and_subheadings(db):
    pv = HSCode.objects.get(code="854143")
    assert pv.level == 6
    assert pv.parent_id == "8541"
    assert pv.chapter_id == "85"
    assert HSCode.objects.get(code="85").level == 2
    assert not HSCode.objects.filter(level=6, parent__isnull=True).exists()


def test_country_groups_hold_their_members(db):
    asean = CountryGroup.objects.get(slug="asean")
    assert sorted(asean.countries.values_list("code", flat=True)) == sorted(
        ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"]
    )
    rcep = set(CountryGroup.objects.get(slug="rcep").countries.values_list("code", flat=True))
    assert {"CN", "JP", "KR", "AU", "NZ"} <= rcep and len(rcep) == 15
    bri = set(
        CountryGroup.objects.get(slug="belt-and-road").countries.values_list("code", flat=True)
    )
    assert "CN" not in bri and "IT" not in bri and {"VN", "PK", "KZ"} <= bri


def test_sectors_carry_their_typical_hs_headings(db):
    green = Sector.objects.get(slug="green-economy")
    assert "8541" in set(green.hs_codes.values_list("code", flat=True))
    assert Sector.objects.get(slug="artificial-intelligence").name_zh == "人工智能"
