"""Display names in the reader's language, from Babel's CLDR data."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def country_name(code: str, language: str, fallback: str = "") -> str:
    """CLDR's name for an ISO 3166 alpha-2 code, e.g. ``country_name("VN", "zh-hans")`` → 越南."""
    locale = _locale(language) or _locale("en")
    if locale is None:
        return fallback or code
    return str(locale.territories.get(code, fallback or code))


def in_reader_language(english: str, chinese: str) -> str:
    """The Chinese text for a Chinese reader when there is one, else the English."""
    from django.utils.translation import get_language

    language = get_language() or "en"
    return chinese if language.startswith("zh") and chinese else english


def one_full_stop(sentence: str) -> str:
    """A sentence ending in a name that ends in a full stop ("… to Anhui Ankang Co., Ltd.")
    keeps one: the abbreviation's stop ends the sentence too, as English writes it."""
    return sentence[:-1] if sentence.endswith("..") and not sentence.endswith("...") else sentence
