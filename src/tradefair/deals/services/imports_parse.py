"""Read a deals file (CSV or XLSX) and check every row before anything is written.

Reading and the ``line N: column: reason`` errors are the exhibitor import's; what a deal row
means is checked here with the rules every way of recording shares (``rules``). Columns are
listed in docs/formats/deals-import.md.
"""

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from tradefair.deals.models import Deal, DealParty, ExchangeRate
from tradefair.deals.services.rules import (
    codes_count_problem,
    currency_problem,
    parties_count_problem,
    stage_move_problem,
    value_problem,
)
from tradefair.deals.services.writing import DealValues, PartyLine
from tradefair.expos.models import Country, Expo, HSCode, Sector
from tradefair.organisations.models import Organisation, Participation
from tradefair.organisations.queries.names import OrganisationNames
from tradefair.organisations.services.import_files import (
    RowError,
    choice_spellings,
    control_character,
    rows_as_dicts,
    spellings,
    split_list,
)

COLUMNS = [
    "reference",
    "kind",
    "title",
    "title_zh",
    "parties",
    "counterpart_country",
    "sector",
    "hs_codes",
    "value",
    "currency",
    "stage",
    "signed_on",
    "public",
]
REQUIRED = ["reference", "kind", "title", "parties", "counterpart_country", "value", "currency"]
REQUIRED += ["stage"]
_MAX_LENGTH = {"reference": 40, "title": 250, "title_zh": 250}
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否"}
ROLE_SEPARATOR = "="


class Lookups:
    """The edition's organisations, rates and deals, and the reference data, loaded once."""

    def __init__(self, expo: Expo, hs_codes: set[str]) -> None:
        taking_part = Participation.objects.filter(expo=expo)
        roles: dict[int, set[str]] = {}
        for organisation_id, role in taking_part.values_list("organisation_id", "role"):
            roles.setdefault(organisation_id, set()).add(role)
        self.participation_roles = roles
        named = Organisation.objects.filter(pk__in=roles).order_by("pk")
        rows = list(named.values_list("pk", "name", "name_zh", "country_id"))
        self.organisations = OrganisationNames(rows)
        self.countries_of = {pk: country for pk, _name, _zh, country in rows}
        self.countries = set(Country.objects.values_list("code", flat=True))
        sectors = list(Sector.objects.order_by("slug"))
        self.sectors: dict[str, Sector] = spellings(sectors, ("slug", "name", "name_zh"))
        self.hs_codes = set(HSCode.objects.filter(code__in=hs_codes).values_list("code", flat=True))
        self.rated = set(ExchangeRate.objects.filter(expo=expo).values_list("currency", flat=True))
        self.deals = {d.reference.casefold(): d for d in Deal.objects.filter(expo=expo)}
        self.kinds = choice_spellings(Deal.Kind)
        self.stages = choice_spellings(Deal.Stage)
        self.roles = choice_spellings(DealParty.Role)

    def default_role(self, organisation_id: int, kind: str) -> str:
        """A party's role when the file gives none, from how it takes part and the deal's kind."""
        taking_part = self.participation_roles.get(organisation_id, set())
        if kind == Deal.Kind.TRADE:
            if Participation.Role.BUYER in taking_part:
                return DealParty.Role.BUYER
            return DealParty.Role.SELLER
        if kind == Deal.Kind.INVESTMENT:
            if Participation.Role.INVESTOR in taking_part:
                return DealParty.Role.INVESTOR
            return DealParty.Role.PROJECT_OWNER
        if kind == Deal.Kind.OUTWARD:
            chinese = self.countries_of.get(organisation_id) == "CN"
            return DealParty.Role.INVESTOR if chinese else DealParty.Role.PROJECT_OWNER
        return DealParty.Role.PARTNER


def codes_named(table: list[tuple[int, list[str]]]) -> set[str]:
    """Every HS code the file names, so only those are looked up."""
    header = [cell.strip().lower() for cell in table[0][1]]
    if "hs_codes" not in header:
        return set()
    column = header.index("hs_codes")
    return {
        code
        for _line, cells in table[1:]
        if column < len(cells)
        for code in split_list(cells[column].replace(",", ";"))
    }


