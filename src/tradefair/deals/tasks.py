"""Background work of deals. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def run_deals_import(job_id: int) -> None:
    """Import a deals file uploaded on the console; a duplicate delivery does nothing."""
    from tradefair.deals.services.imports import import_job_file
    from tradefair.organisations.services.import_jobs import execute_import

    execute_import(job_id=job_id, importer=import_job_file)
