"""A person's language for e-mails: the one the site last spoke to them in, or their choice.

Called explicitly where it changes (log-in, accepting an invitation, the account page), never
from a signal. Only languages in ``settings.LANGUAGES`` are stored; a regional variant such as
``zh-cn`` is reduced to the supported one it falls back to.
"""

from django.utils.translation import get_supported_language_variant

from tradefair.accounts.models import User


def supported_language(language: str) -> str | None:
    """The supported language code for ``language``, or None when there is none."""
    try:
        return get_supported_language_variant(language)
    except LookupError:
        return None


def set_language(*, user: User, language: str) -> bool:
    """Store ``language`` as ``user``'s language for e-mails; returns whether it changed.

    An unsupported language changes nothing (mail keeps going out in the stored one).
    """
    code = supported_language(language)
    if code is None or code == user.language:
        return False
    user.language = code
    User.objects.filter(pk=user.pk).update(language=code)
    return True
