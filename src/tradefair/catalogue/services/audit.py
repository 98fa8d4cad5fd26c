"""Who changed what: every self-service edit leaves a ``ProfileChange``, then feeds the rest.

After an edit the directory's search text is rebuilt for that participation, the directory's
cached filter options are forgotten and the recommendations are refreshed shortly after, so a
new product is findable, listed and recommended without anyone running a command.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import is_organisation_admin
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.errors import NotAllowed
from tradefair.matchmaking.services.recommendations import queue_refresh_after_edit
from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import forget_filter_choices
from tradefair.organisations.services.search import refresh_search_text

Subject = ProfileChange.Subject
Action = ProfileChange.Action


def require_editor(user: User, participation: Participation) -> None:
    """Only the organisation's admins edit what it shows the fair."""
    if not is_organisation_admin(user, participation.organisation_id):
        raise NotAllowed(
            _(
                "Only your organisation's admins can change its profile and products; "
                "ask one of them, or ask them to make you an admin."
            )
        )


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field to [before, after] for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def record(
    *,
    participation: Participation,
    user: User,
    subject: str,
    action: str,
    label: str,
    fields: dict[str, list[Any]],
) -> ProfileChange | None:
    """Store the change (nothing when a save changed nothing) and feed search and matching."""
    if action == Action.CHANGED and not fields:
        return None
    change = ProfileChange.objects.create(
        participation=participation,
        user=user,
        subject=subject,
        action=action,
        label=label[:200],
        fields=fields,
    )
    refresh_search_text([participation.pk])
    expo = participation.expo
    transaction.on_commit(lambda: forget_filter_choices(expo.pk))
    queue_refresh_after_edit(expo=expo)
    return change
