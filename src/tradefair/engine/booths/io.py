"""Read the booth-allocation format (``docs/formats/booths.md``); ``writer`` writes it.

Every fault is collected and located (``exhibitors[4] (E5): …``) and raised together in one
``ProblemError``. Besides structure and references, a problem's pinned booths must obey the
hard rules themselves (the booked count, the zone, one rectangle, no competitor touching):
a pin is kept as it is, so a broken one could never be repaired by the solver.
"""

from __future__ import annotations

import math
from typing import Any

from tradefair.engine.booths.geometry import pin_faults
from tradefair.engine.booths.problem import (
    Allocation,
    Exhibitor,
    Module,
    Pin,
    Problem,
    Solution,
    Stats,
    Unallocated,
)
from tradefair.engine.jsonformat import ProblemError, Reader, Source, kind, label, load_json

STATS_KEYS = ("modules_placed", "upper_bound", "clustering", "premium_score", "seconds")


class _Reader(Reader):
    def number(self, record: dict[str, Any], key: str, where: str) -> float | None:
        """An optional number ≥ 0 (absent: 0)."""
        if key not in record:
            return 0.0
        value = record[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.error(where, f"{key} must be a number, got {kind(value)}")
            return None
        if value < 0:
            self.error(where, f"{key} must be >= 0, got {value}")
            return None
        return float(value)

    def optional_text(self, record: dict[str, Any], key: str, where: str) -> str | None:
        if record.get(key) is None:
            return None
        return self.text(record, key, where)

    def ids(self, record: dict[str, Any], key: str, where: str) -> list[str] | None:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.error(where, f"{key} must be a list of ids, got {kind(value)}")
            return None
        return value


def parse_problem(source: Source) -> Problem:
    """A ``Problem`` from JSON text or a decoded dict; ``ProblemError`` lists all faults."""
    data = load_json(source)
    read = _Reader()
    if read.record(data, "top level", ("modules", "exhibitors"), ("pinned",)) is None:
        raise ProblemError(read.errors)
    modules = _modules(read, read.items(data, "modules"))
    zones = {m.zone for m in modules}
    exhibitors = _exhibitors(read, read.items(data, "exhibitors"), zones)
    pinned = _pins(read, read.items(data, "pinned"), modules, exhibitors)
    if read.errors:
        raise ProblemError(read.errors)
    problem = Problem(tuple(modules), tuple(exhibitors), tuple(pinned))
    faults = pin_faults(problem)
    if faults:
        raise ProblemError(faults)
    return problem


def _modules(read: _Reader, items: list[Any]) -> list[Module]:
    seen: dict[str, str] = {}
    places: dict[tuple[str, int, int], str] = {}
    found = []
    for index, item in enumerate(items):
        where = label("modules", index, item)
        record = read.record(item, where, ("id", "hall", "x", "y", "zone"), ("premium",))
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        hall = read.text(record, "hall", where)
        zone = read.text(record, "zone", where)
        x = read.integer(record, "x", where, None) if "x" in record else None
        y = read.integer(record, "y", where, None) if "y" in record else None
        premium = read.number(record, "premium", where)
        if None in (ident, hall, zone, x, y, premium):
            continue
        assert ident and hall and zone and x is not None and y is not None and premium is not None
        place = (hall, x, y)
        if place in places:
            read.error(where, f"hall {hall} x={x} y={y} is already module {places[place]!r}")
            continue
        places[place] = ident
        found.append(Module(ident, hall, x, y, zone, premium))
    if not items:
        read.error("modules", "must list at least one module")
    return found


def _exhibitors(read: _Reader, items: list[Any], zones: set[str]) -> list[Exhibitor]:
    seen: dict[str, str] = {}
    found = []
    named: list[tuple[str, str, list[str]]] = []
    optional = ("sector", "points", "competitors")
    for index, item in enumerate(items):
        where = label("exhibitors", index, item)
        record = read.record(item, where, ("id", "modules", "zone"), optional)
        if record is None:
            continue
        ident = read.unique_id(record, where, seen)
        size = read.integer(record, "modules", where, 1) if "modules" in record else None
        zone = read.text(record, "zone", where)
        sector = read.optional_text(record, "sector", where)
        points = read.number(record, "points", where)
        competitors = read.ids(record, "competitors", where)
        if zone is not None and zone not in zones:
            read.error(where, f"zone {zone!r} has no modules")
            zone = None
        if ident is not None and competitors is not None:
            named.append((where, ident, competitors))
        if None in (ident, size, zone, points, competitors):
            continue
        assert ident and size and zone and points is not None and competitors is not None
        found.append(Exhibitor(ident, size, zone, sector, points, frozenset(competitors)))
    for where, ident, competitors in named:
        for other in competitors:
            if other == ident:
                read.error(where, "competitors names the exhibitor itself")
            elif other not in seen:
                read.error(where, f"competitors names unknown exhibitor {other!r}")
    return found


def _pins(
    read: _Reader, items: list[Any], modules: list[Module], exhibitors: list[Exhibitor]
) -> list[Pin]:
    known_modules = {m.id for m in modules}
    known_exhibitors = {e.id for e in exhibitors}
    pinned_exhibitors: dict[str, str] = {}
    pinned_modules: dict[str, str] = {}
    found = []
    for index, item in enumerate(items):
        where = f"pinned[{index}]"
        record = read.record(item, where, ("exhibitor", "modules"))
        if record is None:
            continue
        exhibitor = read.text(record, "exhibitor", where)
        ids = read.ids(record, "modules", where)
        if exhibitor is None or ids is None:
            continue
        where = f"{where} ({exhibitor})"
        if exhibitor not in known_exhibitors:
            read.error(where, f"unknown exhibitor {exhibitor!r}")
            continue
        if exhibitor in pinned_exhibitors:
            read.error(where, f"exhibitor already pinned at {pinned_exhibitors[exhibitor]}")
            continue
        pinned_exhibitors[exhibitor] = where
        for module in ids:
            if module not in known_modules:
                read.error(where, f"unknown module {module!r}")
            elif pinned_modules.get(module) == exhibitor:
                read.error(where, f"module {module!r} is listed twice")
            elif module in pinned_modules:
                read.error(
                    where, f"module {module!r} is already pinned to {pinned_modules[module]}"
                )
            else:
                pinned_modules[module] = exhibitor
        found.append(Pin(exhibitor, tuple(ids)))
    return found


def parse_solution(source: Source) -> Solution:
    """A ``Solution``: structure only; ``check.check`` says which rules it breaks."""
    data = load_json(source)
    read = _Reader()
    if read.record(data, "top level", ("allocations",), ("unallocated", "stats")) is None:
        raise ProblemError(read.errors)
    allocations = []
    for index, item in enumerate(read.items(data, "allocations")):
        where = f"allocations[{index}]"
        record = read.record(item, where, ("exhibitor", "modules"))
        if record is None:
            continue
        exhibitor = read.text(record, "exhibitor", where)
        ids = read.ids(record, "modules", where)
        if exhibitor is not None and ids is not None:
            allocations.append(Allocation(exhibitor, tuple(ids)))
    unallocated = []
    for index, item in enumerate(read.items(data, "unallocated")):
        where = f"unallocated[{index}]"
        record = read.record(item, where, ("exhibitor", "reason"))
        if record is None:
            continue
        exhibitor = read.text(record, "exhibitor", where)
        reason = read.text(record, "reason", where)
        if exhibitor is not None and reason is not None:
            unallocated.append(Unallocated(exhibitor, reason))
    stats = _stats(read, data["stats"]) if "stats" in data else None
    if read.errors:
        raise ProblemError(read.errors)
    return Solution(tuple(allocations), tuple(unallocated), stats)


def _stats(read: _Reader, value: Any) -> Stats | None:
    record = read.record(value, "stats", STATS_KEYS)
    if record is None or any(key not in record for key in STATS_KEYS):
        return None
    placed = read.integer(record, "modules_placed", "stats", 0)
    bound = read.integer(record, "upper_bound", "stats", 0)
    clustering = read.integer(record, "clustering", "stats", 0)
    premium = read.number(record, "premium_score", "stats")
    seconds = read.number(record, "seconds", "stats")
    if None in (placed, bound, clustering, premium, seconds):
        return None
    assert placed is not None and bound is not None and clustering is not None
    assert premium is not None and seconds is not None
    return Stats(placed, bound, clustering, premium, seconds)
