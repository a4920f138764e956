"""The CMS Ambulance Fee Schedule public use file (afs####_puf_ext.zip: the same table as .txt, .csv and .xlsx).

One row per carrier, locality and HCPCS code, under the header row
`CONTRACTOR/CARRIER | LOCALITY | HCPCS | RVU | GPCI | BASE RATE | URBAN BASE RATE / URBAN MILEAGE |
RURAL BASE RATE / RURAL MILEAGE | RURAL BASE RATE / LOWEST QUARTILE | RURAL GROUND MILES 1-17*` (a level's row
holds its base rates, a mileage code's its rates per mile). The American Ambulance Association's reformatted copy
adds a `State/Local Headings` column and rows naming a region ("Northern California", the other cells empty)
between carriers: those rows have no code and are passed over. Columns are found by their header's name, case and
spaces aside; amounts may carry `$` and `,`, and `n/a` where a rate does not apply. Every problem is one BadInput
naming the file and line.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table
from .cms_files import _CODE, _decode

# our column -> the header names it is read from (compared without case or spaces)
COLUMNS = {
    "carrier": ("contractor/carrier", "carrier", "contractor"),
    "locality": ("locality",),
    "hcpcs": ("hcpcs",),
    "urban_rate": ("urbanbaserate/urbanmileage",),
    "rural_rate": ("ruralbaserate/ruralmileage",),
    "lowest_quartile_rate": ("ruralbaserate/lowestquartile",),
    "rural_first_miles_rate": ("ruralgroundmiles1-",),  # "RURAL GROUND MILES 1-17*": matched by its start
}
HEADERS = {"carrier": "CONTRACTOR/CARRIER", "locality": "LOCALITY", "hcpcs": "HCPCS",
           "urban_rate": "URBAN BASE RATE / URBAN MILEAGE", "rural_rate": "RURAL BASE RATE / RURAL MILEAGE",
           "lowest_quartile_rate": "RURAL BASE RATE / LOWEST QUARTILE",
           "rural_first_miles_rate": "RURAL GROUND MILES 1-17"}
_NONE = {"", "n/a", "na", "-", "."}


def _key(text: str) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


def year_in_name(name: str) -> int | None:
    """The calendar year of 'afs2026_puf_ext.zip', 'AFS2026_PUF', '508-compliant-version-of-AFS2026_PUF_ext.txt'."""
    m = re.search(r"afs[\s_-]*(20\d\d)(?!\d)", name, re.I)
    return int(m.group(1)) if m else None


def _columns(names: list[str]) -> dict[str, int]:
    keys = [_key(n) for n in names]
    found: dict[str, int] = {}
    for col, wanted in COLUMNS.items():
        for i, k in enumerate(keys):
            if k in wanted or (col == "rural_first_miles_rate" and k.startswith(wanted[0])):
                found.setdefault(col, i)
    return found


def _header(rows: list[list[str]], file: str) -> tuple[int, dict[str, int], int]:
    """(the header row's index, the column of each of our columns, how many first miles the header says)."""
    best: tuple[int, dict[str, int]] = (-1, {})
    for i, row in enumerate(rows[:60]):
        ix = _columns(row)
        if len(ix) == len(COLUMNS):
            miles = re.search(r"1\s*-\s*(\d+)", row[ix["rural_first_miles_rate"]])
            return i, ix, int(miles.group(1)) if miles else 17
        if len(ix) > len(best[1]):
            best = (i, ix)
    if len(best[1]) < 2:
        raise BadInput("no header row with CONTRACTOR/CARRIER, LOCALITY, HCPCS and the rate columns: this does not "
                       "look like the CMS Ambulance Fee Schedule public use file", file=file)
    missing = ", ".join(HEADERS[c] for c in COLUMNS if c not in best[1])
    raise BadInput(f"the header row (line {best[0] + 1}) has no {missing} column: this does not look like the CMS "
                   "Ambulance Fee Schedule public use file", file=file)


def _amount(text: str, file: str, where: str, column: str) -> float | None:
    t = (text or "").strip().replace("$", "").replace(",", "")
    if t.lower() in _NONE:
        return None
    try:
        return float(t)
    except ValueError:
        raise BadInput(f"{text!r} is not an amount ({HEADERS[column]})", file=file, where=where)


def _number(text: str, width: int, file: str, where: str, column: str) -> str:
    """A carrier (5 digits) or locality (2 digits), its leading zeros put back where Excel dropped them."""
    t = (text or "").strip()
    if t.endswith(".0"):
        t = t[:-2]
    if not t.isdigit():
        raise BadInput(f"{text!r} is not a {HEADERS[column]} number", file=file, where=where)
    return t.zfill(width)


def _cell(row: list[str], i: int) -> str:
    return str(row[i]).strip() if i < len(row) and row[i] is not None else ""


def _text_rows(text: str) -> list[list[str]]:
    import csv
    import io

    head = next((ln for ln in text.splitlines()[:60] if "hcpcs" in ln.lower()), "")
    delimiter = "\t" if "\t" in head else ("|" if head.count("|") >= 3 else ",")
    return list(csv.reader(io.StringIO(text.replace("\x00", ""), newline=""), delimiter=delimiter))


def _tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    """(name, rows) of the file: a CSV/TXT, an .xlsx workbook's sheets, or a ZIP's CSV/TXT (else its workbook)."""
    from ..ingest.xlsx_bill import workbook_rows

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return [(f"{path}!{sheet}", rows) for sheet, rows in workbook_rows(path)]
    if not zipfile.is_zipfile(path):
        return [(str(path), _text_rows(_decode(path.read_bytes())))]
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if not n.endswith("/"))
        texts = [n for n in names if n.lower().endswith((".csv", ".txt"))]
        if texts:  # CMS ships the same table several ways: the first text one is read
            return [(f"{path}!{texts[0]}", _text_rows(_decode(z.read(texts[0]))))]
        books = [n for n in names if n.lower().endswith((".xlsx", ".xlsm"))]
        if not books:
            raise BadInput("the zip holds no .csv, .txt or .xlsx file", file=str(path))
        with tempfile.TemporaryDirectory() as tmp:
            book = Path(tmp) / Path(books[0]).name
            book.write_bytes(z.read(books[0]))
            return [(f"{path}!{books[0]}!{sheet}", rows) for sheet, rows in workbook_rows(book)]


