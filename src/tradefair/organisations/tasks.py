"""Background work of organisations. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def run_import(job_id: int) -> None:
    """Import an uploaded file; a duplicate delivery finds the job claimed and does nothing."""
    from tradefair.organisations.services.import_jobs import execute_import

    execute_import(job_id=job_id)
