"""``tradefair import trade FILE``: UN Comtrade bulk CSV into the bulletin's trade context."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from tradefair.expos.formatting import number
from tradefair.organisations.management.file_imports import nothing_imported
from tradefair.organisations.queries.import_progress import phase_label
from tradefair.trade.services.imports import import_trade


class Command(BaseCommand):
    help = (
        "Import merchandise-trade statistics from a UN Comtrade bulk CSV file (columns refYear, "
        "refMonth, period, reporterISO, partnerISO, flowCode, cmdCode, primaryValue, ...). All "
        "or nothing: a file with any bad cell imports nothing and lists every one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="a .csv file as Comtrade's bulk download gives it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        console = Console(stderr=True)
        try:
            with (
                path.open(encoding="utf-8-sig", newline="") as text,
                Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    TextColumn("{task.fields[rows]}"),
                    console=console,
                    transient=True,
                    disable=not console.is_terminal,
                ) as bar,
            ):
                tasks: dict[str, TaskID] = {}

                def progress(phase: str, done: int, total: int) -> None:
                    # Worded here, not in rich's drawing thread, which has no language active.
                    rows = ngettext("%(count)s row", "%(count)s rows", done) % {
                        "count": number(done)
                    }
                    if phase not in tasks:
                        tasks[phase] = bar.add_task(
                            phase_label(phase), total=total or None, rows=rows
                        )
                    bar.update(tasks[phase], completed=done, rows=rows)

                result = import_trade(text=text, progress=progress)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(
                _("file: cannot read %(path)s as UTF-8 CSV (%(why)s)") % {"path": path, "why": exc}
            ) from exc
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(nothing_imported(len(result.errors), path.name))
        self.stdout.write(self.style.SUCCESS(result.summary()))
