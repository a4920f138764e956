"""Build the OPPS wage-index tables shipped in the package: each hospital's wage area, and the wage
index of each area.

    python scripts/build_wage_areas.py --hospitals Hospital_General_Information.csv \
        --delineation list1_2023.xlsx --counties national_county.txt \
        --ct-towns acs22_cousub22_zcta520_st09.txt [--wage-index cbsa-wage-index-2025.csv]

- hospital_cbsa: each hospital of CMS's Hospital General Information file (the same release as the
  hospital directory, hospitals/data/SOURCES.md) placed in its county (its "County/Parish" column and
  state) and the county in its wage area under OMB's July 2023 delineations (Census list1_2023.xlsx):
  the metropolitan division where the county's metropolitan area has divisions, else the
  metropolitan area (CBSA); a county outside every metropolitan area (micropolitan or none) is in its
  state's rural area, named by its two-digit SSA state code as in CMS's wage index tables.
  Connecticut: OMB's 2023 delineations list its nine planning regions (county-equivalents 09110-09190),
  not the eight old counties the hospital file names, so a Connecticut hospital is placed by its
  "City/Town": each town is a county subdivision lying wholly in one planning region, and the Census
  Bureau's 2022 county subdivision GEOID (acs22_cousub22_zcta520_st09.txt) carries the region's code
  ("0911037000 Hartford town": 09110, Capitol Planning Region). A city that is a village, not a town
  (Willimantic, Stafford Springs, Mansfield Center), gets no wage area: no primary source here gives
  its town, and its ZIP code's towns lie in two planning regions.
  A county name found in neither list (misspelt in the CMS file) is placed only when its letters, in
  order, fit exactly one county of its state in Census's lists ("JEFFRSON DAVIS" -> Jefferson Davis
  Parish); a renamed county by the renaming notice (RENAMED). Any other gets no wage area: its OPPS
  amounts stay national.
- opps_wage_index: the OPPS Pricer's cbsa-wage-index-YYYY.csv, read as `data import opps-wage-index`
  reads it. Without --wage-index the shipped release stays and hospital_cbsa is checked against it.

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
# a county the CMS file names by its new name where the 2010 county list has the old one: Oglala Lakota
# County, SD ("as of May 1, 2015 ... Shannon County shall be officially renamed Oglala Lakota County",
# the county's Register of Deeds, oglalalakota.sdcounties.org, notice of 2015-04-20)
RENAMED = {("SD", "oglalalakota"): "shannon"}
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


def ct_towns(path: Path) -> dict[str, str]:
    """Connecticut town key -> its planning region's county-equivalent FIPS code ("hartford" -> "09110"),
    from a Census 2022 county subdivision relationship file (GEOID_COUSUB_22 = state, county-equivalent,
    county subdivision; NAMELSAD_COUSUB_22 = "Hartford town")."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="|"))
    out: dict[str, str] = {}
    for r in rows:
        geoid, name = r["GEOID_COUSUB_22"], r["NAMELSAD_COUSUB_22"]
        if geoid[:2] != "09" or geoid[5:] == "00000":  # "County subdivisions not defined" (water)
            continue
        key = county_key(re.sub(r"\s+town$", "", name))
        if out.setdefault(key, geoid[:5]) != geoid[:5]:
            sys.exit(f"{path.name}: town {name} in two planning regions")
    if len(out) != 169:  # Connecticut's 169 towns
        sys.exit(f"{path.name}: {len(out)} Connecticut towns, not 169")
    return out


def _fits(short: str, name: str) -> bool:
    """The letters of `short`, in order, are in `name` ("jeffrsondavis" in "jeffersondavis")."""
    it = iter(name)
    return all(c in it for c in short)


def misspelt(state: str, key: str, delineated: dict, counties: dict) -> tuple[str, str] | None:
    """The one county of `state` whose name (with its kind: "North Slope Borough" for "NORTH SLOPE BOROUH")
    holds the CMS name's letters in order, or None when none or several do."""
    names = {k for s, k in (*delineated, *counties) if s == state}
    kinds = ("", "county", "parish", "borough", "censusarea", "municipality")
    found = [k for k in names if any(_fits(key, k + kind) for kind in kinds)]
    return (state, found[0]) if len(found) == 1 else None


def all_counties(path: Path) -> dict[tuple[str, str], str]:
    """(state, county key) -> county FIPS, from Census's national_county.txt (STATE,STATEFP,COUNTYFP,NAME,CLASSFP)."""
    with path.open(encoding="latin-1", newline="") as f:
        return {(r[0], county_key(r[3])): r[1] + r[2] for r in csv.reader(f) if len(r) >= 4}


