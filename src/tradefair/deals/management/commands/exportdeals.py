"""``tradefair export deals --expo SLUG -o FILE``: the deals, in the columns the import reads."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.deals.services.exports import ExportError, export_deals
from tradefair.expos.formatting import number
from tradefair.organisations.management.file_imports import expo_named


class Command(BaseCommand):
    help = "Export an expo's deals to CSV or XLSX, in the format `tradefair import deals` reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")
        parser.add_argument(
            "-o", "--output", required=True, type=Path, help="a .csv or .xlsx file to write"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expo = expo_named(options["expo"])
        path: Path = options["output"]
        try:
            result = export_deals(expo=expo, filename=path.name)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        try:
            path.write_bytes(result.content)
        except OSError as exc:
            raise CommandError(
                _("cannot write %(path)s (%(why)s)") % {"path": path, "why": exc.strerror}
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)s deal written to %(path)s",
                    "%(count)s deals written to %(path)s",
                    result.rows,
                )
                % {"count": number(result.rows), "path": path}
            )
        )
