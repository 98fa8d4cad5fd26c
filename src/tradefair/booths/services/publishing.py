"""Publishing a finished allocation run: its proposal becomes the floor plan.

One transaction under every hall's lock (``services/floor.py``): booths that stay on the
same modules are left alone, the others are freed first and then put on their new modules,
exhibitors the run left without a booth lose the one they had, and whoever got a new or
different booth is told by e-mail after commit. The proposal was computed from the floor as
it was: if a booth was pinned or moved by hand since, or a module of the proposal was taken,
``PlanChanged`` says so and nothing changes; the organiser runs again.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.booths import adapters
from tradefair.booths.models import AllocationRun
from tradefair.booths.services import floor, notifications
from tradefair.booths.services.errors import BoothError, PlanChanged, RunNotReady
from tradefair.booths.services.runs import require_organiser
from tradefair.expos.services import background
from tradefair.expos.services.mailing import known_language
from tradefair.floorplan.models import Hall


def queue_publication(*, run: AllocationRun, by_user: User) -> None:
    """Mark a done run as publishing and hand it to the worker after commit."""
    from tradefair.booths.tasks import publish_booths  # the task module imports this one

    require_organiser(by_user, run.expo)
    with transaction.atomic():
        locked = AllocationRun.objects.select_for_update().get(pk=run.pk)
        _require_status(locked, AllocationRun.Status.DONE)
        locked.status, locked.error = AllocationRun.Status.PUBLISHING, ""
        locked.heartbeat_at = timezone.now()
        locked.save(update_fields=["status", "error", "heartbeat_at"])
        transaction.on_commit(lambda: publish_booths.delay(run.pk, by_user.pk), robust=True)


def execute_publication(*, run_id: int, user_id: int) -> list[floor.Placed] | None:
    """The worker's side: publish, or put the run back to done with the reason it could not."""
    run = AllocationRun.objects.filter(pk=run_id).first()
    user = User.objects.filter(pk=user_id).first()
    if run is None or user is None or run.status != AllocationRun.Status.PUBLISHING:
        return None  # a duplicate delivery, or the run is gone
    rows = AllocationRun.objects.filter(pk=run_id)
    try:
        # A refusal names booths and runs, so it is stored as written: in the language of the
        # organiser who asked, not the worker's.
        with background.heartbeat(rows), translation.override(known_language(user.language)):
            return publish_run(run=run, by_user=user, status=AllocationRun.Status.PUBLISHING)
    except BoothError as refused:
        rows.update(status=AllocationRun.Status.DONE, error=str(refused))
        return None
    except Exception as exc:
        rows.update(status=AllocationRun.Status.DONE, error=repr(exc))
        raise


def publish_run(
    *, run: AllocationRun, by_user: User, status: str = AllocationRun.Status.DONE
) -> list[floor.Placed]:
    """Apply a run (done, or publishing when the worker does it) to the floor; returns the
    booths that were written."""
    require_organiser(by_user, run.expo)
    expo = run.expo
    with transaction.atomic():
        floor.lock_halls(Hall.objects.filter(expo=expo).values_list("pk", flat=True))
        run = AllocationRun.objects.select_for_update().get(pk=run.pk)
        _require_status(run, status)
        # Exhibitors the run could not consider (no pavilion, no area) keep what they hold.
        aside = _not_considered(run)
        held = {p: h for p, h in floor.holdings(expo).items() if p not in aside}
        proposal = {a["exhibitor"]: frozenset(a["modules"]) for a in run.allocations}
        _check_unchanged_since(run, held, proposal)
        moving = {p: m for p, m in proposal.items() if p not in held or held[p].modules != m}
        losing = [h for p, h in held.items() if p not in proposal]
        floor.release(held[p].booth for p in moving if p in held)
        for holding in losing:
            floor.remove(holding)
        numbers = floor.Numbers(expo)
        placed = [
            floor.place(expo, p, sorted(m), held.get(p), numbers) for p, m in sorted(moving.items())
        ]
        run.status, run.published_at = AllocationRun.Status.PUBLISHED, timezone.now()
        run.stats = {**run.stats, "published_booths": len(placed)}
        run.save(update_fields=["status", "published_at", "stats"])
        notifications.booths_placed(expo, placed)
        notifications.booths_withdrawn(expo, [p for p, h in held.items() if p not in proposal])
    return placed


def _require_status(run: AllocationRun, status: str) -> None:
    if run.status != status:
        raise RunNotReady(
            _("Run %(run)s is %(status)s: only a finished run can be published.")
            % {"run": run.pk, "status": run.get_status_display()}
        )


def _not_considered(run: AllocationRun) -> set[int]:
    return {u["participation"] for u in run.unallocated if u["code"] in adapters.LEFT_BEFORE}


def _check_unchanged_since(
    run: AllocationRun, held: dict[int, floor.Holding], proposal: dict[int, frozenset[int]]
) -> None:
    """Pinned booths must be where the run found them: a pin made after the run is news."""
    for participation, holding in held.items():
        if holding.pinned and proposal.get(participation) != holding.modules:
            raise PlanChanged(
                _(
                    "Booth %(number)s was pinned or moved by hand after run %(run)s; "
                    "run the allocation again to include it."
                )
                % {"number": holding.number, "run": run.pk}
            )
