"""Convert the CMS payment files of the price yardsticks into the snapshot shipped in the package.

    python scripts/build_yardsticks.py DIR

DIR holds the CMS files as published (their names below; where each public copy was found, with
its commit, is in src/billadvocate/reference/data/SOURCES.md). The files are read with the same
readers as `billadvocate data import KIND FILE`, so only the columns the audit uses are kept (no
descriptors); each release whose file is in DIR replaces its Parquet file and manifest entry, a
release whose file is not there keeps the shipped ones, and other tables' entries are left alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from billadvocate.reference.catalog import release_file  # noqa: E402
from billadvocate.reference.importer import YARDSTICKS  # noqa: E402

OUT = ROOT / "src" / "billadvocate" / "reference" / "data"
LICENCE = "US government work (CMS), public domain; HCPCS/CPT code numbers only, no AMA descriptors kept"

# kind, file name as published, effective period, where the public copy was found
SHIPPED = [
    ("opps", "january_2019_opps_web_addendum_b.12312018.xlsx", "2019-01-01", "2019-03-31",
     "CMS OPPS Addendum B, January 2019 (CY 2019, the workbook of 12/31/2018), via github.com/softek/CMS.HCPCS "
     "@b0e22c2d january_2019_opps_web_addendum_b.12312018.xlsx"),
    ("opps", "January 2020 Addendum B CORRECTION.02042020.xlsx", "2020-01-01", "2020-03-31",
     "CMS OPPS Addendum B, January 2020 (CY 2020, the correction of 02/04/2020), via github.com/softek/CMS.HCPCS "
     "@b0e22c2d January 2020 Addendum B CORRECTION.02042020.xlsx"),
    ("opps", "2021_January_Web_Addendum_B.12.29.20.xlsx", "2021-01-01", "2021-03-31",
     "CMS OPPS Addendum B, January 2021 (CY 2021, the workbook of 12/29/2020), via github.com/softek/CMS.HCPCS "
     "@b0e22c2d 2021_January_Web_Addendum_B.12.29.20.xlsx"),
    ("opps", "January_2022_Web_Addendum_B.01.10.22.xlsx", "2022-01-01", "2022-03-31",
     "CMS OPPS Addendum B, January 2022 (CY 2022, the workbook of 01/10/2022), via github.com/softek/CMS.HCPCS "
     "@b0e22c2d January_2022_Web_Addendum_B.01.10.22.xlsx"),
    ("opps", "2023_January_Web_Addendum_B.12212022.xlsx", "2023-01-01", "2023-03-31",
     "CMS OPPS Addendum B, January 2023 (CY 2023, the workbook of 12/21/2022), via github.com/softek/CMS.HCPCS "
     "@b0e22c2d 2023_January_Web_Addendum_B.12212022.xlsx"),
    ("opps", "Section 508 version of January_Web_2024_Addendum_B.04.24.24.csv", "2024-01-01", "2024-03-31",
     "CMS OPPS Addendum B, January 2024 (CY 2024, corrected 04/24/2024), via github.com/QuicksortRx/universal-med-ids "
     "@12210a88 src/medicare_part_b/data/"),
    ("opps", "Section 508 version of January 2025 Web Addendum B.12.31.24.csv", "2025-01-01", "2025-03-31",
     "CMS OPPS Addendum B, January 2025 (CY 2025 Q1, corrected 12/31/2024), via github.com/QuicksortRx/universal-med-ids "
     "@f5688f2f src/medicare_part_b/data/"),
    ("opps", "Section 508 of July 2025 Web Addendum B.07.25.25.csv", "2025-07-01", "2025-09-30",
     "CMS OPPS Addendum B, July 2025 (CY 2025 Q3, corrected 07/25/2025), via github.com/QuicksortRx/universal-med-ids "
     "@22e8c140 src/medicare_part_b/data/"),
    ("opps", "508 version of October 2025 Web Addendum B.10.31.25.csv", "2025-10-01", "2025-12-31",
     "CMS OPPS Addendum B, October 2025 (CY 2025 Q4, corrected 10/31/2025), via github.com/QuicksortRx/universal-med-ids "
     "@ac12e987 src/medicare_part_b/data/"),
    ("clfs", "24clabq4.zip", "2024-10-01", "2024-12-31",
     "CMS Clinical Laboratory Fee Schedule 2024 Q4 (24CLABQ4, CLFS 2024 Q4V1; CY 2024), via "
     "github.com/supri-7815/CMS_FeeSchedule_Automation @c26c9b97 Downloads/24clabq4.zip"),
    ("clfs", "CLFS 2025 Q1V1.csv", "2025-01-01", "2025-03-31",
     "CMS Clinical Laboratory Fee Schedule 2025 Q1 (25CLABQ1, CLFS 2025 Q1V1), via github.com/mike-cochran/cms-ffs-processing "
     "@73df1f7e Inputs/Lab/25CLABQ1/"),
    ("clfs", "CLFS 2025 Q2V1.csv", "2025-04-01", "2025-06-30",
     "CMS Clinical Laboratory Fee Schedule 2025 Q2 (25CLABQ2, CLFS 2025 Q2V1), via github.com/som-shahlab/opt-paradox "
     "@12ea84aa data/"),
    ("clfs", "clfs_cy25_q4v1.zip", "2025-10-01", "2025-12-31",
     "CMS Clinical Laboratory Fee Schedule 2025 Q4 (CLFS_CY25_Q4V1, CLFS 2025 Q4V1), via "
     "github.com/supri-7815/CMS_FeeSchedule_Automation @c26c9b97 Downloads/clfs_cy25_q4v1.zip"),
    ("asp", "section 508 version of January 2024 ASP Pricing File 121223.csv", "2024-01-01", "2024-03-31",
     "CMS ASP pricing file, January 2024 (effective 2024-01-01 through 2024-03-31), via "
     "github.com/QuicksortRx/universal-med-ids @7ab93960 src/medicare_part_b/data/"),
    ("asp", "section 508 version of April 2024 ASP Pricing File 032124.csv", "2024-04-01", "2024-06-30",
     "CMS ASP pricing file, April 2024 (effective 2024-04-01 through 2024-06-30), via "
     "github.com/QuicksortRx/universal-med-ids @7aa18d91 src/medicare_part_b/data/"),
    ("asp", "section 508 version of Jul 2024 ASP Pricing File 062024.csv", "2024-07-01", "2024-09-30",
     "CMS ASP pricing file, July 2024 (effective 2024-07-01 through 2024-09-30), via "
     "github.com/QuicksortRx/universal-med-ids @5a9f839e src/medicare_part_b/data/"),
    ("asp", "section 508 version of Oct 2024 ASP Pricing File 091824.csv", "2024-10-01", "2024-12-31",
     "CMS ASP pricing file, October 2024 (effective 2024-10-01 through 2024-12-31), via "
     "github.com/QuicksortRx/universal-med-ids @95cb304d src/medicare_part_b/data/"),
    ("asp", "section 508 version of Jan 2025 ASP Pricing File updated 030725.csv", "2025-01-01", "2025-03-31",
     "CMS ASP pricing file, January 2025 (effective 2025-01-01 through 2025-03-31, updated 03/07/2025), via "
     "github.com/mike-cochran/cms-ffs-processing @73df1f7e Inputs/ASP/2025/"),
    ("asp", "section 508 version of APR 2025 ASP Pricing File 032725.csv", "2025-04-01", "2025-06-30",
     "CMS ASP pricing file, April 2025 (effective 2025-04-01 through 2025-06-30), via "
     "github.com/QuicksortRx/universal-med-ids @f9df3be2 src/medicare_part_b/data/"),
    ("asp", "section 508 verision of JUL 2025 ASP Pricing File 062325.csv", "2025-07-01", "2025-09-30",
     "CMS ASP pricing file, July 2025 (effective 2025-07-01 through 2025-09-30), via "
     "github.com/QuicksortRx/universal-med-ids @8dd5ac41 src/medicare_part_b/data/"),
    ("asp", "section 508 version of Oct 2025 ASP Pricing File 091725.csv", "2025-10-01", "2025-12-31",
     "CMS ASP pricing file, October 2025 (effective 2025-10-01 through 2025-12-31), via "
     "github.com/QuicksortRx/universal-med-ids @4d20cf4b src/medicare_part_b/data/"),
    ("asp", "section 508 version of January 2026 Medicare Part B Payment Limit File 121725.csv", "2026-01-01",
     "2026-03-31", "CMS ASP pricing file (Medicare Part B payment limit file), January 2026 (effective 2026-01-01 "
     "through 2026-03-31), via github.com/QuicksortRx/universal-med-ids @f59da6d2 src/medicare_part_b/data/"),
    ("dmepos", "DMEPOS_OCT.csv", "2024-10-01", "2024-12-31",
     "CMS DMEPOS fee schedule, October 2024 (DME24-D quarterly file, DMEPOS_OCT; CY 2024, every January 2024 fee "
     "unchanged), via github.com/AlluguriSrikrishnateja/DME-Fee-Flow @4f22aac6 extracted/dme24-d/"),
    ("dmepos", "DMEPOS_JAN.csv", "2025-01-01", "2025-03-31",
     "CMS DMEPOS fee schedule, January 2025 (DME25 quarterly file, DMEPOS_JAN), via github.com/mike-cochran/cms-ffs-processing "
     "@73df1f7e Inputs/DME/2025/dme25/"),
    ("msdrg", "drgstable-2025.csv", "2024-10-01", "2025-09-30",
     "CMS IPPS Pricer (Java, v2.12, FY 2025 final rule CMS-1808-F) DRG table, weights with the 10% cap applied, via "
     "github.com/DSACMS/MedicareClaimsPricerSource @2255c69f ipps-pricer/ipps-pricer-application/"),
    ("msdrg", "drgstable-2026.csv", "2025-10-01", "2026-09-30",
     "CMS IPPS Pricer (Java, v2.12, FY 2026 final rule CMS-1833-F) DRG table, weights with the 10% cap applied, via "
     "github.com/DSACMS/MedicareClaimsPricerSource @2255c69f ipps-pricer/ipps-pricer-application/"),
]
SORT = {"opps": ["hcpcs"], "clfs": ["hcpcs", "modifier"], "asp": ["hcpcs"], "dmepos": ["hcpcs", "state", "modifier"],
        "msdrg": ["drg"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    folder = ap.parse_args().dir
    path = OUT / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))["releases"]
    present = [entry for entry in SHIPPED if (folder / entry[1]).is_file()]
    if not present:
        sys.exit(f"none of the CMS files named in SHIPPED is in {folder}")
    files = {release_file(YARDSTICKS[kind][0], None, start) for kind, _, start, *_ in present}
    for file in files:
        (OUT / file).unlink(missing_ok=True)
    manifest = [e for e in manifest if e["file"] not in files]
    for kind, name, start, end, source in present:
        table_name, reader, what = YARDSTICKS[kind]
        data, _, _ = reader(folder / name)
        data = data.sort_by([(c, "ascending") for c in SORT[table_name]])
        file = release_file(table_name, None, start)
        pq.write_table(data, OUT / file, compression="zstd", compression_level=19, row_group_size=256_000)
        manifest.append({"table": table_name, "setting": None, "file": file, "rows": data.num_rows,
                         "effective_from": start, "effective_to": end, "source": f"{what}: {source}",
                         "licence": LICENCE})
        print(f"{file}: {data.num_rows} rows, {(OUT / file).stat().st_size // 1024} KiB")
    # each table stays where it was in the manifest, its releases in date order
    first = {}
    for i, e in enumerate(manifest):
        first.setdefault(e["table"], i)
    manifest.sort(key=lambda e: (first[e["table"]], e["effective_from"]))
    path.write_text(json.dumps({"releases": manifest}, indent=1) + "\n")


if __name__ == "__main__":
    main()
