"""Mail in each reader's language, sent once the action that caused it has committed.

Shared by every app that tells people something: group addresses by the reader's language
(``User.language``), render one message per language under that language, and hand them to the
worker once the action has committed (``transaction.on_commit``), so a rolled-back action sends
nothing and no request waits for a mail server.
"""

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from tradefair.accounts.models import Membership, User

logger = logging.getLogger(__name__)
Readers = dict[str, list[str]]  # language -> addresses
Render = Callable[[], tuple[str, str]]  # (subject, body) in the active language


def known_language(code: str) -> str:
    """A user's stored language if the site speaks it, else the site's default."""
    known = {language for language, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def members_by_language(organisation_ids: Iterable[int]) -> dict[int, Readers]:
    """The addresses of each organisation's active members, grouped by their language."""
    grouped: dict[int, Readers] = defaultdict(lambda: defaultdict(list))
    rows = (
        Membership.objects.filter(organisation_id__in=set(organisation_ids), user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("organisation_id", "user__language", "user__email")
    )
    for organisation_id, language, email in rows:
        grouped[organisation_id][known_language(language)].append(email)
    return grouped


def people_by_language(users: Iterable[User]) -> Readers:
    """The addresses of these people (active, with an address), grouped by their language."""
    grouped: Readers = defaultdict(list)
    for user in sorted(users, key=lambda u: u.email):
        if user.is_active and user.email:
            grouped[known_language(user.language)].append(user.email)
    return grouped


def compose(
    readers: Readers, render: Render, *, separately: bool = False
) -> list[mail.EmailMessage]:
    """One message per language, rendered under that language.

    ``separately`` gives every address its own message (rendered once per language): people
    who share nothing but an activity must not see each other's addresses, while colleagues
    of one organisation may share one message.
    """
    messages = []
    for language, to in sorted(readers.items()):
        with translation.override(language):
            subject, body = render()
        for recipients in ([address] for address in to) if separately else [to]:
            messages.append(
                mail.EmailMessage(
                    subject=subject,
                    body=body,
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=recipients,
                )
            )
    return messages


def send_on_commit(messages: list[mail.EmailMessage]) -> None:
    """Queue the messages for the worker once the action has committed.

    The request does not wait for a mail server (a slow one would hold a web thread per
    request), and a rolled-back action sends nothing. The worker sends them with
    :func:`send_now`; the test suite runs tasks inline.
    """
    if not messages:
        return
    values = [as_values(message) for message in messages]

    def queue() -> None:
        from tradefair.expos.tasks import send_messages  # the task module imports this one

        send_messages.delay(values)

    transaction.on_commit(queue, robust=True)


def send_now(messages: list[mail.EmailMessage]) -> int:
    """Send over one connection; a message that fails is logged, the rest go.

    The action is committed by then: a mail server that is down must not undo it.
    """
    sent = 0
    with mail.get_connection() as connection:
        for message in messages:
            try:
                sent += connection.send_messages([message]) or 0
            except Exception:
                logger.exception("e-mail to %s failed", ", ".join(message.to))
    return sent


# What ``compose`` fills in: all a message needs to travel to the worker as plain values.
_FIELDS = ("subject", "body", "from_email", "to")


def as_values(message: mail.EmailMessage) -> dict[str, Any]:
    return {field: getattr(message, field) for field in _FIELDS}


def from_values(values: dict[str, Any]) -> mail.EmailMessage:
    return mail.EmailMessage(**{field: values[field] for field in _FIELDS})


def plain_text(template: str, context: dict[str, object]) -> str:
    """A plain-text template rendered in the active language, without stray blank lines."""
    text = render_to_string(template, context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
