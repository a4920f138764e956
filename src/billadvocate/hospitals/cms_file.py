"""Reading the CMS Hospital General Information file (data.cms.gov dataset xubh-q36u) into our table.

Two layouts are read: the current one ("Facility ID", "Facility Name", "City/Town", ...) and the
older one ("Provider ID", "Hospital Name", "City", ..., before 2020), as CSV, with or without the
quotes, in UTF-8 or Windows-1252, whatever the line endings; the API's snake_case headers
(facility_id, citytown) are read too. Only the columns the directory uses are kept. A file that is
not one of these, or a row without a usable CCN, name or state, is refused with its line and field.
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

SCHEMA = pa.schema([
    ("ccn", pa.string()), ("name", pa.string()), ("address", pa.string()), ("city", pa.string()),
    ("state", pa.string()), ("zip", pa.string()), ("type", pa.string()), ("ownership", pa.string()),
    ("emergency", pa.bool_()),
])

# our column -> the header words it has had (compared without case, spaces or punctuation)
HEADERS = {
    "ccn": ("facilityid", "providerid", "ccn", "providernumber"),
    "name": ("facilityname", "hospitalname"),
    "address": ("address",),
    "city": ("citytown", "city"),
    "state": ("state",),
    "zip": ("zipcode", "zip"),
    "type": ("hospitaltype",),
    "ownership": ("hospitalownership",),
    "emergency": ("emergencyservices",),
}
REQUIRED = ("ccn", "name", "city", "state", "ownership")
_SHOWN = {"ccn": "'Facility ID' (or 'Provider ID')", "name": "'Facility Name' (or 'Hospital Name')",
          "city": "'City/Town' (or 'City')", "state": "'State'", "ownership": "'Hospital Ownership'"}
_CCN = re.compile(r"^[0-9A-Z]{6}$")
MAX_BYTES = 50_000_000  # the CMS file is about 1.5 MB; far larger is not it
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def month_in_name(name: str) -> date | None:
    """The release a CMS file name carries: hospitals_10_2025.zip -> 2025-10-01 (else None)."""
    n = name.lower()
    m = re.search(r"(20\d\d)[-_](\d\d)[-_](\d\d)", n)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(?<!\d)(\d\d)[-_](20\d\d)(?!\d)", n) or None
    if m and 1 <= int(m.group(1)) <= 12:
        return date(int(m.group(2)), int(m.group(1)), 1)
    m = re.search(r"(20\d\d)[-_](\d\d)(?!\d)", n)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), 1)
    return None


def _raw(path: Path) -> bytes:
    """The file's bytes; from a CMS archive (hospitals_MM_YYYY.zip), its Hospital General Information CSV."""
    too_big = (f"is larger than any Hospital General Information file ({MAX_BYTES // 1_000_000} MB at most): "
               "give the CSV as CMS publishes it")
    if not zipfile.is_zipfile(path):
        if path.stat().st_size > MAX_BYTES:
            raise BadInput(too_big, file=str(path))
        return path.read_bytes()
    try:
        with zipfile.ZipFile(path) as z:
            members = [i for i in z.infolist() if "general_information" in i.filename.lower().replace(" ", "_")
                       and i.filename.lower().endswith(".csv")]
            if not members:
                raise BadInput("the zip holds no Hospital_General_Information.csv: give that CSV", file=str(path))
            if members[0].file_size > MAX_BYTES:
                raise BadInput(f"{members[0].filename} {too_big}", file=str(path))
            return z.read(members[0])
    except (zipfile.BadZipFile, OSError) as e:
        raise BadInput(f"the zip cannot be read ({e}): download it again", file=str(path))


def _text(path: Path) -> str:
    raw = _raw(path)
    if b"\x00" in raw[:4096]:
        raise BadInput("this is not a text file: give the Hospital General Information CSV from CMS", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _columns(header: list[str], path: Path) -> dict[str, int]:
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for col, names in HEADERS.items():
        for n in names:
            if n in keys:
                found[col] = keys.index(n)
                break
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        wanted = ", ".join(_SHOWN[c] for c in missing)
        raise BadInput(f"line 1: not the CMS Hospital General Information layout (no column {wanted}): "
                       "give that CSV as CMS publishes it (data.cms.gov, dataset xubh-q36u)", file=str(path))
    return found


def normal_ccn(value: str) -> str:
    """A CCN as six characters: the old files dropped the leading zeros of Alabama's (10005 -> 010005)."""
    v = value.strip().upper().lstrip("'")
    return v.zfill(6) if v.isdigit() and len(v) < 6 else v


def normal_zip(value: str) -> str | None:
    digits = re.sub(r"\D", "", value or "")
    if not digits:
        return None
    return digits.zfill(5)[:5] if len(digits) <= 5 else digits[:5]


def _emergency(value: str) -> bool | None:
    v = (value or "").strip().lower()
    return True if v in _YES else False if v in _NO else None


def read_hospital_file(path: str | Path) -> pa.Table:
    """The directory's columns from one CMS Hospital General Information CSV; raises BadInput."""
    path = Path(path)
    if not path.is_file():
        raise BadInput("no such file", file=str(path))
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput("the file is empty: give the Hospital General Information CSV from CMS", file=str(path))
    except csv.Error as e:
        raise BadInput(f"line 1: not a CSV file ({e})", file=str(path))
    cols = _columns(header, path)
    out: dict[str, list] = {f.name: [] for f in SCHEMA}
    seen: dict[str, int] = {}
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num

            def cell(col: str) -> str:
                i = cols.get(col)
                return row[i].strip().strip('"').strip() if i is not None and i < len(row) else ""

            ccn = normal_ccn(cell("ccn"))
            if not _CCN.match(ccn):
                raise BadInput(f"line {line}: {header[cols['ccn']]} {cell('ccn')!r} is not a CMS Certification "
                               "Number (six letters or digits): check the file is the CMS original", file=str(path))
            if ccn in seen:
                raise BadInput(f"line {line}: CCN {ccn} appears twice (first on line {seen[ccn]}): "
                               "give the CMS file as published", file=str(path))
            seen[ccn] = line
            state = cell("state").upper()
            for col, value in (("name", cell("name")), ("state", state)):
                if not value:
                    raise BadInput(f"line {line}: {header[cols[col]]} is empty: give the CMS file as published",
                                   file=str(path))
            if not re.fullmatch(r"[A-Z]{2}", state):
                raise BadInput(f"line {line}: {header[cols['state']]} {state!r} is not a two-letter state code",
                               file=str(path))
            out["ccn"].append(ccn)
            out["name"].append(" ".join(cell("name").split()))
            out["address"].append(" ".join(cell("address").split()) or None)
            out["city"].append(" ".join(cell("city").split()) or None)
            out["state"].append(state)
            out["zip"].append(normal_zip(cell("zip")))
            out["type"].append(cell("type") or None)
            out["ownership"].append(cell("ownership") or None)
            out["emergency"].append(_emergency(cell("emergency")))
    except csv.Error as e:
        raise BadInput(f"line {reader.line_num}: the CSV is malformed ({e})", file=str(path))
    if not out["ccn"]:
        raise BadInput("no hospitals in the file: give the Hospital General Information CSV from CMS", file=str(path))
    return pa.table(out, schema=SCHEMA)
