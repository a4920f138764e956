"""Excel workbooks (.xlsx): an itemized bill or an EOB export, read from the first sheet with a header.

The header row may sit below title rows (hospital exports often start with the facility's name);
it is the first row that names a charge column and a code or description column (a bill), or a paid,
allowed or patient-responsibility column (an EOB). Dates and numbers keep Excel's own types.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..errors import BadInput
from ..model import Bill
from .csv_bill import find_header_row, read_rows
from .eob_model import Eob


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(str(value)))
    return str(value).strip()


def _check_archive(path, file: str) -> None:
    """An .xlsx is a zip: its headers are checked before openpyxl inflates a part (a zip bomb
    posing as a spreadsheet, or an encrypted part, is refused in one line)."""
    from ..archive import CASE_ARCHIVE, check

    try:
        with zipfile.ZipFile(path) as z:
            check(z, file=file, limits=CASE_ARCHIVE)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise BadInput(f"not a readable Excel workbook ({type(e).__name__}): save it again as .xlsx", file=file)


def workbook_rows(path: str | Path) -> list[tuple[str, list[list[str]]]]:
    """(sheet name, non-empty rows as text) for every sheet."""
    import openpyxl

    file = str(path)
    _check_archive(path, file)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise BadInput(f"not a readable Excel workbook ({type(e).__name__}): save it again as .xlsx", file=file)
    except Exception as e:  # openpyxl raises its own types for broken parts  # noqa: BLE001
        raise BadInput(f"not a readable Excel workbook ({type(e).__name__})", file=file)
    try:
        sheets = []
        for ws in wb.worksheets:
            rows = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
            sheets.append((ws.title, [r for r in rows if any(r)]))
        return sheets
    finally:
        wb.close()


def read_xlsx(path: str | Path) -> Bill | Eob:
    """A bill, or an EOB export when the header names EOB columns."""
    from .csv_eob import read_eob_rows
    from .detect import EOB_CSV_HINTS, _is_bill_header

    file = str(path)
    sheets = workbook_rows(path)
    if not any(rows for _, rows in sheets):
        raise BadInput("the workbook has no filled cells", file=file)
    first_error: BadInput | None = None
    for name, rows in sheets:
        if not rows:
            continue
        for i, row in enumerate(rows[:25]):
            header = " ".join(row).lower()
            if any(h in header for h in EOB_CSV_HINTS) and not _is_bill_header(header):
                return read_eob_rows(rows[i:], file=file, format="xlsx")
        try:
            start = find_header_row(rows, file=file)
        except BadInput as e:
            first_error = first_error or BadInput(e.problem, file=file, where=f"sheet {name!r}")
            continue
        bill = read_rows(rows[start:], file=file, format="xlsx", row_offset=start)
        if len(sheets) > 1:
            bill.notes.append(f"read sheet {name!r}")
        return bill
    raise first_error or BadInput("no sheet has a header row", file=file)


def read_xlsx_bill(path: str | Path) -> Bill | Eob:
    return read_xlsx(path)
