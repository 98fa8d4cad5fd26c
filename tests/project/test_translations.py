"""Every UI string is translated into each of the site's languages, and each compiled catalogue
is current."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

import tradefair

TRANSLATED = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]


def _folder(language: str) -> Path:
    return Path(tradefair.__file__).parent / "locale" / language / "LC_MESSAGES"


def test_every_language_of_the_site_has_a_catalogue():
    assert TRANSLATED == ["zh_Hans", "vi", "th", "id", "ms"]
    assert all((_folder(language) / "django.po").exists() for language in TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    with (_folder(language) / "django.po").open("rb") as f:
        catalog = read_po(f)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert untranslated == []
    assert len(catalog) > 100


def _entries(messages) -> dict:
    """Plural ids and strings come as lists from .mo files and tuples from .po files; one id
    may stand in two contexts ("Partner" as an organisation and as a trading country)."""

    def norm(value):
        return value if isinstance(value, str) else tuple(value)

    return {(m.context, norm(m.id)): norm(m.string) for m in messages if m.id}


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_the_po_file(language):
    with (_folder(language) / "django.po").open("rb") as f:
        po = _entries(read_po(f))
    with (_folder(language) / "django.mo").open("rb") as f:
        mo = _entries(read_mo(f))
    assert mo == po, "run `tradefair compilemessages` after editing django.po"
