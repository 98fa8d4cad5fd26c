"""Presentation shared by every public page: language links and the reader's locale.

Dates, times and numbers are written by ``tradefair.expos.formatting``.
"""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, to_locale


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """The current page in each language; the query string survives the switch."""
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    return [
        LanguageLink(code, own_name(code), translate_url(path, code), code == current)
        for code, _name in settings.LANGUAGES
    ]


def own_name(code: str) -> str:
    """A language in its own name (Tiếng Việt, ภาษาไทย), as a reader looks for it."""
    # Django writes some with combining marks (Tiếng Việt): composed, as typed and searched.
    return unicodedata.normalize("NFC", str(get_language_info(code)["name_local"]))


def reader_locale() -> str:
    """The Babel locale of the active language, e.g. ``zh_Hans``."""
    return to_locale(get_language() or settings.LANGUAGE_CODE)
