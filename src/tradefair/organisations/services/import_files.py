"""What every spreadsheet import shares: a CSV or XLSX file read into rows as a spreadsheet
numbers them, refused as a whole when it is too large, unreadable or has a wrong header, the
``RowError`` each import reports per row, and the cell helpers (lists, choices, spellings,
control characters). The exhibitor and buyer import (``imports_parse``), the programme's, the
deals', the products' and the trade statistics' build on it.
"""

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.db.models import TextChoices
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tradefair.expos.formatting import fixed, number

FILE_TYPES = (".csv", ".xlsx")


LIST_SEPARATOR = ";"


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in a file: ``line`` is the spreadsheet row (header = 1), None for the file."""

    line: int | None
    column: str
    reason: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.column}: {self.reason}"
        return _("line %(line)s: %(column)s: %(reason)s") % {
            "line": self.line,
            "column": self.column,
            "reason": self.reason,
        }


@dataclass
class ImportCounts:
    """What a file import of an edition did: either ``errors`` (and nothing written) or how
    many rows it created, updated and found unchanged. Each import adds its own summary."""

    expo: str
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class FileRejected(Exception):
    """The file as a whole cannot be read; carries the one error that says why."""

    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


def read_table(*, content: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """The file's non-blank rows as (spreadsheet line, cells as text), header first."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FILE_TYPES:
        shown = suffix or filename
        raise FileRejected(
            RowError(
                None,
                "file",
                _("unsupported file type '%(type)s' (upload a .csv or .xlsx file)")
                % {"type": shown},
            )
        )
    rows = _read_csv(content) if suffix == ".csv" else _read_xlsx(content)
    table = [(line, cells) for line, cells in rows if any(cells)]
    if not table:
        raise FileRejected(RowError(None, "file", _("the file is empty (expected a header row)")))
    return table


def _read_csv(content: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        # utf-8-sig drops the byte-order mark Excel writes with "CSV UTF-8".
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRejected(
            RowError(
                None,
                "file",
                _("not UTF-8 text (byte %(byte)s); save the file as 'CSV UTF-8' and try again")
                % {"byte": exc.start},
            )
        ) from exc
    # Rows are numbered as a spreadsheet shows them, so a quoted multi-line cell is one line.
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            yield line, [cell.strip() for cell in cells]
    except csv.Error as exc:
        raise FileRejected(
            RowError(
                line + 1,
                "row",
                _("unreadable CSV (%(why)s); check the quotes in this row") % {"why": exc},
            )
        ) from exc


def _read_xlsx(content: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRejected(
            RowError(
                None,
                "file",
                _("not a readable .xlsx workbook (%(why)s); save it again as .xlsx") % {"why": exc},
            )
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass(frozen=True)
class InRequestLimits:
    """What keeps an import short: the programme's runs in the request, and the deals' (in the
    worker) holds the edition's write lock for its one transaction."""

    kind: str | Promise  # "programme", "deals": how the messages name the import
    max_bytes: int
    max_rows: int
    columns: list[str]
    required: list[str]


def too_large(size: int, limits: InRequestLimits) -> str:
    return _("the file is %(size)s MB; a %(kind)s import takes at most %(most)s MB") % {
        "size": fixed(size / 2**20, 1),
        "kind": limits.kind,
        "most": number(limits.max_bytes // 2**20),
    }


def bounded_table(
    *, content: bytes, filename: str, limits: InRequestLimits
) -> tuple[list[tuple[int, list[str]]], list[RowError]]:
    """The file's rows with a good header, or the one error that stops the import first: too
    large, unreadable, too many rows, or a header without the required columns."""
    if len(content) > limits.max_bytes:
        return [], [RowError(None, "file", too_large(len(content), limits))]
    try:
        table = read_table(content=content, filename=filename)
    except FileRejected as rejected:
        return [], [rejected.error]
    if len(table) - 1 > limits.max_rows:
        message = _(
            "%(rows)s rows; a %(kind)s import takes at most %(most)s (split the file and import "
            "the parts one after the other)"
        ) % {"rows": number(len(table) - 1), "kind": limits.kind, "most": number(limits.max_rows)}
        return [], [RowError(None, "file", message)]
    return table, check_columns(table[0][1], limits.columns, limits.required)


def check_columns(cells: list[str], columns: list[str], required: list[str]) -> list[RowError]:
    """The required columns present, known columns only, none twice (any order); the
    programme and deal imports let a file leave out the optional ones."""
    header = [cell.strip().lower() for cell in cells]
    problems = []
    missing = [c for c in required if c not in header]
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    unexpected = [c for c in header if c and c not in columns]
    if unexpected:
        problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(unexpected)})
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    if repeated:
        problems.append(_("repeated columns: %(names)s") % {"names": ", ".join(repeated)})
    if not problems:
        return []
    fix = _("the columns are %(columns)s; %(required)s are required") % {
        "columns": ",".join(columns),
        "required": ",".join(required),
    }
    return [RowError(1, "header", f"{'; '.join(problems)} ({fix})")]


def choice_spellings(
    choices: type[TextChoices], allowed: Iterable[str] | None = None
) -> dict[str, str]:
    """A choice's value or its English label, in any case, with spaces for underscores."""
    values = list(allowed) if allowed is not None else list(choices.values)
    found: dict[str, str] = {}
    with translation.override("en"):
        for value, label in choices.choices:
            if value in values:
                found[value] = value
                found[value.replace("_", " ")] = value
                found[str(label).casefold()] = value
    return found


def spellings(objects: Iterable[Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Each object under each spelling; earlier fields win, so a name never shadows a code."""
    found: dict[str, Any] = {}
    for name in fields:
        for obj in objects:
            value = getattr(obj, name)
            if value:
                found.setdefault(value.casefold(), obj)
    return found


def rows_as_dicts(
    rows: Iterable[tuple[int, list[str]]],
) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """Pair each data row's cells with the header's column names (first row is the header)."""
    iterator = iter(rows)
    _, header_cells = next(iterator)
    header = [cell.strip().lower() for cell in header_cells]
    for line, cells in iterator:
        padded = cells + [""] * (len(header) - len(cells))
        named = {name: value for name, value in zip(header, padded, strict=False) if name}
        # Cells past the header and under a nameless header cell belong to no column.
        stray = [value for name, value in zip(header, padded, strict=False) if not name]
        yield line, named, stray + padded[len(header) :]


def control_character(value: str) -> str | None:
    """The first control character other than tab and line breaks (NUL cannot be stored)."""
    allowed = "\t\n\r"
    return next((c for c in value if c not in allowed and unicodedata.category(c) == "Cc"), None)


def split_list(value: str, separator: str = LIST_SEPARATOR) -> list[str]:
    """The non-empty, trimmed items of a cell that lists several."""
    return [part.strip() for part in value.split(separator) if part.strip()]
