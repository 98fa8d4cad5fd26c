"""Import an edition's deals from a CSV or XLSX file, all or nothing.

Invariants:
- A file with any bad cell writes nothing; every bad cell is reported as ``line N: column:
  reason`` (docs/formats/deals-import.md).
- A deal is identified by its reference (any case): a row with a stored reference updates
  that deal, so importing the same file twice changes nothing the second time; a column the
  file leaves out is left alone. A stored deal never moves back a stage.
- Deals the organisers import are theirs, so they count at once (approved); a deal a party
  reported keeps its review state.
- One deals import of an edition at a time: the edition's row is locked for the transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradefair.deals.models import Deal
from tradefair.deals.services.errors import InvalidDeal
from tradefair.deals.services.imports_parse import COLUMNS, REQUIRED, parse_rows
from tradefair.deals.services.writing import write_deal
from tradefair.expos.formatting import number
from tradefair.expos.models import Expo
from tradefair.organisations.models import ImportJob
from tradefair.organisations.services.import_files import (
    ImportCounts,
    InRequestLimits,
    RowError,
    bounded_table,
)

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "ImportResult",
    "Progress",
    "RowError",
    "import_deals",
    "import_job_file",
]

MAX_ROWS = 5_000
MAX_BYTES = 4 * 2**20
LIMITS = InRequestLimits(
    kind=gettext_lazy("deals"),
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    columns=COLUMNS,
    required=REQUIRED,
)

# Called as progress(phase, done, total), so a command can draw a bar.
Progress = Callable[[str, int, int], None]


@dataclass
class ImportResult(ImportCounts):
    """What an import did: either ``errors`` (and nothing written) or the counts."""

    def summary(self) -> str:
        return _(
            "Deals of %(expo)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
        ) % {
            "expo": self.expo,
            "created": number(self.created),
            "updated": number(self.updated),
            "unchanged": number(self.unchanged),
        }


def import_deals(
    *, expo: Expo, filename: str, content: bytes, progress: Progress | None = None
) -> ImportResult:
    """Check the whole file, then write it in one transaction only if every row is good."""
    result = ImportResult(expo=expo.slug)
    table, result.errors = bounded_table(content=content, filename=filename, limits=LIMITS)
    if result.errors:
        return result

    def checked(done: int, total: int) -> None:
        if progress is not None:
            progress("checking", done, total)

    try:
        with transaction.atomic():
            Expo.objects.select_for_update().filter(pk=expo.pk).first()
            plan, errors = parse_rows(expo=expo, table=table, progress=checked)
            if errors:
                result.errors = errors
                return result
            stored = {d.reference.casefold(): d for d in Deal.objects.filter(expo=expo)}
            for done, values in enumerate(plan, start=1):
                outcome = write_deal(expo, values, stored.get(values.reference.casefold()))
                setattr(result, outcome, getattr(result, outcome) + 1)
                if progress is not None and (done % 100 == 0 or done == len(plan)):
                    progress("writing", done, len(plan))
    except (IntegrityError, InvalidDeal) as exc:
        # Another writer changed the edition's deals between the check and the write.
        result.created = result.updated = result.unchanged = 0
        result.errors.append(
            RowError(None, "database", _("a concurrent change conflicted (%s); import again") % exc)
        )
    return result


def import_job_file(job: ImportJob, content: bytes, progress: Progress) -> ImportResult:
    """A file uploaded on the console, in the worker (``tasks.run_deals_import``)."""
    return import_deals(
        expo=job.expo, filename=job.original_name, content=content, progress=progress
    )
