"""Importing products: all or nothing, every bad cell named, the same file twice changes nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.imports import import_products
from tradefair.organisations.models import Offer, Participation

pytestmark = pytest.mark.django_db

HEADER = "exhibitor,title,title_zh,hs_codes,sectors,markets,minimum_order,certifications\n"
GOOD = (
    HEADER
    + "Guangxi Robotics,Six-axis packing arm,六轴包装机械臂,847950,artificial-intelligence,VN;TH,"
    "2 units,CE;ISO 9001\n" + "nanning motors,Electric tricycle,,8711,green-economy,LA,10 units,\n"
)


def run(fair, text: str):
    return import_products(expo=fair.expo, filename="products.csv", content=text.encode())


def test_a_good_file_creates_the_products_and_a_second_import_changes_nothing(fair):
    first = run(fair, GOOD)
    assert (first.errors, first.created, first.updated, first.unchanged) == ([], 2, 0, 0)
    arm = Offer.objects.get(title="Six-axis packing arm")
    assert arm.participation == fair.me.participation
    assert (arm.title_zh, arm.minimum_order, arm.certifications) == (
        "六轴包装机械臂",
        "2 units",
        ["CE", "ISO 9001"],
    )
    assert sorted(arm.markets.values_list("code", flat=True)) == ["TH", "VN"]
    search = Participation.objects.get(pk=fair.me.participation.pk).search_text
    assert "六轴包装机械臂" in search
    assert ProfileChange.objects.filter(action="created").count() == 2
    again = run(fair, GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert ProfileChange.objects.count() == 2


def test_a_column_the_file_leaves_out_keeps_its_stored_value(fair):
    run(fair, GOOD)
    result = run(
        fair, "exhibitor,title,minimum_order\nGuangxi Robotics,six-axis PACKING arm,1 unit\n"
    )
    assert (result.updated, result.created) == (1, 0)
    arm = Offer.objects.get(participation=fair.me.participation)  # found in any case, renamed
    assert arm.title == "six-axis PACKING arm"
    assert arm.minimum_order == "1 unit"
    assert sorted(arm.markets.values_list("code", flat=True)) == ["TH", "VN"]
    assert arm.title_zh == "六轴包装机械臂"


def test_every_bad_cell_is_named_and_nothing_is_written(fair):
    bad = (
        HEADER
        + "Guangxi Robotics,Arm,,857100;8479,space-tourism,VN;XX,,\n"
        + "Nobody Ltd,Saw,,,,,,\n"
        + "Guangxi Robotics,,,,,,,\n"
        + "Guangxi Robotics,ARM,,,,,,\n"
        + f"Nanning Motors,Trike,,,,,{'x' * 121},{'y' * 61}\n"
    )
    result = run(fair, bad)
    assert [str(e) for e in result.errors] == [
        "line 3: exhibitor: no exhibitor of this edition is called 'Nobody Ltd'",
        "line 5: title: the same product as line 2",
        "line 2: hs_codes: Unknown HS codes: 857100. Give 2-, 4- or 6-digit codes of the "
        "Harmonized System.",
        "line 2: sectors: Unknown sectors: space-tourism. Pick sectors from the list.",
        "line 2: markets: Unknown countries: XX. Use two-letter ISO 3166 codes, e.g. VN, TH.",
        "line 4: title: Give a name in English.",
        "line 6: minimum_order: Keep the minimum order within 120 characters.",
        f"line 6: certifications: “{'y' * 20}…” is longer than 60 characters; shorten it or "
        "separate it.",
    ]
    assert not Offer.objects.exists() and not ProfileChange.objects.exists()


def test_a_buyer_is_no_exhibitor(fair):
    result = run(fair, "exhibitor,title\nSaigon Fresh Foods,Longan\n")
    assert [str(e) for e in result.errors] == [
        "line 2: exhibitor: no exhibitor of this edition is called 'Saigon Fresh Foods'"
    ]


def test_a_header_without_the_required_columns_is_refused(fair):
    result = run(fair, "company,title\nGuangxi Robotics,Arm\n")
    assert len(result.errors) == 1
    assert str(result.errors[0]).startswith("line 1: header: missing columns: exhibitor")


def test_the_command_imports_and_fails_on_a_bad_file(fair, tmp_path, capsys):
    good = tmp_path / "products.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("importproducts", str(good), expo=fair.expo.slug)
    assert "Products of test-expo: 2 created, 0 updated, 0 unchanged." in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("exhibitor,title\nNobody,Saw\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 error"):
        call_command("importproducts", str(bad), expo=fair.expo.slug)
    assert "line 2: exhibitor: no exhibitor" in capsys.readouterr().err
