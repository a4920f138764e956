"""Audit speed, with ratios against baselines measured in the same run.

    python benchmarks/audit.py [--lines 10000000] [--threads 2] [--runs 3]

1. A 300-line bill, whole process `billadvocate audit bill.csv --json`: wall time (target < 1 s),
   and its ratio to the bare start-up of the CLI (`billadvocate --version`).
2. The rule engine over N synthetic claim lines (default 10 million, 10 lines a claim) already in
   DuckDB: lines per second (target >= 1,000,000 on 2 cores) and the ratio to a hand-written DuckDB
   query of the same rules on the same data in the same process (target <= 1.5).
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import duckdb  # noqa: E402

from billadvocate.audit.engine import audit_at_scale  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hand_sql import HAND_WRITTEN  # noqa: E402

AS_OF = date(2026, 11, 28)
CODES = ["99285", "99284", "85025", "80053", "80048", "82565", "84484", "93005", "93000", "71046", "96374",
         "96375", "J2405", "J1100", "36415", "72148", "70551", "80061", "81001", "87086", "99213", "99214",
         "20610", "29881", "29880", "G0378", "A9579", "74177", "76700", "93010"]


def run(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t


def whole_process(runs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        bill = Path(tmp) / "bill.csv"
        with bill.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["line", "date", "code", "description", "units", "charge", "modifiers"])
            for i in range(300):
                w.writerow([i + 1, f"2025-03-{1 + i % 28:02d}", CODES[i % len(CODES)], f"SERVICE {i}",
                            1 + i % 3, f"{50 + (i * 37) % 900}.00", "59" if i % 11 == 0 else ""])
        env["BILLADVOCATE_HOME"] = tmp
        py = [sys.executable, "-m", "billadvocate"]
        run(py + ["audit", str(bill), "--json"], env)  # warm the file cache
        base = statistics.median(run(py + ["--version"], env) for _ in range(runs))
        audit = statistics.median(run(py + ["audit", str(bill), "--setting", "outpatient", "--json"], env)
                                  for _ in range(runs))
    print(f"300-line bill, whole process: {audit:.2f} s wall (target < 1 s); CLI start-up alone {base:.2f} s; "
          f"ratio {audit / base:.2f}x")


def synthetic(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """n lines, 10 per claim, from a pool of real codes; a few duplicates, modifiers and errors."""
    codes = ", ".join(f"'{c}'" for c in CODES)
    con.execute(f"""
        CREATE OR REPLACE TABLE lines AS
        WITH pool AS (SELECT unnest([{codes}]) AS code), p AS (SELECT list(code) AS codes FROM pool)
        SELECT 'c' || (i // 10) AS source, (i % 10 + 1)::BIGINT AS line,
               (DATE '2024-08-01' + ((i // 10) % 90)::INTEGER + (CASE WHEN i % 10 >= 8 THEN 1 ELSE 0 END)::INTEGER) AS service_date,
               p.codes[1 + (hash(i // 3) % {len(CODES)})::INTEGER] AS code, NULL::VARCHAR AS revenue_code,
               'SERVICE' AS description, (1 + hash(i) % 3)::DECIMAL(12,3) AS units,
               (40 + hash(i + 7) % 900)::DECIMAL(14,2) AS charge,
               CASE WHEN i % 5 = 0 THEN ((40 + hash(i + 7) % 900) / (1 + hash(i) % 3))::DECIMAL(14,2) END AS unit_price,
               CASE WHEN i % 13 = 0 THEN ['59'] ELSE []::VARCHAR[] END AS modifiers,
               NULL::VARCHAR AS ndc, NULL::VARCHAR AS provider, NULL::VARCHAR AS claim_id, i % 997 = 0 AS not_received
        FROM range({n}) t(i), p
    """)
    con.execute(f"""
        CREATE OR REPLACE TABLE bills AS
        SELECT 'c' || c AS source, NULL::DECIMAL(14,2) AS stated_total, NULL::DECIMAL(14,2) AS payments,
               NULL::DECIMAL(14,2) AS adjustments, NULL::DECIMAL(14,2) AS stated_balance,
               DATE '2024-08-01' + (c % 90)::INTEGER AS care_start, DATE '2024-08-01' + (c % 90)::INTEGER AS care_end,
               CASE WHEN c % 2 = 0 THEN 'outpatient' ELSE 'professional' END AS setting,
               c % 7 = 0 AS emergency, CASE WHEN c % 3 = 0 THEN 'uninsured' ELSE 'insured' END AS insurance_status,
               'hospital' AS provider_kind, c % 5 <> 0 AS in_network, NULL::BOOLEAN AS facility_in_network,
               'CA' AS state, NULL::DECIMAL(14,2) AS balance,
               CASE WHEN c % 11 = 0 THEN 500 END::DECIMAL(14,2) AS gfe_total, c % 2 = 0 AS nonprofit,
               38::DECIMAL(8,2) AS fap_agb_percent, 200::DECIMAL(8,2) AS fap_free_fpl, 400::DECIMAL(8,2) AS fap_discount_fpl,
               (100 + c % 400)::DECIMAL(8,2) AS fpl_percent, c % 4 <> 0 AS has_eob,
               '01112' AS pfs_mac, '56' AS pfs_locality, NULL::VARCHAR AS price_key, NULL::VARCHAR AS price_plan
        FROM range({n // 10}) t(c)
    """)


def engine_at_scale(n: int, threads: int) -> None:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    t = time.perf_counter()
    synthetic(con, n)
    print(f"synthetic data: {n:,} lines, {n // 10:,} claims in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    found = audit_at_scale(con, as_of=AS_OF)
    engine = time.perf_counter() - t
    # the baseline: the same rules written by hand as one query over the same tables (it reads the
    # reference views and law tables the engine's prepare step registered)
    t = time.perf_counter()
    con.execute(f"CREATE OR REPLACE TABLE hand_findings AS {HAND_WRITTEN}")
    hand_n = con.execute("SELECT count(*) FROM hand_findings").fetchone()[0]
    hand = time.perf_counter() - t
    print(f"rule engine: {n / engine:,.0f} lines/s ({engine:.1f} s, {found:,} findings; target >= 1,000,000 "
          f"on {threads} threads)")
    same = con.execute("SELECT count(*) FROM (SELECT rule, source, lines, amount FROM findings "
                       "EXCEPT ALL SELECT rule, source, lines, CAST(amount AS DECIMAL(14,2)) FROM hand_findings)").fetchone()[0]
    print(f"hand-written query of the same rules: {hand:.1f} s ({hand_n:,} findings, {same} differ); engine/hand ratio "
          f"{engine / hand:.2f}x (target <= 1.5)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-process", action="store_true")
    args = ap.parse_args()
    if not args.skip_process:
        whole_process(args.runs)
    engine_at_scale(args.lines, args.threads)


if __name__ == "__main__":
    main()
