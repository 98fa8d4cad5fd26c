"""A hall's floor plan as GeoJSON, IMDF-style (``docs/formats/floorplan-geojson.md``).

One ``unit`` feature per module, which ``floorplan.services.geojson.import_units`` reads back
into the same modules, and one ``occupant`` feature per booth with its holder's names. Here
and not in ``floorplan`` because the holders are organisations, a layer above the floor plan.

Coordinates are metres from the hall's origin (x along the hall, y across it, as the map
draws them), not longitude and latitude: a GIS places the plan by georeferencing it. Each
feature's id is a UUID derived from the edition, the hall and the module's grid position (or
the booth's number), so exporting an unchanged plan twice gives the same file.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, Hall, Module

# Namespace of the features' ids (uuid5): any fixed UUID keeps them stable across exports.
ID_NAMESPACE = uuid.UUID("5d0c6a36-58f2-4c8e-9a5e-8f1d3b0f6a21")


def plan_geojson(expo: Expo, hall: Hall) -> dict[str, Any]:
    """The hall's modules and booths as a GeoJSON FeatureCollection (two queries)."""
    if hall.expo_id != expo.pk:
        raise ValueError(f"hall {hall.code} is not in {expo.slug}")
    features = [_unit(expo, hall, row) for row in _modules(hall)]
    features.extend(_occupant(expo, hall, row) for row in _booths(expo, hall))
    return {"type": "FeatureCollection", "features": features}


def _modules(hall: Hall) -> list[Mapping[str, Any]]:
    return list(
        Module.objects.filter(hall=hall)
        .order_by("y", "x")
        .values("x", "y", "x_m", "y_m", "size_m", "premium", "pavilion__code", "booth__number")
    )


def _booths(expo: Expo, hall: Hall) -> list[Mapping[str, Any]]:
    return list(
        Booth.objects.filter(expo=expo, pavilion__hall=hall)
        .order_by("number")
        .values(
            "number",
            "x_m",
            "y_m",
            "width_m",
            "depth_m",
            "area_m2",
            "pavilion__code",
            "assignment__participation__organisation__name",
            "assignment__participation__organisation__name_zh",
        )
    )


def _unit(expo: Expo, hall: Hall, row: Mapping[str, Any]) -> dict[str, Any]:
    size = row["size_m"]
    return {
        "type": "Feature",
        "id": _id(expo, hall, f"unit:{row['x']},{row['y']}"),
        "feature_type": "unit",
        "geometry": _rectangle(row["x_m"], row["y_m"], size, size),
        "properties": {
            "category": "unit",
            "grid": [row["x"], row["y"]],
            "pavilion": row["pavilion__code"],
            "premium": _number(row["premium"]),
            "booth": row["booth__number"],
        },
    }


def _occupant(expo: Expo, hall: Hall, row: Mapping[str, Any]) -> dict[str, Any]:
    name = row["assignment__participation__organisation__name"]
    name_zh = row["assignment__participation__organisation__name_zh"]
    # IMDF's labels: names by language tag; null for a booth nobody holds.
    labels = None if name is None else {"en": name} | ({"zh-Hans": name_zh} if name_zh else {})
    return {
        "type": "Feature",
        "id": _id(expo, hall, f"occupant:{row['number']}"),
        "feature_type": "occupant",
        "geometry": _rectangle(row["x_m"], row["y_m"], row["width_m"], row["depth_m"]),
        "properties": {
            "category": "occupant",
            "booth": row["number"],
            "name": labels,
            "pavilion": row["pavilion__code"],
            "area_m2": _number(row["area_m2"]),
        },
    }


def _rectangle(x: Decimal, y: Decimal, width: Decimal, depth: Decimal) -> dict[str, Any]:
    """A Polygon's one ring, counter-clockwise as RFC 7946 asks, closed on its first corner."""
    corners = [(x, y), (x + width, y), (x + width, y + depth), (x, y + depth), (x, y)]
    return {"type": "Polygon", "coordinates": [[[_number(a), _number(b)] for a, b in corners]]}


def _number(value: Decimal) -> int | float:
    """A whole number as an integer (3, not 3.0), else the decimal's nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _id(expo: Expo, hall: Hall, what: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"{expo.slug}/{hall.code}/{what}"))
