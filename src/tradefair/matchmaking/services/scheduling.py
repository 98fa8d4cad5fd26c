"""Running the scheduler for an edition.

A run is queued by ``start_schedule_run`` (one queued or running run per edition at a time)
and executed by the ``run_schedule`` task in a worker process, never in a request. The task
claims the run under a row lock (a duplicate delivery does nothing), solves outside any
transaction while a heartbeat thread shows it is alive (services/run_health.py), stages the
solution in short transactions, and swaps it in with one brief transaction holding every slot
lock of the edition, which serialises it with manual bookings (docs/adr/0003-locking-protocol.md).
Published meetings are passed to the solver as ``keep`` and stay where they are unless they
became invalid: then the run moves or drops them, and both sides of each such meeting are told
after the swap commits (nothing is sent if it rolls back).

``tradefair schedule --expo`` makes the same run and executes it in its own process instead
(``schedule_now``): same record, same phases, same result page.
"""

import dataclasses
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.engine.schedule import metrics
from tradefair.engine.schedule.problem import Solution
from tradefair.engine.schedule.solver import Progress, solve
from tradefair.expos import planner_statistics
from tradefair.expos.models import Expo
from tradefair.expos.services import background
from tradefair.matchmaking import adapters
from tradefair.matchmaking.models import LeftOutRequest, Meeting, ScheduleRun, Slot
from tradefair.matchmaking.services import notifications
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.booking import lock
from tradefair.matchmaking.services.errors import InvalidTransition
from tradefair.matchmaking.services.left_out import forget_left_out, store_left_out
from tradefair.matchmaking.services.run_health import give_up_on_dead_work, heartbeat

PROGRESS_EVERY = 1.0  # seconds between progress writes within one phase
ACTIVE = (ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING)


def start_schedule_run(
    *, expo: Expo, by_user: User, time_limit: float = ScheduleRun.DEFAULT_TIME_LIMIT
) -> ScheduleRun:
    """Queue a run after commit; while one is queued or running, return that one instead."""
    from tradefair.matchmaking.tasks import run_schedule  # the task module imports this one

    require_staff(by_user, expo)
    with transaction.atomic():
        run, created = _new_run(expo, by_user, time_limit)
        if created:
            # Robust: an inline (test) run that fails is recorded on the run, not raised here.
            transaction.on_commit(lambda: run_schedule.delay(run.pk), robust=True)
    return run


def schedule_now(
    *,
    expo: Expo,
    by_user: User,
    time_limit: float = ScheduleRun.DEFAULT_TIME_LIMIT,
    progress: Progress | None = None,
) -> ScheduleRun:
    """Make a run as the console does and execute it here, reporting phases to ``progress``.

    Refused while another run of the edition is queued or running (two runs would race for
    the swap). Returns the finished run; a failure is recorded on it and raised.
    """
    require_staff(by_user, expo)
    with transaction.atomic():
        run, created = _new_run(expo, by_user, time_limit)
    if not created:
        raise InvalidTransition(
            _("Run %(run)s of this edition is %(status)s; wait until it ends.")
            % {"run": run.pk, "status": run.get_status_display()}
        )
    execute_schedule_run(run_id=run.pk, progress=progress)
    return ScheduleRun.objects.get(pk=run.pk)


def _new_run(expo: Expo, by_user: User, time_limit: float) -> tuple[ScheduleRun, bool]:
    """A new queued run, or the edition's active one and False. Call inside a transaction."""
    Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one starter at a time
    give_up_on_dead_work(expo)  # a run whose worker died would block the edition for ever
    active = ScheduleRun.objects.filter(expo=expo, status__in=ACTIVE).first()
    if active is not None:
        return active, False
    run = ScheduleRun.objects.create(
        expo=expo, started_by=by_user, stats={"time_limit": time_limit}
    )
    return run, True


def _progress_writer(
    run_id: int, clock: Callable[[], float] = time.monotonic, also: Progress | None = None
) -> Progress:
    """Write phase changes at once, progress within a phase at most every PROGRESS_EVERY s;
    ``also`` (the command line's bar) hears every report."""
    last_phase, last_at = [""], [0.0]

    def report(phase: str, share: float) -> None:
        if also is not None:
            also(phase, share)
        now = clock()
        if phase == last_phase[0] and now - last_at[0] < PROGRESS_EVERY:
            return
        last_phase[0], last_at[0] = phase, now
        ScheduleRun.objects.filter(pk=run_id).update(
            phase=phase[:40], progress=min(max(share, 0.0), 1.0), heartbeat_at=timezone.now()
        )

    return report


