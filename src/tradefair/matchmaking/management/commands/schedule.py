"""``tradefair schedule``: solve or check a problem in the JSON interchange format, or run an
edition's scheduling (``--expo SLUG``).

Thin on purpose: files in, engine calls, files out; or, with ``--expo``, the console's own
services (the Run and Publish buttons') executed in this process, then the figures the
console's result page shows. Exit status is for scripts: 0 done, 1 the solution breaks a rule
(``--check``), the solver failed or a run of the edition is already going on, 2 bad input
(nothing written).
"""

from __future__ import annotations

import io
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.check import check
from tradefair.engine.schedule.io import (
    duplicate_pairs,
    parse_problem,
    parse_solution,
)
from tradefair.engine.schedule.problem import Problem, Solution, Stats
from tradefair.engine.schedule.writer import dump_solution
from tradefair.expos.engine_files import (
    acting_organiser,
    add_expo_arguments,
    broken_rules,
    checking,
    find_expo,
    for_an_expo,
    read_engine_file,
    solver_broke,
    write_atomically,
)
from tradefair.expos.formatting import fixed, number, percent, seconds
from tradefair.matchmaking.models import ScheduleRun

BAD_INPUT = 2
FILE_TIME_LIMIT = 60.0
EXPO_TIME_LIMIT = ScheduleRun.DEFAULT_TIME_LIMIT  # as the console's form starts
T = TypeVar("T")
NOTES_SHOWN = 5
_COLUMNS = (
    TextColumn("{task.description:<24}"),
    BarColumn(),
    TaskProgressColumn(),
    TimeElapsedColumn(),
)