def hospital_cbsa(hospitals: Path, delineated: dict, counties: dict, towns: dict[str, str]) -> pa.Table:
    by_fips = {f"{int(r['FIPS State Code']):02d}{int(r['FIPS County Code']):03d}": r for r in delineated.values()}
    cols: dict[str, list] = {k: [] for k in ("ccn", "state", "state_code", "county", "county_fips", "cbsa", "area")}
    with hospitals.open(encoding="utf-8-sig", newline="") as f:
        for h in csv.DictReader(f):
            state, county = h["State"].strip().upper(), h["County/Parish"].strip()
            key = (state, county_key(county))
            if state == "DC":
                key = ("DC", county_key("District of Columbia"))
            if key not in delineated and key not in counties and state in SSA and state != "CT":
                key = (state, RENAMED[key]) if key in RENAMED else misspelt(state, key[1], delineated, counties) or key
            row = delineated.get(key)
            fips = cbsa = area = None
            if state == "CT":  # by town: the planning region (county-equivalent) of OMB's 2023 delineations
                fips = towns.get(county_key(h["City/Town"]))
                row = by_fips.get(fips)
            if state not in SSA:
                pass  # a territory without a wage area
            elif row is not None:
                fips = f"{int(row['FIPS State Code']):02d}{int(row['FIPS County Code']):03d}"
                if row["Metropolitan/Micropolitan Statistical Area"].startswith("Metropolitan"):
                    cbsa = row["Metropolitan Division Code"] or row["CBSA Code"]
                    area = row["Metropolitan Division Title"] or row["CBSA Title"]
                else:
                    cbsa, area = SSA[state], f"rural {NAMES.get(state, 'Puerto Rico')}"
            elif key in counties and state != "CT":
                fips, cbsa, area = counties[key], SSA[state], f"rural {NAMES.get(state, 'Puerto Rico')}"
            elif fips:  # a planning region in no CBSA (none in 2023)
                cbsa, area = SSA[state], f"rural {NAMES[state]}"
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
    ap.add_argument("--ct-towns", type=Path, required=True,
                    help="Census acs22_cousub22_zcta520_st09.txt (Connecticut towns with their 2022 GEOIDs)")
    ap.add_argument("--wage-index", type=Path, help="the OPPS Pricer's cbsa-wage-index-YYYY.csv (default: keep "
                    "the shipped opps_wage_index release)")
    ap.add_argument("--hospitals-source", default="CMS Hospital General Information, released 2026-05-13, via "
                    "github.com/yashsingh43/hospital-readmissions-analysis @b19abaa7 data/raw/")
    ap.add_argument("--wage-index-source", default="CMS OPPS Pricer (Java) CBSA wage index, CY 2025, via "
                    "github.com/DSACMS/MedicareClaimsPricerSource @3f33ff56 opps-pricer/opps-pricer-application/")
    args = ap.parse_args(argv)

    areas = hospital_cbsa(args.hospitals, delineation(args.delineation), all_counties(args.counties),
                          ct_towns(args.ct_towns))
    path = OUT / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))["releases"]
    tables = ("hospital_cbsa", "opps_wage_index") if args.wage_index else ("hospital_cbsa",)
    if args.wage_index:
        wage, start, end = read_opps_wage_index(args.wage_index)
        known = set(wage.column("cbsa").to_pylist())
    else:
        known = {c for e in manifest if e["table"] == "opps_wage_index"
                 for c in pq.read_table(OUT / e["file"], columns=["cbsa"]).column("cbsa").to_pylist()}
    missing = sorted({c for c in areas.column("cbsa").to_pylist() if c} - known)
    if missing:
        sys.exit(f"wage areas with no wage index: {', '.join(missing)}")
    for e in manifest:
        if e["table"] in tables:
            (OUT / e["file"]).unlink(missing_ok=True)
    manifest = [e for e in manifest if e["table"] not in tables]
    placed = sum(1 for c in areas.column("cbsa").to_pylist() if c)
    releases = [("hospital_cbsa", areas, "2025-01-01", None, LICENCE,
                 f"each hospital's wage area ({placed} of {areas.num_rows} placed): county from "
                 f"{args.hospitals_source}; county to CBSA (metropolitan division) from the Census Bureau's "
                 "delineation file list1_2023.xlsx (OMB Bulletin 23-01, July 2023), via github.com/zy1130/PM2.5 "
                 "@c32145da; all counties from Census national_county.txt, via "
                 "github.com/mattmccreesh/traceroute_choropleth @20f56260; Connecticut town to planning region "
                 "from Census acs22_cousub22_zcta520_st09.txt, via "
                 "github.com/MatteusSchmidt/Incomplete-Gentrification.Honors-Thesis @add51730")]
    if args.wage_index:
        releases.insert(0, ("opps_wage_index", wage.sort_by([("cbsa", "ascending")]), start.isoformat(),
                            end.isoformat(), "US government work (CMS), public domain",
                            "CMS OPPS Pricer wage index by CBSA (geographic and imputed floor columns): "
                            f"{args.wage_index_source}"))
    for table, data, eff, to, licence, source in releases:
        file = release_file(table, None, eff)
        pq.write_table(data, OUT / file, compression="zstd", compression_level=19)
        manifest.append({"table": table, "setting": None, "file": file, "rows": data.num_rows, "effective_from": eff,
                         "effective_to": to, "source": source, "licence": licence})
        print(f"{file}: {data.num_rows} rows, {(OUT / file).stat().st_size // 1024} KiB")
    print(f"hospitals placed in a wage area: {placed} of {areas.num_rows}")
    path.write_text(json.dumps({"releases": manifest}, indent=1) + "\n")


if __name__ == "__main__":
    main()
