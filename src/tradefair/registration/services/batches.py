"""Badges for the print shop: a batch (a role, a delegation, or only badges not printed in
their current version) drawn as one PDF in the worker, never in a request. A replaced badge
counts as not printed again, so the next batch carries its new code.

A batch holds at most ``MAX_BADGES``: about 10 kB a page, a larger file is better split by
delegation or role, which the refusal says.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import User
from tradefair.accounts.services.roles import ORGANISER, require_role
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.expos.services import background
from tradefair.organisations.models import Delegation, Participation
from tradefair.registration.models import Badge, BadgeBatch
from tradefair.registration.printing import badges_pdf
from tradefair.registration.services.errors import RegistrationError

MAX_BADGES = 2000


def chosen(batch: BadgeBatch) -> QuerySet[Badge]:
    badges = Badge.objects.filter(expo_id=batch.expo_id)
    if batch.role:
        badges = badges.filter(participation__role=batch.role)
    if batch.delegation_id:
        badges = badges.filter(participation__delegation_id=batch.delegation_id)
    if batch.only_new:
        badges = badges.filter(Q(printed_version__isnull=True) | ~Q(printed_version=F("version")))
    return badges.select_related("participation__organisation").order_by(
        "participation__organisation__name", "name_latin", "pk"
    )


def queue_batch(
    *,
    expo: Expo,
    by_user: User,
    role: str = "",
    delegation: Delegation | None = None,
    only_new: bool = True,
    language: str = "en",
) -> BadgeBatch:
    """Queue a batch; refused when it would be empty or larger than ``MAX_BADGES``."""
    require_role(by_user, expo, ORGANISER)
    if role and role not in Participation.Role.values:
        raise RegistrationError(_("Choose a role from the list."), field="role")
    if delegation is not None and delegation.expo_id != expo.pk:
        raise RegistrationError(_("Choose a delegation of this expo."), field="delegation")
    batch = BadgeBatch(
        expo=expo, role=role, delegation=delegation, only_new=only_new, language=language,
        created_by=by_user,
    )  # fmt: skip
    count = chosen(batch).count()
    if not count:
        raise RegistrationError(_("No badge matches: nothing to print."))
    if count > MAX_BADGES:
        raise RegistrationError(
            _(
                "%(count)s badges match; a batch holds at most %(max)s. Choose a role or a "
                "delegation to split it."
            )
            % {"count": number(count), "max": number(MAX_BADGES)}
        )
    with transaction.atomic():
        batch.badges = count
        batch.save()
        from tradefair.registration.tasks import print_badges  # the task module imports this one

        transaction.on_commit(lambda: print_badges.delay(batch.pk), robust=True)
    return batch


def execute_batch(*, batch_id: int) -> BadgeBatch | None:
    """Draw a queued batch and mark its badges printed; a batch not queued is left alone."""
    batch = background.claim_queued(BadgeBatch, batch_id)
    if batch is None:
        return None
    rows = BadgeBatch.objects.filter(pk=batch.pk)
    try:
        badges = list(chosen(batch))
        rows.update(phase="drawing")
        with background.heartbeat(rows):
            pdf = badges_pdf(batch.expo, badges, batch.language)
        with transaction.atomic():
            for badge in badges:  # the version drawn, so a later replacement prints again
                Badge.objects.filter(pk=badge.pk).update(printed_version=badge.version)
            rows.update(
                status=BadgeBatch.Status.DONE, phase="done", progress=1.0, pdf=pdf,
                badges=len(badges), finished_at=timezone.now(),
            )  # fmt: skip
    except Exception as exc:
        rows.update(status=BadgeBatch.Status.FAILED, error=repr(exc), finished_at=timezone.now())
        raise
    return BadgeBatch.objects.get(pk=batch.pk)
