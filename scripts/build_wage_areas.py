"""Build the OPPS wage-index tables shipped in the package: each hospital's wage area, and the wage
index of each area.

    python scripts/build_wage_areas.py --hospitals Hospital_General_Information.csv \
        --delineation list1_2023.xlsx --counties national_county.txt \
        --wage-index cbsa-wage-index-2025.csv

- hospital_cbsa: each hospital of CMS's Hospital General Information file (the same release as the
  hospital directory, hospitals/data/SOURCES.md) placed in its county (its "County/Parish" column and
  state) and the county in its wage area under OMB's July 2023 delineations (Census list1_2023.xlsx):
  the metropolitan division where the county's metropolitan area has divisions, else the
  metropolitan area (CBSA); a county outside every metropolitan area (micropolitan or none) is in its
  state's rural area, named by its two-digit SSA state code as in CMS's wage index tables. A county
  name that is found neither in the delineation nor in Census's list of all counties
  (national_county.txt), and every Connecticut hospital (OMB's 2023 delineations use Connecticut's
  planning regions, not the counties the hospital file names), gets no wage area: its OPPS amounts stay
  national.
- opps_wage_index: the OPPS Pricer's cbsa-wage-index-YYYY.csv, read as `data import opps-wage-index`
  reads it.

Where each input came from is in src/billadvocate/reference/data/SOURCES.md. The Parquet files and
their manifest entries replace the earlier ones of these two tables.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from billadvocate.reference.catalog import check_table, release_file  # noqa: E402
from billadvocate.reference.wage_index import read_opps_wage_index  # noqa: E402
from billadvocate.states import NAMES  # noqa: E402

OUT = ROOT / "src" / "billadvocate" / "reference" / "data"
LICENCE = "US government works (CMS, Census Bureau/OMB), public domain"

# the SSA state codes CMS names a state's rural area by (the pricer's rows 01 ALABAMA ... 53 WYOMING;
# also the first two digits of a hospital's CCN)
SSA = {"AL": "01", "AK": "02", "AZ": "03", "AR": "04", "CA": "05", "CO": "06", "CT": "07", "DE": "08", "DC": "09",
       "FL": "10", "GA": "11", "HI": "12", "ID": "13", "IL": "14", "IN": "15", "IA": "16", "KS": "17", "KY": "18",
       "LA": "19", "ME": "20", "MD": "21", "MA": "22", "MI": "23", "MN": "24", "MS": "25", "MO": "26", "MT": "27",
       "NE": "28", "NV": "29", "NH": "30", "NJ": "31", "NM": "32", "NY": "33", "NC": "34", "ND": "35", "OH": "36",
       "OK": "37", "OR": "38", "PA": "39", "PR": "40", "RI": "41", "SC": "42", "SD": "43", "TN": "44", "TX": "45",
       "UT": "46", "VT": "47", "VA": "49", "WA": "50", "WV": "51", "WI": "52", "WY": "53"}
STATE_NAMES = {**{n.lower(): c for c, n in NAMES.items()}, "puerto rico": "PR"}
SUFFIX = re.compile(r"\s+(county|parish|borough|city and borough|census area|municipality|municipio|planning region)$")


def county_key(name: str) -> str:
    """'E. BATON ROUGE' and 'East Baton Rouge Parish', 'DE KALB' and 'DeKalb County', 'Bayamón
    Municipio' and 'BAYAMON' give the same key."""
    t = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(".", " ").strip()
    t = SUFFIX.sub("", re.sub(r"\s+", " ", t))
    t = re.sub(r"^e ", "east ", re.sub(r"^w ", "west ", t))
    t = re.sub(r"^(saint|sainte|ste) ", "st ", t)
    return re.sub(r"[^a-z]", "", t)


def delineation(path: Path) -> dict[tuple[str, str], dict]:
    """(state, county key) -> the county's row of Census's list1 (July 2023 delineations)."""
    import openpyxl

    rows = list(openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "CBSA Code")
    names = rows[head]
    out = {}
    for r in rows[head + 1:]:
        if not r or not r[0] or not str(r[0]).isdigit():
            continue
        row = dict(zip(names, r))
        state = STATE_NAMES[row["State Name"].lower()]
        out[(state, county_key(row["County/County Equivalent"]))] = row
    return out


def all_counties(path: Path) -> dict[tuple[str, str], str]:
    """(state, county key) -> county FIPS, from Census's national_county.txt (STATE,STATEFP,COUNTYFP,NAME,CLASSFP)."""
    with path.open(encoding="latin-1", newline="") as f:
        return {(r[0], county_key(r[3])): r[1] + r[2] for r in csv.reader(f) if len(r) >= 4}


