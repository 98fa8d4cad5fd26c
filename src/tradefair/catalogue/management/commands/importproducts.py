"""``tradefair import products FILE --expo SLUG [--pictures PATH]``: exhibitors' product
catalogues from a file, with their pictures from a folder or a ZIP file."""

from functools import partial
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tradefair.catalogue.services.imports import import_products
from tradefair.catalogue.services.picture_sources import PicturesUnreadable, open_pictures
from tradefair.organisations.management.file_imports import run_file_import


class Command(BaseCommand):
    help = (
        "Import exhibitors' products from CSV or XLSX; see docs/formats/products-import.md. "
        "All or nothing: a file with any bad cell imports nothing and lists every one as "
        "'line N: column: reason'. A row naming a stored product (same exhibitor, same "
        "English name) updates it. A 'pictures' column names picture files (separated by "
        "';', in display order) in the folder or ZIP file given with --pictures; a product's "
        "pictures become exactly those, and an empty cell removes them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")
        parser.add_argument(
            "--pictures",
            type=Path,
            metavar="PATH",
            help=(
                "a folder or a .zip file holding the files the 'pictures' column names "
                "(names are relative to it)"
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        slug, path = options["expo"], options["file"]
        if options["pictures"] is None:
            run_file_import(self, slug=slug, path=path, service=import_products)
            return
        try:
            opened = open_pictures(Path(options["pictures"]))
        except PicturesUnreadable as exc:
            raise CommandError(_("pictures: %(why)s") % {"why": exc}) from exc
        with opened as source:
            service = partial(import_products, pictures=source)
            run_file_import(self, slug=slug, path=path, service=service)
