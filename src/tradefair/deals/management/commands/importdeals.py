"""``tradefair import deals FILE --expo SLUG``: record an edition's deals from a file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tradefair.deals.services.imports import import_deals
from tradefair.organisations.management.file_imports import run_file_import

SERVICE = import_deals


class Command(BaseCommand):
    help = (
        "Import an edition's deals (investment projects, trade orders, ...) from CSV or XLSX; "
        "see docs/formats/deals-import.md. All or nothing: a file with any bad cell imports "
        "nothing and lists every one as 'line N: column: reason'. A row whose reference is "
        "stored updates that deal."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        run_file_import(self, slug=options["expo"], path=options["file"], service=SERVICE)