def hospital_cbsa(hospitals: Path, delineated: dict, counties: dict) -> pa.Table:
    cols: dict[str, list] = {k: [] for k in ("ccn", "state", "state_code", "county", "county_fips", "cbsa", "area")}
    with hospitals.open(encoding="utf-8-sig", newline="") as f:
        for h in csv.DictReader(f):
            state, county = h["State"].strip().upper(), h["County/Parish"].strip()
            key = (state, county_key(county))
            if state == "DC":
                key = ("DC", county_key("District of Columbia"))
            row = delineated.get(key)
            fips = cbsa = area = None
            if state == "CT" or state not in SSA:
                pass  # Connecticut's planning regions, or a territory without a wage area
            elif row is not None:
                fips = f"{int(row['FIPS State Code']):02d}{int(row['FIPS County Code']):03d}"
                if row["Metropolitan/Micropolitan Statistical Area"].startswith("Metropolitan"):
                    cbsa = row["Metropolitan Division Code"] or row["CBSA Code"]
                    area = row["Metropolitan Division Title"] or row["CBSA Title"]
                else:
                    cbsa, area = SSA[state], f"rural {NAMES.get(state, 'Puerto Rico')}"
            elif key in counties:
                fips, cbsa, area = counties[key], SSA[state], f"rural {NAMES.get(state, 'Puerto Rico')}"
            for k, v in (("ccn", h["Facility ID"].strip().zfill(6)), ("state", state),
                         ("state_code", SSA.get(state)), ("county", county or None), ("county_fips", fips),
                         ("cbsa", cbsa), ("area", area)):
                cols[k].append(v)
    return check_table("hospital_cbsa", pa.table(cols)).sort_by([("ccn", "ascending")])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hospitals", type=Path, required=True, help="CMS Hospital General Information CSV")
    ap.add_argument("--delineation", type=Path, required=True, help="Census list1_2023.xlsx")
    ap.add_argument("--counties", type=Path, required=True, help="Census national_county.txt")
    ap.add_argument("--wage-index", type=Path, required=True, help="the OPPS Pricer's cbsa-wage-index-YYYY.csv")
    ap.add_argument("--hospitals-source", default="CMS Hospital General Information, released 2026-05-13, via "
                    "github.com/yashsingh43/hospital-readmissions-analysis @b19abaa7 data/raw/")
    ap.add_argument("--wage-index-source", default="CMS OPPS Pricer (Java) CBSA wage index, CY 2025, via "
                    "github.com/DSACMS/MedicareClaimsPricerSource @3f33ff56 opps-pricer/opps-pricer-application/")
    args = ap.parse_args(argv)

    areas = hospital_cbsa(args.hospitals, delineation(args.delineation), all_counties(args.counties))
    wage, start, end = read_opps_wage_index(args.wage_index)
    missing = sorted({c for c in areas.column("cbsa").to_pylist() if c} - set(wage.column("cbsa").to_pylist()))
    if missing:
        sys.exit(f"wage areas with no wage index in {args.wage_index.name}: {', '.join(missing)}")
    path = OUT / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))["releases"]
    for e in manifest:
        if e["table"] in ("hospital_cbsa", "opps_wage_index"):
            (OUT / e["file"]).unlink(missing_ok=True)
    manifest = [e for e in manifest if e["table"] not in ("hospital_cbsa", "opps_wage_index")]
    placed = sum(1 for c in areas.column("cbsa").to_pylist() if c)
    for table, data, eff, to, licence, source in (
        ("opps_wage_index", wage.sort_by([("cbsa", "ascending")]), start.isoformat(), end.isoformat(),
         "US government work (CMS), public domain",
         f"CMS OPPS Pricer wage index by CBSA (geographic and imputed floor columns): {args.wage_index_source}"),
        ("hospital_cbsa", areas, "2025-01-01", None, LICENCE,
         f"each hospital's wage area ({placed} of {areas.num_rows} placed): county from {args.hospitals_source}; "
         "county to CBSA (metropolitan division) from the Census Bureau's delineation file list1_2023.xlsx (OMB "
         "Bulletin 23-01, July 2023), via github.com/zy1130/PM2.5 @c32145da; all counties from Census "
         "national_county.txt, via github.com/mattmccreesh/traceroute_choropleth @20f56260"),
    ):
        file = release_file(table, None, eff)
        pq.write_table(data, OUT / file, compression="zstd", compression_level=19)
        manifest.append({"table": table, "setting": None, "file": file, "rows": data.num_rows, "effective_from": eff,
                         "effective_to": to, "source": source, "licence": licence})
        print(f"{file}: {data.num_rows} rows, {(OUT / file).stat().st_size // 1024} KiB")
    print(f"hospitals placed in a wage area: {placed} of {areas.num_rows}")
    path.write_text(json.dumps({"releases": manifest}, indent=1) + "\n")


if __name__ == "__main__":
    main()
