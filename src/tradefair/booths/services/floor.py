"""Writing booths onto the floor, shared by publishing a run and moving a booth by hand.

Protocol: inside one ``transaction.atomic``, lock the rows of the halls written to (by id),
then read, check and write. Everyone who writes booths takes these locks, so a publication and
a move, or two moves, never interleave on one hall. A module points at one booth at most
(``Module.booth``) and modules are claimed with an update that only takes free ones: if the
count falls short anyway, ``PlanChanged`` rolls everything back, never a double booking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from tradefair.booths.services.errors import PlanChanged
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, BoothAssignment, Hall, Module

FIRST_NUMBER = 101


@dataclass(frozen=True)
class Holding:
    """An exhibitor's booth on the plan as it stands."""

    booth: int
    number: str
    hall: int
    modules: frozenset[int]
    pinned: bool


@dataclass(frozen=True)
class Placed:
    """A booth written: who, which number, and the number it had before (None: new)."""

    participation: int
    booth: int
    number: str
    before: str | None


def lock_halls(hall_ids: Iterable[int]) -> None:
    list(
        Hall.objects.select_for_update()
        .filter(pk__in=set(hall_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def holdings(expo: Expo) -> dict[int, Holding]:
    """Each exhibitor's booth that covers modules, by participation id."""
    covered: dict[int, set[int]] = {}
    for module, booth in Module.objects.filter(hall__expo=expo, booth__isnull=False).values_list(
        "pk", "booth_id"
    ):
        covered.setdefault(booth, set()).add(module)
    found = {}
    for holder, booth, number, hall, pinned in BoothAssignment.objects.filter(
        booth__expo=expo
    ).values_list(
        "participation_id", "booth_id", "booth__number", "booth__pavilion__hall_id", "booth__pinned"
    ):
        if booth in covered:
            found[holder] = Holding(booth, number, hall, frozenset(covered[booth]), pinned)
    return found


class Numbers:
    """The next free booth number of each hall: ``A1-101``, ``A1-102``, …"""

    def __init__(self, expo: Expo) -> None:
        self.expo = expo
        self.next: dict[str, int] = {}

    def take(self, hall_code: str) -> str:
        if hall_code not in self.next:
            self.next[hall_code] = self._first_free(hall_code)
        number = self.next[hall_code]
        self.next[hall_code] += 1
        return f"{hall_code}-{number}"

    def _first_free(self, hall_code: str) -> int:
        numbers = Booth.objects.filter(
            expo=self.expo, number__startswith=f"{hall_code}-"
        ).values_list("number", flat=True)
        taken = [int(m.group(1)) for n in numbers if (m := re.fullmatch(r".+-(\d+)", n))]
        return max([FIRST_NUMBER - 1, *taken]) + 1


def release(booth_ids: Iterable[int]) -> None:
    """Free the modules of these booths (they are about to move or go)."""
    Module.objects.filter(booth_id__in=set(booth_ids)).update(booth=None)


def remove(holding: Holding) -> None:
    Booth.objects.filter(pk=holding.booth).delete()  # its modules are freed by SET_NULL


def place(
    expo: Expo,
    participation: int,
    module_ids: Iterable[int],
    holding: Holding | None,
    numbers: Numbers,
    *,
    pinned: bool | None = None,
) -> Placed:
    """Put the exhibitor's booth on these (free) modules: its booth row reshaped, or a new
    one numbered in its hall. The caller holds the halls' locks and has released the booth's
    old modules."""
    rows = list(
        Module.objects.filter(pk__in=set(module_ids)).values(
            "pk", "hall_id", "hall__code", "x_m", "y_m", "size_m", "pavilion_id"
        )
    )
    ids = [r["pk"] for r in rows]
    first = min(rows, key=lambda r: (r["y_m"], r["x_m"]))
    last = max(rows, key=lambda r: (r["y_m"], r["x_m"]))
    size: Decimal = first["size_m"]
    shape = {
        "pavilion_id": first["pavilion_id"],
        "area_m2": size * size * len(rows),
        "x_m": first["x_m"],
        "y_m": first["y_m"],
        "width_m": last["x_m"] - first["x_m"] + size,
        "depth_m": last["y_m"] - first["y_m"] + size,
    }
    if pinned is not None:
        shape["pinned"] = pinned
    before = None
    if holding is not None:
        before = holding.number
        number = holding.number if holding.hall == first["hall_id"] else None
        booth = Booth.objects.get(pk=holding.booth)
        for name, value in shape.items():
            setattr(booth, name, value)
        booth.number = number or numbers.take(first["hall__code"])
        booth.save()
    else:
        booth = Booth.objects.create(expo=expo, number=numbers.take(first["hall__code"]), **shape)
        BoothAssignment.objects.create(booth=booth, participation_id=participation)
    claimed = Module.objects.filter(pk__in=ids, booth__isnull=True).update(booth=booth)
    if claimed != len(ids):
        raise PlanChanged(
            _("Booth %(number)s: some of its modules were taken meanwhile; nothing was changed.")
            % {"number": booth.number}
        )
    return Placed(participation, booth.pk, booth.number, before)


def hall_ids_of(module_ids: Iterable[int]) -> set[int]:
    return set(Module.objects.filter(pk__in=set(module_ids)).values_list("hall_id", flat=True))
