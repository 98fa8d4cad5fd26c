"""Lay out a hall's floor as a grid of booth modules from a few parameters.

Organisers think of a hall as rows of island blocks: each block ``block_rows`` modules deep
(two: booths back to back) and ``block_columns`` long, blocks side by side with an aisle
between them and between their rows. The modules get grid coordinates with a gap of one at
every aisle and positions in metres from the hall's origin, as ``engine.booths.layout`` lays
them out (corners and the main aisle's front premium).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.engine.booths.layout import island_blocks
from tradefair.expos.formatting import number
from tradefair.floorplan.models import Hall, Module, Pavilion


class GridError(ValueError):
    """The parameters cannot make a grid; ``errors`` names each field and the fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {text}" for field, text in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class GridSpec:
    rows: int  # rows of blocks
    columns: int  # blocks side by side in a row
    block_columns: int  # modules along a block
    block_rows: int = 2  # modules deep
    module_m: Decimal = Decimal(3)
    aisle_m: Decimal = Decimal(3)

    @property
    def width_m(self) -> Decimal:
        return self.columns * self.block_columns * self.module_m + (self.columns - 1) * self.aisle_m

    @property
    def depth_m(self) -> Decimal:
        return self.rows * self.block_rows * self.module_m + (self.rows - 1) * self.aisle_m

    @property
    def modules(self) -> int:
        return self.rows * self.columns * self.block_rows * self.block_columns


def _faults(hall: Hall, spec: GridSpec, pavilion: Pavilion | None) -> dict[str, str]:
    errors = {}
    for field in ("rows", "columns", "block_columns", "block_rows"):
        if getattr(spec, field) < 1:
            errors[field] = _("Give a whole number of at least 1.")
    if spec.module_m <= 0:
        errors["module_m"] = _("A module must be larger than 0 m (3 m is the usual shell scheme).")
    if spec.aisle_m < 0:
        errors["aisle_m"] = _("An aisle cannot be narrower than 0 m.")
    if pavilion is not None and pavilion.hall_id != hall.pk:
        errors["pavilion"] = _("Pavilion %(pavilion)s is in another hall.") % {
            "pavilion": pavilion.display_name
        }
    if not errors and spec.width_m * spec.depth_m > hall.area_m2:
        errors["rows"] = _(
            "The grid covers %(grid)s m² (%(width)s x %(depth)s m), more than the hall's "
            "%(area)s m²: use fewer or smaller blocks."
        ) % {
            "grid": number(round(spec.width_m * spec.depth_m)),
            "width": number(spec.width_m),
            "depth": number(spec.depth_m),
            "area": number(hall.area_m2),
        }
    return errors


def generate_grid(
    hall: Hall, spec: GridSpec, *, pavilion: Pavilion | None = None, replace: bool = False
) -> int:
    """Create the hall's modules (all or none); refuses a hall that has modules unless
    ``replace``. Returns how many were created."""
    errors = _faults(hall, spec, pavilion)
    if errors:
        raise GridError(errors)
    with transaction.atomic():
        existing = Module.objects.select_for_update().filter(hall=hall)
        if existing.exists():
            if not replace:
                raise GridError(
                    {"hall": _("Hall %(hall)s already has a grid.") % {"hall": hall.code}}
                )
            held = existing.filter(booth__isnull=False).count()
            if held:
                raise GridError(
                    {
                        "replace": ngettext(
                            "%(count)s module of hall %(hall)s carries a booth: move or remove "
                            "that booth before replacing the grid.",
                            "%(count)s modules of hall %(hall)s carry booths: move or remove "
                            "those booths before replacing the grid.",
                            held,
                        )
                        % {"count": number(held), "hall": hall.code}
                    }
                )
            existing.delete()
        Module.objects.bulk_create(_modules(hall, spec, pavilion), batch_size=2000)
    return spec.modules


def _modules(hall: Hall, spec: GridSpec, pavilion: Pavilion | None) -> list[Module]:
    spots = island_blocks(
        spec.rows,
        [spec.block_columns] * spec.columns,
        block_rows=spec.block_rows,
        module_m=spec.module_m,
        aisle_m=spec.aisle_m,
    )
    return [
        Module(
            hall=hall,
            x=s.x,
            y=s.y,
            x_m=s.x_m,
            y_m=s.y_m,
            size_m=spec.module_m,
            pavilion=pavilion,
            premium=s.premium,
        )
        for s in spots
    ]
