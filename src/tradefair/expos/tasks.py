"""Background work every app shares. Tasks take plain values, rebuild, and call one service."""

from typing import Any

from celery import shared_task

import tradefair.celery_app  # noqa: F401  -- binds shared tasks to the configured app


@shared_task
def send_messages(messages: list[dict[str, Any]]) -> int:
    """Send e-mails composed by an action that has committed; how many went."""
    from tradefair.expos.services.mailing import from_values, send_now

    return send_now([from_values(values) for values in messages])
