"""Spoken languages as ISO 639-1 codes, named by CLDR in the reader's language.

Interpreters and meeting profiles store bare codes (``"zh"``, ``"vi"``); people type and read
names. CLDR lists every two-letter ISO 639-1 code, so it is also the list of valid codes.
"""

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.core import UnknownLocaleError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

_ENGLISH = Locale("en").languages
CODES = frozenset(code for code in map(str, _ENGLISH) if len(code) == 2 and code.isalpha())


@lru_cache(maxsize=16)
def _names(language: str) -> Mapping[str, str]:
    """CLDR's language names in ``language`` (English where it has none)."""
    try:
        return Locale.parse(to_locale(language)).languages
    except (UnknownLocaleError, ValueError):
        return _ENGLISH


def language_name(code: str, language: str | None = None) -> str:
    """``language_name("vi")`` → "Vietnamese" (越南语 for a Chinese reader)."""
    names = _names(language or get_language() or "en")
    return str(names.get(code) or _ENGLISH.get(code) or code)


def parse_codes(text: str) -> tuple[list[str], list[str]]:
    """Split "zh, EN vi" into sorted distinct known codes and the unknown entries, as typed."""
    known: set[str] = set()
    unknown: list[str] = []
    for entry in text.replace(",", " ").replace(";", " ").split():
        code = entry.strip().lower()
        if code in CODES:
            known.add(code)
        elif entry not in unknown:
            unknown.append(entry)
    return sorted(known), unknown


# The languages of the ASEAN members' companies, listed first where a local name's language is
# chosen: Vietnamese, Thai, Indonesian, Malay, Khmer, Lao, Burmese, Tagalog (Filipino), Tamil.
FAIR_LANGUAGES = ("vi", "th", "id", "ms", "km", "lo", "my", "tl", "ta")


def language_choices() -> list[tuple[str, Any]]:
    """Choices for a language field in the reader's language: none, the fair's languages, then
    every other language CLDR names, alphabetically."""
    fair = [(code, language_name(code)) for code in FAIR_LANGUAGES if code in CODES]
    others = sorted(
        ((code, language_name(code)) for code in CODES - set(FAIR_LANGUAGES)),
        key=lambda choice: choice[1].casefold(),
    )
    return [("", "—"), (_("Languages of the fair"), fair), (_("Other languages"), others)]
