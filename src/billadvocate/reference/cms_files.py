"""Readers for the files CMS publishes, in CMS's own layout, into the catalogue's tables.

- NCCI procedure-to-procedure edits: the quarterly text (tab-separated) or CSV files, after a
  copyright line: Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date
  *=no data, Modifier 0=not allowed 1=allowed 9=not applicable, PTP Edit Rationale.
- MUEs: CSV with HCPCS/CPT Code, <setting> MUE Values, MUE Adjudication Indicator ("2 Date of
  Service Edit: Policy"), MUE Rationale.
- The Physician Fee Schedule RVU zip (RVUyyX.zip): PPRRVU*.csv (header row starting with HCPCS),
  GPCI*.csv and *LOCCO*.csv.
- HCPCS Level II: the fixed-width HCPCyyyy_CONTR_ANWEB.txt (320-character records).
A zip may hold several parts (CMS splits the practitioner PTP file in four); they are read together.
Every problem is a BadInput naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa

from ..errors import BadInput
from .catalog import check_table

_CODE = re.compile(r"^[0-9A-Z]{4}[0-9A-Z]$")


def _members(path: Path, want: re.Pattern | None = None) -> list[tuple[str, str]]:
    """(name, text) of the file, or of each matching text member of a zip."""
    if zipfile.is_zipfile(path):
        out = []
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if name.endswith("/") or not name.lower().endswith((".txt", ".csv")):
                    continue
                if want and not want.search(Path(name).name.lower()):
                    continue
                out.append((f"{path}!{name}", _decode(z.read(name))))
        if not out:
            raise BadInput("the zip holds no .txt or .csv file of this kind", file=str(path))
        return out
    return [(str(path), _decode(path.read_bytes()))]


def _decode(raw: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _rows(text: str) -> list[list[str]]:
    first = next((ln for ln in text.splitlines()[:40] if "\t" in ln), None)
    delimiter = "\t" if first is not None else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _header_index(rows: list[list[str]], test, file: str, what: str) -> int:
    for i, row in enumerate(rows[:60]):
        if row and test([c.strip().lower() for c in row]):
            return i
        
    raise BadInput(f"no header row found: this does not look like a CMS {what} file", file=file)


def _yyyymmdd(text: str, file: str, where: str) -> date | None:
    t = text.strip()
    if not t or t == "*":
        return None
    for fmt in ("%Y%m%d", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            pass
    raise BadInput(f"{t!r} is not a date (CMS writes YYYYMMDD, or * for none)", file=file, where=where)


def read_ptp(path: Path) -> pa.Table:
    """NCCI PTP edits in the CMS layout -> ncci_ptp table."""
    cols: dict[str, list] = {k: [] for k in ("column_1", "column_2", "effective_date", "deletion_date",
                                             "modifier_indicator", "rationale")}
    for file, text in _members(path):
        rows = _rows(text)
        h = _header_index(rows, lambda r: r[0].replace(" ", "") == "column1" and len(r) > 1
                          and r[1].replace(" ", "") == "column2", file, "NCCI PTP")
        for n, row in enumerate(rows[h + 1:], start=h + 2):
            if not row or not row[0].strip():
                continue
            where = f"line {n}"
            if len(row) < 6:
                raise BadInput(f"expected 7 columns (Column 1 .. PTP Edit Rationale), found {len(row)}",
                               file=file, where=where)
            c1, c2 = row[0].strip().upper(), row[1].strip().upper()
            if not (_CODE.match(c1) and _CODE.match(c2)):
                raise BadInput(f"{c1!r}/{c2!r} are not HCPCS codes", file=file, where=where)
            indicator = row[5].strip()[:1]
            if indicator not in ("0", "1", "9"):
                raise BadInput(f"modifier indicator {row[5]!r} is not 0, 1 or 9", file=file, where=where)
            cols["column_1"].append(c1)
            cols["column_2"].append(c2)
            cols["effective_date"].append(_yyyymmdd(row[3], file, where))
            cols["deletion_date"].append(_yyyymmdd(row[4], file, where))
            cols["modifier_indicator"].append(int(indicator))
            cols["rationale"].append(row[6].strip() if len(row) > 6 else "")
    if not cols["column_1"]:
        raise BadInput("no edits found under the header row", file=str(path))
    return check_table("ncci_ptp", pa.table(cols))


def read_mue(path: Path) -> pa.Table:
    """MUEs in the CMS layout -> mue table."""
    cols: dict[str, list] = {k: [] for k in ("code", "mue_units", "mai", "rationale")}
    for file, text in _members(path):
        rows = _rows(text)
        h = _header_index(rows, lambda r: "hcpcs" in r[0] and any("mue value" in c for c in r),
                          file, "MUE")
        for n, row in enumerate(rows[h + 1:], start=h + 2):
            if not row or not row[0].strip():
                continue
            where = f"line {n}"
            code = row[0].strip().upper()
            if not _CODE.match(code) or len(row) < 3:
                raise BadInput(f"{row[:3]} is not an MUE row (code, units, indicator, rationale)",
                               file=file, where=where)
            try:
                units = int(float(row[1].strip()))
            except ValueError:
                raise BadInput(f"MUE value {row[1]!r} is not a number", file=file, where=where)
            mai = row[2].strip()[:1]
            if mai not in ("1", "2", "3"):
                raise BadInput(f"adjudication indicator {row[2]!r} is not 1, 2 or 3", file=file, where=where)
            cols["code"].append(code)
            cols["mue_units"].append(units)
            cols["mai"].append(int(mai))
            cols["rationale"].append(row[3].strip() if len(row) > 3 else "")
    if not cols["code"]:
        raise BadInput("no MUE rows found under the header row", file=str(path))
    return check_table("mue", pa.table(cols))


def _num(text: str, file: str, where: str) -> float:
    t = (text or "").strip()
    if not t or t.upper() == "NA":
        return 0.0
    try:
        return float(t.replace(",", ""))
    except ValueError:
        raise BadInput(f"{t!r} is not a number", file=file, where=where)


def read_pfs_zip(path: Path) -> tuple[pa.Table, pa.Table, date | None]:
    """The PFS RVU zip (or a PPRRVU CSV) -> (pfs_rvu, gpci or None, the release's start date)."""
    if not zipfile.is_zipfile(path):
        raise BadInput("expected the CMS RVU zip (RVUyyX.zip with PPRRVU, GPCI and LOCCO files)", file=str(path))
    pprrvu = _members(path, re.compile(r"pprrvu.*\.csv$"))
    rvu: dict[str, list] = {k: [] for k in ("hcpcs", "modifier", "status", "work_rvu", "pe_nonfacility_rvu",
                                            "pe_facility_rvu", "mp_rvu", "pctc", "global_days")}
    for file, text in pprrvu:
        rows = list(csv.reader(io.StringIO(text)))
        h = _header_index(rows, lambda r: r[0] == "hcpcs", file, "PPRRVU")
        for n, row in enumerate(rows[h + 1:], start=h + 2):
            if not row or not _CODE.match(row[0].strip().upper()):
                continue  # the second header row and notes
            where = f"line {n}"
            if len(row) < 15:
                raise BadInput(f"expected at least 15 columns, found {len(row)}", file=file, where=where)
            rvu["hcpcs"].append(row[0].strip().upper())
            rvu["modifier"].append(row[1].strip().upper() or None)
            rvu["status"].append(row[3].strip())
            rvu["work_rvu"].append(_num(row[5], file, where))
            rvu["pe_nonfacility_rvu"].append(_num(row[6], file, where))
            rvu["pe_facility_rvu"].append(_num(row[8], file, where))
            rvu["mp_rvu"].append(_num(row[10], file, where))
            rvu["pctc"].append(row[13].strip())
            rvu["global_days"].append(row[14].strip())
    gpci_table = None
    gpci_files = [m for m in _members(path) if re.search(r"gpci.*\.csv$", m[0].lower())]
    locco = [m for m in _members(path) if re.search(r"locco.*\.csv$", m[0].lower())]
    if gpci_files:
        gpci_table = _read_gpci(gpci_files[0], locco[0] if locco else None)
    m = re.search(r"rvu(\d\d)", path.name.lower())
    quarter = {"a": 1, "b": 4, "c": 7, "d": 10}
    start = None
    if m:
        letter = re.search(r"rvu\d\d([a-d])", path.name.lower())
        start = date(2000 + int(m.group(1)), quarter[letter.group(1)] if letter else 1, 1)
    return check_table("pfs_rvu", pa.table(rvu)), gpci_table, start


def _read_gpci(gpci: tuple[str, str], locco: tuple[str, str] | None) -> pa.Table:
    file, text = gpci
    rows = list(csv.reader(io.StringIO(text)))
    h = _header_index(rows, lambda r: any("locality" in c for c in r) and any("gpci" in c for c in r),
                      file, "GPCI")
    counties: dict[tuple[str, str], str] = {}
    if locco:
        for row in csv.reader(io.StringIO(locco[1])):
            if len(row) >= 5 and row[0].strip().isdigit():
                counties[(row[0].strip(), row[1].strip().zfill(2))] = row[4].strip()
    out: dict[str, list] = {k: [] for k in ("mac", "state", "locality", "locality_name", "counties",
                                            "gpci_work", "gpci_pe", "gpci_mp")}
    seen: set[tuple[str, str]] = set()
    for n, row in enumerate(rows[h + 1:], start=h + 2):
        if len(row) < 7 or not row[0].strip().isdigit():
            continue
        where = f"line {n}"
        mac, loc = row[0].strip(), row[2].strip().zfill(2)
        if (mac, loc) in seen:
            continue  # CMS lists a few localities twice
        seen.add((mac, loc))
        out["mac"].append(mac)
        out["state"].append(row[1].strip().upper())
        out["locality"].append(loc)
        out["locality_name"].append(row[3].strip().strip("*"))
        out["counties"].append(counties.get((mac, loc), ""))
        out["gpci_work"].append(_num(row[4], file, where))
        out["gpci_pe"].append(_num(row[5], file, where))
        out["gpci_mp"].append(_num(row[6], file, where))
    if not out["mac"]:
        raise BadInput("no locality rows found under the GPCI header", file=file)
    return check_table("gpci", pa.table(out))


def read_hcpcs(path: Path) -> pa.Table:
    """The HCPCS Level II fixed-width file (HCPCyyyy_CONTR_ANWEB.txt) -> hcpcs table.

    Record layout (CMS HCPCS record layout): code 1-5, sequence 6-10, record id 11 (3 = first line
    of a code, 4 = continuation, 7/8 = modifiers), long description 12-91, short description
    92-119, added 269-276, termination 285-292 (YYYYMMDD)."""
    found: dict[str, dict] = {}
    for file, text in _members(path, re.compile(r"anweb.*\.txt$|\.txt$")):
        for n, line in enumerate(text.splitlines(), start=1):
            if len(line) < 11 or line[10] not in "34" or not _CODE.match(line[:5]):
                continue
            code, kind = line[:5], line[10]
            if kind == "3":
                found[code] = {"code": code, "long": line[11:91].rstrip(), "short": line[91:119].strip(),
                               "added": _yyyymmdd(line[268:276], file, f"line {n}") if len(line) >= 276 else None,
                               "terminated": _yyyymmdd(line[284:292], file, f"line {n}") if len(line) >= 292 else None}
            elif code in found:
                found[code]["long"] = (found[code]["long"] + " " + line[11:91].strip()).strip()
    if not found:
        raise BadInput("no HCPCS records found: expected the fixed-width ANWEB file (320-character lines)",
                       file=str(path))
    recs = list(found.values())
    return check_table("hcpcs", pa.table({
        "code": [r["code"] for r in recs], "short_description": [r["short"] for r in recs],
        "long_description": [" ".join(r["long"].split()) for r in recs],
        "added": [r["added"] for r in recs], "terminated": [r["terminated"] for r in recs]}))
