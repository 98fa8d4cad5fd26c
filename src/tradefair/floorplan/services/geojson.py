"""Read a hall's modules from a GeoJSON plan, IMDF-style (``docs/formats/floorplan-geojson.md``).

A CAD tool or a GIS exports the hall's floor as one square ``unit`` polygon per module, in
metres from the hall's origin, each carrying its grid coordinates; the grid is what the booth
allocation reads (aisles are gaps in it), the metres are what the map draws. ``occupant``
features (the booths the export writes) are skipped: booths are placed by the allocation.

The file is checked whole before anything is written and every fault is named with its
feature's index and the fix, so an organiser corrects a file in one round. Coordinates are
rounded to the centimetre first, as the modules store them, so a CAD export's 2.9999999 is 3.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.expos.formatting import number
from tradefair.floorplan.models import Hall, Module, Pavilion

UNIT = "unit"
OCCUPANT = "occupant"
PROPERTIES = ("category", "grid", "pavilion", "premium", "booth")
CENT = Decimal("0.01")
# What the columns hold: x_m/y_m have 8 digits, size_m and premium 5, two after the point.
MAX_METRES = Decimal("999999.99")
MAX_SIZE = Decimal("999.99")
MAX_PREMIUM = Decimal("999.99")
MAX_GRID = 2**31 - 1


class GeoJSONError(ValueError):
    """The plan cannot be imported; ``errors`` names each fault and its fix."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Unit:
    """One module as the file gives it, checked on its own."""

    index: int
    x: int
    y: int
    x_m: Decimal
    y_m: Decimal
    size_m: Decimal
    pavilion: Pavilion | None
    premium: Decimal


def import_units(hall: Hall, data: dict[str, Any], *, replace: bool = False) -> int:
    """Create the hall's modules from a GeoJSON FeatureCollection; returns how many.

    All or none, in one transaction under the hall's row lock (the lock booth writers take,
    so a publication never lands on modules being replaced). A hall that has modules is
    refused unless ``replace``, and even then while any of its modules carry booths.
    Raises ``GeoJSONError`` listing every fault of the file and of the hall together.
    """
    errors: list[str] = []
    units = _read(hall, data, errors)
    with transaction.atomic():
        list(Hall.objects.select_for_update().filter(pk=hall.pk).values_list("pk", flat=True))
        existing = Module.objects.filter(hall=hall)
        count = existing.count()
        if count and not replace:
            errors.append(
                "hall: "
                + ngettext(
                    "hall %(hall)s already has %(count)s module: ask to replace it to put the "
                    "file's in its place",
                    "hall %(hall)s already has %(count)s modules: ask to replace them to put the "
                    "file's in their place",
                    count,
                )
                % {"hall": hall.code, "count": number(count)}
            )
        elif count:
            held = existing.filter(booth__isnull=False).count()
            if held:
                errors.append(
                    "replace: "
                    + ngettext(
                        "%(count)s module of hall %(hall)s carries a booth: move or remove that "
                        "booth before replacing the modules",
                        "%(count)s modules of hall %(hall)s carry booths: move or remove those "
                        "booths before replacing the modules",
                        held,
                    )
                    % {"count": number(held), "hall": hall.code}
                )
        if errors:
            raise GeoJSONError(errors)
        existing.delete()
        Module.objects.bulk_create(
            (
                Module(
                    hall=hall,
                    x=u.x,
                    y=u.y,
                    x_m=u.x_m,
                    y_m=u.y_m,
                    size_m=u.size_m,
                    pavilion=u.pavilion,
                    premium=u.premium,
                )
                for u in units
            ),
            batch_size=2000,
        )
    return len(units)


