"""An edition's floor and exhibitors as the booth engine's problem (``docs/formats/booths.md``).

Modules are the halls' grids, each zoned by its pavilion (modules of no pavilion are their
hall's raw space). An exhibitor books ``booth_area_m2`` over its pavilion's module area, at
least one; its sector is the one its space booking names, else its pavilion's; points and
competitors come from the space booking. Pinned booths are passed as pins, the other booths
on the plan as what a run keeps while still valid. Exhibitors the engine cannot be given (no
pavilion, no area, a pavilion without modules) are left out with a reason code the console
phrases. Reads only: writing a run's result is ``services/allocation.py``.

Participations are read through the edition's relations, not imported: the floor plan sits
below the organisations in the apps' layers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from tradefair.booths.models import SpaceBooking
from tradefair.engine.booths.problem import Exhibitor, Module, Pin, Problem
from tradefair.expos.models import Expo
from tradefair.floorplan.models import BoothAssignment
from tradefair.floorplan.models import Module as ModuleRow

LEFT_BEFORE = frozenset({"no_pavilion", "no_area", "no_modules"})  # never given to the engine


@dataclass(frozen=True)
class Left:
    """An exhibitor left without a booth, and why: a code and what the phrase needs."""

    participation: int
    code: str  # no_pavilion, no_area, no_modules, or the engine's shape / competitors / full
    modules: int = 0


@dataclass
class Built:
    problem: Problem
    keep: dict[str, tuple[str, ...]] = field(default_factory=dict)
    left_out: list[Left] = field(default_factory=list)


def booked_modules(area_m2: Decimal, module_m: Decimal) -> int:
    """Modules a contracted area takes, rounded to the nearest and at least one."""
    return max(1, int((area_m2 / (module_m * module_m)).to_integral_value()))


def build_problem(expo: Expo, *, keep_booths: bool = True) -> Built:
    rows = list(
        ModuleRow.objects.filter(hall__expo=expo)
        .order_by("hall__code", "y", "x")
        .values_list("pk", "hall__code", "x", "y", "pavilion_id", "premium", "size_m")
    )
    modules = tuple(
        Module(str(pk), hall, x, y, _zone(pavilion, hall), float(premium))
        for pk, hall, x, y, pavilion, premium, _ in rows
    )
    sizes: dict[int, Counter[Decimal]] = defaultdict(Counter)
    for _, _, _, _, pavilion, _, size in rows:
        if pavilion is not None:
            sizes[pavilion][size] += 1
    module_m = {pavilion: counts.most_common(1)[0][0] for pavilion, counts in sizes.items()}

    rivals: dict[int, set[str]] = defaultdict(set)
    for own, other in SpaceBooking.competitors.through.objects.filter(
        spacebooking__participation__expo=expo
    ).values_list("spacebooking__participation_id", "participation_id"):
        rivals[own].add(str(other))
    built = Built(Problem((), ()))
    exhibitors = []
    for pk, pavilion, area, points, sector, pavilion_sector in (
        expo.participations.filter(role="exhibitor")
        .order_by("pk")
        .values_list(
            "pk",
            "pavilion_id",
            "booth_area_m2",
            "space_booking__points",
            "space_booking__sector_id",
            "pavilion__sector_id",
        )
    ):
        if pavilion is None:
            built.left_out.append(Left(pk, "no_pavilion"))
        elif area is None:
            built.left_out.append(Left(pk, "no_area"))
        elif pavilion not in module_m:
            built.left_out.append(Left(pk, "no_modules"))
        else:
            booked = booked_modules(area, module_m[pavilion])
            sector = sector or pavilion_sector
            exhibitors.append(
                Exhibitor(
                    str(pk),
                    booked,
                    str(pavilion),
                    str(sector) if sector else None,
                    float(points or 0),
                    frozenset(rivals.get(pk, ())),
                )
            )
    given = {e.id for e in exhibitors}
    exhibitors = [
        Exhibitor(e.id, e.modules, e.zone, e.sector, e.points, e.competitors & given)
        for e in exhibitors
    ]
    pins, keep = _booths(expo, given)
    built.problem = Problem(modules, tuple(exhibitors), tuple(pins))
    built.keep = keep if keep_booths else {}
    return built


def _zone(pavilion: int | None, hall: str) -> str:
    return str(pavilion) if pavilion is not None else f"raw:{hall}"


def _booths(expo: Expo, given: set[str]) -> tuple[list[Pin], dict[str, tuple[str, ...]]]:
    """The booths on the plan: pinned ones as pins, the others as what a run may keep."""
    covered: dict[int, list[str]] = defaultdict(list)
    for module, booth in ModuleRow.objects.filter(hall__expo=expo, booth__isnull=False).values_list(
        "pk", "booth_id"
    ):
        covered[booth].append(str(module))
    pins, keep = [], {}
    for booth, holder, pinned in BoothAssignment.objects.filter(booth__expo=expo).values_list(
        "booth_id", "participation_id", "booth__pinned"
    ):
        if str(holder) not in given or not covered.get(booth):
            continue
        modules = tuple(sorted(covered[booth], key=int))
        if pinned:
            pins.append(Pin(str(holder), modules))
        else:
            keep[str(holder)] = modules
    return pins, keep
