"""Background work of the booth allocation. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def allocate_booths(run_id: int) -> None:
    """Execute a queued allocation run; a duplicate delivery finds it claimed and does nothing."""
    from tradefair.booths.services.runs import execute_run

    execute_run(run_id=run_id)


@shared_task
def publish_booths(run_id: int, user_id: int) -> None:
    """Publish a run queued from the console; a duplicate delivery does nothing."""
    from tradefair.booths.services.publishing import execute_publication

    execute_publication(run_id=run_id, user_id=user_id)
