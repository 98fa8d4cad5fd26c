"""Background work of matchmaking. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def run_schedule(run_id: int) -> None:
    """Execute a queued schedule run; a duplicate delivery finds it claimed and does nothing."""
    from tradefair.matchmaking.services.scheduling import execute_schedule_run

    execute_schedule_run(run_id=run_id)


@shared_task
def refresh_recommendations(expo_id: int, k: int = 50) -> int:
    """Recompute an edition's stored recommendations; running it twice stores the same rows."""
    from tradefair.expos.models import Expo
    from tradefair.matchmaking.services.recommendations import refresh_recommendations as refresh

    expo = Expo.objects.filter(pk=expo_id).first()
    if expo is None:  # deleted since the task was queued: nothing to refresh
        return 0
    return refresh(expo=expo, k=k)


@shared_task
def publish_run(run_id: int, user_id: int) -> int | None:
    """Publish a finished run queued from the console; a duplicate delivery does nothing."""
    from tradefair.matchmaking.services.publishing import execute_publish

    return execute_publish(run_id=run_id, user_id=user_id)


@shared_task
def export_left_out(export_id: int) -> None:
    """Write a queued export of a run's requests left out; a duplicate delivery does nothing."""
    from tradefair.matchmaking.services.left_out_exports import execute_left_out_export

    execute_left_out_export(export_id=export_id)
