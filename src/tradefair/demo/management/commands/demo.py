"""``tradefair demo``: migrate, load the 22nd China-ASEAN Expo demo and serve it.

It serves the way production does: the web server answers requests and a worker process,
started beside it and stopped with it, does the long work (scheduling runs, publishing).
"""

import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tradefair.demo.accounts import PASSWORD, ensure_demo_accounts
from tradefair.demo.export import write_fits_csv
from tradefair.demo.generator import generate
from tradefair.demo.loader import load_demo, total_rows
from tradefair.demo.loader_programme import register_demo_accounts
from tradefair.demo.worker import background_worker
from tradefair.expos.formatting import number, seconds
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.recommendations import refresh_recommendations

RECOMMENDATIONS_K = 50


class Command(BaseCommand):
    help = "Load the demo edition (22nd China-ASEAN Expo) and serve it on http://127.0.0.1:8000."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--load-only", action="store_true", help="Load and exit.")
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo expo first, then reload it."
        )
        parser.add_argument(
            "--fits-out",
            type=Path,
            metavar="PATH.csv",
            help="Only write the planted buyer-exhibitor true fits to this CSV and exit.",
        )
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        demo = generate()
        if options["fits_out"]:
            try:
                count = write_fits_csv(demo, options["fits_out"])
            except OSError as exc:
                raise CommandError(
                    _("--fits-out: cannot write %(path)s: %(why)s")
                    % {"path": options["fits_out"], "why": exc}
                ) from exc
            self.stdout.write(
                _("Wrote %(count)s true fits to %(path)s")
                % {"count": number(count), "path": options["fits_out"]}
            )
            return
        call_command("migrate", interactive=False, verbosity=options["verbosity"] - 1)
        columns = [
            TextColumn("{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        with Progress(*columns, disable=options["verbosity"] == 0) as progress:
            task = progress.add_task(_("Loading the demo"), total=total_rows(demo))
            report = load_demo(
                demo,
                reset=options["reset"],
                step=lambda text, rows: progress.update(task, description=text, advance=rows),
            )
            recommended = self._recommend(progress, report.slug) if report.created else None
        if report.created:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Loaded %(name)s in %(seconds)s.")
                    % {"name": demo.name, "seconds": seconds(report.seconds)}
                )
            )
        else:
            self.stdout.write(
                _("%(name)s (%(slug)s) is already loaded; nothing changed.")
                % {"name": demo.name, "slug": report.slug}
            )
        self.stdout.write(
            _(
                "%(exhibitors)s exhibitors from %(countries)s countries, %(buyers)s buyers, "
                "%(area)s m² of halls."
            )
            % {
                "exhibitors": number(report.exhibitors),
                "countries": number(report.exhibitor_countries),
                "buyers": number(report.buyers),
                "area": number(report.hall_area_m2),
            }
        )
        self.stdout.write(
            _(
                "%(slots)s negotiation slots, %(interpreters)s interpreters, %(requests)s "
                "meeting requests; %(held)s meetings held, the trade orders signed at them "
                "traced (schedule the rest from the organiser console)."
            )
            % {
                "slots": number(report.slots),
                "interpreters": number(report.interpreters),
                "requests": number(report.requests),
                "held": number(report.held_meetings),
            }
        )
        if report.created:
            # By name: the bulletin sits above the demo in the app layers.
            call_command("bulletin", expo=report.slug, publish=True, stdout=io.StringIO())
        self.stdout.write(
            _(
                "%(deals)s deals signed; the published bulletin is at /%(slug)s/bulletin/ "
                "(live figures: tradefair bulletin --expo %(slug)s)."
            )
            % {"deals": number(report.deals), "slug": report.slug}
        )
        if recommended is not None:
            self.stdout.write(
                _("%(count)s recommendations stored.") % {"count": number(recommended)}
            )
        self._accounts(report.slug)
        if not options["load_only"]:
            with background_worker(self.stdout):
                call_command("runserver", options["addrport"], use_reloader=False)

    def _recommend(self, progress: Progress, slug: str) -> int:
        """Each buyer's and exhibitor's top 50, so the portals open with recommendations."""
        task = progress.add_task(_("Recommending"), total=100)

        def show(phase: str, share: float) -> None:
            description = _("Recommending: %(phase)s") % {"phase": phase}
            progress.update(task, description=description, completed=100 * share)

        return refresh_recommendations(
            expo=Expo.objects.get(slug=slug), k=RECOMMENDATIONS_K, progress=show
        )

    def _accounts(self, slug: str) -> None:
        """Demo log-ins with a known password exist only where DEBUG says this is no production."""
        if not settings.DEBUG:
            self.stdout.write(_("DEBUG is off: no demo accounts were created."))
            return
        self.stdout.write(
            _("Demo accounts (password: %(password)s), log in at /accounts/login/:")
            % {"password": PASSWORD}
        )
        for account in ensure_demo_accounts(slug):
            role = account.role_label()
            self.stdout.write(f"  {account.email:<26} {role:<10} {account.organisation}")
        busy = register_demo_accounts(slug)
        if busy:
            self.stdout.write(
                _(
                    "Registered for activities during negotiation slots (the scheduler keeps "
                    "these times free of their meetings):"
                )
            )
        for entry in busy:
            self.stdout.write(f"  {entry.email:<26} {entry.start:<13} {entry.activity}")
