"""Setting a new password through a one-time link sent by e-mail.

Invariants:

- the answer to a request is the same whether or not the address has an account, so the form
  does not tell which addresses exist (a mail server failure is logged, not shown);
- the link goes only to the address stored on the account, never to the one typed, so a
  look-alike address (Unicode case folding) cannot receive someone else's link;
- the link is built from ``settings.SITE_URL``, never from the request's ``Host`` header, so a
  forged header cannot point the link at another site;
- the token is Django's ``default_token_generator``: it works once (setting the password, or
  logging in, changes what it signs) and expires after ``PASSWORD_RESET_TIMEOUT``;
- the e-mail is written in the recipient's language, and its link opens the page in it.
"""

import logging
import unicodedata

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tradefair.accounts.models import User

log = logging.getLogger(__name__)


def send_password_reset(*, email: str) -> int:
    """E-mail a link to set a new password to the active account using ``email``.

    Returns how many e-mails left (0 or 1); the caller must not show it to the person asking.
    Accounts without a usable password (switched off by an admin) get nothing.
    """
    sent = 0
    for user in User.objects.filter(email__iexact=email.strip(), is_active=True):
        if not user.has_usable_password() or _folded(user.email) != _folded(email.strip()):
            continue
        subject, body = _message(user)
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except Exception:
            log.exception("The password-reset e-mail to user %s could not be sent.", user.pk)
        else:
            sent += 1
    return sent


def _message(user: User) -> tuple[str, str]:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "user": user,
            "url": settings.SITE_URL + path,
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = _("Set a new password for tradefair")
        return subject, render_to_string("accounts/email/password_reset.txt", context)


def _folded(address: str) -> str:
    return unicodedata.normalize("NFKC", address).casefold()
