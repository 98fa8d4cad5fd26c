"""A hall's modules from a GeoJSON plan: squares in metres with grid coordinates, every fault
named with its feature and the fix, all or none."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tradefair.floorplan.models import Booth, Hall, Module, Pavilion
from tradefair.floorplan.services.geojson import GeoJSONError, import_units


@pytest.fixture
def hall(expo) -> Hall:
    return Hall.objects.create(expo=expo, code="A1", name="Hall A1", area_m2=10_000)


@pytest.fixture
def pavilions(expo, hall) -> dict[str, Pavilion]:
    """ "ai" and "blue" in hall A1, "green" in hall B2; no modules anywhere."""
    elsewhere = Hall.objects.create(expo=expo, code="B2", name="Hall B2", area_m2=5_000)
    return {
        code: Pavilion.objects.create(
            expo=expo, hall=where, code=code, name=f"{code} pavilion", kind="themed", area_m2=900
        )
        for code, where in (("ai", hall), ("blue", hall), ("green", elsewhere))
    }


def square(x_m: float, y_m: float, size: float = 3) -> dict[str, Any]:
    ring = [[x_m, y_m], [x_m + size, y_m], [x_m + size, y_m + size], [x_m, y_m + size]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def unit(x: int, y: int, pavilion: str | None = "ai", size: float = 3, **properties) -> dict:
    """The module at grid (x, y), drawn at (3x, 3y) metres unless ``geometry`` says otherwise."""
    geometry = properties.pop("geometry", square(3 * x, 3 * y, size))
    return {
        "type": "Feature",
        "properties": {"category": "unit", "grid": [x, y], "pavilion": pavilion, **properties},
        "geometry": geometry,
    }


def plan(*features: dict) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def stored(hall: Hall) -> list[tuple]:
    return list(
        Module.objects.filter(hall=hall)
        .order_by("y", "x")
        .values_list("x", "y", "x_m", "y_m", "size_m", "pavilion__code", "premium")
    )


def test_units_become_the_halls_modules(hall, pavilions):
    imdf = {  # IMDF's own marker, no category; corners clockwise, from another corner
        "type": "Feature",
        "id": "4f3c9d2e-0000-4000-8000-000000000001",
        "feature_type": "unit",
        "properties": {"grid": [5, 0], "pavilion": "blue", "premium": 1.5},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[18, 3], [18, 0], [15, 0], [15, 3], [18, 3]]],
        },
    }
    booth = {  # what the export writes beside the units: skipped
        "type": "Feature",
        "feature_type": "occupant",
        "properties": {"category": "occupant", "booth": "A1-101", "name": {"en": "Acme"}},
        "geometry": square(0, 0, 6),
    }
    data = plan(unit(0, 0, premium=2), unit(1, 0, booth=None), imdf, booth, unit(0, 1, None))
    assert import_units(hall, data) == 4
    assert stored(hall) == [
        (0, 0, Decimal("0.00"), Decimal("0.00"), Decimal("3.00"), "ai", Decimal("2.00")),
        (1, 0, Decimal("3.00"), Decimal("0.00"), Decimal("3.00"), "ai", Decimal("0.00")),
        (5, 0, Decimal("15.00"), Decimal("0.00"), Decimal("3.00"), "blue", Decimal("1.50")),
        (0, 1, Decimal("0.00"), Decimal("3.00"), Decimal("3.00"), None, Decimal("0.00")),
    ]


def test_a_cad_exports_rounding_noise_is_read_to_the_centimetre(hall, pavilions):
    noisy = square(2.9999999, 6.0000001, 3.0000002)
    assert import_units(hall, plan(unit(1, 2, geometry=noisy))) == 1
    assert stored(hall) == [
        (1, 2, Decimal("3.00"), Decimal("6.00"), Decimal("3.00"), "ai", Decimal("0.00"))
    ]


def diamond() -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[[3, 0], [6, 3], [3, 6], [0, 3], [3, 0]]]}


def open_ring() -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[[0, 0], [3, 0], [3, 3], [0, 3]]]}


FIX = "(give the module's four corners)"


@pytest.mark.parametrize(
    ("features", "errors"),
    [
        (
            [unit(0, 0), unit(1, 0), unit(1, 0, geometry=square(30, 30))],
            ["feature 2: grid: two modules at (1, 0) (features 1 and 2)"],
        ),
        (
            [unit(0, 0, geometry=diamond())],
            [f"feature 0: geometry: not an axis-aligned square {FIX}"],
        ),
        (
            [
                unit(
                    0,
                    0,
                    geometry={
                        "type": "Polygon",
                        "coordinates": [[[0, 0], [3, 0], [3, 4], [0, 4], [0, 0]]],
                    },
                )
            ],
            [f"feature 0: geometry: a 3 x 4 m rectangle, not a square {FIX}"],
        ),
        (
            [unit(0, 0, geometry=open_ring())],
            [
                "feature 0: geometry: not a closed ring of four corners: five positions, the "
                f"last repeating the first {FIX}"
            ],
        ),
        (
            [unit(0, 0, geometry={"type": "Point", "coordinates": [0, 0]})],
            [f"feature 0: geometry: not a Polygon but 'Point' {FIX}"],
        ),
        (
            [unit(0, 0), unit(1, 0, pavilion="xyz")],
            ["feature 1: pavilion: no pavilion 'xyz' in this edition (codes: ai, blue)"],
        ),
        (
            [unit(0, 0, pavilion="green")],
            ["feature 0: pavilion: pavilion 'green' is in hall B2, not A1 (codes: ai, blue)"],
        ),
        (
            [unit(0, 0, colour="red")],
            [
                "feature 0: properties: unknown property 'colour' "
                "(known: category, grid, pavilion, premium, booth)"
            ],
        ),
        (
            [unit(0, 0, premium=-1)],
            ["feature 0: premium: give a number from 0 to 999.99, got -1"],
        ),
        (
            [{**unit(0, 0), "properties": {"category": "unit"}}],
            [
                "feature 0: grid: missing: give the module's grid coordinates [x, y] "
                "(aisles are gaps)"
            ],
        ),
        (
            [unit(0, 0), unit(1, 0, geometry=square(1.5, 0))],
            [
                "feature 1: geometry: overlaps the module of feature 0 at (0, 0): "
                "modules may touch, not overlap"
            ],
        ),
        (
            [unit(0, 0), unit(1, 0), unit(2, 0, size=4)],
            [
                "feature 2: geometry: a 4 m module in pavilion 'ai', whose modules are 3 m "
                "(as feature 0): give one pavilion one size"
            ],
        ),
        (
            [{**unit(0, 0), "feature_type": "level"}],
            [
                "feature 0: category: feature_type 'level' and category 'unit' disagree: give "
                'the same kind in both, "unit" for a module'
            ],
        ),
        (
            [{**unit(0, 0), "properties": {"grid": [0, 0]}}],
            [
                'feature 0: category: missing: give "category": "unit" (or IMDF\'s '
                '"feature_type": "unit")'
            ],
        ),
        ([], ["features: no unit feature in the file: give one per module"]),
    ],
    ids=[
        "same-grid",
        "not-axis-aligned",
        "rectangle",
        "open-ring",
        "point",
        "unknown-pavilion",
        "other-halls-pavilion",
        "unknown-property",
        "negative-premium",
        "no-grid",
        "overlap",
        "size-mismatch",
        "kinds-disagree",
        "no-kind",
        "empty",
    ],
)
def test_each_fault_is_named_with_its_fix_and_nothing_is_created(hall, pavilions, features, errors):
    with pytest.raises(GeoJSONError) as raised:
        import_units(hall, plan(*features))
    assert raised.value.errors == errors
    assert not Module.objects.exists()


def test_not_a_feature_collection(hall, pavilions):
    with pytest.raises(GeoJSONError) as raised:
        import_units(hall, {"type": "Feature", "features": []})
    assert raised.value.errors == [
        'type: give a GeoJSON object with "type": "FeatureCollection", got \'Feature\''
    ]


def test_every_fault_of_the_file_is_reported_at_once(hall, pavilions, expo):
    Module.objects.create(hall=hall, x=9, y=9, x_m=27, y_m=27)
    features = [
        unit(0, 0),
        unit(1, 0, pavilion="xyz", premium="high"),
        unit(0, 0, geometry=square(6, 0)),
        unit(2, 0, geometry=diamond(), shade=1),
    ]
    with pytest.raises(GeoJSONError) as raised:
        import_units(hall, plan(*features))
    assert raised.value.errors == [
        "feature 1: pavilion: no pavilion 'xyz' in this edition (codes: ai, blue)",
        "feature 1: premium: give a number from 0 to 999.99, got 'high'",
        "feature 3: properties: unknown property 'shade' "
        "(known: category, grid, pavilion, premium, booth)",
        f"feature 3: geometry: not an axis-aligned square {FIX}",
        "feature 2: grid: two modules at (0, 0) (features 0 and 2)",
        "hall: hall A1 already has 1 module: ask to replace it to put the file's in its place",
    ]
    assert stored(hall) == [(9, 9, Decimal("27.00"), Decimal("27.00"), Decimal("3.00"), None, 0)]


def test_replace_puts_the_files_modules_in_place_of_the_halls(hall, pavilions):
    import_units(hall, plan(unit(0, 0), unit(1, 0)))
    with pytest.raises(GeoJSONError) as raised:
        import_units(hall, plan(unit(5, 5, pavilion="blue")))
    assert raised.value.errors == [
        "hall: hall A1 already has 2 modules: ask to replace them to put the file's in their place"
    ]
    assert [m[:2] for m in stored(hall)] == [(0, 0), (1, 0)]
    assert import_units(hall, plan(unit(5, 5, pavilion="blue")), replace=True) == 1
    assert [m[:2] + m[5:6] for m in stored(hall)] == [(5, 5, "blue")]


def test_modules_that_carry_booths_are_not_replaced(hall, pavilions, expo):
    import_units(hall, plan(unit(0, 0), unit(1, 0), unit(2, 0)))
    booth = Booth.objects.create(expo=expo, pavilion=pavilions["ai"], number="A1-101", area_m2=18)
    Module.objects.filter(hall=hall, x__lt=2).update(booth=booth)
    with pytest.raises(GeoJSONError) as raised:
        import_units(hall, plan(unit(5, 5)), replace=True)
    assert raised.value.errors == [
        "replace: 2 modules of hall A1 carry booths: move or remove those booths before "
        "replacing the modules"
    ]
    assert [m[:2] for m in stored(hall)] == [(0, 0), (1, 0), (2, 0)]
    assert Module.objects.filter(booth=booth).count() == 2


def test_the_documented_example_imports(hall, pavilions):
    doc = Path(__file__).parents[2] / "docs" / "formats" / "floorplan-geojson.md"
    example = doc.read_text(encoding="utf-8").split("```json\n")[1].split("```")[0]
    assert import_units(hall, json.loads(example)) == 3
    assert stored(hall) == [
        (0, 0, Decimal("0.00"), Decimal("0.00"), Decimal("3.00"), "ai", Decimal("2.00")),
        (1, 0, Decimal("3.00"), Decimal("0.00"), Decimal("3.00"), "ai", Decimal("1.00")),
        (0, 1, Decimal("0.00"), Decimal("3.00"), Decimal("3.00"), None, Decimal("0.00")),
    ]
