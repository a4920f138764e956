"""Convert ../shared/data into the reference snapshot shipped in the package (run by maintainers).

    python scripts/build_reference.py [--shared ../shared/data]

Writes src/billadvocate/reference/data/*.parquet and manifest.json (source, licence and effective
period per table). The product never reads ../shared at run time; it reads only these files.
No AMA CPT descriptors are written: the PFS file used has none, and HCPCS Level II is CMS's own.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from billadvocate.reference.catalog import check_table, release_file  # noqa: E402
from billadvocate.reference.cms_files import read_hcpcs  # noqa: E402

OUT = ROOT / "src" / "billadvocate" / "reference" / "data"
YARDSTICK_TABLES = {"opps", "clfs", "asp", "dmepos"}
NCCI_SOURCE = ("CMS National Correct Coding Initiative quarterly files, effective 2024-07-01 (2024 Q3), "
               "via github.com/andrewallenbruce/northstar @a37fd498 (Apache-2.0 packaging of CMS public data)")
NCCI_LICENCE = "US government public data (CMS); CPT code numbers only, no AMA descriptors"
PFS_SOURCE = ("CMS Physician Fee Schedule relative value file RVU24C (PPRRVU24_JUL, GPCI2024, 24LOCCO), "
              "via github.com/andrewallenbruce/arkrvu @6431dd5f (MIT); descriptors removed")


def write(con, table: str, setting: str | None, sql: str, meta: dict, manifest: list) -> None:
    data = check_table(table, con.sql(sql).to_arrow_table())
    name = release_file(table, setting, meta["effective_from"])
    sort = {"ncci_ptp": ["column_1", "column_2"], "mue": ["code"], "pfs_rvu": ["hcpcs"],
            "hcpcs": ["code"], "ncci_aoc": ["add_on_code"], "gpci": ["mac", "locality"]}[table]
    data = data.sort_by([(c, "ascending") for c in sort])
    pq.write_table(data, OUT / name, compression="zstd", compression_level=19, row_group_size=128_000)
    manifest.append({"table": table, "setting": setting, "file": name, "rows": data.num_rows, **meta})
    print(f"{name}: {data.num_rows} rows, {(OUT / name).stat().st_size // 1024} KiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data")
                    if p.exists()), ROOT.parent / "shared" / "data")
    ap.add_argument("--shared", type=Path, default=default)
    shared = ap.parse_args().shared
    OUT.mkdir(parents=True, exist_ok=True)
    # the price yardsticks (opps, clfs, asp, dmepos) are built by build_yardsticks.py: kept as they are
    kept = [e for e in json.loads((OUT / "manifest.json").read_text()).get("releases", [])
            if e["table"] in YARDSTICK_TABLES] if (OUT / "manifest.json").is_file() else []
    for old in OUT.glob("*.parquet"):
        if old.name not in {e["file"] for e in kept}:
            old.unlink()
    con = duckdb.connect()
    manifest: list[dict] = []
    ncci = shared / "ncci" / "northstar_2024q3"
    q3 = {"effective_from": "2024-07-01", "effective_to": "2024-09-30", "source": NCCI_SOURCE,
          "licence": NCCI_LICENCE}
    for setting, part in (("professional", "prac"), ("outpatient", "out")):
        write(con, "ncci_ptp", setting, f"""
            SELECT column_1, column_2, NULL::DATE AS effective_date, TRY_CAST(deletion_date AS DATE) AS deletion_date,
                   modifier_indicator::TINYINT AS modifier_indicator, ptp_edit_rationale AS rationale
            FROM read_csv('{ncci}/ncci_ptp_{part}_2024q3_active_pairs.csv.gz', all_varchar=true)""",
              {**q3, "note": "active pairs on 2024-07-01; CMS effective dates were not in the source"}, manifest)
    for setting, part in (("professional", "prac"), ("outpatient", "out"), ("dme", "dme")):
        write(con, "mue", setting, f"""
            SELECT hcpcs_code AS code, mue_units::INT AS mue_units, mue_mai::TINYINT AS mai, mue_rationale AS rationale
            FROM read_csv('{ncci}/ncci_mue_{part}_2024q3.csv', all_varchar=true)""", q3, manifest)
    write(con, "ncci_aoc", None, f"""
        SELECT primary_code, add_on_code, aoc_edit_type::TINYINT AS edit_type
        FROM read_csv('{ncci}/ncci_aoc_2024q3.csv', all_varchar=true)""", q3, manifest)
    pfs = shared / "pfs_rvu" / "cy2024_rvu24c_from_arkrvu"
    pfs_meta = {"effective_from": "2024-07-01", "effective_to": "2024-09-30", "source": PFS_SOURCE,
                "licence": "US government public data (CMS); CPT code numbers only, no AMA descriptors"}
    write(con, "pfs_rvu", None, f"""
        SELECT hcpcs, NULLIF(mod, '') AS modifier, status_code AS status,
               coalesce(TRY_CAST(work_rvu AS DOUBLE), 0) AS work_rvu,
               coalesce(TRY_CAST(non_fac_pe_rvu AS DOUBLE), 0) AS pe_nonfacility_rvu,
               coalesce(TRY_CAST(facility_pe_rvu AS DOUBLE), 0) AS pe_facility_rvu,
               coalesce(TRY_CAST(mp_rvu AS DOUBLE), 0) AS mp_rvu, pctc_ind AS pctc, glob_days AS global_days
        FROM read_csv('{pfs}/pprrvu_rvu24c_jul_no_descriptors.csv', all_varchar=true)""", pfs_meta, manifest)
    write(con, "gpci", None, f"""
        SELECT DISTINCT g.mac, g.state, g.locality_number AS locality, g.locality_name, coalesce(l.counties, '') AS counties,
               g.gpci_work::DOUBLE AS gpci_work, g.gpci_pe::DOUBLE AS gpci_pe, g.gpci_mp::DOUBLE AS gpci_mp
        FROM read_csv('{pfs}/gpci_rvu24c.csv', all_varchar=true) g
        LEFT JOIN read_csv('{pfs}/locco_rvu24c.csv', all_varchar=true) l
          ON l.mac = g.mac AND l.locality_number = g.locality_number""",
          {**pfs_meta, "effective_from": "2024-01-01"}, manifest)
    hcpcs = read_hcpcs(shared / "hcpcs_level2" / "cms_2019_alpha_numeric" / "HCPC2019_CONTR_ANWEB.txt")
    con.register("hcpcs_in", hcpcs)
    write(con, "hcpcs", None, "SELECT * FROM hcpcs_in", {
        "effective_from": "2019-01-01", "effective_to": "2019-12-31",
        "source": "CMS HCPCS Level II 2019 alpha-numeric file (HCPC2019_CONTR_ANWEB), via github.com/dewittpe/cms.hcpcs @7b317689",
        "licence": "US government public data (CMS); Level II only, no CPT",
        "note": "descriptions of Level II codes only; stale (2019): import a current file with `billadvocate data import hcpcs`"},
          manifest)
    (OUT / "manifest.json").write_text(json.dumps({"releases": manifest + kept}, indent=1) + "\n")


if __name__ == "__main__":
    main()