class Command(BaseCommand):
    help = (
        "Schedule meeting requests into slots, tables and interpreters "
        "(format: docs/formats/schedule.md), or --check a solution against the rules; "
        "or run an edition's scheduling with --expo SLUG [--publish]."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        add_expo_arguments(parser, work="scheduling")
        parser.add_argument(
            "--time-limit",
            type=float,
            metavar="S",
            help=f"Default: {FILE_TIME_LIMIT:g} seconds for a file, "
            f"{EXPO_TIME_LIMIT:g} for --expo (as the console).",
        )
        parser.add_argument(
            "--keep",
            type=Path,
            metavar="SOLUTION.json",
            help="A previous solution: its meetings stay where they are while still valid.",
        )
        parser.add_argument(
            "--greedy", action="store_true", help="Run the first-come-first-served baseline."
        )
        parser.add_argument(
            "--check", action="store_true", help="Print every rule SOLUTION.json breaks."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expo = for_an_expo(options, ("keep", "greedy", "check"), _("schedule"))
        time_limit = options["time_limit"]
        if time_limit is not None and not (math.isfinite(time_limit) and time_limit > 0):
            raise CommandError(_("--time-limit must be a number of seconds > 0"), returncode=2)
        if expo:
            self.run_expo(options, time_limit or EXPO_TIME_LIMIT)
            return
        options["time_limit"] = time_limit or FILE_TIME_LIMIT
        if checking(options):
            self.check_files(options["problem"], options["solution"])
            return
        started = time.perf_counter()
        problem = self.read(options["problem"], parse_problem)
        keep = self.read(options["keep"], parse_solution) if options["keep"] else None
        self.notes(problem)
        solution = self.solve(problem, keep, options, quiet=options["verbosity"] == 0)
        faults = check(problem, solution)
        if faults:
            for fault in faults:
                self.stderr.write(fault)
            raise solver_broke(len(faults))
        write_atomically(options["output"], dump_solution(solution, problem))
        self.stdout.write(summary(problem, solution, time.perf_counter() - started, keep))
        self.stdout.write(_("Wrote %(path)s") % {"path": options["output"]})

    def run_expo(self, options: dict[str, Any], time_limit: float) -> None:
        """The console's run (and publication) of one edition, executed in this process."""
        # Imported here: the file modes work without the database or the solver service.
        from tradefair.matchmaking.services.errors import MatchmakingError
        from tradefair.matchmaking.services.publishing import publish_schedule
        from tradefair.matchmaking.services.scheduling import schedule_now

        expo = find_expo(options["expo"])
        organiser = acting_organiser(expo, options["acting"])
        quiet = options["verbosity"] == 0
        if not quiet:
            self.stderr.write(
                _("Scheduling %(expo)s as %(user)s") % {"expo": expo.slug, "user": organiser.email}
            )
        with phase_bar(quiet=quiet) as progress:
            try:
                run = schedule_now(
                    expo=expo, by_user=organiser, time_limit=time_limit, progress=progress
                )
            except MatchmakingError as exc:
                raise CommandError(str(exc), returncode=1) from exc
            except Exception as exc:
                raise CommandError(
                    _("the run failed and changed nothing: %(why)r") % {"why": exc}
                ) from exc
        if run.status != ScheduleRun.Status.DONE:  # given up on by someone else meanwhile
            raise CommandError(
                _("run %(run)s ended %(status)s: %(why)s")
                % {
                    "run": run.pk,
                    "status": run.get_status_display(),
                    # Stored in English (the services' gettext_noop texts): said in the reader's.
                    "why": _(run.error) if run.error else _("no detail"),
                }
            )
        if not options["publish"]:
            self.stdout.write(run_summary(run))
            return
        # The summary comes after publishing: without a mail server the notifications it
        # sends are printed on this same output, and the summary must not scroll away.
        try:
            published = publish_schedule(run=run, by_user=organiser)
        except MatchmakingError as exc:
            self.stdout.write(run_summary(run))
            raise CommandError(_("not published: %(why)s") % {"why": exc}, returncode=1) from exc
        self.stdout.write(run_summary(run))
        self.stdout.write(
            _("Published %(count)s meetings of run %(run)s.")
            % {"count": number(published), "run": run.pk}
        )

    def check_files(self, problem_path: Path, solution_path: Path) -> None:
        problem = self.read(problem_path, parse_problem)
        solution = self.read(solution_path, parse_solution)
        faults = check(problem, solution)
        for fault in faults:
            self.stdout.write(fault)
        if faults:
            raise broken_rules(len(faults), solution_path)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)s meeting obeys every rule.",
                    "%(count)s meetings obey every rule.",
                    len(solution.meetings),
                )
                % {"count": number(len(solution.meetings))}
            )
        )

    def read(self, path: Path, parse: Callable[[str], T]) -> T:
        return read_engine_file(path, parse, self.stderr.write)

    def notes(self, problem: Problem) -> None:
        notes = duplicate_pairs(problem)
        for note in notes[:NOTES_SHOWN]:
            self.stderr.write(_("note: %(note)s") % {"note": note})
        if len(notes) > NOTES_SHOWN:
            self.stderr.write(
                _("note: … and %(count)s more repeated pairs")
                % {"count": number(len(notes) - NOTES_SHOWN)}
            )

    def solve(
        self, problem: Problem, keep: Solution | None, options: dict[str, Any], *, quiet: bool
    ) -> Solution:
        with phase_bar(quiet=quiet) as progress:
            if options["greedy"]:
                from tradefair.engine.schedule.greedy import greedy

                if problem.is_general:
                    raise CommandError(
                        _(
                            "--greedy takes buyer-exhibitor problems only; this one has general "
                            "rules (participants pairs, required meetings, slots, fixed_slot, "
                            "after or max_gap_spread): run it without --greedy"
                        ),
                        returncode=BAD_INPUT,
                    )

                progress("greedy", 0.0)
                solution = greedy(problem)
                progress("done", 1.0)
                return solution
            try:
                from tradefair.engine.schedule.general import Infeasible
                from tradefair.engine.schedule.solver import solve
            except ModuleNotFoundError as exc:
                if exc.name != "tradefair.engine.schedule.solver":
                    raise
                raise CommandError(_("the solver is not installed; use --greedy")) from exc
            try:
                return solve(
                    problem, time_limit=options["time_limit"], keep=keep, progress=progress
                )
            except Infeasible as exc:
                raise CommandError(
                    _("%(why)s; nothing written") % {"why": exc}, returncode=1
                ) from exc


@contextmanager
def phase_bar(*, quiet: bool) -> Iterator[Callable[[str, float], None]]:
    """A progress bar on stderr naming the run's phases as the console does."""
    from tradefair.matchmaking.queries.run_progress import phase_label

    with Progress(*_COLUMNS, console=Console(stderr=True), disable=quiet) as bar:
        task = bar.add_task(phase_label("starting"), total=1.0)

        def progress(phase: str, share: float) -> None:
            bar.update(task, description=phase_label(phase), completed=min(max(share, 0.0), 1.0))

        yield progress


