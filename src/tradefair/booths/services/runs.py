"""Running the booth allocation for an edition, in a worker, never in a request.

``start_run`` queues a run after commit (one queued or running run per edition at a time);
the ``allocate_booths`` task claims it under a row lock (a duplicate delivery does nothing),
reads the floor (``adapters.build_problem``), solves outside any transaction while a
heartbeat thread stamps the run and its share of the time limit, and stores the proposal on
the run. Nothing on the floor changes until the organiser publishes it
(``services/publishing.py``). ``tradefair allocate --expo`` makes the same run and executes
it in its own process (``allocate_now``).
"""

from __future__ import annotations

import dataclasses
import time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.booths import adapters
from tradefair.booths.models import AllocationRun
from tradefair.booths.services.errors import BoothError, NotAllowed
from tradefair.engine.booths.solver import solve
from tradefair.expos.models import Expo
from tradefair.expos.services import background
from tradefair.expos.services.background import QUEUED_FOR_TOO_LONG, timeout

ACTIVE = (AllocationRun.Status.QUEUED, AllocationRun.Status.RUNNING)
WORKER_LOST = gettext_noop(
    "The worker stopped giving signs of life; nothing was changed. Start a new run."
)
NEVER_STARTED = gettext_noop("No worker took this run within 30 minutes; nothing was changed.")
PUBLISH_LOST = gettext_noop(
    "The worker stopped while publishing; nothing was published. Publish again."
)


def require_organiser(user: User, expo: Expo) -> None:
    if not has_role(user, expo, ORGANISER):
        raise NotAllowed(_("Only the organisers of this expo may do this."))


def start_run(
    *,
    expo: Expo,
    by_user: User,
    time_limit: float = AllocationRun.DEFAULT_TIME_LIMIT,
    keep_booths: bool = True,
) -> AllocationRun:
    """Queue a run after commit; while one is queued or running, return that one instead."""
    from tradefair.booths.tasks import allocate_booths  # the task module imports this one

    require_organiser(by_user, expo)
    with transaction.atomic():
        run, created = _new_run(expo, by_user, time_limit, keep_booths)
        if created:
            transaction.on_commit(lambda: allocate_booths.delay(run.pk), robust=True)
    return run


def allocate_now(
    *, expo: Expo, by_user: User, time_limit: float, keep_booths: bool = True
) -> AllocationRun:
    """Make a run as the console does and execute it here; refused while another is active."""
    require_organiser(by_user, expo)
    with transaction.atomic():
        run, created = _new_run(expo, by_user, time_limit, keep_booths)
    if not created:
        raise BoothError(
            _("Run %(run)s of this edition is %(status)s; wait until it ends.")
            % {"run": run.pk, "status": run.get_status_display()}
        )
    execute_run(run_id=run.pk)
    return AllocationRun.objects.get(pk=run.pk)


def _new_run(
    expo: Expo, by_user: User, time_limit: float, keep_booths: bool
) -> tuple[AllocationRun, bool]:
    Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one starter at a time
    give_up_on_dead_runs(expo)
    active = AllocationRun.objects.filter(expo=expo, status__in=ACTIVE).first()
    if active is not None:
        return active, False
    run = AllocationRun.objects.create(
        expo=expo, started_by=by_user, time_limit=time_limit, keep_booths=keep_booths
    )
    return run, True


def give_up_on_dead_runs(expo: Expo) -> int:
    """Mark failed the runs no live worker is doing any more, so the edition is never blocked."""
    now = timezone.now()
    runs = AllocationRun.objects.filter(expo=expo)
    given_up = runs.filter(
        status=AllocationRun.Status.RUNNING, heartbeat_at__lt=now - timeout()
    ).update(status=AllocationRun.Status.FAILED, error=WORKER_LOST, finished_at=now, phase="")
    given_up += runs.filter(
        status=AllocationRun.Status.QUEUED, created_at__lt=now - QUEUED_FOR_TOO_LONG
    ).update(status=AllocationRun.Status.FAILED, error=NEVER_STARTED, finished_at=now)
    # A publication waits in the queue without beating: given up only after the queue's limit.
    given_up += runs.filter(
        status=AllocationRun.Status.PUBLISHING, heartbeat_at__lt=now - QUEUED_FOR_TOO_LONG
    ).update(status=AllocationRun.Status.DONE, error=PUBLISH_LOST)
    return given_up


def execute_run(*, run_id: int) -> AllocationRun | None:
    """Solve one queued run and store its proposal; a run not queued any more is left alone."""
    run = background.claim_queued(AllocationRun, run_id)
    if run is None:
        return None
    rows = AllocationRun.objects.filter(pk=run.pk)
    try:
        built = adapters.build_problem(run.expo, keep_booths=run.keep_booths)
        rows.update(phase="solving")
        started = time.monotonic()

        def share() -> dict[str, object]:
            return {"progress": min((time.monotonic() - started) / run.time_limit, 0.99)}

        with background.heartbeat(rows, fields=share):
            solution = solve(built.problem, time_limit=run.time_limit, keep=built.keep)
        stats = dataclasses.asdict(solution.stats) if solution.stats else {}
        left = [dataclasses.asdict(u) for u in built.left_out]
        sizes = {e.id: e.modules for e in built.problem.exhibitors}
        left += [
            {"participation": int(u.exhibitor), "code": u.code, "modules": sizes[u.exhibitor]}
            for u in solution.unallocated
        ]
        rows.update(
            status=AllocationRun.Status.DONE,
            phase="done",
            progress=1.0,
            finished_at=timezone.now(),
            allocations=[
                {"exhibitor": int(a.exhibitor), "modules": sorted(int(m) for m in a.modules)}
                for a in solution.allocations
            ],
            unallocated=left,
            stats={
                **stats,
                "exhibitors": len(built.problem.exhibitors) + len(built.left_out),
                "placed_exhibitors": len(solution.allocations),
                "booked": built.problem.booked,
                "modules": len(built.problem.modules),
                "pinned": len(built.problem.pinned),
            },
        )
    except Exception as exc:
        rows.update(status=AllocationRun.Status.FAILED, error=repr(exc), finished_at=timezone.now())
        raise
    return AllocationRun.objects.get(pk=run.pk)
