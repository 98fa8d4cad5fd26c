"""``tradefair allocate``: place exhibitors on the halls' booth modules, or check a placement;
or, with ``--expo``, run an edition's allocation as the console's button does.

Thin on purpose: files in (``docs/formats/booths.md``), engine calls, a file out; or the
console's own services. Exit status is for scripts: 0 done, 1 the solution breaks a rule
(``--check``) or the run was refused, 2 bad input (every error named, nothing written).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console

from tradefair.booths.models import AllocationRun
from tradefair.booths.queries.console import left_out
from tradefair.booths.services.errors import BoothError
from tradefair.booths.services.publishing import publish_run
from tradefair.booths.services.runs import allocate_now
from tradefair.engine.booths.check import check
from tradefair.engine.booths.greedy import solve_greedy
from tradefair.engine.booths.io import parse_problem, parse_solution
from tradefair.engine.booths.problem import Problem, Solution
from tradefair.engine.booths.solver import solve
from tradefair.engine.booths.writer import solution_to_dict
from tradefair.engine.jsonformat import dumps
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
from tradefair.expos.formatting import number, percent, seconds

TIME_LIMIT = 60.0


class Command(BaseCommand):
    help = (
        "Place exhibitors on booth modules by zone, sector and priority points "
        "(format: docs/formats/booths.md), or --check an allocation against the rules."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        add_expo_arguments(parser, work="booth allocation")
        parser.add_argument(
            "--time-limit", type=float, metavar="S", help=f"Default: {TIME_LIMIT:g} seconds."
        )
        parser.add_argument(
            "--keep",
            type=Path,
            metavar="OLD.json",
            help="A previous allocation: its booths stay where they are while still valid.",
        )
        parser.add_argument(
            "--greedy",
            action="store_true",
            help="Run the baseline: points order, each into the first free rectangle.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Print every rule SOLUTION.json breaks."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        time_limit = options["time_limit"]
        if time_limit is not None and not (math.isfinite(time_limit) and time_limit > 0):
            raise CommandError(_("--time-limit must be a number of seconds > 0"), returncode=2)
        if for_an_expo(options, ("keep", "greedy", "check"), _("floor plan")):
            self.run_expo(options, time_limit or AllocationRun.DEFAULT_TIME_LIMIT)
            return
        if checking(options):
            self.check_files(options["problem"], options["solution"])
            return
        problem = read_engine_file(options["problem"], parse_problem, self.stderr.write)
        keep = None
        if options["keep"]:
            old = read_engine_file(options["keep"], parse_solution, self.stderr.write)
            keep = {a.exhibitor: a.modules for a in old.allocations}
        console = Console(stderr=True, quiet=options["verbosity"] == 0)
        with console.status(
            _("placing %(count)s exhibitors") % {"count": number(len(problem.exhibitors))}
        ):
            if options["greedy"]:
                solution = solve_greedy(problem)
            else:
                solution = solve(problem, time_limit=time_limit or TIME_LIMIT, keep=keep)
        faults = check(problem, solution)
        if faults:
            for fault in faults:
                self.stderr.write(fault)
            raise solver_broke(len(faults))
        write_atomically(options["output"], dumps(solution_to_dict(problem, solution)))
        self.stdout.write(summary(problem, solution))
        self.stdout.write(_("Wrote %(path)s") % {"path": options["output"]})

    def run_expo(self, options: dict[str, Any], time_limit: float) -> None:
        """The console's run (and publication) of one edition, executed in this process."""
        expo = find_expo(options["expo"])
        organiser = acting_organiser(expo, options["acting"])
        quiet = options["verbosity"] == 0
        console = Console(stderr=True, quiet=quiet)
        with console.status(
            _("allocating the booths of %(expo)s as %(user)s")
            % {"expo": expo.slug, "user": organiser.email}
        ):
            try:
                run = allocate_now(expo=expo, by_user=organiser, time_limit=time_limit)
            except BoothError as exc:
                raise CommandError(str(exc), returncode=1) from exc
        stats = run.stats
        self.stdout.write(
            _(
                "Run %(run)s: %(placed)s of %(exhibitors)s exhibitors placed; %(modules)s of "
                "%(booked)s booked modules (upper bound %(bound)s); clustering %(pairs)s; "
                "%(seconds)s"
            )
            % {
                "run": run.pk,
                "placed": number(stats["placed_exhibitors"]),
                "exhibitors": number(stats["exhibitors"]),
                "modules": number(stats["modules_placed"]),
                "booked": number(stats["booked"]),
                "bound": number(stats["upper_bound"]),
                "pairs": number(stats["clustering"]),
                "seconds": seconds(stats["seconds"]),
            }
        )
        for left in left_out(run):
            self.stdout.write(
                "  "
                + _("without a booth: %(name)s: %(why)s") % {"name": left.name, "why": left.reason}
            )
        if options["publish"]:
            try:
                placed = publish_run(run=run, by_user=organiser)
            except BoothError as exc:
                raise CommandError(
                    _("not published: %(why)s") % {"why": exc}, returncode=1
                ) from exc
            self.stdout.write(
                _("Published run %(run)s: %(count)s booths new or moved.")
                % {"run": run.pk, "count": number(len(placed))}
            )

    def check_files(self, problem_path: Path, solution_path: Path) -> None:
        problem = read_engine_file(problem_path, parse_problem, self.stderr.write)
        solution = read_engine_file(solution_path, parse_solution, self.stderr.write)
        faults = check(problem, solution)
        for fault in faults:
            self.stdout.write(fault)
        if faults:
            raise broken_rules(len(faults), solution_path)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "%(count)s booth obeys every rule.",
                    "%(count)s booths obey every rule.",
                    len(solution.allocations),
                )
                % {"count": number(len(solution.allocations))}
            )
        )


def summary(problem: Problem, solution: Solution) -> str:
    """The figures a report quotes: placed against the bound, clustering, premium, time."""
    stats = solution.stats
    assert stats is not None
    share = stats.modules_placed / stats.upper_bound if stats.upper_bound else 1.0
    return _(
        "%(placed)s of %(exhibitors)s exhibitors placed; %(modules)s of %(booked)s booked "
        "modules (%(share)s of the upper bound %(bound)s); clustering %(pairs)s same-sector "
        "neighbour pairs; premium score %(premium)s; %(seconds)s"
    ) % {
        "placed": number(len(solution.allocations)),
        "exhibitors": number(len(problem.exhibitors)),
        "modules": number(stats.modules_placed),
        "booked": number(problem.booked),
        "share": percent(share, tenths=True),
        "bound": number(stats.upper_bound),
        "pairs": number(stats.clustering),
        "premium": number(round(stats.premium_score)),
        "seconds": seconds(stats.seconds),
    }
