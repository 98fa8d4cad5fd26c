"""Who changed what: every self-service edit leaves a ``ProfileChange``, then feeds the rest.

An edit goes public at once, or — when the edition asks organisers to approve listing
changes — waits as a pending change holding what it would apply (``proposal``). Whatever goes
public rebuilds the directory's search text for that participation, forgets the directory's
cached filter options and refreshes the recommendations shortly after, so a new product is
findable, listed and recommended without anyone running a command.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, has_role, is_organisation_admin
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services.errors import NotAllowed
from tradefair.matchmaking.services.recommendations import queue_refresh_after_edit
from tradefair.organisations.models import Participation
from tradefair.organisations.queries.directory import forget_filter_choices
from tradefair.organisations.services.search import refresh_search_text

Subject = ProfileChange.Subject
Action = ProfileChange.Action
Status = ProfileChange.Status


def require_editor(user: User, participation: Participation) -> None:
    """Only the organisation's admins edit what it shows the fair."""
    if not is_organisation_admin(user, participation.organisation_id):
        raise NotAllowed(
            _(
                "Only your organisation's admins can change its profile and products; "
                "ask one of them, or ask them to make you an admin."
            )
        )


def needs_review(user: User, participation: Participation) -> bool:
    """Whether this edit waits for an organiser (the edition asks, and the editor is none)."""
    expo = participation.expo
    return expo.listing_changes_need_approval and not has_role(user, expo, ORGANISER)


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field to [before, after] for the fields whose value changed (blank, none and an
    empty list are one value: a new product's empty description is no change)."""

    def value(v: Any) -> Any:
        return None if v in ("", [], None) else v

    return {
        name: [before.get(name), shown]
        for name, shown in after.items()
        if value(before.get(name)) != value(shown)
    }


def published(participation: Participation) -> None:
    """Feed a change that went public to search, the directory's options and matching."""
    refresh_search_text([participation.pk])
    expo = participation.expo
    transaction.on_commit(lambda: forget_filter_choices(expo.pk))
    queue_refresh_after_edit(expo=expo)


def record(
    *,
    participation: Participation,
    user: User,
    subject: str,
    action: str,
    label: str,
    fields: dict[str, list[Any]],
    proposal: dict[str, Any] | None = None,
) -> ProfileChange | None:
    """Store the change (nothing when a save changed nothing): applied and published, or,
    with ``proposal``, pending until an organiser approves it."""
    if action == Action.CHANGED and not fields:
        return None
    change = ProfileChange.objects.create(
        participation=participation,
        user=user,
        subject=subject,
        action=action,
        label=label[:200],
        fields=fields,
        status=Status.PENDING if proposal is not None else Status.APPLIED,
        proposal=proposal or {},
    )
    if proposal is None:
        published(participation)
    return change
