"""CSV and XLSX files for people: one way to write both, shared by every export.

CSV gets a byte-order mark so Excel opens Chinese names as UTF-8 (the imports skip it). XLSX
cells are text unless the caller names a column as numeric: HS code ``01`` stays "01", and a
name such as ``=Acme`` is never read as a formula.
"""

import csv
import io
from collections.abc import Collection, Iterable, Sequence
from typing import Any


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    numeric: Collection[int] = (),
) -> bytes:
    """One sheet (write-only, so memory stays flat for long exports); ``numeric`` columns keep
    numbers as numbers so they can be summed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])  # Excel's limit for a sheet name
    sheet.append(list(headers))
    for row in rows:
        cells: list[Any] = []
        for index, value in enumerate(row):
            if index in numeric:
                cells.append(value)
                continue
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
