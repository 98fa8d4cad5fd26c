"""Running the scheduler for an edition and publishing its result.

A run is queued by ``start_schedule_run`` (one queued or running run per edition at a time),
executed by the ``run_schedule`` task, which claims it under a row lock so a duplicate
delivery does nothing, solves outside any transaction (reporting progress as it goes) and then
writes the result in one transaction holding every slot lock of the edition, which serialises
it with manual bookings (see docs/adr/0003-locking-protocol.md). Published meetings are passed
to the solver as ``keep`` and stay where they are unless they became invalid: then the run moves
or drops them, and both sides of each such meeting are told after the write commits (nothing is
sent if it rolls back).
"""

import dataclasses
import datetime as dt
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.engine.schedule.problem import Solution
from tradefair.engine.schedule.solver import Progress, solve
from tradefair.expos.models import Expo
from tradefair.matchmaking import adapters
from tradefair.matchmaking.models import Meeting, MeetingRequest, ScheduleRun, Slot
from tradefair.matchmaking.services import notifications
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.booking import lock
from tradefair.matchmaking.services.errors import InvalidTransition

PROGRESS_EVERY = 1.0  # seconds between progress writes within one phase
STALE_AFTER = dt.timedelta(minutes=30)  # far beyond any time limit the console offers
ACTIVE = (ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING)


def start_schedule_run(*, expo: Expo, by_user: User, time_limit: float = 30.0) -> ScheduleRun:
    """Queue a run after commit; while one is queued or running, return that one instead."""
    from tradefair.matchmaking.tasks import run_schedule  # the task module imports this one

    require_staff(by_user, expo)
    with transaction.atomic():
        Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one starter at a time
        # A run whose worker died would block the edition for ever: give up on it.
        ScheduleRun.objects.filter(
            expo=expo, status__in=ACTIVE, created_at__lt=timezone.now() - STALE_AFTER
        ).update(status=ScheduleRun.Status.FAILED, error="abandoned: no result in time")
        active = ScheduleRun.objects.filter(expo=expo, status__in=ACTIVE).first()
        if active is not None:
            return active
        run = ScheduleRun.objects.create(
            expo=expo, started_by=by_user, stats={"time_limit": time_limit}
        )
        # Robust: an inline (eager) run that fails is recorded on the run, not raised here.
        transaction.on_commit(lambda: run_schedule.delay(run.pk), robust=True)
    return run


def _claim(run_id: int) -> ScheduleRun | None:
    with transaction.atomic():
        run = ScheduleRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status != ScheduleRun.Status.QUEUED:
            return None
        run.status, run.phase, run.progress = ScheduleRun.Status.RUNNING, "starting", 0.0
        run.save(update_fields=["status", "phase", "progress"])
    return run


def _progress_writer(run_id: int, clock: Callable[[], float] = time.monotonic) -> Progress:
    """Write phase changes at once, progress within a phase at most every PROGRESS_EVERY s."""
    last_phase, last_at = [""], [0.0]

    def report(phase: str, share: float) -> None:
        now = clock()
        if phase == last_phase[0] and now - last_at[0] < PROGRESS_EVERY:
            return
        last_phase[0], last_at[0] = phase, now
        ScheduleRun.objects.filter(pk=run_id).update(
            phase=phase[:40], progress=min(max(share, 0.0), 1.0)
        )

    return report


def execute_schedule_run(*, run_id: int) -> ScheduleRun | None:
    """Solve and write one queued run; a run that is not queued any more is left alone."""
    run = _claim(run_id)
    if run is None:
        return None
    try:
        built = adapters.build_problem(run.expo)
        solution = solve(
            built.problem,
            time_limit=float(run.stats.get("time_limit", 30.0)),
            keep=adapters.kept_solution(run.expo) if run.keep_published else None,
            progress=_progress_writer(run.pk),
        )
        with transaction.atomic():
            lock(
                slot_ids=Slot.objects.filter(expo=run.expo).values_list("pk", flat=True),
                participation_ids=[],
            )
            if ScheduleRun.objects.select_for_update().get(pk=run.pk).status != run.status:
                return None  # given up on as abandoned while solving: a newer run owns the slots
            written = adapters.write_solution(run.expo, solution)
            stats = dataclasses.asdict(solution.stats) if solution.stats else {}
            run.stats = {
                **run.stats,
                **stats,
                **written.stats(),
                "method": solution.extra.get("method"),
                "requests": len(built.problem.requests),
            }
            run.unscheduled = _unscheduled(solution, built)
            run.status, run.phase, run.progress = ScheduleRun.Status.DONE, "done", 1.0
            run.finished_at = timezone.now()
            run.save()
            notifications.schedule_changed(written.moved, moved=True)
            notifications.meetings_dropped(written.dropped)
    except Exception as exc:
        ScheduleRun.objects.filter(pk=run.pk).update(
            status=ScheduleRun.Status.FAILED, error=repr(exc), finished_at=timezone.now()
        )
        raise
    return run


def _unscheduled(solution: Solution, built: adapters.Built) -> list[dict[str, object]]:
    pairs = {
        str(pk): (b, e)
        for pk, b, e in MeetingRequest.objects.filter(
            pk__in=[int(u.request) for u in solution.unscheduled]
        ).values_list("pk", "buyer__organisation__name", "exhibitor__organisation__name")
    }
    return [
        {
            "request": int(u.request),
            "buyer": pairs.get(u.request, ("", ""))[0],
            "exhibitor": pairs.get(u.request, ("", ""))[1],
            "reason": adapters.readable(u.reason, built.names),
        }
        for u in solution.unscheduled
    ]


def publish_schedule(*, run: ScheduleRun, by_user: User) -> int:
    """Publish every meeting of the run's edition; e-mail the sides of new or moved ones.

    Publishing again sends nothing: only unpublished meetings are announced. Returns how many
    meetings were newly published.
    """
    require_staff(by_user, run.expo)
    with transaction.atomic():
        current = ScheduleRun.objects.select_for_update().get(pk=run.pk)
        if current.status != ScheduleRun.Status.DONE:
            raise InvalidTransition(_("Only a finished run can be published."))
        if (
            ScheduleRun.objects.filter(expo_id=current.expo_id, created_at__gt=current.created_at)
            .exclude(status=ScheduleRun.Status.FAILED)
            .exists()
        ):
            raise InvalidTransition(_("A newer run exists; publish that one."))
        fresh = list(
            Meeting.objects.select_for_update(of=("self",))
            .filter(expo_id=current.expo_id, published=False)
            .select_related(
                "expo", "slot", "interpreter", "buyer__organisation", "exhibitor__organisation"
            )
        )
        Meeting.objects.filter(pk__in=[m.pk for m in fresh]).update(published=True)
        current.published_at = current.published_at or timezone.now()
        current.save(update_fields=["published_at"])
        notifications.schedule_changed(fresh)
    run.published_at = current.published_at
    return len(fresh)