def execute_schedule_run(*, run_id: int, progress: Progress | None = None) -> ScheduleRun | None:
    """Solve, stage and swap in one queued run; a run that is not queued any more is left alone.

    Phases as the console names them: reading, the solver's own (index, bounds, select,
    assign, …, gaps), saving (staging), swapping.
    """
    run = background.claim_queued(ScheduleRun, run_id)
    if run is None:
        return None
    try:
        with heartbeat(run.pk):
            report = _progress_writer(run.pk, also=progress)
            if progress is not None:
                progress("reading", 0.0)
            built = adapters.build_problem(run.expo)
            solution = solve(
                built.problem,
                time_limit=float(run.stats.get("time_limit", ScheduleRun.DEFAULT_TIME_LIMIT)),
                keep=adapters.kept_solution(run.expo) if run.keep_published else None,
                progress=report,
            )
            adapters.clear_staged(expo=run.expo, keep_run=run.pk)
            staging = time.monotonic()
            # the meetings, then the requests left out (often more rows), half of the bar each
            adapters.stage(
                run.pk, built.problem, solution, lambda share: report("saving", share / 2)
            )
            store_left_out(
                run,
                _unscheduled(solution, built),
                lambda share: report("saving", (1 + share) / 2),
            )
            run.stats = {**run.stats, "stage_seconds": round(time.monotonic() - staging, 2)}
            report("swapping", 1.0)
            if not _swap(run, built, solution):
                forget_left_out(run.pk)
                return None
    except Exception as exc:
        ScheduleRun.objects.filter(pk=run.pk).update(
            status=ScheduleRun.Status.FAILED, error=repr(exc), finished_at=timezone.now()
        )
        raise
    finally:
        adapters.clear_staged(expo=run.expo)
    # The run wrote an edition's meetings and left-out requests at once (83,000 and 33,000 rows
    # at the reference size); SQLite planned from statistics of before, and the live
    # bulletin's count per partner scanned every meeting. After the commit: the run is done.
    planner_statistics.refresh(Meeting, LeftOutRequest)
    return run


def _swap(
    run: ScheduleRun,
    built: adapters.Built,
    solution: Solution,
) -> bool:
    """The one brief transaction that changes the live schedule; False if the run was given
    up on meanwhile (a newer run then owns the slots)."""
    with transaction.atomic():
        locked = time.monotonic()  # SQLite's single writer lock is held from here to the commit
        lock(
            slot_ids=Slot.objects.filter(expo=run.expo).values_list("pk", flat=True),
            participation_ids=[],
        )
        if ScheduleRun.objects.select_for_update().get(pk=run.pk).status != run.status:
            return False
        written = adapters.swap_in(run.expo, run.pk)
        stats = dataclasses.asdict(solution.stats) if solution.stats else {}
        run.stats = {
            **run.stats,
            **stats,
            **written.stats(),
            "method": solution.extra.get("method"),
            "requests": len(built.problem.requests),
            "days_per_participant": metrics.days_per_participant(built.problem, solution.meetings),
            "swap_seconds": round(time.monotonic() - locked, 2),
        }
        run.status, run.phase, run.progress = ScheduleRun.Status.DONE, "done", 1.0
        run.finished_at = timezone.now()
        run.save()
        notifications.schedule_changed(written.moved, moved=True)
        notifications.meetings_dropped(written.dropped)
    return True


def _unscheduled(solution: Solution, built: adapters.Built) -> list[dict[str, object]]:
    """Each left-out request with both sides and the reason's code and data, so the result
    page can count the causes and phrase them in its reader's language (``queries/left_out``).
    The names come from the problem itself: no query per request, whatever their number."""
    slots = {
        int(s)
        for u in solution.unscheduled
        if isinstance(listed := u.params.get("slots"), list)
        for s in listed
    }
    sessions = (
        dict(Slot.objects.filter(pk__in=slots).values_list("pk", "session_id")) if slots else {}
    )
    return [adapters.readable(u, built, sessions) for u in solution.unscheduled]