def _read(hall: Hall, data: Any, errors: list[str]) -> list[Unit]:
    """The file's units, each checked alone and then against the others; faults to ``errors``."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        errors.append(
            "type: "
            + _('give a GeoJSON object with "type": "FeatureCollection", got %(value)s')
            % {"value": _describe(data.get("type") if isinstance(data, dict) else data)}
        )
        return []
    features = data.get("features")
    if not isinstance(features, list):
        errors.append(
            "features: "
            + _("give a list of features, one per module, got %(value)s")
            % {"value": _describe(features)}
        )
        return []
    pavilions = {
        p.code: p for p in Pavilion.objects.filter(expo=hall.expo_id).select_related("hall")
    }
    units = []
    for index, feature in enumerate(features):
        faults: list[tuple[str, str]] = []
        unit = _unit(hall, index, feature, pavilions, faults)
        where = _("feature %(index)s") % {"index": index}
        errors.extend(f"{where}: {field}: {text}" for field, text in faults)
        if unit is not None and not faults:
            units.append(unit)
    if not units and not errors:
        errors.append("features: " + _("no unit feature in the file: give one per module"))
    errors.extend(_clashes(units))
    return units


def _unit(
    hall: Hall,
    index: int,
    feature: Any,
    pavilions: dict[str, Pavilion],
    faults: list[tuple[str, str]],
) -> Unit | None:
    """One feature as a module, or None (an occupant, or a fault recorded in ``faults``)."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        faults.append(("type", _('give a GeoJSON object with "type": "Feature"')))
        return None
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        faults.append(("properties", _("give an object of properties")))
        return None
    # GIS tools keep properties but drop IMDF's feature_type: either names the kind.
    named = [v for v in (feature.get("feature_type"), properties.get("category")) if v is not None]
    kinds = {v if isinstance(v, str) else _describe(v) for v in named}
    if len(kinds) > 1:
        faults.append(
            (
                "category",
                _(
                    "feature_type %(feature_type)s and category %(category)s disagree: give the "
                    'same kind in both, "unit" for a module'
                )
                % {
                    "feature_type": _describe(feature.get("feature_type")),
                    "category": _describe(properties.get("category")),
                },
            )
        )
        return None
    if not kinds:
        faults.append(
            (
                "category",
                _('missing: give "category": "unit" (or IMDF\'s "feature_type": "unit")'),
            )
        )
        return None
    kind = kinds.pop()
    if kind == OCCUPANT:
        return None
    if kind != UNIT:
        faults.append(
            (
                "category",
                _(
                    '%(kind)s is not read here: give "unit" features, one per module '
                    "(occupants are skipped)"
                )
                % {"kind": _describe(kind)},
            )
        )
        return None
    for key in properties:
        if key not in PROPERTIES:
            faults.append(
                (
                    "properties",
                    _("unknown property %(key)s (known: %(known)s)")
                    % {"key": _describe(key), "known": ", ".join(PROPERTIES)},
                )
            )
    grid = _grid(properties.get("grid"), faults)
    square = _square(feature.get("geometry"), faults)
    pavilion = _pavilion(hall, properties.get("pavilion"), pavilions, faults)
    premium = _premium(properties.get("premium"), faults)
    if grid is None or square is None or premium is None or faults:
        return None
    return Unit(index, *grid, *square, pavilion, premium)


def _grid(value: Any, faults: list[tuple[str, str]]) -> tuple[int, int] | None:
    if value is None:
        faults.append(
            ("grid", _("missing: give the module's grid coordinates [x, y] (aisles are gaps)"))
        )
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(_whole(v) and abs(v) <= MAX_GRID for v in value)
    ):
        faults.append(
            (
                "grid",
                _("give [x, y], two whole numbers, got %(value)s") % {"value": _describe(value)},
            )
        )
        return None
    return value[0], value[1]


