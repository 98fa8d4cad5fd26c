"""What every ``tradefair import KIND FILE --expo SLUG`` command does around its service:
find the edition, read the file, draw the service's progress with rich, print every
``line N: column: reason`` and fail when the file was refused."""

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.queries.import_progress import phase_label


class FileImportResult(Protocol):
    @property
    def ok(self) -> bool: ...

    errors: Any

    def summary(self) -> str: ...


def nothing_imported(errors: int, filename: str) -> str:
    """What every import command says last when it refused a file."""
    return ngettext(
        "%(count)s error in %(file)s; nothing imported.",
        "%(count)s errors in %(file)s; nothing imported.",
        errors,
    ) % {"count": number(errors), "file": filename}


def expo_named(slug: str) -> Expo:
    expo = Expo.objects.filter(slug=slug).first()
    if expo is None:
        known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(
            _("expo: unknown expo '%(expo)s' (known: %(known)s)")
            % {"expo": slug, "known": known or _("none")}
        )
    return expo


def run_file_import(
    command: BaseCommand,
    *,
    slug: str,
    path: Path,
    service: Callable[..., FileImportResult],
) -> None:
    """Call ``service(expo=, filename=, content=, progress=)`` and report as a command does."""
    expo = expo_named(slug)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise CommandError(
            _("file: cannot read %(path)s (%(why)s)") % {"path": path, "why": exc.strerror}
        ) from exc
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
                tasks[phase] = bar.add_task(phase_label(phase), total=total)
            bar.update(tasks[phase], completed=done)

        result = service(expo=expo, filename=path.name, content=content, progress=progress)
    if not result.ok:
        for error in result.errors:
            command.stderr.write(str(error))
        raise CommandError(nothing_imported(len(result.errors), path.name))
    command.stdout.write(command.style.SUCCESS(result.summary()))
