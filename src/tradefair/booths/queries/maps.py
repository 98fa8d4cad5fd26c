"""What a hall's map shows: its modules, pavilions and booths with their holders, in the
reader's language, and which booths a search or a "find on map" link highlights.

Geometry is in metres from the hall's origin; the SVG's viewBox is the hall's extent, so the
template draws rectangles as they are. Pavilions take colours from a fixed palette in their
order, so a pavilion keeps its colour on every hall and in print.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Min, Q
from django.http import Http404

from tradefair.booths.models import AllocationRun
from tradefair.expos.models import Expo
from tradefair.expos.names import in_reader_language
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module, Pavilion

# Light fills that keep black text readable, distinct in print and for common colour blindness.
PALETTE = (
    "#cfe8f3", "#fde2c4", "#d5ecd4", "#ead7f1", "#fbd3d9", "#f6efc4", "#d3dcf6", "#c9efe6",
    "#f3d9c9", "#e0e7c8",
)  # fmt: skip
MARGIN_M = Decimal(2)


@dataclass(frozen=True)
class MapPavilion:
    code: str
    name: str
    colour: str
    x_m: Decimal
    y_m: Decimal
    width_m: Decimal
    depth_m: Decimal


@dataclass(frozen=True)
class MapBooth:
    number: str
    holder: str
    participation: int | None  # for the profile link
    pavilion: str
    colour: str
    x_m: Decimal
    y_m: Decimal
    width_m: Decimal
    depth_m: Decimal
    area_m2: Decimal
    highlighted: bool

    @property
    def label_x(self) -> Decimal:
        return self.x_m + self.width_m / 2

    @property
    def label_y(self) -> Decimal:
        return self.y_m + self.depth_m / 2

    @property
    def big(self) -> bool:
        """Room for the holder's name beside the number."""
        return self.width_m >= 6 and self.depth_m >= 6


@dataclass
class HallMap:
    hall: Hall
    halls: list[Hall]
    width_m: Decimal
    depth_m: Decimal
    pavilions: list[MapPavilion]
    booths: list[MapBooth]
    free: list[tuple[Decimal, Decimal, Decimal, int, int]]  # no booth: metres x, y, size; grid x, y
    query: str
    highlighted: list[MapBooth] = field(default_factory=list)
    pavilion_names: dict[int, str] = field(default_factory=dict)
    palette: dict[int, str] = field(default_factory=dict)

    @property
    def view_box(self) -> str:
        return (
            f"{-MARGIN_M} {-MARGIN_M} {self.width_m + 2 * MARGIN_M} {self.depth_m + 2 * MARGIN_M}"
        )


def colours(expo: Expo) -> dict[int, str]:
    ids = (
        Pavilion.objects.filter(expo=expo)
        .order_by("hall__code", "code")
        .values_list("pk", flat=True)
    )
    return {pk: PALETTE[n % len(PALETTE)] for n, pk in enumerate(ids)}


def hall_map(expo: Expo, code: str, *, booth: str = "", query: str = "") -> HallMap:
    """The hall as it stands: its booths with their holders."""
    plan = _frame(expo, code, query)
    wanted = query.strip().lower()
    for row in (
        Booth.objects.filter(expo=expo, pavilion__hall=plan.hall)
        .order_by("number")
        .values(
            "number",
            "x_m",
            "y_m",
            "width_m",
            "depth_m",
            "area_m2",
            "pavilion_id",
            "assignment__participation_id",
            "assignment__participation__organisation__name",
            "assignment__participation__organisation__name_zh",
        )
    ):
        english = row["assignment__participation__organisation__name"] or ""
        chinese = row["assignment__participation__organisation__name_zh"] or ""
        hit = row["number"] == booth or bool(
            wanted
            and (wanted in row["number"].lower() or wanted in english.lower() or wanted in chinese)
        )
        plan.booths.append(
            _booth(plan, row, row["number"], in_reader_language(english, chinese), hit)
        )
    plan.free = list(
        Module.objects.filter(hall=plan.hall, booth__isnull=True).values_list(
            "x_m", "y_m", "size_m", "x", "y"
        )
    )
    plan.highlighted = [b for b in plan.booths if b.highlighted]
    return plan


def proposal_map(run: AllocationRun, code: str) -> HallMap:
    """A run's proposal for the hall: its booths where the run puts them, the ones that are
    new or move (against the floor as it stands) highlighted."""
    plan = _frame(run.expo, code, "")
    modules = {
        pk: (x, y, size, pavilion, gx, gy)
        for pk, x, y, size, pavilion, gx, gy in Module.objects.filter(hall=plan.hall).values_list(
            "pk", "x_m", "y_m", "size_m", "pavilion_id", "x", "y"
        )
    }
    live = {
        holder: (number, frozenset(covered)) for holder, number, covered in _live_booths(run.expo)
    }
    holders = [a["exhibitor"] for a in run.allocations if a["modules"][0] in modules]
    names = {pk: in_reader_language(en, zh) for pk, en, zh in _names(run.expo, holders)}
    taken: set[int] = set()
    for allocation in run.allocations:
        covered = [modules[m] for m in allocation["modules"] if m in modules]
        if not covered:
            continue
        taken.update(allocation["modules"])
        size = covered[0][2]
        x0, y0 = min(c[0] for c in covered), min(c[1] for c in covered)
        holder = allocation["exhibitor"]
        number, before = live.get(holder, ("", frozenset()))
        changed = before != frozenset(allocation["modules"])
        row = {
            "x_m": x0,
            "y_m": y0,
            "width_m": max(c[0] for c in covered) - x0 + size,
            "depth_m": max(c[1] for c in covered) - y0 + size,
            "area_m2": size * size * len(covered),
            "pavilion_id": covered[0][3],
            "assignment__participation_id": holder,
        }
        plan.booths.append(
            _booth(plan, row, number if not changed else "", names.get(holder, ""), changed)
        )
    plan.free = [
        (x, y, size, gx, gy) for pk, (x, y, size, _, gx, gy) in modules.items() if pk not in taken
    ]
    plan.highlighted = [b for b in plan.booths if b.highlighted]
    return plan