def _square(
    geometry: Any, faults: list[tuple[str, str]]
) -> tuple[Decimal, Decimal, Decimal] | None:
    """``(x_m, y_m, size_m)``: the minimum corner and side of an axis-aligned square."""
    fix = _("give the module's four corners")
    if not isinstance(geometry, dict) or geometry.get("type") != "Polygon":
        got = geometry.get("type") if isinstance(geometry, dict) else geometry
        faults.append(
            (
                "geometry",
                _("not a Polygon but %(value)s (%(fix)s)") % {"value": _describe(got), "fix": fix},
            )
        )
        return None
    rings = geometry.get("coordinates")
    if not isinstance(rings, list) or len(rings) != 1:
        faults.append(
            ("geometry", _("a module is one outline without holes (%(fix)s)") % {"fix": fix})
        )
        return None
    ring = rings[0]
    positions = [_position(p) for p in ring] if isinstance(ring, list) else [None]
    corners = [p for p in positions if p is not None]
    if len(corners) != len(positions) or not corners:
        faults.append(
            (
                "geometry",
                _("each position is [x, y], numbers in metres (%(fix)s)") % {"fix": fix},
            )
        )
        return None
    if len(corners) != 5 or corners[0] != corners[-1]:
        faults.append(
            (
                "geometry",
                _(
                    "not a closed ring of four corners: five positions, the last repeating the "
                    "first (%(fix)s)"
                )
                % {"fix": fix},
            )
        )
        return None
    xs = sorted({x for x, _y in corners})
    ys = sorted({y for _x, y in corners})
    # Four distinct corners at two x and two y values, each edge along an axis.
    edges_straight = all((a[0] == b[0]) != (a[1] == b[1]) for a, b in pairwise(corners))
    if len(xs) != 2 or len(ys) != 2 or len(set(corners)) != 4 or not edges_straight:
        faults.append(("geometry", _("not an axis-aligned square (%(fix)s)") % {"fix": fix}))
        return None
    width, depth = xs[1] - xs[0], ys[1] - ys[0]
    if width != depth:
        faults.append(
            (
                "geometry",
                _("a %(width)s x %(depth)s m rectangle, not a square (%(fix)s)")
                % {"width": _metres(width), "depth": _metres(depth), "fix": fix},
            )
        )
        return None
    if width > MAX_SIZE or any(abs(v) > MAX_METRES for v in (*xs, *ys)):
        faults.append(
            (
                "geometry",
                _(
                    "out of range: a module is at most %(size)s m across and within "
                    "%(extent)s m of the hall's origin"
                )
                % {"size": _metres(MAX_SIZE), "extent": number(MAX_METRES)},
            )
        )
        return None
    return xs[0], ys[0], width


def _position(value: Any) -> tuple[Decimal, Decimal] | None:
    """``[x, y]`` (an altitude after them is ignored) rounded to the centimetre."""
    if not isinstance(value, list) or len(value) not in (2, 3):
        return None
    if not all(_number(v) for v in value):
        return None
    return _cents(value[0]), _cents(value[1])


def _pavilion(
    hall: Hall, value: Any, pavilions: dict[str, Pavilion], faults: list[tuple[str, str]]
) -> Pavilion | None:
    if value is None:
        return None  # the hall's raw space
    known = ", ".join(sorted(code for code, p in pavilions.items() if p.hall_id == hall.pk))
    if not isinstance(value, str):
        faults.append(
            (
                "pavilion",
                _("give a pavilion's code or null (raw space), got %(value)s")
                % {"value": _describe(value)},
            )
        )
        return None
    pavilion = pavilions.get(value)
    if pavilion is None:
        faults.append(
            (
                "pavilion",
                _("no pavilion %(code)s in this edition (codes: %(known)s)")
                % {"code": _describe(value), "known": known or _("none in this hall")},
            )
        )
        return None
    if pavilion.hall_id != hall.pk:
        faults.append(
            (
                "pavilion",
                _("pavilion %(code)s is in hall %(other)s, not %(hall)s (codes: %(known)s)")
                % {
                    "code": _describe(value),
                    "other": pavilion.hall.code,
                    "hall": hall.code,
                    "known": known or _("none in this hall"),
                },
            )
        )
        return None
    return pavilion


