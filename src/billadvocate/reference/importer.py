"""Importing a newer official release into the user's data folder, and saying what is loaded.

Each kind names the CMS layout it reads (see cms_files.py, zip_locality.py and prices.py). The
release's start date comes from --effective, else from the file (the CMS name, RVU25A -> 2025-01-01,
the newest edit's effective date, to the start of its quarter, or the ZIP file's Year/Quarter field,
20251 -> 2025-01-01 to 2025-03-31), else the import asks for --effective. Nothing is written unless
the whole file reads cleanly.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import BadInput
from .catalog import SETTING_NAMES, release_file
from .cms_files import read_hcpcs, read_mue, read_pfs_zip, read_ptp
from .prices import price_key, read_prices
from .store import Release, install
from .zip_locality import quarter_period, read_zip_locality
from .yardstick_files import read_asp, read_clfs, read_dmepos, read_opps_addendum_b
from .ambulance_files import read_ambulance
from .ipps_files import read_msdrg
from .wage_index import read_opps_wage_index

KINDS = ("ncci-ptp", "mue", "pfs-rvu", "hcpcs", "prices", "zip-locality", "opps", "clfs", "asp", "dmepos", "msdrg",
         "opps-wage-index", "ambulance")
# the price yardsticks: kind -> (table, reader, what the file is)
YARDSTICKS = {
    "opps": ("opps", read_opps_addendum_b, "CMS OPPS Addendum B (payment by HCPCS code), descriptors dropped"),
    "clfs": ("clfs", read_clfs, "CMS Clinical Laboratory Fee Schedule (national limits), descriptors dropped"),
    "asp": ("asp", read_asp, "CMS ASP pricing file (Part B drug payment limits), descriptors dropped"),
    "dmepos": ("dmepos", read_dmepos, "CMS DMEPOS fee schedule (state fees), descriptors dropped"),
    "msdrg": ("msdrg", read_msdrg, "CMS IPPS MS-DRG relative weights (final rule Table 5 or the IPPS Pricer DRG table), titles dropped"),
    "ambulance": ("ambulance_fee", read_ambulance,
                  "CMS Ambulance Fee Schedule public use file (rates by carrier and locality)"),
    "opps-wage-index": ("opps_wage_index", read_opps_wage_index,
                        "CMS OPPS Pricer wage index by CBSA (cbsa-wage-index-YYYY.csv), geographic and imputed floor columns"),
}
_SETTING_WORDS = {"professional": ("ccipra", "practitioner", "prac"), "outpatient": ("ccioph", "outpatient", "hospital"),
                  "dme": ("dme",)}

KINDS += ("hospitals",)


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _date_in_name(name: str) -> date | None:
    n = name.lower()
    m = re.search(r"(20\d\d)[-_](\d\d)[-_](\d\d)", n)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(\d\d)[-_](\d\d)[-_](20\d\d)", n)
    if m:
        return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = re.search(r"(20\d\d)q([1-4])", n)
    if m:
        return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    return None


def _setting(path: Path, given: str | None, allowed: tuple[str, ...], text_hint: str = "") -> str:
    if given:
        if given not in allowed:
            raise BadInput(f"--setting {given!r}: this kind has {', '.join(allowed)}", file=str(path))
        return given
    hay = (path.name + " " + text_hint).lower()
    for setting in allowed:
        if any(w in hay for w in _SETTING_WORDS[setting]):
            return setting
    raise BadInput(f"cannot tell the setting from the file name: give --setting ({' or '.join(allowed)})",
                   file=str(path))


def _effective(path: Path, given: date | None, inferred: date | None) -> date:
    found = given or _date_in_name(path.name) or inferred
    if found is None:
        raise BadInput("cannot tell when this release takes effect: give --effective YYYY-MM-DD", file=str(path))
    return found


def _entry(table: str, setting: str | None, effective: date, path: Path, rows: int, source: str,
           **extra: Any) -> dict[str, Any]:
    return {"setting": setting, "file": release_file(table, setting, effective.isoformat()) if table != "prices"
            else f"prices-{extra['key']}.parquet", "rows": rows, "effective_from": effective.isoformat(),
            "effective_to": None, "source": f"{source}: {path.name} (imported {date.today().isoformat()})",
            "licence": extra.pop("licence", "US government public data (CMS)"), **extra}


def import_release(kind: str, path: Path, *, setting: str | None = None, effective: date | None = None,
                   folder: Path | None = None) -> list[Release]:
    """Read one official file and install it; returns the releases written."""
    path = Path(path)
    if not path.is_file():
        raise BadInput("no such file", file=str(path))
    if kind == "ncci-ptp":
        table = read_ptp(path)
        s = _setting(path, setting, ("professional", "outpatient"))
        newest = pc.max(table.column("effective_date")).as_py()
        eff = _effective(path, effective, _quarter_start(newest) if newest else None)
        return [install("ncci_ptp", table, _entry("ncci_ptp", s, eff, path, table.num_rows,
                                                   f"CMS NCCI PTP edits, {SETTING_NAMES[s]}"), folder)]
    if kind == "mue":
        head = path.read_bytes()[:4000].decode("latin-1") if not path.suffix.lower() == ".zip" else ""
        table = read_mue(path)
        s = _setting(path, setting, ("professional", "outpatient", "dme"), head)
        eff = _effective(path, effective, None)
        return [install("mue", table, _entry("mue", s, eff, path, table.num_rows,
                                              f"CMS NCCI MUEs, {SETTING_NAMES[s]}"), folder)]
    if kind == "pfs-rvu":
        rvu, gpci, start = read_pfs_zip(path)
        eff = effective or start
        if eff is None:
            raise BadInput("cannot tell the release from the name (RVUyyA..D.zip): give --effective", file=str(path))
        out = [install("pfs_rvu", rvu, _entry("pfs_rvu", None, eff, path, rvu.num_rows,
                                               "CMS Physician Fee Schedule RVUs (PPRRVU), descriptors dropped"), folder)]
        if gpci is not None:
            out.append(install("gpci", gpci, _entry("gpci", None, eff, path, gpci.num_rows,
                                                     "CMS PFS GPCIs and localities"), folder))
        return out
    if kind == "hcpcs":
        table = read_hcpcs(path)
        m = re.search(r"(20\d\d)", path.name)
        eff = _effective(path, effective, date(int(m.group(1)), 1, 1) if m else None)
        return [install("hcpcs", table, _entry("hcpcs", None, eff, path, table.num_rows,
                                                "CMS HCPCS Level II alpha-numeric file"), folder)]
    if kind == "zip-locality":
        table = read_zip_locality(path)
        quarter = max(table.column("year_quarter").to_pylist())
        start, end = quarter_period(quarter)
        entry = _entry("zip_locality", None, effective or start, path, table.num_rows,
                       f"CMS ZIP code to carrier locality file, {quarter[:4]} Q{quarter[4]}", year_quarter=quarter)
        entry["effective_to"] = None if effective else end.isoformat()
        return [install("zip_locality", table, entry, folder)]
    if kind in YARDSTICKS:
        table_name, reader, what = YARDSTICKS[kind]
        table, start, end = reader(path)
        eff = _effective(path, effective, start)
        entry = _entry(table_name, None, eff, path, table.num_rows, what)
        if end is not None and not effective:
            entry["effective_to"] = end.isoformat()
        return [install(table_name, table, entry, folder)]
    if kind == "prices":
        table, meta = read_prices(path)
        from .prices import _date

        eff = effective or _date(meta.get("last_updated_on", "")) or date.today()
        key = price_key(meta)
        return [install("prices", table, _entry(
            "prices", None, eff, path, table.num_rows, f"{meta.get('hospital_name')} standard charges (45 CFR 180.50)",
            key=key, hospital_name=meta.get("hospital_name"), last_updated_on=meta.get("last_updated_on"),
            version=meta.get("version"), npis=meta.get("npis", []),
            licence="published by the hospital under 45 CFR 180.50"), folder)]
    if kind == "hospitals":  # the CMS hospital directory (hospitals/), both of its layouts
        from ..hospitals.cms_file import month_in_name, read_hospital_file

        table = read_hospital_file(path)
        eff = _effective(path, effective, month_in_name(path.name))
        return [install("hospitals", table, _entry("hospitals", None, eff, path, table.num_rows,
                                                    "CMS Hospital General Information (dataset xubh-q36u)"), folder)]
    raise BadInput(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")


def status(as_of: date | None = None, folder: Path | None = None) -> list[dict[str, Any]]:
    """What is loaded: each release with its period, origin and age in days."""
    from .loader import releases

    as_of = as_of or date.today()
    out = []
    for r in releases(folder):
        item = r.to_json()
        item["age_days"] = (as_of - r.effective_from).days
        item["used_from"] = None if r.applies_from.year == 1900 else r.applies_from.isoformat()
        item["used_to"] = None if r.applies_to.year == 9999 else r.applies_to.isoformat()
        if r.table != "prices" and r.applies_to.year == 9999 and r.effective_to and as_of > r.effective_to:
            item["stale"] = True
        out.append(item)
    return out
