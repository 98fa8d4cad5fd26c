"""Log-in by e-mail address, the same on the form and the API's token endpoint."""

from __future__ import annotations

from tradefair.accounts.models import User


def stored_address(typed: str) -> str:
    """The account's address as stored when one matches ``typed`` whatever its case, else
    ``typed``; spaces around it ignored. Addresses are unique whatever their case, so people
    may type them in any case; resolving before ``authenticate`` also keys the lockout on the
    account, not on each way of writing it."""
    typed = typed.strip()
    stored = User.objects.filter(email__iexact=typed).values_list("email", flat=True).first()
    return stored or typed
