import json
from typing import IO, Any, cast

from babel import Locale, UnknownLocaleError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console

from tradefair.bulletin.figures import bulletin_data
from tradefair.bulletin.report import print_bulletin
from tradefair.bulletin.services import publish_bulletin
from tradefair.expos.models import Expo


class Command(BaseCommand):
    help = "Print an edition's statistical bulletin (a table, or JSON with --json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--expo", required=True, help="the edition's slug, e.g. caexpo-22")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument("--locale", default="en", help="number format for the table")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the live figures as the edition's next bulletin (the public page's)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            expo = Expo.objects.get(slug=options["expo"])
        except Expo.DoesNotExist:
            known = ", ".join(Expo.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(
                f"--expo: no edition with slug {options['expo']!r} (known: {known})"
            ) from None
        try:
            Locale.parse(options["locale"])
        except (UnknownLocaleError, ValueError):
            raise CommandError(
                f"--locale: unknown locale {options['locale']!r} (e.g. en, zh_Hans, vi, th)"
            ) from None
        if options["publish"]:
            bulletin = publish_bulletin(expo=expo, by_user=None)
            self.stderr.write(
                f"Published bulletin no. {bulletin.number} of {expo.slug}; the worker draws its "
                "PDFs."
            )
            data = bulletin.data
        else:
            data = bulletin_data(expo)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            print_bulletin(
                data, Console(file=cast(IO[str], self.stdout), width=110), locale=options["locale"]
            )
