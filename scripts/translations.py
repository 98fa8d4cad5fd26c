"""Fill the Chinese catalogue without hand-editing .po syntax.

``python scripts/translations.py todo OUT.json`` writes every untranslated or fuzzy message as
``{msgid: ""}`` (plural ids as ``"singular||plural"`` with a list of forms), and
``python scripts/translations.py apply IN.json`` writes the filled-in strings back, clearing
the fuzzy flags. Run ``tradefair makemessages -l zh_Hans --ignore=migrations`` (in
``src/tradefair``) before and ``tradefair compilemessages -l zh_Hans`` after.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "src/tradefair/locale/zh_Hans/LC_MESSAGES/django.po"


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else "||".join(message_id)


def _done(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main() -> None:
    command, path = sys.argv[1], Path(sys.argv[2])
    with PO.open("rb") as f:
        catalog = read_po(f)
    if command == "todo":
        todo = {
            _key(m.id): ([""] if isinstance(m.id, tuple) else "")
            for m in catalog
            if m.id and (m.fuzzy or not _done(m.string))
        }
        path.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n")
        print(f"{len(todo)} messages to translate -> {path}")
        return
    filled = json.loads(path.read_text())
    applied = 0
    for message in catalog:
        if not message.id or _key(message.id) not in filled:
            continue
        value = filled[_key(message.id)]
        if not value:
            continue
        message.string = tuple(value) if isinstance(message.id, tuple) else value
        message.flags.discard("fuzzy")
        message.previous_id = []
        applied += 1
    with PO.open("wb") as f:
        write_po(f, catalog, width=100)
    print(f"applied {applied} translations to {PO}")


if __name__ == "__main__":
    main()
