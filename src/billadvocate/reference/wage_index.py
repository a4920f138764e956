"""The OPPS wage index by CBSA, from the CMS OPPS Pricer's table (cbsa-wage-index-YYYY.csv).

Layout (the pricer's own CSV): cbsa, effectiveDate (YYYYMMDD), geographicWageIndex,
reclassifiedWageIndex, imputedFloorWageIndex, name. A five-digit cbsa is a metropolitan area (or a
metropolitan division) of OMB's delineations; a two-digit one is a state's rural area, by its SSA state
code (01 Alabama ... 53 Wyoming), whose imputedFloorWageIndex is the state's imputed floor (42 CFR
412.64(h)(4): New Jersey, Rhode Island, Puerto Rico ...). Only cbsa, effectiveDate, geographicWageIndex
and imputedFloorWageIndex are read (the reclassified index is for hospitals CMS reclassified, which only
CMS's provider file records). Every problem is one BadInput naming the file and line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table
from .yardstick_files import _header, _rows

WANT = ("cbsa", "effectivedate", "geographicwageindex", "imputedfloorwageindex")


def _index(text: str, file: str, where: str, column: str) -> float:
    t = (text or "").strip()
    try:
        value = float(t)
    except ValueError:
        raise BadInput(f"{column} {t!r} is not a wage index", file=file, where=where)
    if not 0 <= value < 10:
        raise BadInput(f"{column} {t!r} is not a wage index (0 to 10)", file=file, where=where)
    return value


def read_opps_wage_index(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """The pricer's CBSA wage index CSV -> opps_wage_index (cbsa, wage_index, imputed_floor); the
    period is the calendar year of its effective date (the OPPS wage index changes each January)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as e:
        raise BadInput(f"cannot read the file ({e.strerror})", file=str(path))
    rows = _rows(text, str(path))
    h, ix = _header(rows, WANT, str(path), "OPPS Pricer CBSA wage index (cbsa-wage-index-YYYY.csv)")
    cols: dict[str, list] = {"cbsa": [], "wage_index": [], "imputed_floor": []}
    starts: set[date] = set()
    seen: set[str] = set()
    for n, row in enumerate(rows[h + 1:], start=h + 2):
        if not any(c.strip() for c in row):
            continue
        where = f"line {n}"
        cbsa = row[ix["cbsa"]].strip() if ix["cbsa"] < len(row) else ""
        if not re.fullmatch(r"\d{2}|\d{5}", cbsa):
            raise BadInput(f"cbsa {cbsa!r} is not a CBSA code (5 digits) or a state code (2 digits)",
                           file=str(path), where=where)
        eff = row[ix["effectivedate"]].strip() if ix["effectivedate"] < len(row) else ""
        m = re.fullmatch(r"(20\d\d)(\d\d)(\d\d)", eff)
        try:
            starts.add(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except (AttributeError, ValueError):
            raise BadInput(f"effectiveDate {eff!r} is not a date (YYYYMMDD)", file=str(path), where=where)
        if cbsa in seen:
            raise BadInput(f"cbsa {cbsa} appears twice", file=str(path), where=where)
        seen.add(cbsa)
        cols["cbsa"].append(cbsa)
        cols["wage_index"].append(_index(row[ix["geographicwageindex"]] if ix["geographicwageindex"] < len(row)
                                         else "", str(path), where, "geographicWageIndex"))
        cols["imputed_floor"].append(_index(row[ix["imputedfloorwageindex"]] if ix["imputedfloorwageindex"] < len(row)
                                            else "", str(path), where, "imputedFloorWageIndex"))
    if not cols["cbsa"]:
        raise BadInput("no wage index rows under the header", file=str(path))
    if len(starts) > 1:
        raise BadInput(f"more than one effectiveDate ({', '.join(sorted(map(str, starts)))}): import one year's file",
                       file=str(path))
    start = starts.pop()
    return check_table("opps_wage_index", pa.table(cols)), start, date(start.year, 12, 31)
