"""``tradefair export exhibitors|buyers --expo SLUG -o FILE``: the import's columns, back out."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.expos.formatting import number
from tradefair.organisations.services.exports import ExportError, export_participants
from tradefair.organisations.services.imports import Kind


class Command(BaseCommand):
    help = "Export exhibitors or buyers of an expo to CSV or XLSX, in the format the import reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=[k.value for k in Kind])
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")
        parser.add_argument(
            "-o", "--output", required=True, type=Path, help="a .csv or .xlsx file to write"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["output"]
        try:
            result = export_participants(
                expo_slug=options["expo"], kind=options["kind"], filename=path.name
            )
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        try:
            path.write_bytes(result.content)
        except OSError as exc:
            raise CommandError(
                _("cannot write %(path)s (%(why)s)") % {"path": path, "why": exc.strerror}
            ) from exc
        self.stdout.write(self.style.SUCCESS(written(Kind(options["kind"]), result.rows, path)))


def written(kind: Kind, rows: int, path: Path) -> str:
    if kind is Kind.EXHIBITORS:
        text = ngettext(
            "%(count)s exhibitor written to %(path)s",
            "%(count)s exhibitors written to %(path)s",
            rows,
        )
    else:
        text = ngettext(
            "%(count)s buyer written to %(path)s", "%(count)s buyers written to %(path)s", rows
        )
    return text % {"count": number(rows), "path": path}
