"""Publishing a finished run: participants see their meetings and are told by e-mail.

The console queues it (``queue_publish``) and a worker runs ``execute_publish``: at the demo's
size composing one e-mail per participant takes tens of seconds, far too long for a request.
The publication itself is one short UPDATE under the slot locks (all or nothing, serialised
with a re-run's swap); the e-mails are composed and sent after it commits.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.matchmaking.adapters.writeback import load_for_mail
from tradefair.matchmaking.models import Meeting, ScheduleRun, Slot
from tradefair.matchmaking.services import notifications
from tradefair.matchmaking.services.access import require_staff
from tradefair.matchmaking.services.booking import lock
from tradefair.matchmaking.services.errors import InvalidTransition, MatchmakingError
from tradefair.matchmaking.services.run_health import give_up_on_dead_work, heartbeat

Status = ScheduleRun.PublishStatus


def _check_publishable(run: ScheduleRun) -> None:
    if run.status != ScheduleRun.Status.DONE:
        raise InvalidTransition(_("Only a finished run can be published."))
    if (
        ScheduleRun.objects.filter(expo_id=run.expo_id, created_at__gt=run.created_at)
        .exclude(status=ScheduleRun.Status.FAILED)
        .exists()
    ):
        raise InvalidTransition(_("A newer run exists; publish that one."))


def queue_publish(*, run: ScheduleRun, by_user: User) -> ScheduleRun:
    """Queue the publication after commit; a publication already queued or going is kept."""
    from tradefair.matchmaking.tasks import publish_run  # the task module imports this one

    require_staff(by_user, run.expo)
    with transaction.atomic():
        give_up_on_dead_work(run.expo)
        current = ScheduleRun.objects.select_for_update().get(pk=run.pk)
        _check_publishable(current)
        if current.publish_status in (Status.QUEUED, Status.RUNNING):
            return current
        current.publish_status, current.heartbeat_at = Status.QUEUED, timezone.now()
        current.error = ""
        current.save(update_fields=["publish_status", "heartbeat_at", "error"])
        transaction.on_commit(lambda: publish_run.delay(current.pk, by_user.pk), robust=True)
    return current


def execute_publish(*, run_id: int, user_id: int) -> int | None:
    """Run a queued publication; a duplicate delivery finds it claimed and does nothing."""
    with transaction.atomic():
        run = ScheduleRun.objects.select_for_update().select_related("expo").get(pk=run_id)
        if run.publish_status != Status.QUEUED:
            return None
        run.publish_status, run.phase, run.progress = Status.RUNNING, "publishing", 0.0
        run.heartbeat_at = timezone.now()
        run.save(update_fields=["publish_status", "phase", "progress", "heartbeat_at"])
    try:
        with heartbeat(run.pk):
            return publish_schedule(run=run, by_user=User.objects.get(pk=user_id))
    except MatchmakingError as error:  # e.g. a newer run appeared after it was queued
        ScheduleRun.objects.filter(pk=run_id).update(
            publish_status=Status.FAILED, error=str(error), phase=""
        )
        return None
    except Exception as exc:
        ScheduleRun.objects.filter(pk=run_id).update(
            publish_status=Status.FAILED, error=repr(exc), phase=""
        )
        raise


def publish_schedule(*, run: ScheduleRun, by_user: User) -> int:
    """Publish every meeting of the run's edition; e-mail the sides of new or moved ones.

    Publishing again sends nothing: only unpublished meetings are announced. Returns how many
    meetings were newly published.
    """
    require_staff(by_user, run.expo)
    with transaction.atomic():
        lock(
            slot_ids=Slot.objects.filter(expo_id=run.expo_id).values_list("pk", flat=True),
            participation_ids=[],
        )
        current = ScheduleRun.objects.select_for_update().get(pk=run.pk)
        _check_publishable(current)
        unpublished = Meeting.objects.filter(expo_id=current.expo_id, published=False)
        fresh = list(unpublished.values_list("pk", flat=True))
        unpublished.update(published=True)
        current.published_at = current.published_at or timezone.now()
        current.published_count = (current.published_count or 0) + len(fresh)
        current.publish_status, current.phase, current.progress = Status.DONE, "emailing", 1.0
        current.save(
            update_fields=["published_at", "published_count", "publish_status", "phase", "progress"]
        )
    run.published_at, run.published_count = current.published_at, current.published_count
    run.publish_status = current.publish_status
    # Composed after the commit: rendering thousands of messages must not hold the locks.
    notifications.schedule_changed(load_for_mail(fresh))
    ScheduleRun.objects.filter(pk=run.pk, phase="emailing").update(phase="")
    return len(fresh)
