"""Every UI string has a Simplified Chinese translation, and the compiled catalogue is current."""

from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import tradefair

LOCALE = Path(tradefair.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_every_message_is_translated_and_none_is_fuzzy():
    with (LOCALE / "django.po").open("rb") as f:
        catalog = read_po(f)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert untranslated == []
    assert len(catalog) > 100


def _entries(messages) -> dict:
    """Plural ids and strings come as lists from .mo files and tuples from .po files."""

    def norm(value):
        return value if isinstance(value, str) else tuple(value)

    return {norm(m.id): norm(m.string) for m in messages if m.id}


def test_compiled_catalogue_matches_the_po_file():
    with (LOCALE / "django.po").open("rb") as f:
        po = _entries(read_po(f))
    with (LOCALE / "django.mo").open("rb") as f:
        mo = _entries(read_mo(f))
    assert mo == po, "run `tradefair compilemessages` after editing django.po"
