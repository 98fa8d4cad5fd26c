"""``tradefair match --expo <slug>``: refresh an edition's stored recommendations.

Thin on purpose: find the edition, call ``services.recommendations`` with a progress bar, say
what was stored. Exit status 2 for bad input (unknown edition, nonsense ``--k``): nothing
changed then.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from tradefair.expos.formatting import number
from tradefair.expos.formatting import seconds as format_seconds
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.errors import InvalidRequest
from tradefair.matchmaking.services.recommendations import refresh_recommendations

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Recommend exhibitors to every buyer and buyers to every exhibitor of an edition "
        "(top k each way, see docs/algorithms/recommendation.md) and store the lists."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--expo", required=True, metavar="SLUG", help="e.g. caexpo-22")
        parser.add_argument(
            "--k", type=int, default=50, metavar="K", help="List length per side. Default: 50."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expo = Expo.objects.filter(slug=options["expo"]).first()
        if expo is None:
            known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                _("--expo %(expo)s: no such edition (known: %(known)s)")
                % {"expo": options["expo"], "known": known or _("none")},
                returncode=BAD_INPUT,
            )
        started = time.perf_counter()
        columns = (
            TextColumn("{task.description:<28}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
        )
        quiet = options["verbosity"] == 0
        with Progress(*columns, console=Console(stderr=True), disable=quiet) as bar:
            task = bar.add_task(_("starting"), total=1.0)

            def progress(phase: str, share: float) -> None:
                bar.update(task, description=phase, completed=min(max(share, 0.0), 1.0))

            try:
                stored = refresh_recommendations(expo=expo, k=options["k"], progress=progress)
            except InvalidRequest as exc:
                raise CommandError(f"--k: {exc}", returncode=BAD_INPUT) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(
            _("Stored %(count)s recommendations for %(expo)s (top %(k)s each way) in %(seconds)s.")
            % {
                "count": number(stored),
                "expo": expo.slug,
                "k": options["k"],
                "seconds": format_seconds(seconds),
            }
        )