def _premium(value: Any, faults: list[tuple[str, str]]) -> Decimal | None:
    if value is None:
        return Decimal(0)
    if not _number(value) or not 0 <= _cents(value) <= MAX_PREMIUM:
        faults.append(
            (
                "premium",
                _("give a number from 0 to %(most)s, got %(value)s")
                % {"most": MAX_PREMIUM, "value": _describe(value)},
            )
        )
        return None
    return _cents(value)


def _clashes(units: list[Unit]) -> Iterable[str]:
    """Faults between units: two at one grid position, overlapping squares, and a pavilion
    whose modules differ in size (its booked areas are counted in its module's size)."""
    found: list[tuple[int, str]] = []
    first_at: dict[tuple[int, int], int] = {}
    for unit in units:
        first = first_at.setdefault((unit.x, unit.y), unit.index)
        if first != unit.index:
            found.append(
                (
                    unit.index,
                    "grid: "
                    + _("two modules at (%(x)s, %(y)s) (features %(first)s and %(index)s)")
                    % {"x": unit.x, "y": unit.y, "first": first, "index": unit.index},
                )
            )
    # Sweep along x: only squares whose x ranges overlap can overlap, a column at a time.
    active: list[Unit] = []
    for unit in sorted(units, key=lambda u: (u.x_m, u.y_m, u.index)):
        active = [a for a in active if a.x_m + a.size_m > unit.x_m]
        for other in active:
            if other.y_m < unit.y_m + unit.size_m and unit.y_m < other.y_m + other.size_m:
                later, earlier = max(unit, other, key=_index), min(unit, other, key=_index)
                found.append(
                    (
                        later.index,
                        "geometry: "
                        + _(
                            "overlaps the module of feature %(other)s at (%(x)s, %(y)s): "
                            "modules may touch, not overlap"
                        )
                        % {"other": earlier.index, "x": earlier.x, "y": earlier.y},
                    )
                )
        active.append(unit)
    sizes: dict[int, Counter[Decimal]] = {}
    for unit in units:
        if unit.pavilion is not None:
            sizes.setdefault(unit.pavilion.pk, Counter())[unit.size_m] += 1
    usual = {pk: counts.most_common(1)[0][0] for pk, counts in sizes.items()}
    example: dict[int, int] = {}
    for unit in units:
        if unit.pavilion is not None and unit.size_m == usual[unit.pavilion.pk]:
            example.setdefault(unit.pavilion.pk, unit.index)
    for unit in units:
        if unit.pavilion is not None and unit.size_m != usual[unit.pavilion.pk]:
            found.append(
                (
                    unit.index,
                    "geometry: "
                    + _(
                        "a %(size)s m module in pavilion %(code)s, whose modules are "
                        "%(usual)s m (as feature %(example)s): give one pavilion one size"
                    )
                    % {
                        "size": _metres(unit.size_m),
                        "code": _describe(unit.pavilion.code),
                        "usual": _metres(usual[unit.pavilion.pk]),
                        "example": example[unit.pavilion.pk],
                    },
                )
            )
    found.sort(key=lambda fault: fault[0])
    return [f"{_('feature %(index)s') % {'index': index}}: {text}" for index, text in found]


def _index(unit: Unit) -> int:
    return unit.index


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def _cents(value: int | float) -> Decimal:
    # Through str so a float keeps the digits it was written with, not its binary expansion;
    # a huge value stays unrounded (quantize cannot hold it) and fails the range checks.
    exact = Decimal(str(value))
    return exact.quantize(CENT) if abs(exact) < 10**12 else exact


def _metres(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _describe(value: Any) -> str:
    """A JSON value as a message quotes it: 'ai', 3, null, an object."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and len(value) > 4:
        return _("a list of %(count)s") % {"count": len(value)}
    return str(value)
