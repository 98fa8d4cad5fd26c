"""Export an edition's deals in the very columns the import reads, so a round trip changes
nothing. Figures-only deals are exported too: the file is the organisers' own record."""

from pathlib import PurePath

from tradefair.deals.models import Deal
from tradefair.deals.services.imports_parse import COLUMNS, ROLE_SEPARATOR
from tradefair.expos.models import Expo
from tradefair.expos.spreadsheets import csv_bytes, xlsx_bytes
from tradefair.organisations.services.exports import (
    CONTENT_TYPES,
    ExportError,
    ExportResult,
    unsupported_file_type,
)
from tradefair.organisations.services.import_files import LIST_SEPARATOR

__all__ = ["ExportError", "ExportResult", "export_deals"]


def _party(name: str, country: str, role: str) -> str:
    return f"{role}{ROLE_SEPARATOR}{name} ({country})"


def export_deals(*, expo: Expo, filename: str) -> ExportResult:
    """Every deal of the edition, in reference order; the suffix of ``filename`` picks the format.

    Parties are written with their role and country (``buyer=Name (VN)``), so a name two
    organisations share still reads back as the right one.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in CONTENT_TYPES:
        raise ExportError(unsupported_file_type(suffix or filename))
    deals = (
        Deal.objects.filter(expo=expo)
        .select_related("sector")
        .prefetch_related("parties__organisation", "hs_codes")
        .order_by("reference")
    )
    rows = [
        [
            deal.reference,
            deal.kind,
            deal.title,
            deal.title_zh,
            LIST_SEPARATOR.join(
                _party(p.organisation.name, p.organisation.country_id, p.role)
                for p in deal.parties.all()
            ),
            deal.counterpart_country_id,
            deal.sector.slug if deal.sector else "",
            LIST_SEPARATOR.join(sorted(code.code for code in deal.hs_codes.all())),
            f"{deal.value.normalize():f}",
            deal.currency,
            deal.stage,
            deal.signed_on.isoformat() if deal.signed_on else "",
            "yes" if deal.public else "no",
        ]
        for deal in deals
    ]
    if suffix == ".csv":
        content = csv_bytes(COLUMNS, rows)
    else:
        content = xlsx_bytes(f"Deals {expo.slug}", COLUMNS, rows)
    return ExportResult(filename, CONTENT_TYPES[suffix], content, len(rows))
