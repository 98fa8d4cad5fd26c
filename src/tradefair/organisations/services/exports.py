"""Export exhibitors or buyers of one expo in the very format the import reads.

Exporting and importing the result again changes nothing: the columns are the import's, sectors
are written by slug, HS codes as text (so chapter 01 keeps its zero) and areas without trailing
zeros. The sectors and HS codes come from the trade line the import manages (the first one).
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _

from tradefair.expos.models import Expo
from tradefair.expos.spreadsheets import csv_bytes, xlsx_bytes
from tradefair.organisations.models import Participation
from tradefair.organisations.services.import_files import FILE_TYPES, LIST_SEPARATOR
from tradefair.organisations.services.imports import ROLES, TRADE_LINES
from tradefair.organisations.services.imports_parse import COLUMNS, OPTIONAL_COLUMNS, Kind

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportError(ValueError):
    """The request cannot be served: unknown expo or file type."""


@dataclass(frozen=True)
class ExportResult:
    filename: str
    content_type: str
    content: bytes
    rows: int


def unsupported_file_type(suffix: str) -> str:
    return _("unsupported file type '%(type)s' (use .csv or .xlsx)") % {"type": suffix}


def export_participants(*, expo_slug: str, kind: Kind | str, filename: str) -> ExportResult:
    """Write every exhibitor (or buyer) of the expo; the suffix of ``filename`` picks the format."""
    kind = Kind(kind)
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FILE_TYPES:
        raise ExportError(unsupported_file_type(suffix or filename))
    expo = Expo.objects.filter(slug=expo_slug).first()
    if expo is None:
        known = ", ".join(Expo.objects.order_by("slug").values_list("slug", flat=True))
        raise ExportError(
            _("unknown expo '%(expo)s' (known expos: %(known)s)")
            % {"expo": expo_slug, "known": known or _("none")}
        )
    rows = export_rows(expo=expo, kind=kind)
    content = _xlsx(kind, rows) if suffix == ".xlsx" else _csv(kind, rows)
    return ExportResult(
        filename=filename, content_type=CONTENT_TYPES[suffix], content=content, rows=len(rows)
    )


def export_rows(*, expo: Expo, kind: Kind) -> list[dict[str, Any]]:
    """One dict per participation, keyed by the import's columns, ordered by name and country."""
    line_model = TRADE_LINES[kind]
    participations = list(
        Participation.objects.filter(expo=expo, role=ROLES[kind])
        .select_related("organisation", "pavilion")
        .order_by("organisation__name", "organisation__country_id", "pk")
    )
    first_line: dict[int, int] = {
        line.participation_id: line.pk
        for line in line_model.objects.filter(
            participation__expo=expo, participation__role=ROLES[kind]
        ).order_by("-id")
    }
    owner = line_model._meta.model_name
    sectors: dict[int, list[str]] = {}
    for line_id, slug in line_model.sectors.through.objects.filter(
        **{f"{owner}__participation__expo": expo, f"{owner}__participation__role": ROLES[kind]}
    ).values_list(f"{owner}_id", "sector__slug"):
        sectors.setdefault(line_id, []).append(slug)
    hs_codes: dict[int, list[str]] = {}
    for line_id, code in line_model.hs_codes.through.objects.filter(
        **{f"{owner}__participation__expo": expo, f"{owner}__participation__role": ROLES[kind]}
    ).values_list(f"{owner}_id", "hscode_id"):
        hs_codes.setdefault(line_id, []).append(code)

    rows = []
    for p in participations:
        org = p.organisation
        line_id = first_line.get(p.pk, 0)
        row: dict[str, Any] = {
            "name": org.name,
            "name_zh": org.name_zh,
            "name_local": org.name_local,
            "name_local_language": org.name_local_language,
            "country": org.country_id,
            "sectors": LIST_SEPARATOR.join(sorted(sectors.get(line_id, []))),
            "hs_codes": LIST_SEPARATOR.join(sorted(hs_codes.get(line_id, []))),
            "pavilion": p.pavilion.code if p.pavilion else "",
            "booth_area_m2": p.booth_area_m2,
            "website": org.website,
            "email": org.email,
            "description": org.description,
        }
        rows.append({column: row[column] for column in _columns(kind)})
    return rows


def _columns(kind: Kind) -> list[str]:
    return [*COLUMNS[kind], *OPTIONAL_COLUMNS]


def _area_text(area: Decimal | None) -> str:
    # 36.00 → "36", 54.50 → "54.5": what a person would type, and equal again on import.
    return "" if area is None else format(area.normalize(), "f")


def _csv(kind: Kind, rows: list[dict[str, Any]]) -> bytes:
    area = {"booth_area_m2": _area_text}
    return csv_bytes(
        _columns(kind),
        ([area.get(c, _same)(row[c]) for c in _columns(kind)] for row in rows),
    )


def _xlsx(kind: Kind, rows: list[dict[str, Any]]) -> bytes:
    columns = _columns(kind)

    def cell(column: str, value: Any) -> Any:
        # A number cell, so organisers can sum areas in the spreadsheet.
        return (None if value is None else float(value)) if column == "booth_area_m2" else value

    return xlsx_bytes(
        kind.value,
        columns,
        ([cell(c, row[c]) for c in columns] for row in rows),
        numeric={i for i, c in enumerate(columns) if c == "booth_area_m2"},
    )


def _same(value: Any) -> Any:
    return value
