"""Presentation shared by every public page: language links and the reader's locale.

Dates, times and numbers are written by ``tradefair.expos.formatting``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, to_locale


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
    names = {"en": "English", "zh-hans": "简体中文"}
    return [
        LanguageLink(code, names.get(code, str(name)), translate_url(path, code), code == current)
        for code, name in settings.LANGUAGES
    ]


def reader_locale() -> str:
    """The Babel locale of the active language, e.g. ``zh_Hans``."""
    return to_locale(get_language() or settings.LANGUAGE_CODE)
