"""Convert a CMS Hospital General Information CSV into the hospital directory shipped in the package.

    python scripts/build_hospitals.py FILE.csv --released 2026-05-13 --source "TEXT"

Writes src/billadvocate/hospitals/data/hospitals-<released>.parquet (only the columns the directory
uses, see hospitals/cms_file.py) and its entry in hospitals/data/manifest.json. Record where the file
came from in hospitals/data/SOURCES.md. The product reads only these files, never the network.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from billadvocate.hospitals.cms_file import read_hospital_file  # noqa: E402

OUT = ROOT / "src" / "billadvocate" / "hospitals" / "data"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--released", required=True, help="the CMS release date of the file (YYYY-MM-DD)")
    ap.add_argument("--source", required=True, help="where the file came from (for the manifest)")
    args = ap.parse_args(argv)
    table = read_hospital_file(args.file).sort_by([("ccn", "ascending")])
    name = f"hospitals-{args.released}.parquet"
    OUT.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, OUT / name, compression="zstd", compression_level=19)
    entry = {"table": "hospitals", "setting": None, "file": name, "rows": table.num_rows,
             "effective_from": args.released, "effective_to": None, "source": args.source,
             "licence": "US government public data (CMS), public domain",
             "sha256_of_csv": hashlib.sha256(args.file.read_bytes()).hexdigest()}
    (OUT / "manifest.json").write_text(json.dumps({"releases": [entry]}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT / name}: {table.num_rows} hospitals")


if __name__ == "__main__":
    main()