def _frame(expo: Expo, code: str, query: str) -> HallMap:
    """The hall, its extent and its pavilions, with no booths yet."""
    halls = list(Hall.objects.filter(expo=expo).order_by("code"))
    hall = next((h for h in halls if h.code == code), None)
    if hall is None:
        raise Http404("no such hall")
    palette = colours(expo)
    extent = Module.objects.filter(hall=hall).aggregate(
        x=Max("x_m"), y=Max("y_m"), size=Max("size_m")
    )
    size = extent["size"] or Decimal(3)
    plan = HallMap(
        hall,
        halls,
        (extent["x"] or Decimal(0)) + size,
        (extent["y"] or Decimal(0)) + size,
        [],
        [],
        [],
        query.strip(),
    )
    for p in (
        Pavilion.objects.filter(hall=hall)
        .annotate(
            x0=Min("modules__x_m"),
            y0=Min("modules__y_m"),
            x1=Max("modules__x_m"),
            y1=Max("modules__y_m"),
        )
        .order_by("code")
    ):
        plan.pavilion_names[p.pk] = p.display_name
        plan.palette[p.pk] = palette[p.pk]
        if p.x_m is not None and p.y_m is not None and p.width_m and p.depth_m:  # its outline
            plan.pavilions.append(
                MapPavilion(
                    p.code, p.display_name, palette[p.pk], p.x_m, p.y_m, p.width_m, p.depth_m
                )
            )
        elif p.x0 is not None:  # else the box around its modules
            plan.pavilions.append(
                MapPavilion(
                    p.code,
                    p.display_name,
                    palette[p.pk],
                    p.x0,
                    p.y0,
                    p.x1 - p.x0 + size,
                    p.y1 - p.y0 + size,
                )
            )
    return plan


def _booth(plan: HallMap, row: Mapping[str, Any], number: str, holder: str, hit: bool) -> MapBooth:
    return MapBooth(
        number=number,
        holder=holder,
        participation=row["assignment__participation_id"],
        pavilion=plan.pavilion_names.get(row["pavilion_id"], ""),
        colour=plan.palette.get(row["pavilion_id"], PALETTE[0]),
        x_m=row["x_m"],
        y_m=row["y_m"],
        width_m=row["width_m"],
        depth_m=row["depth_m"],
        area_m2=row["area_m2"],
        highlighted=hit,
    )


def _live_booths(expo: Expo) -> list[tuple[int, str, list[int]]]:
    covered: dict[int, list[int]] = {}
    for module, booth in Module.objects.filter(hall__expo=expo, booth__isnull=False).values_list(
        "pk", "booth_id"
    ):
        covered.setdefault(booth, []).append(module)
    return [
        (holder, number, covered.get(booth, []))
        for holder, booth, number in BoothAssignment.objects.filter(booth__expo=expo).values_list(
            "participation_id", "booth_id", "booth__number"
        )
    ]


def _names(expo: Expo, ids: list[int]) -> list[tuple[int, str, str]]:
    return list(
        expo.participations.filter(pk__in=ids).values_list(
            "pk", "organisation__name", "organisation__name_zh"
        )
    )


def find_booth(expo: Expo, number: str) -> Booth:
    """The booth a "find on map" link names, with its hall."""
    booth = Booth.objects.filter(expo=expo, number=number).select_related("pavilion__hall").first()
    if booth is None:
        raise Http404("no such booth")
    return booth


@dataclass(frozen=True)
class HallEntry:
    hall: Hall
    pavilions: list[str]
    booths: int


def halls_overview(expo: Expo) -> list[HallEntry]:
    pavilions: dict[int, list[str]] = {}
    for p in Pavilion.objects.filter(expo=expo).order_by("code"):
        pavilions.setdefault(p.hall_id, []).append(p.display_name)
    counts = dict(
        Booth.objects.filter(expo=expo)
        .values("pavilion__hall_id")
        .annotate(n=Count("pk"))
        .values_list("pavilion__hall_id", "n")
    )
    return [
        HallEntry(h, pavilions.get(h.pk, []), counts.get(h.pk, 0))
        for h in Hall.objects.filter(expo=expo).order_by("code")
    ]


def search_booths(expo: Expo, query: str, limit: int = 50) -> list[tuple[str, str, str]]:
    """Booths whose number or holder matches, across halls: (number, holder, hall code)."""
    text = query.strip()
    if not text:
        return []
    rows = (
        Booth.objects.filter(expo=expo)
        .filter(
            Q(number__icontains=text)
            | Q(assignment__participation__organisation__name__icontains=text)
            | Q(assignment__participation__organisation__name_zh__icontains=text)
        )
        .order_by("number")
        .values_list(
            "number",
            "assignment__participation__organisation__name",
            "assignment__participation__organisation__name_zh",
            "pavilion__hall__code",
        )[:limit]
    )
    return [(n, in_reader_language(en or "", zh or ""), hall) for n, en, zh, hall in rows]
