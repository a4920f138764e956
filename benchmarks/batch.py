"""Benchmark `batch audit`: lines per second, the ratio to a hand-written DuckDB query of the same
rules on the same data in the same process, and peak memory.

    python benchmarks/batch.py                    # 10 million synthetic lines
    python benchmarks/batch.py --lines 100000000  # the 100-million-line run from Parquet
    python benchmarks/batch.py --spark            # add the Spark engine's figure (slow on one machine)

Each measured run happens in its own child process so that its peak memory (max RSS) is its own.
The synthetic claims look like a professional claims extract: 8 lines a claim, common codes, about
2% duplicate lines, NCCI pairs and MUE excesses at realistic rates.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CODES = ["99213", "99214", "80053", "85025", "36415", "71046", "93000", "97110", "J1100", "82565"]
SAME_RULES = ["BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.MUE"]


def make_claims(path: Path, lines: int) -> None:
    import duckdb

    codes = "[" + ", ".join(f"'{c}'" for c in CODES) + "]"
    duckdb.connect().execute(f"""
        COPY (
          SELECT 'P' || (i // 40) AS patient_id, 'C' || (i // 8) AS claim_id, (i % 8) + 1 AS line,
                 DATE '2024-08-01' + CAST((i // 8) % 150 AS INTEGER) AS service_date,
                 CASE WHEN hash(i) % 50 = 0 AND i % 8 > 0 THEN {codes}[1 + CAST(hash(i - 1) % 10 AS INTEGER)]
                      ELSE {codes}[1 + CAST(hash(i) % 10 AS INTEGER)] END AS code,
                 CASE WHEN hash(i * 7) % 100 = 0 THEN 6 ELSE 1 END AS units,
                 CAST(25 + hash(i // 8) % 200 AS DECIMAL(14,2)) AS charge,
                 CASE WHEN hash(i * 3) % 25 = 0 THEN '59' ELSE '' END AS modifiers,
                 'Clinic ' || ((i // 8) % 700) AS provider
          FROM range({lines}) t(i)
        ) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 500000)""")


HAND_WRITTEN = """
WITH l AS (
  SELECT claim_id, line, service_date, code, units, charge,
         regexp_matches(' ' || array_to_string(modifiers, ' ') || ' ', ' (76|77|91|59|XE|XS|XP|XU) ') AS repeat_mod,
         regexp_matches(' ' || array_to_string(modifiers, ' ') || ' ',
                        ' (E1|E2|E3|E4|FA|F1|F2|F3|F4|F5|F6|F7|F8|F9|LC|LD|LM|LT|RC|RI|RT|TA|T1|T2|T3|T4|T5|T6|T7|T8|T9|24|25|57|58|78|79|27|59|91|XE|XS|XP|XU) ') AS bypass
  FROM staged
), p AS (
  SELECT column_1, column_2, modifier_indicator FROM ref_ncci_ptp
  WHERE setting = 'professional' AND column_1 IN (SELECT code FROM l) AND column_2 IN (SELECT code FROM l)
), dup AS (
  SELECT 'BILL.DUPLICATE' AS rule, claim_id, list(line ORDER BY line) AS lines, charge * (count(*) - 1) AS amount
  FROM l WHERE charge > 0 AND NOT repeat_mod
  GROUP BY claim_id, code, service_date, units, charge HAVING count(*) > 1
), ptp AS (
  SELECT 'BILL.NCCI_PTP' AS rule, c2.claim_id, list(DISTINCT c1.line) || [c2.line] AS lines, min(c2.charge) AS amount
  FROM l c1 JOIN l c2 ON c1.claim_id = c2.claim_id AND c1.service_date = c2.service_date AND c1.line <> c2.line
  JOIN p ON p.column_1 = c1.code AND p.column_2 = c2.code
  WHERE p.modifier_indicator = 0 OR (p.modifier_indicator = 1 AND NOT c1.bypass AND NOT c2.bypass)
  GROUP BY c2.claim_id, c2.line
), mue AS (
  SELECT 'BILL.MUE' AS rule, l.claim_id, list(l.line ORDER BY l.line) AS lines,
         round(sum(l.charge) / sum(l.units) * (sum(l.units) - min(m.mue_units)), 2) AS amount
  FROM l JOIN ref_mue m ON m.setting = 'professional' AND m.code = l.code
  GROUP BY l.claim_id, l.service_date, l.code HAVING sum(l.units) > min(m.mue_units)
)
SELECT * FROM dup UNION ALL SELECT * FROM ptp UNION ALL SELECT * FROM mue
"""


def child_engine(claims: str, out: str, rules: str) -> dict:
    from datetime import date

    from billadvocate.batch.run import run_batch

    started = time.perf_counter()
    run = run_batch([claims], out, as_of=date(2026, 11, 28), setting="professional",
                    rule_ids=None if rules == "all" else rules.split(","))
    return {"seconds": time.perf_counter() - started, "findings": run.findings, "lines": run.lines}


def child_hand(claims: str, out: str) -> dict:
    import duckdb

    from billadvocate.reference import register

    started = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET memory_limit = '3GB'")
    con.execute(f"SET temp_directory = '{out}/duck_tmp'")
    con.execute("SET disabled_optimizers = 'build_side_probe_side'")  # as the engine does
    register(con, None)
    con.execute("CREATE VIEW staged AS SELECT * REPLACE (list_filter(string_split(modifiers, ' '), "
                f"lambda m: m <> '') AS modifiers) FROM read_parquet('{claims}')")
    con.execute(f"COPY ({HAND_WRITTEN}) TO '{out}/hand.parquet' (FORMAT parquet)")
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/hand.parquet')").fetchone()[0]
    return {"seconds": time.perf_counter() - started, "findings": n}


def child_spark(claims: str, out: str) -> dict:
    from datetime import date

    from billadvocate.batch.spark import run_batch_spark

    started = time.perf_counter()
    run = run_batch_spark([claims], out, as_of=date(2026, 11, 28), setting="professional", master="local[2]")
    return {"seconds": time.perf_counter() - started, "findings": run.findings, "lines": run.lines}


def measure(kind: str, *args: str) -> dict:
    """Run one measurement in a child process; returns its result with its own peak memory."""
    p = subprocess.run([sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"{kind} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--spark", action="store_true")
    ap.add_argument("--child", nargs="+")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        fn = {"engine": child_engine, "hand": child_hand, "spark": child_spark}[kind]
        result = fn(*rest)
        result["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        claims = Path(tmp) / "claims.parquet"
        t = time.perf_counter()
        make_claims(claims, args.lines)
        print(f"synthetic claims: {args.lines:,} lines, {claims.stat().st_size / 1e6:.0f} MB Parquet "
              f"({time.perf_counter() - t:.1f} s to make)")
        hand = measure("hand", str(claims), tmp)
        same = measure("engine", str(claims), str(Path(tmp) / "same"), ",".join(SAME_RULES))
        full = measure("engine", str(claims), str(Path(tmp) / "full"), "all")
        rows = [("hand-written DuckDB query (DUPLICATE, NCCI_PTP, MUE)", hand),
                ("batch audit, the same 3 rules", same),
                ("batch audit, every rule", full)]
        if args.spark:
            rows.append(("batch audit --engine spark, every rule", measure("spark", str(claims), str(Path(tmp) / "spark"))))
        print(f"{'run':<58}{'seconds':>9}{'lines/s':>14}{'findings':>12}{'peak MB':>9}")
        for name, r in rows:
            print(f"{name:<58}{r['seconds']:>9.1f}{args.lines / r['seconds']:>14,.0f}{r['findings']:>12,}{r['peak_mb']:>9,}")
        print(f"ratio batch (same rules) / hand-written: {same['seconds'] / hand['seconds']:.2f}x  (target <= 1.5x)")
        print(f"full rule set: {args.lines / full['seconds']:,.0f} lines/s (target >= 1,000,000), "
              f"peak {full['peak_mb']:,} MB (target < 4,096 MB at 100M lines)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    main()
