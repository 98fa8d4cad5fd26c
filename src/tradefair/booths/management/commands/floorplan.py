"""``tradefair floorplan export|import``: a hall's floor plan as GeoJSON, IMDF-style
(``docs/formats/floorplan-geojson.md``), to draw it in a CAD tool or a GIS and read it back.

Exit status is for scripts: 0 done, 2 bad input or a refused import (every fault named on
stderr, nothing written or imported).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tradefair.booths.services.geojson_export import plan_geojson
from tradefair.engine.jsonformat import dumps, load_json
from tradefair.expos.engine_files import (
    BAD_INPUT,
    check_writable,
    find_expo,
    read_engine_file,
    write_atomically,
)
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Hall
from tradefair.floorplan.services.geojson import GeoJSONError, import_units
from tradefair.organisations.management.file_imports import nothing_imported


class Command(BaseCommand):
    help = (
        "Export a hall's modules and booths as GeoJSON, or import its modules from GeoJSON "
        "(format: docs/formats/floorplan-geojson.md)."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="export|import")
        export = actions.add_parser(
            "export", help="Write the hall's modules (units) and booths (occupants)."
        )
        self.hall_arguments(export)
        export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.geojson")
        read = actions.add_parser("import", help="Create the hall's modules from unit features.")
        self.hall_arguments(read)
        read.add_argument("file", type=Path, metavar="FILE.geojson")
        read.add_argument(
            "--replace",
            action="store_true",
            help="Replace the hall's modules (refused while any of them carry booths).",
        )

    @staticmethod
    def hall_arguments(parser: CommandParser) -> None:
        parser.add_argument("--expo", required=True, metavar="SLUG", help="e.g. caexpo-22")
        parser.add_argument("--hall", required=True, metavar="CODE", help="The hall's code.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            check_writable(options["output"])
            expo = find_expo(options["expo"])
            hall = find_hall(expo, options["hall"])
            plan = plan_geojson(expo, hall)
            write_atomically(options["output"], dumps(plan))
            units = sum(1 for f in plan["features"] if f["feature_type"] == "unit")
            self.stdout.write(
                _("Wrote %(path)s: %(modules)s modules and %(booths)s booths of hall %(hall)s.")
                % {
                    "path": options["output"],
                    "modules": number(units),
                    "booths": number(len(plan["features"]) - units),
                    "hall": hall.code,
                }
            )
            return
        expo = find_expo(options["expo"])
        hall = find_hall(expo, options["hall"])
        data = read_engine_file(options["file"], load_json, self.stderr.write)
        try:
            created = import_units(hall, data, replace=options["replace"])
        except GeoJSONError as exc:
            for error in exc.errors:
                self.stderr.write(f"{options['file'].name}: {error}")
            raise CommandError(
                nothing_imported(len(exc.errors), str(options["file"])), returncode=BAD_INPUT
            ) from exc
        self.stdout.write(
            _("Imported %(count)s modules into hall %(hall)s of %(expo)s.")
            % {"count": number(created), "hall": hall.code, "expo": expo.slug}
        )


def find_hall(expo: Expo, code: str) -> Hall:
    hall = Hall.objects.filter(expo=expo, code=code).first()
    if hall is None:
        known = ", ".join(Hall.objects.filter(expo=expo).values_list("code", flat=True))
        raise CommandError(
            _("--hall %(hall)s: no such hall in %(expo)s (halls: %(known)s)")
            % {"hall": code, "expo": expo.slug, "known": known or _("none")},
            returncode=BAD_INPUT,
        )
    return hall
