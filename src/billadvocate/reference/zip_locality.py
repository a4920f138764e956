"""The CMS "Zip Code to Carrier Locality File": which MAC (carrier) and fee-schedule locality a ZIP is in.

CMS publishes it quarterly as a fixed-width text file, ZIP5_<MON><YYYY>.txt, described by ZIP5lyout.txt
(positions 1-based, inclusive):

    State 1-2, ZIP Code 3-7, Carrier 8-12, Pricing Locality 13-14, Rural Indicator 15 (blank urban,
    R rural, B super rural), Bene Lab CB Locality 16-17, Rural Indicator2 18, Filler 19-20,
    Plus Four Flag 21, Part B Payment Indicator 23, Filler 24-75, Year/Quarter 76-80 (YYYYQ)

and the same data as .xlsx (or a .csv saved from it) with a header row: STATE, ZIP CODE, CARRIER,
LOCALITY, RURAL IND, LAB CB LOCALITY, RURAL IND2, PLUS FOUR FLAG, PART B PAYMENT INDICATOR, YEAR/QTR
(matched case-insensitively). A zip holding the ZIP5 file is read too. The Plus Four Flag says a ZIP is
split between localities by ZIP+4 (the separate ZIP9 file, not read here). Every problem is a BadInput
naming the file, the line and the field.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table
from .cms_files import _decode, _members

RECORD_LENGTH = 80
COLUMNS = ("state", "zip", "carrier", "locality", "rural", "lab_cb_locality", "rural2", "plus_four",
           "part_b_indicator", "year_quarter")
# field -> (name in ZIP5lyout.txt, first position, last position), 1-based inclusive
LAYOUT = {"state": ("State", 1, 2), "zip": ("ZIP Code", 3, 7), "carrier": ("Carrier", 8, 12),
          "locality": ("Pricing Locality", 13, 14), "rural": ("Rural Indicator", 15, 15),
          "lab_cb_locality": ("Bene Lab CB Locality", 16, 17), "rural2": ("Rural Indicator2", 18, 18),
          "plus_four": ("Plus Four Flag", 21, 21), "part_b_indicator": ("Part B Payment Indicator", 23, 23),
          "year_quarter": ("Year/Quarter", 76, 80)}
REQUIRED = ("state", "zip", "carrier", "locality", "year_quarter")
_DIGITS = {"zip": 5, "carrier": 5, "locality": 2}


def _header_field(cell: str) -> str | None:
    """The column a header cell names ('ZIP CODE' -> zip), or None."""
    c = " ".join(cell.lower().replace("_", " ").split())
    if c == "state":
        return "state"
    if c in ("zip code", "zip", "zipcode", "zip5"):
        return "zip"
    if c.startswith("carrier"):
        return "carrier"
    if c in ("locality", "pricing locality"):
        return "locality"
    if c.startswith("rural ind"):
        return "rural2" if c.endswith("2") else "rural"
    if "lab" in c and "locality" in c:
        return "lab_cb_locality"
    if "plus" in c or "+4" in c:
        return "plus_four"
    if "part b" in c:
        return "part_b_indicator"
    if "year" in c or c in ("yr/qtr", "yrqtr"):
        return "year_quarter"
    return None


def _check(rec: dict[str, str], file: str, where: str, label) -> dict[str, str]:
    """Validate one record's fields; `label(field)` names the field as the file does."""
    state = rec["state"].upper()
    if not re.fullmatch(r"[A-Z]{2}", state):
        raise BadInput(f"{label('state')} {rec['state']!r} is not a two-letter state code", file=file, where=where)
    for name, n in _DIGITS.items():
        if not re.fullmatch(rf"\d{{{n}}}", rec[name]):
            raise BadInput(f"{label(name)} {rec[name]!r} is not {n} digits", file=file, where=where)
    rural = rec.get("rural", "").upper()
    if rural not in ("", "R", "B"):
        raise BadInput(f"{label('rural')} {rec['rural']!r} is not blank, R or B", file=file, where=where)
    yq = rec["year_quarter"]
    if not re.fullmatch(r"(19|20)\d\d[1-4]", yq):
        raise BadInput(f"{label('year_quarter')} {yq!r} is not YYYYQ (a year and a quarter 1-4)",
                       file=file, where=where)
    return {**rec, "state": state, "rural": rural}


