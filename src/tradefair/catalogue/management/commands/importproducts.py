"""``tradefair import products FILE --expo SLUG``: exhibitors' product catalogues from a file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tradefair.catalogue.services.imports import import_products
from tradefair.organisations.management.file_imports import run_file_import


class Command(BaseCommand):
    help = (
        "Import exhibitors' products from CSV or XLSX; see docs/formats/products-import.md. "
        "All or nothing: a file with any bad cell imports nothing and lists every one as "
        "'line N: column: reason'. A row naming a stored product (same exhibitor, same "
        "English name) updates it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        run_file_import(self, slug=options["expo"], path=options["file"], service=import_products)
