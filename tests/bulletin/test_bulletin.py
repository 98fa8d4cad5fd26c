"""The bulletin counts what is in the database: build a small edition and read it back."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Hall, Pavilion
from tradefair.organisations.models import Organisation, Participation


def _org(name: str, country: str) -> Organisation:
    return Organisation.objects.create(name=name, country=Country.objects.get(code=country))


@pytest.fixture
def small_edition(expo: Expo) -> Expo:
    hall_a = Hall.objects.create(expo=expo, code="A", name="Hall A", area_m2=12_000)
    Hall.objects.create(expo=expo, code="B", name="Hall B", area_m2=8_000)
    ai = Pavilion.objects.create(
        expo=expo, hall=hall_a, code="ai", name="AI Pavilion", kind="themed", area_m2=5_000
    )
    vietnam = Pavilion.objects.create(
        expo=expo,
        hall=hall_a,
        code="vn",
        name="Vietnam Pavilion",
        kind="country",
        country=Country.objects.get(code="VN"),
        area_m2=2_000,
    )
    for name, country, pavilion in [
        ("Guangxi Robotics Co., Ltd.", "CN", ai),
        ("Nanning Vision Co., Ltd.", "CN", ai),
        ("Saigon Coffee JSC", "VN", vietnam),
        ("Tokyo Sensors Inc.", "JP", ai),
    ]:
        Participation.objects.create(
            expo=expo,
            organisation=_org(name, country),
            role="exhibitor",
            pavilion=pavilion,
            booth_area_m2=Decimal("9"),
        )
    for name, country in [("Hanoi Retail JSC", "VN"), ("Liuzhou Trading Co., Ltd.", "CN")]:
        Participation.objects.create(expo=expo, organisation=_org(name, country), role="buyer")
    # A buyer of another edition must not be counted.
    other = Expo.objects.create(
        slug="other",
        name="Other",
        city="X",
        host_country=expo.host_country,
        start_date=expo.start_date,
        end_date=expo.end_date,
    )
    Participation.objects.create(expo=other, organisation=_org("Elsewhere Ltd", "GB"), role="buyer")
    return expo


def test_bulletin_json_counts_the_edition(small_edition: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", small_edition.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["expo"] == "test-expo"
    assert data["exhibitors"] == 4
    assert data["exhibitor_countries"] == 3
    assert data["foreign_exhibitors"] == 2
    assert data["foreign_exhibitor_share"] == 0.5
    assert data["belt_and_road_countries"] == 1  # Vietnam; Japan is not a partner
    assert data["exhibition_area_m2"] == 20_000
    assert data["country_pavilions"] == 1
    assert data["buyers"] == 2
    assert data["pavilions"] == [
        {
            "name": "AI Pavilion",
            "name_zh": "",
            "kind": "themed",
            "country": None,
            "hall": "A",
            "area_m2": 5_000,
            "exhibitors": 3,
        },
        {
            "name": "Vietnam Pavilion",
            "name_zh": "",
            "kind": "country",
            "country": "VN",
            "hall": "A",
            "area_m2": 2_000,
            "exhibitors": 1,
        },
    ]


def test_bulletin_table_is_readable(small_edition: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", small_edition.slug, stdout=out)
    text = out.getvalue()
    assert "Foreign share" in text and "50%" in text
    assert "20,000" in text
    assert "Vietnam Pavilion" in text


def test_the_table_speaks_the_language_of_its_locale(small_edition: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", small_edition.slug, "--locale", "th", stdout=out)
    text = out.getvalue()
    assert "สัดส่วนผู้แสดงสินค้าต่างประเทศ" in text and "Foreign share" not in text
    assert "20,000" in text  # Thai writes its numbers with the same digits and separators


def test_the_table_speaks_the_operators_language_when_no_locale_is_given(small_edition: Expo):
    from django.utils import translation

    out = StringIO()
    with translation.override("vi"):  # as `tradefair` activates it from LANG=vi_VN.UTF-8
        call_command("bulletin", "--expo", small_edition.slug, stdout=out)
    assert "Foreign share" not in out.getvalue()
    assert "20.000" in out.getvalue()  # and its numbers: the English table had 20,000


def test_the_table_names_kinds_and_dates_in_words_not_codes(small_edition: Expo):
    """Pavilion kinds and the edition's dates read as the pages write them, in the locale's
    language: not the stored codes ("themed") nor ISO dates."""
    out = StringIO()
    call_command("bulletin", "--expo", small_edition.slug, "--locale", "zh_Hans", stdout=out)
    text = out.getvalue()
    assert "2025年9月17日\u2009–\u200921日" in text and "2025-09-17" not in text
    assert "│ 主题展馆 │" in text and "│ 国家馆   │" in text and "themed" not in text
    assert "│ 贸易订单 │" in text and "│ 投资项目 │" in text and "trade " not in text
    # The count of foreign exhibitors, then their share: two words, not the share's twice.
    assert text.count("境外展商占比") == 1 and "│ 境外展商 " in text


def test_bulletin_of_an_empty_edition_has_zero_share(expo: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", expo.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["exhibitors"], data["foreign_exhibitor_share"], data["pavilions"]) == (0, 0.0, [])


def test_unknown_expo_is_named_with_the_known_ones(expo: Expo):
    with pytest.raises(
        CommandError, match=r"--expo: no edition with slug 'nope' \(known: test-expo\)"
    ):
        call_command("bulletin", "--expo", "nope")


def test_unknown_locale_is_refused_with_examples(expo: Expo):
    with pytest.raises(CommandError, match=r"--locale: unknown locale 'zz' \(e\.g\. en, zh_Hans"):
        call_command("bulletin", "--expo", expo.slug, "--locale", "zz")


def test_table_numbers_follow_the_locale(small_edition: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", small_edition.slug, "--locale", "de", stdout=out)
    assert "20.000" in out.getvalue()


def _activity(expo: Expo, kind: str, status: str = "published", hour: int = 10, **fields):
    from tradefair.programme.models import Activity

    zone = ZoneInfo("Asia/Shanghai")
    return Activity.objects.create(
        expo=expo,
        kind=kind,
        title=f"{kind} {status} {hour}",
        start=dt.datetime(2025, 9, 17, hour, tzinfo=zone),
        end=dt.datetime(2025, 9, 17, hour + 1, tzinfo=zone),
        status=status,
        **fields,
    )


@pytest.fixture
def programme(small_edition: Expo) -> Expo:
    """Published, draft and cancelled activities of every summit kind, seats and a waiting list.

    Delegates: Ana (two summit seats, one person), Bao (an attended forum), Chen (main event);
    Dara is only waitlisted, Eko is seated at a signing (not the summit) and Fay at a cancelled
    forum: none of the three counts.
    """
    from tradefair.accounts.models import Membership, User
    from tradefair.programme.models import LaunchedProduct, Registration

    expo = small_edition
    delegate = Participation.objects.create(
        expo=expo, organisation=_org("Guangxi Trade Academy", "CN"), role="delegate"
    )
    opening = _activity(expo, "opening", hour=9)
    main = [_activity(expo, "main_event", hour=h) for h in (10, 11, 12, 13)]
    forum = _activity(expo, "forum", hour=14)
    _activity(expo, "forum", status="draft", hour=15)
    cancelled = _activity(expo, "forum", status="cancelled", hour=16)
    concurrent = _activity(expo, "concurrent", hour=17)
    signing = _activity(expo, "signing", hour=18)
    launch = _activity(expo, "launch", hour=19)
    withdrawn = _activity(expo, "launch", status="cancelled", hour=20)
    people = {}
    for name in ("Ana", "Bao", "Chen", "Dara", "Eko", "Fay"):
        people[name] = User.objects.create(email=f"{name.lower()}@example.org", first_name=name)
        Membership.objects.create(user=people[name], organisation=delegate.organisation)
    for activity, name, status, seat in [
        (opening, "Ana", "registered", 1),
        (main[0], "Ana", "registered", 1),
        (forum, "Bao", "attended", 1),
        (main[1], "Chen", "registered", 1),
        (concurrent, "Dara", "waitlisted", None),
        (signing, "Eko", "registered", 1),
        (cancelled, "Fay", "registered", 1),
    ]:
        Registration.objects.create(
            activity=activity, user=people[name], participation=delegate, status=status, seat=seat
        )
    exhibitor = Participation.objects.filter(expo=expo, role="exhibitor").first()
    for n, at in enumerate([launch, launch, launch, withdrawn]):
        LaunchedProduct.objects.create(expo=expo, exhibitor=exhibitor, activity=at, name=f"P{n}")
    return expo


def test_bulletin_counts_the_published_programme(programme: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", programme.slug, "--json", stdout=out)
    assert json.loads(out.getvalue())["programme"] == {
        "activities": 9,  # 12 made, a draft and 2 cancelled left out
        "summit": {
            "main_events": 4,
            "supporting_events": 1,
            "concurrent_events": 1,
            "delegates": 3,
        },
        "launch_events": 1,
        "launched_products": 3,
    }


def test_bulletin_table_shows_the_programme(programme: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", programme.slug, stdout=out)
    lines = {line.strip("│ ").split("│")[0].strip(): line for line in out.getvalue().splitlines()}
    assert lines["Summit delegates"].split("│")[-2].strip() == "3"
    assert lines["Launched products"].split("│")[-2].strip() == "3"
    assert lines["Published activities"].split("│")[-2].strip() == "9"


def test_bulletin_of_an_edition_without_programme_counts_zero(expo: Expo):
    out = StringIO()
    call_command("bulletin", "--expo", expo.slug, "--json", stdout=out)
    assert json.loads(out.getvalue())["programme"] == {
        "activities": 0,
        "summit": {
            "main_events": 0,
            "supporting_events": 0,
            "concurrent_events": 0,
            "delegates": 0,
        },
        "launch_events": 0,
        "launched_products": 0,
    }
