"""Background work of matchmaking. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def run_schedule(run_id: int) -> None:
    """Execute a queued schedule run; a duplicate delivery finds it claimed and does nothing."""
    from tradefair.matchmaking.services.scheduling import execute_schedule_run

    execute_schedule_run(run_id=run_id)
