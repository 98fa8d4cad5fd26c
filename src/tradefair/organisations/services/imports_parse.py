"""Read an exhibitor or buyer file (CSV or XLSX) and check every row before anything is written.

Reading and checking are kept apart from writing so that the whole file is judged first: the
organiser gets every bad row in one go and the database is only touched by a file that is good.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradefair.expos.formatting import number
from tradefair.expos.models import Country, Expo, HSCode, Sector
from tradefair.floorplan.models import Pavilion
from tradefair.organisations.local_names import local_name_error
from tradefair.organisations.models import ImportJob
from tradefair.organisations.services.import_files import (
    RowError,
    control_character,
    rows_as_dicts,
    split_list,
)


class Kind(StrEnum):
    """What a file lists; each kind is one participation role and one trade line model."""

    EXHIBITORS = "exhibitors"
    BUYERS = "buyers"

    @property
    def label(self) -> str:
        """The kind in the reader's words ("exhibitors", "展商"), as the admin's upload names it."""
        return str(ImportJob.Kind(self.value).label)


_COMMON = ["name", "name_zh", "country", "sectors", "hs_codes"]


_CONTACT = ["website", "email", "description"]


COLUMNS: dict[Kind, list[str]] = {
    Kind.EXHIBITORS: [*_COMMON, "pavilion", "booth_area_m2", *_CONTACT],
    Kind.BUYERS: [*_COMMON, *_CONTACT],
}


# Columns a file may leave out (files written before they existed stay valid); exports write
# them after the others.
OPTIONAL_COLUMNS = ["name_local", "name_local_language"]


_HS_CODE = re.compile(r"^[0-9]{2}([0-9]{2}([0-9]{2})?)?$")


_MAX_LENGTH = {"name": 200, "name_zh": 200, "name_local": 200, "website": 200, "email": 254}


_BOOTH_AREA_LIMIT = Decimal("1000000")  # max_digits=8, decimal_places=2


@dataclass(frozen=True)
class ParsedRow:
    """A row that passed every check, with its references resolved to primary keys."""

    line: int
    name: str
    name_zh: str
    name_local: str
    name_local_language: str
    country: str
    sector_ids: frozenset[int]
    hs_codes: frozenset[str]
    pavilion_id: int | None
    booth_area_m2: Decimal | None
    website: str
    email: str
    description: str

    @property
    def key(self) -> tuple[str, str]:
        """What identifies an organisation: English name (case-insensitive) and country."""
        return organisation_key(self.name, self.country)


def organisation_key(name: str, country: str) -> tuple[str, str]:
    return (name.lower(), country)


_Report = Callable[[str, str], None]


def check_header(cells: list[str], kind: Kind) -> list[RowError]:
    """Every expected column exactly once, in any order, the optional ones at most once,
    nothing else."""
    header = [cell.strip().lower() for cell in cells]
    expected = COLUMNS[kind]
    problems = []
    missing = [c for c in expected if c not in header]
    if missing:
        problems.append(
            ngettext("missing column %(names)s", "missing columns %(names)s", len(missing))
            % {"names": _quoted(missing)}
        )
    unexpected = [c for c in header if c and c not in expected and c not in OPTIONAL_COLUMNS]
    if unexpected:
        problems.append(
            ngettext("unexpected column %(names)s", "unexpected columns %(names)s", len(unexpected))
            % {"names": _quoted(unexpected)}
        )
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    if repeated:
        problems.append(
            ngettext("repeated column %(names)s", "repeated columns %(names)s", len(repeated))
            % {"names": _quoted(repeated)}
        )
    if not problems:
        return []
    fix = _("the header for %(kind)s is: %(columns)s, optionally followed by %(optional)s") % {
        "kind": kind.label,
        "columns": ",".join(expected),
        "optional": ",".join(OPTIONAL_COLUMNS),
    }
    return [RowError(1, "header", f"{'; '.join(problems)} ({fix})")]


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


@dataclass(frozen=True)
class _Lookups:
    """Reference data loaded once per file, keyed the ways a spreadsheet may spell it."""

    countries: frozenset[str]
    sectors: dict[str, int]
    sector_example: str
    hs_codes: frozenset[str]
    pavilions: dict[str, int]
    pavilion_example: str

    @classmethod
    def load(cls, expo: Expo, kind: Kind) -> "_Lookups":
        # Slugs and codes are looked up before names, so a name never shadows a code.
        sectors = _spellings(list(Sector.objects.all()), ("slug", "name", "name_zh"))
        pavilions: dict[str, int] = {}
        codes = []
        if kind is Kind.EXHIBITORS:
            expo_pavilions = list(Pavilion.objects.filter(expo=expo).order_by("code"))
            codes = [pavilion.code for pavilion in expo_pavilions]
            pavilions = _spellings(expo_pavilions, ("code", "name", "name_zh"))
        first_sector = Sector.objects.order_by("slug").values_list("slug", flat=True).first()
        return cls(
            countries=frozenset(Country.objects.values_list("code", flat=True)),
            sectors=sectors,
            sector_example=first_sector or "blue-economy",
            hs_codes=frozenset(HSCode.objects.values_list("code", flat=True)),
            pavilions=pavilions,
            pavilion_example=codes[0] if codes else "",
        )


def _spellings(objects: list[Any], fields: tuple[str, ...]) -> dict[str, int]:
    spellings: dict[str, int] = {}
    for name in fields:
        for obj in objects:
            value = getattr(obj, name)
            if value:
                spellings.setdefault(value.casefold(), obj.pk)
    return spellings


def parse_rows(
    *, expo: Expo, kind: Kind, rows: Iterable[tuple[int, list[str]]]
) -> tuple[list[ParsedRow], list[RowError]]:
    """Check the data rows (header already checked) against the reference data and each other."""
    lookups = _Lookups.load(expo, kind)
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    first_line: dict[tuple[str, str], int] = {}
    for line, cells, header in rows_as_dicts(rows):
        row, row_errors = _parse_row(line, cells, header, kind, lookups)
        errors += row_errors
        if row is None:
            continue
        earlier = first_line.setdefault(row.key, line)
        if earlier != line:
            errors.append(
                RowError(
                    line,
                    "name",
                    _("duplicate organisation '%(name)s' (%(country)s), already on line %(line)s")
                    % {"name": row.name, "country": row.country, "line": earlier},
                )
            )
            continue
        parsed.append(row)
    return parsed, errors


def _parse_row(
    line: int, cells: dict[str, str], extra: list[str], kind: Kind, lookups: _Lookups
) -> tuple[ParsedRow | None, list[RowError]]:
    errors: list[RowError] = []

    def bad(column: str, reason: str) -> None:
        errors.append(RowError(line, column, reason))

    if any(extra):
        bad(
            "row",
            _(
                "%(cells)s cells but the header names %(columns)s columns (put values that "
                "contain commas in quotes, and give every column with values a name)"
            )
            % {"cells": len(cells) + len(extra), "columns": len(cells)},
        )
    for column in OPTIONAL_COLUMNS:
        cells.setdefault(column, "")
    for column, limit in _MAX_LENGTH.items():
        if len(cells[column]) > limit:
            bad(
                column,
                _("too long (%(length)s characters, at most %(most)s)")
                % {"length": number(len(cells[column])), "most": number(limit)},
            )
    for column, value in cells.items():
        control = control_character(value)
        if control is not None:
            bad(
                column,
                _(
                    "contains the control character %(character)s; remove it (it is invisible "
                    "in most editors and cannot be stored)"
                )
                % {"character": f"U+{ord(control):04X}"},
            )

    name = cells["name"]
    if not name:
        bad("name", _("missing (every row needs an English name)"))
    local_language = cells["name_local_language"].strip().lower()
    refused = local_name_error(cells["name_local"], local_language)
    if refused:
        bad(*refused)

    country = cells["country"].upper()
    if not country:
        bad("country", _("missing (use ISO 3166 alpha-2, e.g. VN)"))
    elif country not in lookups.countries:
        bad(
            "country",
            _("unknown country code '%(code)s' (use ISO 3166 alpha-2, e.g. VN)")
            % {"code": cells["country"]},
        )

    sector_ids = set()
    for spelling in split_list(cells["sectors"]):
        sector_id = lookups.sectors.get(spelling.casefold())
        if sector_id is None:
            bad(
                "sectors",
                _(
                    "unknown sector '%(sector)s' (use a sector's slug, English or Chinese name, "
                    "e.g. %(example)s)"
                )
                % {"sector": spelling, "example": lookups.sector_example},
            )
        else:
            sector_ids.add(sector_id)

    hs_codes = set()
    for code in split_list(cells["hs_codes"]):
        if not _HS_CODE.match(code):
            bad(
                "hs_codes",
                _(
                    "bad HS code format '%(code)s' (HS codes are 2, 4 or 6 digits, e.g. 85, 8541 "
                    "or 854143; keep the column as text so leading zeros stay)"
                )
                % {"code": code},
            )
        elif code not in lookups.hs_codes:
            bad(
                "hs_codes",
                _("unknown HS code '%(code)s' (not a chapter, heading or subheading of HS 2022)")
                % {"code": code},
            )
        else:
            hs_codes.add(code)

    pavilion_id = None
    booth_area = None
    if kind is Kind.EXHIBITORS:
        pavilion_id = _pavilion(cells["pavilion"], lookups, bad)
        booth_area = _booth_area(cells["booth_area_m2"], bad)

    website = cells["website"]
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            bad(
                "website",
                _("bad website URL '%(url)s' (use a full address, e.g. https://www.example.com)")
                % {"url": website},
            )
    email = cells["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            bad(
                "email",
                _("bad e-mail address '%(email)s' (use one address, e.g. info@example.com)")
                % {"email": email},
            )

    if errors:
        return None, errors
    return (
        ParsedRow(
            line=line,
            name=name,
            name_zh=cells["name_zh"],
            name_local=cells["name_local"],
            name_local_language=local_language,
            country=country,
            sector_ids=frozenset(sector_ids),
            hs_codes=frozenset(hs_codes),
            pavilion_id=pavilion_id,
            booth_area_m2=booth_area,
            website=website,
            email=email,
            description=cells["description"],
        ),
        [],
    )


def _pavilion(value: str, lookups: _Lookups, bad: _Report) -> int | None:
    if not value:
        return None
    pavilion_id = lookups.pavilions.get(value.casefold())
    if pavilion_id is None:
        hint = (
            _("use a pavilion code or name of this expo, e.g. %(example)s")
            % {"example": lookups.pavilion_example}
            if lookups.pavilion_example
            else _("this expo has no pavilions yet; add them in the floor plan first")
        )
        bad(
            "pavilion",
            _("unknown pavilion '%(value)s' (%(hint)s)") % {"value": value, "hint": hint},
        )
    return pavilion_id


def _booth_area(value: str, bad: _Report) -> Decimal | None:
    if not value:
        return None
    try:
        area = Decimal(value)
    except InvalidOperation:
        area = None
    if area is None or not area.is_finite():
        bad(
            "booth_area_m2",
            _("bad number '%(value)s' (give square metres, e.g. 36 or 54.5)") % {"value": value},
        )
        return None
    if area <= 0:
        bad(
            "booth_area_m2",
            _("must be greater than 0, got '%(value)s' (give square metres, e.g. 36)")
            % {"value": value},
        )
        return None
    if area >= _BOOTH_AREA_LIMIT:
        bad("booth_area_m2", _("too large '%(value)s' (less than 1,000,000 m²)") % {"value": value})
        return None
    if area != area.quantize(Decimal("0.01")):
        bad(
            "booth_area_m2",
            _("too precise '%(value)s' (at most 2 decimal places, e.g. 54.25)") % {"value": value},
        )
        return None
    return area
