"""Files in and out of the engine's commands (``tradefair schedule``, ``tradefair allocate``).

A file is read whole and parsed with every fault listed before the command gives up (exit 2,
nothing written); an output is checked writable before minutes of solving, and written
beside its target then renamed, so a reader never sees half a file. With ``--expo`` the same
commands run an edition's own work: ``find_expo`` and ``acting_organiser`` resolve it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.accounts.models import User
from tradefair.engine.jsonformat import ProblemError
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo

BAD_INPUT = 2
T = TypeVar("T")


def checking(options: dict[str, Any]) -> bool:
    """Whether a file command checks (``--check PROBLEM SOLUTION``) rather than solves, its
    flags refused where they do not belong; a solve's output is checked writable first."""
    if options["check"]:
        if options["solution"] is None:
            raise CommandError(_("--check needs PROBLEM.json SOLUTION.json"), returncode=BAD_INPUT)
        if options["output"] or options["keep"] or options["greedy"]:
            raise CommandError(_("--check takes no -o, --keep or --greedy"), returncode=BAD_INPUT)
        return True
    if options["solution"] is not None:
        raise CommandError(
            _("unexpected %(path)s; did you mean -o or --check?") % {"path": options["solution"]},
            returncode=BAD_INPUT,
        )
    if options["output"] is None:
        raise CommandError(_("-o SOLUTION.json is required"), returncode=BAD_INPUT)
    check_writable(options["output"])
    if options["greedy"] and options["keep"]:
        raise CommandError(_("--keep needs the solver, not --greedy"), returncode=BAD_INPUT)
    return False


def read_engine_file(path: Path, parse: Callable[[str], T], say: Callable[[str], object]) -> T:
    """Parse a file or exit 2, each of its errors said first (``say``: the command's stderr)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(
            _("cannot read %(path)s: %(why)s") % {"path": path, "why": exc}, returncode=BAD_INPUT
        ) from exc
    try:
        return parse(text)
    except ProblemError as exc:
        for error in exc.errors:
            say(f"{path.name}: {error}")
        raise CommandError(
            ngettext(
                "%(count)s error in %(path)s; nothing written.",
                "%(count)s errors in %(path)s; nothing written.",
                len(exc.errors),
            )
            % {"count": number(len(exc.errors)), "path": path},
            returncode=BAD_INPUT,
        ) from exc


def check_writable(path: Path) -> None:
    """Refuse an output we could not write before spending up to a minute solving."""
    if path.is_dir():
        raise CommandError(
            _("-o %(path)s: is a folder; give a file name") % {"path": path}, returncode=BAD_INPUT
        )
    if not path.resolve().parent.is_dir():
        raise CommandError(
            _("-o %(path)s: the folder %(folder)s does not exist")
            % {"path": path, "folder": path.resolve().parent},
            returncode=BAD_INPUT,
        )


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename: readers never see half a file."""
    directory = path.resolve().parent
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CommandError(
            _("cannot write %(path)s: %(why)s") % {"path": path, "why": exc}, returncode=BAD_INPUT
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(
            _("cannot write %(path)s: %(why)s") % {"path": path, "why": exc}, returncode=BAD_INPUT
        ) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def find_expo(slug: str) -> Expo:
    expo = Expo.objects.filter(slug=slug).first()
    if expo is None:
        known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(
            _("--expo %(expo)s: no such edition (known: %(known)s)")
            % {"expo": slug, "known": known or _("none")},
            returncode=BAD_INPUT,
        )
    return expo


def acting_organiser(expo: Expo, email: str | None) -> User:
    """Who the run is recorded under: ``--as``, else the edition's first organiser staff, else
    the first superuser. The services check that they are an organiser, as for the buttons."""
    active = User.objects.filter(is_active=True).order_by("pk")
    if email:
        found = active.filter(email__iexact=email).first()
        if found is None:
            raise CommandError(
                _("--as %(email)s: no active user with that e-mail") % {"email": email},
                returncode=2,
            )
        return found
    found = active.filter(staff_of__expo=expo).first() or active.filter(is_superuser=True).first()
    if found is None:
        raise CommandError(
            _("%(expo)s has no organiser to record the run under: add one, or pass --as EMAIL")
            % {"expo": expo.slug},
            returncode=BAD_INPUT,
        )
    return found


def add_expo_arguments(parser: CommandParser, *, work: str) -> None:
    """``PROBLEM.json [SOLUTION.json] -o`` for the file modes, ``--expo --publish --as`` for
    running an edition's ``work`` ("scheduling", "booth allocation") as the console does."""
    parser.add_argument(
        "problem",
        type=Path,
        nargs="?",
        metavar="PROBLEM.json",
        help="A problem file; or give --expo instead.",
    )
    parser.add_argument(
        "solution",
        type=Path,
        nargs="?",
        metavar="SOLUTION.json",
        help="With --check: the solution to validate.",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="SOLUTION.json")
    parser.add_argument(
        "--expo",
        metavar="SLUG",
        help=f"Run this edition's {work} as the console's Run button does (e.g. caexpo-22).",
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help="With --expo: then publish the result, as the console's Publish button does.",
    )
    parser.add_argument(
        "--as",
        dest="acting",
        metavar="EMAIL",
        help="With --expo: the organiser the run is recorded under "
        "(default: the edition's first organiser, else the first superuser).",
    )


def for_an_expo(options: dict[str, Any], file_only: tuple[str, ...], result: str) -> bool:
    """Whether the command runs an edition (``--expo``) rather than files; refuses (exit 2)
    both or neither, file options with ``--expo`` and ``--publish``/``--as`` without it.
    ``result`` names where the edition's result goes, in the reader's words."""
    if (options["problem"] is None) == (options["expo"] is None):
        raise CommandError(_("give either PROBLEM.json or --expo SLUG"), returncode=BAD_INPUT)
    if options["expo"] is None:
        if options["publish"] or options["acting"]:
            raise CommandError(_("--publish and --as go with --expo SLUG"), returncode=BAD_INPUT)
        return False
    flags = {"solution": "SOLUTION.json", "output": "-o"}
    unused = [
        flags.get(name, f"--{name}") for name in ("solution", "output", *file_only) if options[name]
    ]
    if unused:
        raise CommandError(
            _(
                "--expo takes no %(options)s: the edition's data is the problem and the result "
                "goes to its %(result)s"
            )
            % {"options": ", ".join(unused), "result": result},
            returncode=BAD_INPUT,
        )
    return True


def solver_broke(faults: int) -> CommandError:
    """A solver's answer that breaks the checker's rules is never written: our fault."""
    return CommandError(
        ngettext(
            "the solver broke %(count)s rule; nothing written (please report this)",
            "the solver broke %(count)s rules; nothing written (please report this)",
            faults,
        )
        % {"count": number(faults)}
    )


def broken_rules(faults: int, path: Path) -> CommandError:
    """What ``--check`` says of a solution file that breaks rules (each printed before)."""
    return CommandError(
        ngettext("%(count)s broken rule in %(path)s", "%(count)s broken rules in %(path)s", faults)
        % {"count": number(faults), "path": path},
        returncode=1,
    )
