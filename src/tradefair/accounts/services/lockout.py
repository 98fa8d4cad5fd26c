"""Slowing down password guessing, with django-axes (settings ``AXES_*``).

Failed log-ins are counted per e-mail address and client IP, on the log-in form, the admin's
and the API's token endpoint alike, since all three call ``authenticate`` with the request.
Once an address reaches the limit from one IP, every log-in for it from there is refused, the
right password included, until the cool-off has passed since the last counted failure; a
successful log-in before that clears the count.
"""

import datetime as dt
from typing import Any

from axes.utils import reset
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import ngettext

from tradefair.accounts.models import User


def attempted_address(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The address a log-in tried, in lower case (``AXES_USERNAME_CALLABLE``).

    Addresses are unique whatever their case, so writing one in another case must not buy an
    attacker a fresh set of tries.
    """
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(typed).strip().lower()


def is_locked_out(request: HttpRequest) -> bool:
    """Whether the ``authenticate`` call just made for ``request`` was refused as locked out."""
    return bool(getattr(request, "axes_locked_out", False))


def lockout_message() -> str:
    """What a locked-out person reads, in the active language, with the cool-off in minutes."""
    cool_off: dt.timedelta = settings.AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60))
    return ngettext(
        "Too many failed log-ins with this e-mail address. Try again in %(minutes)d minute, "
        "or set a new password by e-mail.",
        "Too many failed log-ins with this e-mail address. Try again in %(minutes)d minutes, "
        "or set a new password by e-mail.",
        minutes,
    ) % {"minutes": minutes}


def clear_lockout(user: User) -> int:
    """Forget the failed log-ins for ``user``'s address, from every IP; returns how many.

    Called once they have set a new password through the link sent to their mailbox: that
    proves the address is theirs, so they need not wait out the cool-off.
    """
    return reset(username=user.email.lower())
