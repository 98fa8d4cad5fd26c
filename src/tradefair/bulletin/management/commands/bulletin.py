import json
from typing import IO, Any, cast

from babel import Locale, UnknownLocaleError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import to_language, to_locale
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
        parser.add_argument(
            "--locale",
            default=None,
            help="the table's language and number format, e.g. zh_Hans (the operator's language "
            "by default, as every command speaks it)",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the live figures as the edition's next bulletin (the public page's)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            expo = Expo.objects.get(slug=options["expo"])
        except Expo.DoesNotExist:
            known = ", ".join(Expo.objects.values_list("slug", flat=True)) or _("none yet")
            raise CommandError(
                _("--expo: no edition with slug %(slug)r (known: %(known)s)")
                % {"slug": options["expo"], "known": known}
            ) from None
        options["locale"] = options["locale"] or to_locale(translation.get_language() or "en")
        try:
            Locale.parse(options["locale"])
        except (UnknownLocaleError, ValueError):
            raise CommandError(
                _("--locale: unknown locale %(locale)r (e.g. en, zh_Hans, vi, th)")
                % {"locale": options["locale"]}
            ) from None
        if options["publish"]:
            bulletin = publish_bulletin(expo=expo, by_user=None)
            self.stderr.write(
                _("Published bulletin no. %(number)s of %(expo)s; the worker draws its PDFs.")
                % {"number": bulletin.number, "expo": expo.slug}
            )
            data = bulletin.data
        else:
            data = bulletin_data(expo)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            # The tables' words in the language of the numbers' locale, where the site has it.
            with translation.override(to_language(options["locale"])):
                print_bulletin(
                    data,
                    Console(file=cast(IO[str], self.stdout), width=110),
                    locale=options["locale"],
                )
