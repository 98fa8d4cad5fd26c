"""Fill a catalogue without hand-editing .po syntax.

``python scripts/translations.py todo LANG OUT.json`` writes every untranslated or fuzzy
message of ``LANG`` (``zh_Hans``, ``vi``, ``th``, ``id``, ``ms``) as ``{msgid: ""}`` (plural
ids as ``"singular||plural"`` with a list of forms, a context as ``"context::msgid"``), and
``python scripts/translations.py apply LANG IN.json`` writes the filled-in strings back,
clearing the fuzzy flags and setting the catalogue's header. Run
``tradefair makemessages -l LANG --ignore=migrations`` (in ``src/tradefair``) before and
``tradefair compilemessages`` after; docs/translation-glossary.md says which word to use.
"""

import datetime
import json
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "src/tradefair/locale"


def _key(message: Message) -> str:
    """The message's id as the JSON names it: plural ids joined by "||", a context before its
    id and "::" (``trade flow::imports``), as one English word may need two translations."""
    text = message.id if isinstance(message.id, str) else "||".join(message.id)
    return f"{message.context}::{text}" if message.context else text


def _done(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main() -> None:
    command, language, path = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    if command == "todo":
        todo = {
            _key(m): ([""] * catalog.num_plurals if isinstance(m.id, tuple) else "")
            for m in catalog
            if m.id and (m.fuzzy or not _done(m.string))
        }
        path.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n")
        print(f"{len(todo)} messages to translate -> {path}")
        return
    filled = json.loads(path.read_text())
    applied = 0
    for message in catalog:
        if not message.id or _key(message) not in filled:
            continue
        value = filled[_key(message)]
        if not value:
            continue
        message.string = tuple(value) if isinstance(message.id, tuple) else value
        message.flags.discard("fuzzy")
        message.previous_id = []
        applied += 1
    name = Locale.parse(language).english_name
    catalog.header_comment = (
        f"# {name} translation of tradefair.\n"
        "# This file is distributed under the same license as the tradefair package."
    )
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    catalog.project, catalog.version = "tradefair", "0.1"
    catalog.last_translator = catalog.language_team = f"tradefair maintainers ({name})"
    catalog.fuzzy = False
    with po.open("wb") as f:
        write_po(f, catalog, width=100)
    print(f"applied {applied} translations to {po}")


if __name__ == "__main__":
    main()
