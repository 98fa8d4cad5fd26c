"""``tradefair importprogramme --expo SLUG FILE``: the console's programme import, from a shell."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from tradefair.expos.models import Expo
from tradefair.programme.services.imports import import_programme


class Command(BaseCommand):
    help = (
        "Import an edition's programme (activities, rooms, speakers) from CSV or XLSX; see "
        "docs/formats/programme-import.md. All or nothing: a file with any bad cell imports "
        "nothing and lists every one as 'line N: column: reason'. Rows matching an activity by "
        "title, start and room update it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--expo", required=True, help="the expo's slug, e.g. caexpo-22")

    def handle(self, *args: Any, **options: Any) -> None:
        expo = Expo.objects.filter(slug=options["expo"]).first()
        if expo is None:
            known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"expo: unknown expo '{options['expo']}' (known: {known or 'none'})")
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"file: cannot read {path} ({exc.strerror})") from exc
        console = Console(stderr=True)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], completed=done)

            result = import_programme(
                expo=expo, filename=path.name, content=content, progress=progress
            )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} error(s) in {path.name}; nothing imported.")
        self.stdout.write(self.style.SUCCESS(result.summary()))
