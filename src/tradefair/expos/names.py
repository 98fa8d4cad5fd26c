"""Display names in the reader's language, from Babel's CLDR data."""

import re
import unicodedata
from dataclasses import dataclass
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


def reference_name(english: str, chinese: str) -> str:
    """A name of the platform's own reference data (a sector, a country group) in the reader's
    language: the Chinese stored beside it, else the catalogue's translation of the English
    (``reference_data`` marks them), else the English for a name an organiser added."""
    from django.utils.translation import get_language, gettext

    if (get_language() or "en").startswith("zh") and chinese:
        return chinese
    return gettext(english) if english else english


@dataclass(frozen=True)
class ShownName:
    """A name and the language it is written in, for a ``lang`` attribute (so that Thai or
    Chinese text gets its own font)."""

    text: str
    lang: str


def organisation_names(
    english: str, chinese: str = "", local: str = "", local_language: str = ""
) -> tuple[ShownName, ShownName | None]:
    """The name a reader sees first and the one printed small under it.

    A reader of the organisation's own language (a Thai reader of a Thai company) sees its
    local name first, a Chinese reader the Chinese name, everyone else the English one; the
    second is the English name under a local or Chinese one, and under the English one the
    local name, else the Chinese.
    """
    from django.utils.translation import get_language

    reader = (get_language() or "en").split("-")[0]
    own = local_language.split("-")[0]
    names: list[ShownName] = []
    if local and own == reader:
        names.append(ShownName(local, local_language))
    if chinese and reader == "zh":
        names.append(ShownName(chinese, "zh-Hans"))
    names.append(ShownName(english, "en"))
    if local:
        names.append(ShownName(local, local_language))
    if chinese:
        names.append(ShownName(chinese, "zh-Hans"))
    first = names[0]
    other = next((n for n in names[1:] if n.text and n.text != first.text), None)
    return first, other


def organisation_name(
    english: str, chinese: str = "", local: str = "", local_language: str = ""
) -> str:
    """The name a reader sees first (``organisation_names``)."""
    return organisation_names(english, chinese, local, local_language)[0].text


def unaccented(text: str) -> str:
    """Latin letters without their diacritics ("Công ty Đồng Tâm" → "Cong ty Dong Tam"), so
    that a search typed without them still finds a Vietnamese name. Marks on other scripts
    stay: Thai vowels and tone marks are combining characters too, and are part of the word."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(char) and out and "LATIN" in unicodedata.name(out[-1], ""):
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


_THAI_GAP = re.compile(r"(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])")


def thai_unspaced(text: str) -> str:
    """Thai without the spaces between its phrases ("บริษัท ไทยยูเนี่ยน กรุ๊ป" →
    "บริษัทไทยยูเนี่ยนกรุ๊ป"): Thai writes words together and places spaces by taste, so a
    reader types a name with them or without."""
    return _THAI_GAP.sub("", text)


def one_full_stop(sentence: str) -> str:
    """A sentence ending in a name that ends in a full stop ("… to Anhui Ankang Co., Ltd.")
    keeps one: the abbreviation's stop ends the sentence too, as English writes it."""
    return sentence[:-1] if sentence.endswith("..") and not sentence.endswith("...") else sentence
