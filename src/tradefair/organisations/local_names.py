"""An organisation's name in its own language: the rule every way in (forms, the API, imports,
the admin) keeps, so that all of them refuse the same things with the same words."""

from django.utils.translation import gettext as _

from tradefair.expos.languages import CODES


def local_name_error(name: str, language: str) -> tuple[str, str] | None:
    """What is wrong with a local name and its language, as (field, message); None when
    nothing is.

    The language is an ISO 639-1 code CLDR knows, and neither comes without the other: a name
    whose language is unknown cannot be shown to the readers of that language first."""
    if language and language not in CODES:
        return "name_local_language", _(
            "'%(code)s' is not a language code; give its two letters, e.g. th, vi, id or ms."
        ) % {"code": language}
    if name and not language:
        return "name_local_language", _("Say which language the local name is in.")
    if language and not name:
        return "name_local", _("Give the local name, or leave its language empty.")
    return None
