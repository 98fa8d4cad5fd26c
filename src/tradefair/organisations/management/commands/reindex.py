from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import Participation
from tradefair.organisations.services.search import refresh_search_text


class Command(BaseCommand):
    help = "Rebuild the directory's search text of an edition (after reference data changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--expo", required=True, help="the edition's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        expo = Expo.objects.filter(slug=options["expo"]).first()
        if expo is None:
            raise CommandError(
                _("--expo: no edition with slug %(slug)r") % {"slug": options["expo"]}
            )
        ids = list(Participation.objects.filter(expo=expo).values_list("id", flat=True))
        updated = sum(refresh_search_text(ids[i : i + 1000]) for i in range(0, len(ids), 1000))
        self.stdout.write(
            _("Reindexed %(count)s participations of %(expo)s.")
            % {"count": number(updated), "expo": expo.slug}
        )
