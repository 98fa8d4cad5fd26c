"""Background work of registration. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def print_badges(batch_id: int) -> None:
    """Draw a queued badge batch; a duplicate delivery finds it claimed and does nothing."""
    from tradefair.registration.services.batches import execute_batch

    execute_batch(batch_id=batch_id)
