"""The MS-DRG relative weights of the inpatient prospective payment system (IPPS), read from CMS's layouts.

- IPPS final rule Table 5 ("CMS-1833-F Table 5.txt", tab-delimited, or its CSV export): MS-DRG, the
  post-acute and special-pay flags, MDC, TYPE, MS-DRG Title, Weights, Geometric mean LOS, Arithmetic
  mean LOS. When the table has a "Weights - 10% Cap Applied" column (the weight CMS pays with), that
  column is read, else "Weights".
- The CMS IPPS Pricer's DRG table (drgstable-YYYY.csv of the Java pricer CMS publishes):
  diagnosticRelatedGroup, effectiveDate (20251001), weight, geometricMeanLengthOfStay, ...

Titles are not kept (the audit names a DRG by number). A weight applies to discharges of its federal
fiscal year: October 1 to September 30. The reader returns (table, start, end); the start comes from
the pricer's effectiveDate, else from "FY 2026" / "FY2026" in the file's name or title rows.
Every problem is one BadInput naming the file and line.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table
from .cms_files import _members, _rows

_DRG = re.compile(r"^\d{1,3}$")


def fiscal_year(start: date) -> tuple[date, date]:
    """The federal fiscal year holding `start`: FY 2026 runs 2025-10-01 to 2026-09-30."""
    first = date(start.year if start.month >= 10 else start.year - 1, 10, 1)
    return first, date(first.year + 1, 9, 30)


def _fy_in(text: str) -> date | None:
    m = re.search(r"\bfy\s*-?\s*(20\d\d)\b", text.lower())
    return date(int(m.group(1)) - 1, 10, 1) if m else None


def _column(names: list[str], *tests) -> int | None:
    for test in tests:
        for i, n in enumerate(names):
            if test(n):
                return i
    return None


def _number(text: str, file: str, where: str, what: str) -> float:
    t = (text or "").strip().replace(",", "")
    try:
        return float(t)
    except ValueError:
        raise BadInput(f"{what} {text!r} is not a number", file=file, where=where)


def read_msdrg(path: Path) -> tuple[pa.Table, date | None, date | None]:
    """IPPS Table 5 or the pricer's DRG table -> msdrg table (drg, weight, gmlos)."""
    cols: dict[str, list] = {"drg": [], "weight": [], "gmlos": []}
    start: date | None = None
    for file, text in _members(Path(path), re.compile(r"table.?5|drgs?table|\.txt$|\.csv$")):
        rows = _rows(text)
        h = next((i for i, row in enumerate(rows[:60])
                  if any(c.strip().lower() in ("ms-drg", "msdrg", "drg", "diagnosticrelatedgroup") for c in row)
                  and any("weight" in c.lower() for c in row)), None)
        if h is None:
            raise BadInput("no header row with MS-DRG and Weights: this does not look like the IPPS Table 5 "
                           "or the IPPS pricer's DRG table", file=file)
        names = [c.strip().lower() for c in rows[h]]
        i_drg = _column(names, lambda n: n in ("ms-drg", "msdrg", "drg", "diagnosticrelatedgroup"))
        i_w = _column(names, lambda n: "weight" in n and "cap" in n, lambda n: n in ("weights", "weight"))
        i_los = _column(names, lambda n: "geometric" in n)
        i_eff = _column(names, lambda n: n == "effectivedate")
        if i_w is None:
            raise BadInput("no Weights column in the header", file=file, where=f"line {h + 1}")
        title = " ".join(c for r in rows[:h] for c in r)
        start = start or _fy_in(Path(file).name) or _fy_in(title) or _fy_in(" ".join(rows[h]))
        for n, row in enumerate(rows[h + 1:], start=h + 2):
            code = row[i_drg].strip().strip('"') if i_drg < len(row) else ""
            if not code:
                continue
            where = f"line {n}"
            if not _DRG.match(code):
                if not any(c.strip() for c in row[1:]):  # a footnote row
                    continue
                raise BadInput(f"{code!r} is not an MS-DRG number", file=file, where=where)
            cols["drg"].append(code.zfill(3))
            cols["weight"].append(_number(row[i_w] if i_w < len(row) else "", file, where, "the weight"))
            los = row[i_los].strip() if i_los is not None and i_los < len(row) else ""
            cols["gmlos"].append(_number(los, file, where, "the geometric mean LOS") if los else None)
            if i_eff is not None and start is None and re.fullmatch(r"20\d{6}", (row[i_eff] if i_eff < len(row) else "").strip()):
                start = datetime.strptime(row[i_eff].strip(), "%Y%m%d").date()
    if not cols["drg"]:
        raise BadInput("no MS-DRG rows found under the header", file=str(path))
    if len(set(cols["drg"])) != len(cols["drg"]):
        dup = next(d for d in cols["drg"] if cols["drg"].count(d) > 1)
        raise BadInput(f"MS-DRG {dup} appears twice: give one fiscal year's table", file=str(path))
    if start is None:
        return check_table("msdrg", pa.table(cols)), None, None
    first, last = fiscal_year(start)
    return check_table("msdrg", pa.table(cols)), first, last
