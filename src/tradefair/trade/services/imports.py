"""Import merchandise-trade statistics from a UN Comtrade bulk CSV file, all or nothing.

Invariants:
- The columns are Comtrade's (``refYear, refMonth, period, reporterISO, partnerISO, flowCode,
  cmdCode, primaryValue``; others are read past). Every bad cell is reported as ``line N:
  column: reason`` and a file with any writes nothing.
- Only what the bulletin uses is kept: imports (``M``) and exports (``X``) for all goods
  (``TOTAL``) or an HS chapter. Rows for other flows (re-exports, processing trade, ...),
  finer HS codes, or breakdowns by second partner, customs procedure or transport mode would
  count goods twice; they are left out and counted in the summary, never dropped unsaid.
- A row is identified by year, month, reporter, partner, flow and goods: importing the same
  file again writes the same values, and a corrected file replaces them.
"""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.expos.formatting import number
from tradefair.expos.models import Country
from tradefair.expos.parsing import whole_number
from tradefair.organisations.services.import_files import RowError
from tradefair.trade.models import TradeFlow

COLUMNS = [
    "refYear",
    "refMonth",
    "period",
    "reporterISO",
    "partnerISO",
    "flowCode",
    "cmdCode",
    "primaryValue",
]
WORLD = "W00"
ANNUAL_MONTH = 52  # Comtrade's refMonth of a yearly figure
FLOWS = {"M", "X"}
# Breakdown columns whose total rows carry these codes; any other value is a part of a total.
TOTAL_CODES = {"partner2Code": {"0", ""}, "customsCode": {"C00", ""}, "motCode": {"0", ""}}
MAX_ERRORS = 500
_CHUNK = 1000

PERIOD_MISMATCH = gettext_lazy(
    "'%(value)s' does not match refYear and refMonth (expected %(expected)s)"
)
NOT_A_PARTNER = gettext_lazy("'%(value)s' is neither an alpha-3 code (e.g. VNM) nor W00, the world")

Progress = Callable[[str, int, int], None]
Key = tuple[int, int, str, str, str, str]


@dataclass
class TradeImportResult:
    errors: list[RowError] = field(default_factory=list)
    written: int = 0
    new: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        text = _("Trade statistics: %(written)s rows written (%(new)s new).") % {
            "written": number(self.written),
            "new": number(self.new),
        }
        if self.skipped:
            left = "; ".join(f"{number(n)} {why}" for why, n in sorted(self.skipped.items()))
            text += " " + _("Left out, not used by the bulletin: %(left)s.") % {"left": left}
        return text


def import_trade(*, text: Iterable[str], progress: Progress | None = None) -> TradeImportResult:
    """Check every row, then write them in one transaction only if all are good."""
    result = TradeImportResult()
    reader = csv.DictReader(text)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        result.errors.append(
            RowError(
                1,
                "header",
                _("missing columns: %(names)s (a UN Comtrade bulk CSV file has them)")
                % {"names": ", ".join(missing)},
            )
        )
        return result
    alpha3 = set(Country.objects.values_list("alpha3", flat=True))
    parsed: dict[Key, Decimal] = {}
    first_line: dict[Key, int] = {}
    for line, row in enumerate(reader, start=2):
        if len(result.errors) >= MAX_ERRORS:
            result.errors.append(
                RowError(
                    None, "file", _("more than %(n)d errors; fix these first") % {"n": MAX_ERRORS}
                )
            )
            break
        checked = _check(
            line, {k.strip(): (v or "").strip() for k, v in row.items() if k}, alpha3, result
        )
        if checked is None:
            continue
        key, value = checked
        earlier = first_line.setdefault(key, line)
        if earlier != line:
            result.errors.append(
                RowError(line, "period", _("the same flow as line %(line)d") % {"line": earlier})
            )
            continue
        parsed[key] = value
        if progress is not None and line % 10_000 == 0:
            progress("checking", line, 0)
    if result.errors:
        return result
    _write(parsed, result, progress)
    return result


def _skip(result: TradeImportResult, why: str) -> None:
    result.skipped[why] = result.skipped.get(why, 0) + 1


def _check(
    line: int, row: dict[str, str], alpha3: set[str], result: TradeImportResult
) -> tuple[Key, Decimal] | None:
    def bad(column: str, reason: str | Promise, **words: object) -> None:
        text = str(reason) % {"value": row[column], **words}
        result.errors.append(RowError(line, column, text))

    for column, totals in TOTAL_CODES.items():
        if column in row and row[column] not in totals:
            _skip(result, _("rows broken down by %(column)s") % {"column": column})
            return None
    flow = row["flowCode"].upper()
    if flow not in FLOWS:
        _skip(result, _("rows of other flows than M and X"))
        return None
    commodity = row["cmdCode"].upper()
    if commodity.isdigit() and len(commodity) in (4, 6):
        _skip(result, _("rows of HS headings finer than chapters"))
        return None
    before = len(result.errors)
    if commodity != "TOTAL" and not (len(commodity) == 2 and commodity.isdigit()):
        bad("cmdCode", _("'%(value)s' is neither TOTAL nor an HS code"))
    year = _whole(row, "refYear", 1950, 2100, bad)
    month = _whole(row, "refMonth", 1, ANNUAL_MONTH, bad)
    if month is not None and 12 < month < ANNUAL_MONTH:
        bad("refMonth", _("'%(value)s': a month is 1 to 12, or 52 for a whole year"))
    if year is not None and month is not None:
        expected = str(year) if month == ANNUAL_MONTH else f"{year}{month:02d}"
        if row["period"] != expected:
            bad("period", PERIOD_MISMATCH, expected=expected)
    reporter, partner = row["reporterISO"].upper(), row["partnerISO"].upper()
    if reporter not in alpha3:
        bad("reporterISO", _("'%(value)s' is not an ISO 3166 alpha-3 code (e.g. CHN)"))
    if partner != WORLD and partner not in alpha3:
        bad("partnerISO", NOT_A_PARTNER)
    try:
        value = Decimal(row["primaryValue"])
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or value >= Decimal("1e18"):
        bad("primaryValue", _("'%(value)s' is not a value in US dollars of 0 or more"))
    if len(result.errors) > before or year is None or month is None:
        return None
    key = (year, 0 if month == ANNUAL_MONTH else month, reporter, partner, flow, commodity)
    return key, value.quantize(Decimal("0.01"))


def _whole(
    row: dict[str, str], column: str, low: int, high: int, bad: Callable[..., None]
) -> int | None:
    found = whole_number(row[column])
    if found is not None and low <= found <= high:
        return found
    bad(column, _("'%(value)s' is not a whole number from %(low)d to %(high)d"), low=low, high=high)
    return None


def _write(
    parsed: dict[Key, Decimal], result: TradeImportResult, progress: Progress | None
) -> None:
    keys = list(parsed)
    fields = ["year", "month", "reporter", "partner", "flow", "commodity"]
    with transaction.atomic():
        stored = set(
            TradeFlow.objects.filter(
                reporter__in={k[2] for k in keys}, year__in={k[0] for k in keys}
            ).values_list(*fields)
        )
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            TradeFlow.objects.bulk_create(
                [
                    TradeFlow(**dict(zip(fields, key, strict=True)), value_usd=parsed[key])
                    for key in chunk
                ],
                update_conflicts=True,
                unique_fields=fields,
                update_fields=["value_usd"],
            )
            if progress is not None:
                progress("writing", start + len(chunk), len(keys))
    result.written = len(keys)
    result.new = sum(1 for key in keys if key not in stored)
