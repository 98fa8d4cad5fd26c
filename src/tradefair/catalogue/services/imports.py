"""Import exhibitors' products from a CSV or XLSX file, all or nothing.

Invariants:
- A file with any bad cell writes nothing; every bad cell is reported as ``line N: column:
  reason`` (docs/formats/products-import.md), with the words the portal's form would use
  (``rules.item_problems``).
- A product is identified by its exhibitor and its English name (any case): a row for a
  stored product updates it, so importing the same file twice changes nothing the second
  time. Products the file does not name are left alone.
- What the organisers import is theirs: it goes public at once and is audited under the
  importing user (none from the command line); search text, the directory's options and the
  recommendations follow once, for the whole file.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.accounts.models import User
from tradefair.catalogue.models import ProfileChange
from tradefair.catalogue.services import audit, items, rules
from tradefair.expos.models import Expo
from tradefair.matchmaking.services.recommendations import queue_refresh_after_edit
from tradefair.organisations.models import Offer, Participation
from tradefair.organisations.queries.directory import forget_filter_choices
from tradefair.organisations.queries.names import OrganisationNames
from tradefair.organisations.services.imports_parse import (
    ImportCounts,
    InRequestLimits,
    RowError,
    bounded_table,
    control_character,
    rows_as_dicts,
    split_list,
)
from tradefair.organisations.services.search import refresh_search_text

__all__ = ["COLUMNS", "MAX_BYTES", "MAX_ROWS", "ImportResult", "import_products"]

COLUMNS = [
    "exhibitor",
    "title",
    "title_zh",
    "text",
    "text_zh",
    "hs_codes",
    "sectors",
    "markets",
    "minimum_order",
    "certifications",
]
REQUIRED = ["exhibitor", "title"]
LISTS = {"hs_codes", "sectors", "markets", "certifications"}
MAX_ROWS = 20_000
MAX_BYTES = 8 * 2**20
LIMITS = InRequestLimits(
    kind=gettext_lazy("products"),
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    columns=COLUMNS,
    required=REQUIRED,
)
Progress = Callable[[str, int, int], None]


@dataclass
class ImportResult(ImportCounts):
    def summary(self) -> str:
        return _(
            "Products of %(expo)s: %(created)d created, %(updated)d updated, "
            "%(unchanged)d unchanged."
        ) % {
            "expo": self.expo,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


@dataclass(frozen=True)
class Row:
    line: int
    exhibitor: int  # participation id
    values: rules.ItemInput  # what the file says; blank for columns it leaves out
    given: frozenset[str]  # the columns the file has

    def merged(self, stored: dict[str, Any]) -> rules.ItemInput:
        """The row over the stored product: a column the file leaves out keeps its value."""
        kept = {k: v for k, v in stored.items() if k not in self.given}
        return rules.ItemInput(**{**self.values.__dict__, **kept})


def _exhibitors(expo: Expo) -> tuple[OrganisationNames, dict[int, int]]:
    """Exhibitors' names, and each organisation's exhibitor participation."""
    found = Participation.objects.filter(expo=expo, role=Participation.Role.EXHIBITOR)
    rows = list(
        found.values_list(
            "organisation_id",
            "organisation__name",
            "organisation__name_zh",
            "organisation__country_id",
        )
    )
    participation = dict(found.values_list("organisation_id", "pk"))
    return OrganisationNames(rows), participation


def _read(expo: Expo, table: list[tuple[int, list[str]]]) -> tuple[list[Row], list[RowError]]:
    names, participation_of = _exhibitors(expo)
    rows: list[Row] = []
    errors: list[RowError] = []
    seen: dict[tuple[int, str], int] = {}
    for line, cells, extra in rows_as_dicts(table):
        if not any(v.strip() for v in cells.values()) and not any(v.strip() for v in extra):
            continue
        if any(v.strip() for v in extra):
            errors.append(RowError(line, "row", _("cells outside the header's columns")))
        for column, value in cells.items():
            if bad := control_character(value):
                errors.append(RowError(line, column, _("control character U+%04X") % ord(bad)))
        organisation, why = names.find(cells.get("exhibitor", "").strip())
        if organisation is None:
            errors.append(
                RowError(
                    line,
                    "exhibitor",
                    why
                    or _("no exhibitor of this edition is called '%(name)s'")
                    % {"name": cells.get("exhibitor", "").strip()},
                )
            )
            continue
        given: dict[str, Any] = {
            name: split_list(cells[name]) if name in LISTS else cells[name]
            for name in COLUMNS[1:]
            if name in cells
        }
        values = rules.ItemInput(**given)
        key = (participation_of[organisation], values.title.strip().casefold())
        if key in seen:
            errors.append(
                RowError(
                    line, "title", _("the same product as line %(line)d") % {"line": seen[key]}
                )
            )
        seen[key] = line
        rows.append(Row(line, participation_of[organisation], values, frozenset(given)))
    known = rules.Known.named_by(r.values for r in rows)
    for row in rows:
        for column, message in rules.item_problems(row.values, known, product=True):
            errors.append(RowError(row.line, column, message))
    return rows, errors


def import_products(
    *,
    expo: Expo,
    filename: str,
    content: bytes,
    progress: Progress | None = None,
    by_user: User | None = None,
) -> ImportResult:
    """Check the whole file, then write it in one transaction only if every cell is good."""
    result = ImportResult(expo=expo.slug)
    table, result.errors = bounded_table(content=content, filename=filename, limits=LIMITS)
    if result.errors:
        return result
    rows, result.errors = _read(expo, table)
    if result.errors:
        return result
    touched: set[int] = set()
    with transaction.atomic():
        Expo.objects.select_for_update().filter(pk=expo.pk).first()  # one import at a time
        participations = {
            p.pk: p for p in Participation.objects.filter(pk__in={r.exhibitor for r in rows})
        }
        stored: dict[tuple[int, str], Offer] = {
            (o.participation_id, o.title.casefold()): o
            for o in Offer.objects.filter(participation_id__in=participations).prefetch_related(
                "hs_codes", "sectors", "markets"
            )
        }
        for done, row in enumerate(rows, start=1):
            offer = stored.get((row.exhibitor, row.values.title.strip().casefold()))
            before = items.item_values(offer) if offer is not None else {}
            participation = participations[row.exhibitor]
            written = items.write_item(participation, row.merged(before), offer, None)
            changed = audit.differences(before, items.item_values(written))
            if offer is not None and not changed:
                result.unchanged += 1
            else:
                result.created += offer is None
                result.updated += offer is not None
                touched.add(row.exhibitor)
                ProfileChange.objects.create(
                    participation=participation,
                    user=by_user,
                    subject=ProfileChange.Subject.PRODUCT,
                    action=ProfileChange.Action.CHANGED if offer else ProfileChange.Action.CREATED,
                    label=written.title[:200],
                    fields=changed,
                )
            if progress is not None and (done % 200 == 0 or done == len(rows)):
                progress("writing", done, len(rows))
        if touched:
            refresh_search_text(touched)
            transaction.on_commit(lambda: forget_filter_choices(expo.pk))
            queue_refresh_after_edit(expo=expo)
    return result
