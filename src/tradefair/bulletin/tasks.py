"""Background work of the bulletin. Tasks take ids, reload, and call one service."""

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def render_documents(bulletin_id: int) -> None:
    """The PDFs of a published bulletin; drawing them again replaces them."""
    from tradefair.bulletin.services import render_bulletin_documents

    render_bulletin_documents(bulletin_id)
