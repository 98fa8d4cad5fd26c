"""The engine's JSON files: read with every fault located, written one record per line.

Parsing never stops at the first problem: every error is recorded with a JSON-path-like prefix
(``requests[3] (R4): …``) and raised together in one ``ProblemError``, so an organiser fixes a
file in one round. Writing puts each item of a list on its own line: readable, diffable and
still fast at 150,000 rows. Shared by the schedule's and the booths' formats.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

Source = str | bytes | Mapping[str, Any]


class ProblemError(ValueError):
    """Everything wrong with an input file, one located message each."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} error(s):\n" + "\n".join(errors))
        self.errors = errors


def load_json(source: Source) -> Any:
    """Decode JSON text, turning a syntax error into one located message."""
    if isinstance(source, Mapping):
        return source
    try:
        text = source.decode("utf-8-sig") if isinstance(source, bytes) else source
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise ProblemError([f"not UTF-8 text: byte {exc.start} cannot be decoded"]) from exc
    except json.JSONDecodeError as exc:
        raise ProblemError(
            [f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"]
        ) from exc


class Reader:
    """Typed accessors that record an error and return None instead of raising."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def record(
        self, value: Any, where: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(where, f"must be an object, got {kind(value)}")
            return None
        allowed = (*required, *optional)
        for key in value:
            if key not in allowed:
                self.error(where, f"unknown key {key!r}; expected {', '.join(allowed)}")
        for key in required:
            if key not in value:
                self.error(where, f"missing {key!r}")
        return value

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        if key not in data:
            return []
        value = data[key]
        if not isinstance(value, list):
            self.error(key, f"must be a list, got {kind(value)}")
            return []
        return value

    def text(self, record: dict[str, Any], key: str, where: str) -> str | None:
        if key not in record:
            return None  # reported as missing by record()
        value = record[key]
        if not isinstance(value, str) or not value.strip():
            self.error(where, f"{key} must be a non-empty string, got {kind(value)}")
            return None
        return value

    def integer(
        self, record: dict[str, Any], key: str, where: str, minimum: int | None
    ) -> int | None:
        value = record[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(where, f"{key} must be a whole number, got {kind(value)}")
            return None
        if minimum is not None and value < minimum:
            self.error(where, f"{key} must be >= {minimum}, got {value}")
            return None
        return value

    def unique_id(self, record: dict[str, Any], where: str, seen: dict[str, str]) -> str | None:
        ident = self.text(record, "id", where)
        if ident is None:
            return None
        if ident in seen:
            self.error(where, f"duplicate id {ident!r} (first at {seen[ident]})")
            return None
        seen[ident] = where
        return ident


def kind(value: object) -> str:
    """What a JSON value is, for a message: "a string", "null", "3"."""
    if value is None:
        return "null"
    name = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    return name.get(type(value), repr(value))


def label(section: str, index: int, record: object) -> str:
    """``section[index] (id)``, or without the id when the record has none."""
    ident = record.get("id") if isinstance(record, dict) else None
    return f"{section}[{index}] ({ident})" if isinstance(ident, str) else f"{section}[{index}]"


def dumps(data: Mapping[str, Any]) -> str:
    """JSON with one list item per line."""

    def item(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            rows = ",\n    ".join(item(v) for v in value)
            parts.append(f"  {item(key)}: [\n    {rows}\n  ]")
        else:
            parts.append(f"  {item(key)}: {item(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