def parse_rows(
    *,
    expo: Expo,
    table: list[tuple[int, list[str]]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[DealValues], list[RowError]]:
    """Check the data rows (header already checked) against the edition and each other."""
    lookups = Lookups(expo, codes_named(table))
    plan: list[DealValues] = []
    errors: list[RowError] = []
    first_line: dict[str, int] = {}
    total = len(table) - 1
    for done, (line, cells, extra) in enumerate(rows_as_dicts(table), start=1):
        row, row_errors = _Row(line, cells, lookups).parse(extra)
        errors += row_errors
        reference = cells["reference"].strip()
        earlier = first_line.setdefault(reference.casefold(), line) if reference else line
        if earlier != line:
            errors.append(
                RowError(
                    line,
                    "reference",
                    _("%(reference)s is also on line %(line)d; a reference names one deal")
                    % {"reference": reference, "line": earlier},
                )
            )
        elif row is not None:
            plan.append(row)
        if progress is not None and (done % 100 == 0 or done == total):
            progress(done, total)
    return plan, sorted(errors, key=lambda error: error.line or 0)


def parse_parties(
    raw: str, kind: str, lookups: Lookups
) -> tuple[tuple[PartyLine, ...] | None, list[str]]:
    """``Name; role=Name (VN)`` as the edition's organisations with roles, or the reasons not.

    The import's ``parties`` column and the console's form read parties the same way.
    """
    names = split_list(raw)
    if not names:
        return None, [_("required: the organisations that signed, separated by ';'")]
    lines: list[PartyLine] = []
    reasons: list[str] = []
    seen: set[int] = set()
    for item in names:
        role, name = "", item
        head, separator, rest = item.partition(ROLE_SEPARATOR)
        if separator and head.strip().casefold() in lookups.roles:
            role, name = lookups.roles[head.strip().casefold()], rest.strip()
        found, why = lookups.organisations.find(name)
        if found is None:
            reasons.append(
                why
                or _(
                    "'%(name)s' takes no part in this expo; write the name exactly as in "
                    "the exhibitor or buyer list, in English or Chinese"
                )
                % {"name": name}
            )
            continue
        if found in seen:
            reasons.append(_("'%(name)s' is named twice") % {"name": name})
            continue
        seen.add(found)
        lines.append(PartyLine(found, role or lookups.default_role(found, kind)))
    if too_many := parties_count_problem(len(lines)):
        reasons.append(too_many)
    return tuple(lines), reasons


class _Row:
    """The checks of one row; each bad cell adds ``line N: column: reason``."""

    def __init__(self, line: int, cells: dict[str, str], lookups: Lookups) -> None:
        self.line, self.lookups = line, lookups
        self.cells = {name: value.strip() for name, value in cells.items()}
        self.errors: list[RowError] = []

    def bad(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.line, column, reason))

    def parse(self, extra: list[str]) -> tuple[DealValues | None, list[RowError]]:
        if any(value.strip() for value in extra):
            self.bad("row", _("cells past the last column; remove them or add a header"))
        for column, value in self.cells.items():
            if (char := control_character(value)) is not None:
                self.bad(column, _("contains the control character %(c)r") % {"c": char})
        for column, limit in _MAX_LENGTH.items():
            if len(self.cells.get(column, "")) > limit:
                self.bad(column, _("at most %(limit)d characters") % {"limit": limit})
        fields: dict[str, Any] = {}
        reference = self.cells["reference"]
        if not reference:
            self.bad("reference", _("required: the deal's reference, e.g. CAEXPO22-001"))
        kind = self._kind()
        if kind:
            fields["kind"] = kind
        if not self.cells["title"]:
            self.bad("title", _("required: what the deal is about"))
        fields["title"] = self.cells["title"]
        if "title_zh" in self.cells:
            fields["title_zh"] = self.cells["title_zh"]
        parties = self._parties(kind)
        country = self.cells["counterpart_country"].upper()
        if country in self.lookups.countries:
            fields["counterpart_country_id"] = country
        else:
            self.bad(
                "counterpart_country",
                _("'%(value)s' is not an ISO 3166 alpha-2 country code (e.g. VN, TH, MY)")
                % {"value": self.cells["counterpart_country"]},
            )
        if "sector" in self.cells:
            fields["sector"] = self._sector()
        hs_codes = self._hs_codes(kind) if "hs_codes" in self.cells else None
        amount = self._value()
        if amount is not None:
            fields["value"] = amount
        currency = self.cells["currency"].upper()
        if problem := currency_problem(currency, self.lookups.rated):
            self.bad("currency", problem)
        fields["currency"] = currency
        stage = self._stage(reference)
        if stage:
            fields["stage"] = stage
        if "signed_on" in self.cells:
            fields["signed_on"] = self._signed_on(stage)
        elif stage and stage != Deal.Stage.INTENTION:
            stored = self.lookups.deals.get(reference.casefold())
            if stored is None or stored.signed_on is None:
                self.bad("stage", _("a signed deal needs its date: add the signed_on column"))
        if "public" in self.cells:
            public = self._public()
            if public is not None:
                fields["public"] = public
        if self.errors:
            return None, self.errors
        return DealValues(reference, fields, parties, hs_codes), []

    def _kind(self) -> str:
        raw = self.cells["kind"]
        kind = self.lookups.kinds.get(raw.casefold(), "")
        if not kind:
            self.bad(
                "kind",
                _("'%(value)s' is not a kind of deal (use one of %(kinds)s)")
                % {"value": raw, "kinds": ", ".join(Deal.Kind.values)},
            )
        return kind

    def _parties(self, kind: str) -> tuple[PartyLine, ...] | None:
        lines, reasons = parse_parties(self.cells["parties"], kind, self.lookups)
        for reason in reasons:
            self.bad("parties", reason)
        return lines

    def _sector(self) -> Sector | None:
        raw = self.cells["sector"]
        if not raw:
            return None
        sector = self.lookups.sectors.get(raw.casefold())
        if sector is None:
            self.bad(
                "sector",
                _("unknown sector '%(value)s' (use a sector's slug, e.g. '%(example)s')")
                % {"value": raw, "example": "blue-economy"},
            )
        return sector

    def _hs_codes(self, kind: str) -> frozenset[str]:
        codes = split_list(self.cells["hs_codes"].replace(",", ";"))
        if too_many := codes_count_problem(len(codes)):
            self.bad("hs_codes", too_many)
        if codes and kind and kind != Deal.Kind.TRADE:
            self.bad("hs_codes", _("only trade orders carry HS codes; leave the cell empty"))
        unknown = [code for code in codes if code not in self.lookups.hs_codes]
        if unknown:
            self.bad(
                "hs_codes",
                _("unknown HS codes %(codes)s (2, 4 or 6 digits of the HS 2022 nomenclature)")
                % {"codes": ", ".join(unknown)},
            )
        return frozenset(codes)

    def _value(self) -> Decimal | None:
        raw = self.cells["value"].replace(" ", "")
        if _GROUPED.match(raw):
            raw = raw.replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.bad(
                "value",
                _("'%(value)s' is not a number (write e.g. 1250000 or 1,250,000.50)")
                % {"value": self.cells["value"]},
            )
            return None
        if problem := value_problem(value):
            self.bad("value", problem)
            return None
        return value

    def _stage(self, reference: str) -> str:
        raw = self.cells["stage"]
        stage = self.lookups.stages.get(raw.casefold(), "")
        if not stage:
            self.bad(
                "stage",
                _("'%(value)s' is not a stage (use one of %(stages)s)")
                % {"value": raw, "stages": ", ".join(Deal.Stage.values)},
            )
            return ""
        stored = self.lookups.deals.get(reference.casefold())
        if stored is not None and (problem := stage_move_problem(reference, stored.stage, stage)):
            self.bad("stage", problem)
        return stage

    def _signed_on(self, stage: str) -> dt.date | None:
        raw = self.cells["signed_on"]
        if not raw:
            if stage and stage != Deal.Stage.INTENTION:
                self.bad("signed_on", _("required once a deal is signed: the date, 2025-09-17"))
            return None
        try:
            return dt.date.fromisoformat(raw[:10] if raw.endswith("00:00:00") else raw)
        except ValueError:
            self.bad(
                "signed_on",
                _("'%(value)s' is not a date; write it as 2025-09-17") % {"value": raw},
            )
            return None

    def _public(self) -> bool | None:
        raw = self.cells["public"].casefold()
        if not raw or raw in _YES:
            return True
        if raw in _NO:
            return False
        self.bad(
            "public",
            _("'%(value)s' is neither yes nor no (no: counted in totals, never listed by name)")
            % {"value": self.cells["public"]},
        )
        return None
