"""Deciding on applications: the partner first for those through its link, then the organisers.

Invariants:

- an application through a partner's link waits for that partner (its members), who forwards
  it to the organisers, rejects it or asks a question; the organisers decide on forwarded and
  direct ones (approve, reject, ask), and may still reject one that waits for an answer;
- a rejection gives its reason and a question its text: the applicant reads them;
- each decision runs under the application's row lock in one transaction, so two reviewers
  clicking at once decide once; an approval creates everything (``admission.admit``) or, when
  any part is refused, nothing;
- several applications decided together are all decided or, when one is refused, none is, and
  every refusal is named by the application's organisation;
- the applicant hears in their language after the commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import Membership, User
from tradefair.accounts.services.roles import ORGANISER, has_role
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import Organisation
from tradefair.registration.models import Application
from tradefair.registration.services import admission, notifications
from tradefair.registration.services.errors import RegistrationError

Status = Application.Status
MESSAGE_LENGTH = 2000


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    ASK = "ask"


class BulkRefused(RegistrationError):
    """Some of the applications decided together were refused; none was decided."""

    def __init__(self, refusals: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in refusals))
        self.refusals = refusals


def is_partner_reviewer(user: User, application: Application) -> bool:
    if application.link_id is None or not user.is_active:
        return False
    partner = application.link.delegation.partner  # type: ignore[union-attr]
    return Membership.objects.filter(user=user, organisation_id=partner.organisation_id).exists()


def decide(
    *,
    application: Application,
    decision: Decision | str,
    by_user: User,
    message: str = "",
    organisation: Organisation | None = None,
) -> Application:
    """One reviewer's decision; ``organisation`` attaches an approval to an existing one."""
    with transaction.atomic():
        return _decide(application.pk, Decision(decision), by_user, message.strip(), organisation)


# The console shows 50 applications a page; a request decides at most two pages' worth, as
# every approval runs in one transaction that holds the database's write lock.
MAX_AT_ONCE = 100


def decide_many(
    *, expo: Expo, ids: Sequence[int], decision: Decision | str, by_user: User, message: str = ""
) -> list[Application]:
    """The same decision on several applications, all or none."""
    wanted = sorted(set(ids))
    if not wanted:
        raise RegistrationError(_("Choose at least one application."))
    if len(wanted) > MAX_AT_ONCE:  # each approval admits a company: dozens of writes, one lock
        raise RegistrationError(
            _("Decide at most %(most)s applications at a time.") % {"most": number(MAX_AT_ONCE)}
        )
    decided, refusals = [], []
    with transaction.atomic():
        found = dict(Application.objects.filter(expo=expo, pk__in=wanted).values_list("pk", "name"))
        for pk in wanted:  # in id order, so concurrent bulk decisions lock in the same order
            if pk not in found:
                refusals.append((f"#{pk}", _("not an application of this expo")))
                continue
            try:
                with transaction.atomic():
                    decided.append(_decide(pk, Decision(decision), by_user, message.strip(), None))
            except RegistrationError as refused:
                refusals.append((found[pk], str(refused)))
        if refusals:
            transaction.set_rollback(True)
    if refusals:
        raise BulkRefused(refusals)
    return decided


def _decide(
    pk: int, decision: Decision, by_user: User, message: str, organisation: Organisation | None
) -> Application:
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("expo", "link__delegation__partner")
        .get(pk=pk)
    )
    organiser = has_role(by_user, application.expo, ORGANISER)
    if application.status in (Status.APPROVED, Status.REJECTED):
        raise RegistrationError(_("This application has been decided already."))
    if application.status == Status.WITH_PARTNER:
        if not is_partner_reviewer(by_user, application):
            raise RegistrationError(_("The partner reviews this application first."))
        by_partner = True
    elif not organiser:
        raise RegistrationError(_("Only the organisers decide on this application now."))
    else:
        by_partner = False
    if application.status == Status.MORE_INFO and decision != Decision.REJECT:
        raise RegistrationError(_("This application waits for the applicant's answer."))
    if decision in (Decision.REJECT, Decision.ASK):
        if not message:
            raise RegistrationError(
                _("Give the reason for the rejection.")
                if decision == Decision.REJECT
                else _("Write the question for the applicant."),
                field="message",
            )
        if len(message) > MESSAGE_LENGTH:
            raise RegistrationError(
                _("Keep the message within %(max)s characters.") % {"max": number(MESSAGE_LENGTH)},
                field="message",
            )
    if organisation is not None and (by_partner or decision != Decision.APPROVE):
        raise RegistrationError(_("Only an organisers' approval attaches an organisation."))
    application.message = message
    invited: list[tuple[str, str]] = []
    if decision == Decision.ASK:
        application.status = Status.MORE_INFO
        application.asked_by_partner = by_partner
    elif decision == Decision.REJECT:
        application.status = Status.REJECTED
    elif by_partner:
        application.status = Status.SUBMITTED
        application.partner_approved_at = timezone.now()
    else:
        invited = admission.admit(application, organisation=organisation, by_user=by_user)
        application.status = Status.APPROVED
    if not by_partner or decision != Decision.APPROVE:
        application.decided_by = by_user
        application.decided_at = timezone.now()
    application.save()
    if by_partner and decision == Decision.APPROVE:
        notifications.received(application)  # now with the organisers
    else:
        notifications.decided(application, invited)
    return application
