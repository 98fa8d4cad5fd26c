"""``tradefair import exhibitors|buyers FILE --expo SLUG``, a thin adapter over the service."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from tradefair.organisations.management.file_imports import nothing_imported
from tradefair.organisations.queries.import_progress import phase_label
from tradefair.organisations.services.imports import Kind, import_participants

# Below this many rows an import takes a moment, so a bar would only flicker.
PROGRESS_FROM_BYTES = 200_000


class Command(BaseCommand):
    help = (
        "Import exhibitors or buyers of an expo from CSV or XLSX. All or nothing: a file with any "
        "bad row imports nothing and lists every bad row."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=[k.value for k in Kind])
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("file: cannot read %(path)s (%(why)s)") % {"path": path, "why": exc.strerror}
            ) from exc
        console = Console(stderr=True)
        show = console.is_terminal and len(content) >= PROGRESS_FROM_BYTES
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not show,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase_label(phase), total=total)
                bar.update(tasks[phase], completed=done)

            result = import_participants(
                expo_slug=options["expo"],
                kind=options["kind"],
                filename=path.name,
                content=content,
                progress=progress,
            )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(nothing_imported(len(result.errors), path.name))
        self.stdout.write(self.style.SUCCESS(result.summary()))
