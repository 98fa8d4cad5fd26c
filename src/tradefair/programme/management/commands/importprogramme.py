"""``tradefair importprogramme --expo SLUG FILE``: the console's programme import, from a shell."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tradefair.organisations.management.file_imports import run_file_import
from tradefair.programme.services.imports import import_programme

SERVICE = import_programme


class Command(BaseCommand):
    help = (
        "Import an edition's programme (activities, rooms, speakers) from CSV or XLSX; see "
        "docs/formats/programme-import.md. All or nothing: a file with any bad cell imports "
        "nothing and lists every one as 'line N: column: reason'. Rows matching an activity by "
        "title, start and room update it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        run_file_import(self, slug=options["expo"], path=options["file"], service=SERVICE)
