"""How colleagues join an organisation: its admin invites them, they accept a one-time link.

Invariants:

- only an admin of the organisation invites, and nobody already a member is invited;
- at most one open invitation per address and organisation (a database constraint): asking
  again returns the open one and sends nothing;
- the link carries a random token; the database keeps only its SHA-256, so a leaked table
  cannot be used to join, and a token works once and for ``VALID_FOR``;
- the e-mail leaves only after the invitation is committed, so a rolled-back invitation never
  reaches anyone.
"""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tradefair.accounts.models import Invitation, Membership, User
from tradefair.accounts.services.preferences import set_language
from tradefair.accounts.services.roles import is_organisation_admin
from tradefair.organisations.models import Organisation

VALID_FOR = dt.timedelta(days=14)


class InvitationError(Exception):
    """The invitation cannot be made or accepted; the message is meant for the person."""


def invite_colleague(
    *, organisation: Organisation, email: str, role: str, by_user: User, base_url: str
) -> tuple[Invitation, bool]:
    """Invite ``email`` to ``organisation`` as ``role``; returns the invitation and if it is new.

    ``base_url`` (scheme and host, e.g. ``https://expo.example.org``) prefixes the link in the
    e-mail: services do not see the request.
    """
    if not is_organisation_admin(by_user, organisation):
        raise PermissionDenied(_("Only an admin of the organisation may invite colleagues."))
    email = _clean_email(email)
    if role not in Membership.Role.values:
        raise InvitationError(_("Unknown role."))
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise InvitationError(_("%(email)s is already a member.") % {"email": email})
    with transaction.atomic():
        invitation, token = open_invitation(
            organisation=organisation, email=email, role=role, invited_by=by_user
        )
        if token is None:
            return invitation, False
        url = accept_url(base_url, token)
        context = {"invitation": invitation, "url": url, "inviter": by_user, "days": VALID_FOR.days}
        subject = _("Invitation to join %(organisation)s on tradefair") % {
            "organisation": organisation.display_name
        }
        # Rendered now, in the inviter's language; only the sending waits for the commit. A mail
        # server that is down is logged rather than turning a committed invitation into a 500.
        body = render_to_string("accounts/email/invitation.txt", context)
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]), robust=True
        )
    return invitation, True


def open_invitation(
    *, organisation: Organisation, email: str, role: str, invited_by: User | None
) -> tuple[Invitation, str | None]:
    """The open invitation of ``email`` to ``organisation``, new with its one-time token, or
    the one already open (token None: only its e-mail holds it). The caller has authorised
    the invitation and sends the link; an expired one is replaced."""
    with transaction.atomic():
        existing = _open_invitations(organisation, email).first()
        if existing is not None:
            if not _expired(existing):
                return existing, None
            existing.delete()  # an expired link is replaced, so the address can be invited again
        token = secrets.token_urlsafe(32)
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    organisation=organisation,
                    email=email,
                    role=role,
                    token=_digest(token),
                    invited_by=invited_by,
                )
        except IntegrityError:
            # A concurrent request invited the same address a moment ago: that one stands.
            return _open_invitations(organisation, email).get(), None
    return invitation, token


def accept_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + reverse("accounts:accept", args=[token])


def find_open_invitation(token: str) -> Invitation | None:
    """The open, unexpired invitation behind ``token``, or None."""
    return (
        Invitation.objects.filter(
            token=_digest(token),
            accepted_at__isnull=True,
            created_at__gte=timezone.now() - VALID_FOR,
        )
        .select_related("organisation")
        .first()
    )


def accept_invitation(*, token: str, password: str, name: str = "", language: str = "") -> User:
    """Join the organisation behind ``token``: create or reuse the user, add the membership.

    ``language`` (the one the acceptance page was shown in) becomes the user's language for
    e-mails when it is supported.

    A new user gets ``password`` (checked by the password validators) and ``name``; an existing
    user must give their current password, so a forwarded link cannot take over an account.
    All in one transaction with the invitation locked, so two clicks make one membership.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token=_digest(token), accepted_at__isnull=True)
            .first()
        )
        if invitation is None or _expired(invitation):
            raise InvitationError(
                _("This invitation link is not valid: it was already used, or it has expired.")
            )
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User(email=invitation.email, first_name=name.strip()[:150])
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise InvitationError(" ".join(exc.messages)) from exc
            user.set_password(password)
            user.save()
        elif not user.check_password(password) or not user.is_active:
            raise InvitationError(
                _("An account with this e-mail address exists: enter its password.")
            )
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        if not created and invitation.role == Membership.Role.ADMIN:
            membership.role = Membership.Role.ADMIN
            membership.save(update_fields=["role"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        set_language(user=user, language=language)
    return user


def _open_invitations(organisation: Organisation, email: str) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation, email__iexact=email, accepted_at__isnull=True
    )


def _expired(invitation: Invitation) -> bool:
    return invitation.created_at < timezone.now() - VALID_FOR


def _clean_email(email: str) -> str:
    email = User.objects.normalize_email(email.strip())
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvitationError(_("Enter a valid e-mail address.")) from exc
    return email


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