def _fixed_width(text: str, file: str, out: dict[str, list]) -> None:
    def label(name: str) -> str:
        what, first, last = LAYOUT[name]
        return f"{what} (positions {first}-{last})" if first != last else f"{what} (position {first})"

    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        if len(line) < RECORD_LENGTH:
            raise BadInput(f"short record: {len(line)} characters, the ZIP5 layout has {RECORD_LENGTH} "
                           "(Year/Quarter at 76-80)", file=file, where=where)
        rec = {k: line[first - 1:last].strip() for k, (_, first, last) in LAYOUT.items()}
        _add(out, _check(rec, file, where, label))


def _table_rows(rows: list[tuple[int, list[str]]], file: str, out: dict[str, list], numeric: bool = False) -> None:
    """Rows of a CSV or a sheet, as (line or row number, cells), starting at the header."""
    header_at, index = None, {}
    for i, (_, cells) in enumerate(rows[:20]):
        found = {}
        for j, cell in enumerate(cells):
            name = _header_field(str(cell))
            if name and name not in found:
                found[name] = j
        if {"state", "zip"} <= set(found):
            header_at, index = i, found
            break
    if header_at is None:
        raise BadInput("no header row with STATE and ZIP CODE: this does not look like the CMS ZIP code to "
                       "carrier locality file", file=file)
    missing = [LAYOUT[k][0] for k in REQUIRED if k not in index]
    if missing:
        raise BadInput(f"the header has no column for {', '.join(missing)}", file=file,
                       where=f"line {rows[header_at][0]}")
    names = {k: rows[header_at][1][j].strip() for k, j in index.items()}
    for n, cells in rows[header_at + 1:]:
        if not any(str(c).strip() for c in cells):
            continue
        rec = {k: (str(cells[j]).strip() if j < len(cells) else "") for k, j in index.items()}
        rec = {k: rec.get(k, "") for k in COLUMNS}
        if numeric:  # Excel keeps these as numbers and drops their leading zeros
            rec.update({k: rec[k].zfill(d) for k, d in _DIGITS.items() if rec[k].isdigit()})
        _add(out, _check(rec, file, f"line {n}", lambda k: names.get(k, LAYOUT[k][0])))


def _add(out: dict[str, list], rec: dict[str, str]) -> None:
    for k in COLUMNS:
        out[k].append(rec[k] == "1" if k == "plus_four" else rec.get(k, ""))


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    import openpyxl

    from ..ingest.xlsx_bill import _cell  # Excel's numbers as text, 1112.0 -> '1112'

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001  openpyxl raises many types for a broken workbook
        raise BadInput(f"not a readable Excel workbook ({type(e).__name__}): save it again as .xlsx", file=str(path))
    try:
        ws = wb.worksheets[0]
        return [(n, [_cell(v) for v in row]) for n, row in enumerate(ws.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


def read_zip_locality(path: Path) -> pa.Table:
    """The ZIP5 file (fixed-width .txt, .csv, .xlsx, or a zip holding it) -> zip_locality table."""
    out: dict[str, list] = {k: [] for k in COLUMNS}
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _table_rows(_xlsx_rows(path), str(path), out, numeric=True)
    else:
        members = (_members(path, re.compile(r"zip5(?!.*lyout).*\.(txt|csv)$")) if zipfile.is_zipfile(path)
                   else [(str(path), _decode(path.read_bytes()))])
        for file, text in members:
            first = next((ln for ln in text.splitlines() if ln.strip()), "")
            if "zip" in first.lower() and ("," in first or "\t" in first):
                delimiter = "\t" if "\t" in first else ","
                rows = list(enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1))
                _table_rows(rows, file, out)
            else:
                _fixed_width(text, file, out)
    if not out["zip"]:
        raise BadInput("no ZIP code records found", file=str(path))
    return check_table("zip_locality", pa.table(out))


def quarter_period(year_quarter: str) -> tuple[date, date]:
    """'20251' -> (2025-01-01, 2025-03-31): the quarter the file is for."""
    year, q = int(year_quarter[:4]), int(year_quarter[4])
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)
