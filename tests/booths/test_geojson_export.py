"""A hall's plan as GeoJSON: a unit per module and an occupant per booth, read back into the
same modules, and ``tradefair floorplan export|import`` around both."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from tests.booths.conftest import tradefair
from tests.engine.test_schedule_cli import tradefair as shell
from tradefair.booths.services.geojson_export import plan_geojson
from tradefair.expos.models import Country, Expo
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion
from tradefair.floorplan.services.geojson import import_units
from tradefair.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def booths(expo, hall, pavilions, make_exhibitor) -> dict[str, Booth]:
    """A1-101 held by Maker on ai's first two modules, A1-102 on blue's first, held by nobody."""
    maker = make_exhibitor("Maker")
    Organisation.objects.filter(pk=maker.participation.organisation_id).update(name_zh="制造商")
    held = Booth.objects.create(
        expo=expo, pavilion=pavilions["ai"], number="A1-101", area_m2=18, width_m=6
    )
    BoothAssignment.objects.create(booth=held, participation=maker.participation)
    Module.objects.filter(hall=hall, y=0, x__in=[0, 1]).update(booth=held)
    free = Booth.objects.create(
        expo=expo, pavilion=pavilions["blue"], number="A1-102", area_m2=9, x_m=30
    )
    Module.objects.filter(hall=hall, y=0, x=10).update(booth=free)
    return {"held": held, "free": free}


@pytest.fixture
def other_hall(db) -> Hall:
    """Hall A1 of another edition with the same pavilion codes and no modules."""
    other = Expo.objects.create(
        slug="other-expo",
        name="Other Expo",
        host_country=Country.objects.get(code="CN"),
        start_date=dt.date(2026, 9, 17),
        end_date=dt.date(2026, 9, 21),
    )
    hall = Hall.objects.create(expo=other, code="A1", name="Hall A1", area_m2=10_000)
    for code in ("ai", "blue"):
        Pavilion.objects.create(
            expo=other, hall=hall, code=code, name=f"{code} pavilion", kind="themed", area_m2=900
        )
    return hall


def modules(hall: Hall) -> list[tuple]:
    return list(
        Module.objects.filter(hall=hall)
        .order_by("y", "x")
        .values_list("x", "y", "x_m", "y_m", "size_m", "pavilion__code", "premium")
    )


def test_each_module_is_a_unit_and_each_booth_an_occupant(
    expo, hall, booths, django_assert_num_queries
):
    with django_assert_num_queries(2):
        plan = plan_geojson(expo, hall)
    assert plan["type"] == "FeatureCollection"
    units = [f for f in plan["features"] if f["feature_type"] == "unit"]
    occupants = [f for f in plan["features"] if f["feature_type"] == "occupant"]
    assert len(units) == 64 and len(occupants) == 2
    first = units[0]
    assert first["type"] == "Feature" and len(first["id"]) == 36
    assert first["geometry"] == {
        "type": "Polygon",
        "coordinates": [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]]],
    }
    assert first["properties"] == {
        "category": "unit",
        "grid": [0, 0],
        "pavilion": "ai",
        "premium": 2,
        "booth": "A1-101",
    }
    behind = next(f for f in units if f["properties"]["grid"] == [6, 4])  # second block, row 2
    assert behind["geometry"]["coordinates"] == [[[18, 12], [21, 12], [21, 15], [18, 15], [18, 12]]]
    assert behind["properties"]["booth"] is None
    assert occupants[0]["geometry"]["coordinates"] == [[[0, 0], [6, 0], [6, 3], [0, 3], [0, 0]]]
    assert occupants[0]["properties"] == {
        "category": "occupant",
        "booth": "A1-101",
        "name": {"en": "Maker", "zh-Hans": "制造商"},
        "pavilion": "ai",
        "area_m2": 18,
    }
    assert occupants[1]["properties"] == {
        "category": "occupant",
        "booth": "A1-102",
        "name": None,
        "pavilion": "blue",
        "area_m2": 9,
    }


def test_the_same_plan_exports_to_the_same_ids(expo, hall, pavilions):
    assert plan_geojson(expo, hall) == plan_geojson(expo, hall)


def test_an_exported_plan_imports_into_an_empty_hall_as_the_same_modules(
    expo, hall, booths, other_hall
):
    Module.objects.filter(hall=hall, x=2, y=0).update(premium=Decimal("1.25"))
    Module.objects.filter(hall=hall, x=3, y=0).update(pavilion=None)  # raw space
    exported = json.loads(json.dumps(plan_geojson(expo, hall)))  # as a file carries it
    assert import_units(other_hall, exported) == 64
    assert modules(other_hall) == modules(hall)
    assert (3, 0, Decimal("9.00"), Decimal("0.00"), Decimal("3.00"), None, Decimal("2.00")) in (
        modules(other_hall)
    )


def test_the_command_exports_and_imports_a_hall(expo, hall, booths, other_hall, tmp_path, capsys):
    target = tmp_path / "a1.geojson"
    assert (
        tradefair("floorplan", "export", "--expo", "test-expo", "--hall", "A1", "-o", target) == 0
    )
    assert f"Wrote {target}: 64 modules and 2 booths of hall A1." in capsys.readouterr().out
    assert json.loads(target.read_text(encoding="utf-8")) == plan_geojson(expo, hall)
    assert [p.name for p in tmp_path.iterdir()] == ["a1.geojson"]  # no temporary left behind

    assert tradefair("floorplan", "import", "--expo", "other-expo", "--hall", "A1", target) == 0
    assert "Imported 64 modules into hall A1 of other-expo." in capsys.readouterr().out
    assert modules(other_hall) == modules(hall)


def test_an_import_with_faults_exits_2_naming_each_and_imports_nothing(
    hall, pavilions, other_hall, tmp_path, capsys
):
    bad = tmp_path / "bad.geojson"
    bad.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"category": "unit", "grid": [0, 0], "pavilion": "xyz"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]]],
                        },
                    },
                    {"type": "Feature", "properties": {"category": "unit"}, "geometry": None},
                ],
            }
        )
    )
    assert tradefair("floorplan", "import", "--expo", "other-expo", "--hall", "A1", bad) == 2
    err = capsys.readouterr().err
    assert (
        "bad.geojson: feature 0: pavilion: no pavilion 'xyz' in this edition (codes: ai, blue)"
        in err
    )
    assert "bad.geojson: feature 1: grid: missing" in err
    assert "bad.geojson: feature 1: geometry: not a Polygon but null" in err
    assert f"3 errors in {bad}; nothing imported." in err
    assert not Module.objects.filter(hall=other_hall).exists()


def test_a_hall_with_modules_is_replaced_only_when_asked(expo, hall, pavilions, tmp_path, capsys):
    path = tmp_path / "a1.geojson"
    path.write_text(json.dumps(plan_geojson(expo, hall)))
    before = modules(hall)
    args = ["floorplan", "import", "--expo", "test-expo", "--hall", "A1", path]
    assert tradefair(*args) == 2
    assert "hall: hall A1 already has 64 modules" in capsys.readouterr().err
    assert tradefair(*args, "--replace") == 0
    assert modules(hall) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--expo", "nowhere", "--hall", "A1"],
            "--expo nowhere: no such edition (known: test-expo)",
        ),
        (
            ["--expo", "test-expo", "--hall", "Z9"],
            "--hall Z9: no such hall in test-expo (halls: A1)",
        ),
    ],
)
def test_an_unknown_edition_or_hall_exits_2(hall, tmp_path, capsys, args, message):
    target = tmp_path / "plan.geojson"
    assert tradefair("floorplan", "export", *args, "-o", target) == 2
    assert message in capsys.readouterr().err
    assert not target.exists()
    source = tmp_path / "in.geojson"
    source.write_text('{"type": "FeatureCollection", "features": []}')
    assert tradefair("floorplan", "import", *args, source) == 2
    assert message in capsys.readouterr().err


def test_unreadable_files_exit_2_and_write_nothing(hall, pavilions, tmp_path, capsys):
    missing_folder = tmp_path / "no" / "plan.geojson"
    assert (
        tradefair(
            "floorplan", "export", "--expo", "test-expo", "--hall", "A1", "-o", missing_folder
        )
        == 2
    )
    assert "the folder" in capsys.readouterr().err and not missing_folder.parent.exists()
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection",')
    assert tradefair("floorplan", "import", "--expo", "test-expo", "--hall", "A1", broken) == 2
    err = capsys.readouterr().err
    assert "broken.geojson: malformed JSON at line 1" in err
    assert Module.objects.filter(hall=hall).count() == 64


def test_no_action_is_a_usage_error(capsys):
    assert shell("floorplan") == 2  # argparse's own exit, as a shell sees it
    assert "export|import" in capsys.readouterr().err