def run_summary(run: ScheduleRun) -> str:
    """The console result page's figures: each against its bound, then left-out reasons."""
    from tradefair.matchmaking.queries import console, left_out, run_progress

    table = Table(
        title=_("Run %(run)s of %(expo)s") % {"run": run.pk, "expo": run.expo.slug},
        show_header=False,
    )
    table.add_column(style="bold")
    table.add_column(justify="right")
    for figure in console.run_figures(run):
        value = number(figure.value)
        if figure.bound is not None and figure.share is not None:
            value += " " + _("of at most %(bound)s (%(share)s)") % {
                "bound": number(figure.bound),
                "share": percent(figure.share, tenths=True),
            }
        table.add_row(str(figure.label), value)
        if figure.bound is None:
            table.add_row("", str(figure.help))
    table.add_row(_("Requests left out"), number(left_out.total(run)))
    for reason in left_out.reason_counts(run):
        table.add_row(f"  {reason.label}", number(reason.count))
    table.add_row(_("Wall time"), run_progress.wall_time(run) or "")
    buffer = io.StringIO()
    Console(file=buffer, width=100).print(table)
    return buffer.getvalue().rstrip("\n")


def summary(
    problem: Problem, solution: Solution, total_seconds: float, keep: Solution | None = None
) -> str:
    """The figures a report quotes, as a table; bounds say 'not proven' when missing; with
    ``keep``, how much of the previous schedule stayed."""
    stats = solution.stats or metrics.summarise(problem, solution.meetings, seconds=0.0)
    gaps = stats.idle_gaps
    if gaps is None:
        gaps = metrics.idle_gaps(problem, solution.meetings)
    requesting = metrics.buyers_requesting(problem)
    table = Table(title=_("Schedule"), show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(
        _("Meetings scheduled"),
        _("%(count)s of %(total)s requests")
        % {"count": number(stats.count), "total": number(len(problem.requests))},
    )
    table.add_row(_("Upper bound on meetings"), _bound(stats.upper_bound, stats.count))
    table.add_row(_("Total priority"), number(stats.priority))
    if stats.priority_upper_bound is not None:
        table.add_row(
            _("Upper bound on priority"), _bound(stats.priority_upper_bound, stats.priority)
        )
    table.add_row(
        _("People who asked and got no meeting")
        if problem.is_general
        else _("Buyers who asked and got no meeting"),
        _("%(count)s of %(total)s")
        % {"count": number(stats.buyers_without_meeting), "total": number(requesting)},
    )
    table.add_row(_("Proven minimum of that"), _minimum(stats))
    per = gaps / stats.count if stats.count else 0.0
    table.add_row(
        _("Idle gaps"),
        _("%(gaps)s (%(per)s per meeting)") % {"gaps": number(gaps), "per": fixed(per, 2)},
    )
    if stats.idle_gaps_lower_bound is not None:
        table.add_row(_("Proven minimum of idle gaps"), number(stats.idle_gaps_lower_bound))
    if problem.max_gap_spread is not None:
        most, fewest = metrics.gap_spread(problem, solution.meetings)
        table.add_row(
            _("Idle gaps per participant"),
            _("%(fewest)s-%(most)s (spread at most %(spread)s)")
            % {
                "fewest": number(fewest),
                "most": number(most),
                "spread": number(problem.max_gap_spread),
            },
        )
    if stats.status is not None:
        table.add_row(_("Status"), _status(stats.status))
    days = stats.days_attended
    if days is None:
        days = metrics.days_attended(problem, solution.meetings)
    table.add_row(
        _("Days attended"),
        _("%(days)s (%(per)s per participant with a meeting)")
        % {
            "days": number(days),
            "per": fixed(metrics.days_per_participant(problem, solution.meetings), 2),
        },
    )
    if keep is not None:
        slot, at_table = metrics.kept_in_place(keep.meetings, solution.meetings)
        table.add_row(
            _("Kept from the previous schedule"),
            _("%(slot)s of %(total)s in their slot (%(table)s at their table)")
            % {
                "slot": number(slot),
                "total": number(len(keep.meetings)),
                "table": number(at_table),
            },
        )
    table.add_row(_("Solver time"), seconds(stats.seconds))
    table.add_row(_("Total time (read, solve, check, write)"), seconds(total_seconds))
    buffer = io.StringIO()
    Console(file=buffer, width=100).print(table)
    return buffer.getvalue().rstrip("\n")


def _bound(bound: int, reached: int) -> str:
    if bound < 0:
        return _("not proven")
    if not bound:
        return number(bound)
    return _("%(bound)s (reached %(share)s)") % {
        "bound": number(bound),
        "share": percent(reached / bound, tenths=True),
    }


def _minimum(stats: Stats) -> str:
    return (
        _("not proven")
        if stats.min_buyers_without_meeting < 0
        else number(stats.min_buyers_without_meeting)
    )


def _status(status: str) -> str:
    """The solution's status ('optimal' or 'feasible' in the file) in the reader's words."""
    words = {"optimal": _("optimal (proven)"), "feasible": _("feasible (not proven optimal)")}
    return words.get(status, status)