def read_ambulance(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """Ambulance Fee Schedule PUF -> ambulance_fee table (carrier, locality, hcpcs, urban_rate, rural_rate,
    lowest_quartile_rate, rural_first_miles_rate, first_miles); the period is the calendar year of its name."""
    cols: dict[str, list] = {c: [] for c in (*COLUMNS, "first_miles")}
    year = year_in_name(path.name)
    for file, rows in _tables(path):
        year = year or year_in_name(file[len(str(path)):])  # a ZIP member's name
        h, ix, first_miles = _header(rows, file)
        for n, row in enumerate(rows[h + 1:], start=h + 2):
            code = re.sub(r"[^0-9A-Z]", "", _cell(row, ix["hcpcs"]).upper())
            if not code:
                continue  # a region's name (the AAA copy), a note or an empty row
            where = f"line {n}"
            if not _CODE.match(code):
                raise BadInput(f"{_cell(row, ix['hcpcs'])!r} is not a HCPCS code", file=file, where=where)
            cols["hcpcs"].append(code)
            cols["carrier"].append(_number(_cell(row, ix["carrier"]), 5, file, where, "carrier"))
            cols["locality"].append(_number(_cell(row, ix["locality"]), 2, file, where, "locality"))
            for c in ("urban_rate", "rural_rate", "lowest_quartile_rate", "rural_first_miles_rate"):
                cols[c].append(_amount(_cell(row, ix[c]), file, where, c))
            cols["first_miles"].append(first_miles if cols["rural_first_miles_rate"][-1] is not None else None)
    if not cols["hcpcs"]:
        raise BadInput("no HCPCS rows found under the Ambulance Fee Schedule header", file=str(path))
    start = date(year, 1, 1) if year else None
    return check_table("ambulance_fee", pa.table(cols)), start, date(year, 12, 31) if year else None
