"""Benchmark `batch audit`: lines per second, the ratio to a hand-written DuckDB query of the same
rules on the same data in the same process, and peak memory.

    python benchmarks/batch.py                    # 10 million synthetic lines
    python benchmarks/batch.py --lines 100000000  # the 100-million-line run from Parquet
    python benchmarks/batch.py --spark            # add the Spark engine's figure (slow on one machine)
    python benchmarks/batch.py --runs full        # only the full rule set

Each measured run happens in its own child process so that its peak memory (max RSS) is its own.
The synthetic claims are benchmarks/synthetic.py's realistic ones (10 lines a claim, outpatient and
professional, planted errors at known rates) written as a Parquet claims extract.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

SAME_RULES = ["BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.MUE"]


def make_claims(path: Path, lines: int, part_lines: int = 10_000_000) -> None:
    """The realistic claims of synthetic.py (10 lines a claim, planted errors at known rates) as a
    claims extract: the canonical line columns, a claim id, a patient id (4 claims a patient), the
    provider, and each claim's facts (setting, stay, emergency, insurance, network, estimate). Written
    as a folder of Parquet files of up to `part_lines` lines, made one at a time (bounded memory)."""
    import duckdb

    from synthetic import realistic

    path.mkdir(parents=True)
    for k, start in enumerate(range(0, lines, part_lines)):
        con = duckdb.connect()
        realistic(con, min(part_lines, lines - start), start)
        con.execute(f"""
            COPY (
              SELECT 'P' || (CAST(substr(l.source, 2) AS BIGINT) // 4) AS patient_id, upper(l.source) AS claim_id,
                     l.line, l.service_date, l.code, l.description, l.units, l.charge, l.unit_price,
                     array_to_string(l.modifiers, ' ') AS modifiers,
                     'Clinic ' || (CAST(substr(l.source, 2) AS BIGINT) % 700) AS provider,
                     b.care_start, b.care_end, b.setting, b.emergency, b.insurance_status, b.in_network, b.gfe_total
              FROM lines l JOIN bills b USING (source)
            ) TO '{path / f"claims-{k:03d}.parquet"}' (FORMAT parquet, ROW_GROUP_SIZE 500000)""")
        con.close()


# the three rules by hand, straight from the extract: as an analyst would write them, with the same
# predicates as the rule units (setting per claim, releases by date of service, modifiers)
HAND_WRITTEN = """
WITH l AS (
  SELECT claim_id, line, service_date, code, units, charge, setting,
         regexp_matches(' ' || array_to_string(modifiers, ' ') || ' ', ' (76|77|91|59|XE|XS|XP|XU) ') AS repeat_mod,
         regexp_matches(' ' || array_to_string(modifiers, ' ') || ' ',
                        ' (E1|E2|E3|E4|FA|F1|F2|F3|F4|F5|F6|F7|F8|F9|LC|LD|LM|LT|RC|RI|RT|TA|T1|T2|T3|T4|T5|T6|T7|T8|T9|24|25|57|58|78|79|27|59|91|XE|XS|XP|XU) ') AS bypass
  FROM staged
), p AS (
  SELECT * FROM ref_ncci_ptp
  WHERE column_1 IN (SELECT code FROM l) AND column_2 IN (SELECT code FROM l) AND modifier_indicator IN (0, 1)
), dup AS (
  SELECT 'BILL.DUPLICATE' AS rule, claim_id, list(line ORDER BY line) AS lines, charge * (count(*) - 1) AS amount
  FROM l WHERE charge >= 1 AND NOT repeat_mod
  GROUP BY claim_id, code, service_date, units, charge HAVING count(*) > 1
), ptp AS (
  SELECT 'BILL.NCCI_PTP' AS rule, c2.claim_id, list(DISTINCT c1.line) || [c2.line] AS lines, min(c2.charge) AS amount
  FROM l c1 JOIN l c2 ON c1.claim_id = c2.claim_id AND c1.service_date = c2.service_date AND c1.line <> c2.line
  JOIN p ON p.setting = c1.setting AND p.column_1 = c1.code AND p.column_2 = c2.code
   AND c1.service_date BETWEEN p.applies_from AND p.applies_to
   AND (p.effective_date IS NULL OR c1.service_date >= p.effective_date)
   AND (p.deletion_date IS NULL OR c1.service_date < p.deletion_date)
  WHERE p.modifier_indicator = 0 OR (p.modifier_indicator = 1 AND NOT c1.bypass AND NOT c2.bypass)
  GROUP BY c2.claim_id, c2.line
), mue AS (
  SELECT 'BILL.MUE' AS rule, l.claim_id, list(l.line ORDER BY l.line) AS lines,
         round(sum(l.charge) / sum(l.units) * (sum(l.units) - min(m.mue_units)), 2) AS amount
  FROM l JOIN ref_mue m ON m.setting = l.setting AND m.code = l.code
   AND l.service_date BETWEEN m.applies_from AND m.applies_to
  WHERE m.mue_units > 0 AND l.units > 0
  GROUP BY l.claim_id, CASE WHEN m.mai = 1 THEN l.line ELSE -1 END, l.service_date, l.code
  HAVING sum(l.units) > min(m.mue_units)
)
SELECT * FROM dup UNION ALL SELECT * FROM ptp UNION ALL SELECT * FROM mue
"""


def child_engine(claims: str, out: str, rules: str, bucket_lines: str = "0") -> dict:
    from datetime import date

    from billadvocate.batch.run import run_batch
    from billadvocate.batch.stage import LINES_PER_BUCKET

    started = time.perf_counter()
    run = run_batch([claims], out, as_of=date(2026, 11, 28),
                    rule_ids=None if rules == "all" else rules.split(","),
                    lines_per_bucket=int(bucket_lines) or LINES_PER_BUCKET)
    return {"seconds": time.perf_counter() - started, "findings": run.findings, "lines": run.lines,
            "phases": run.phases}


def child_rules_only(claims: str, out: str) -> dict:
    """The rule engine alone, the whole job's baseline: each input file's lines (a bucket's worth at
    most) first loaded into DuckDB's memory, normalised, untimed; then timed: the bucket's tables and
    every rule's findings, kept in memory (nothing read from or written to disk)."""
    from datetime import date

    import duckdb

    from billadvocate.batch.findings_sql import audit_bucket, finding_rows_sql
    from billadvocate.batch.inputs import inspect_all
    from billadvocate.batch.stage import select_normalised

    seconds, findings, lines = 0.0, 0, 0
    for f in inspect_all([claims]):
        con = duckdb.connect()
        con.execute(f"SET temp_directory = '{out}_tmp'")
        con.execute(f"CREATE TABLE mem AS {select_normalised(f)}")  # in the file's order (by claim)
        held = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0]
        # the batch run's 3 GB for the work, besides the lines held in memory
        con.execute(f"SET memory_limit = '{3 * 1024 + held // 2**20}MiB'")
        con.execute("SET preserve_insertion_order = false")  # as the batch run does
        started = time.perf_counter()
        audit_bucket(con, "SELECT * FROM mem", setting=None, as_of=date(2026, 11, 28))
        con.execute(f"CREATE TEMP TABLE found AS {finding_rows_sql()}")
        seconds += time.perf_counter() - started
        findings += con.execute("SELECT count(*) FROM found").fetchall()[0][0]
        lines += con.execute("SELECT count(*) FROM mem").fetchall()[0][0]
        con.close()
    return {"seconds": seconds, "findings": findings, "lines": lines}


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
                f"lambda m: m <> '') AS modifiers) FROM read_parquet('{claims}/*.parquet')")
    con.execute(f"COPY ({HAND_WRITTEN}) TO '{out}/hand.parquet' (FORMAT parquet)")
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/hand.parquet')").fetchone()[0]
    return {"seconds": time.perf_counter() - started, "findings": n}


def child_hand_all(claims: str, out: str) -> dict:
    """benchmarks/hand_sql.py (every rule, the price yardsticks included, by hand) over the claims read
    as the engine reads them (the same `lines` and `bills` views of the staged columns)."""
    from datetime import date

    import duckdb

    from billadvocate.audit import engine
    from billadvocate.batch.bucket_sql import bucket_views_sql
    from billadvocate.batch.inputs import inspect_all
    from billadvocate.batch.stage import select_normalised
    from billadvocate.reference import register
    from hand_sql import HAND_WRITTEN_STAGED as EVERY_RULE

    started = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET memory_limit = '3GB'")
    con.execute(f"SET temp_directory = '{out}/duck_tmp'")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET disabled_optimizers = 'build_side_probe_side'")  # as the engine does
    register(con, None)
    as_of = date(2026, 11, 28)
    engine._law_tables(con, as_of)
    con.register("eobs", engine.empty_eobs())
    con.execute("CREATE VIEW staged AS " + "\nUNION ALL\n".join(select_normalised(f) for f in inspect_all([claims])))
    for name, body, table in bucket_views_sql(None):
        con.execute(f"CREATE {'TEMP TABLE' if table else 'VIEW'} {name} AS {body}")
    engine._business_days(con, as_of)
    con.execute(f"COPY ({EVERY_RULE}) TO '{out}/hand_all.parquet' (FORMAT parquet)")
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/hand_all.parquet')").fetchone()[0]
    return {"seconds": time.perf_counter() - started, "findings": n}


def child_spark(claims: str, out: str, plan: str = "claims") -> dict:
    from datetime import date

    from billadvocate.batch.spark import run_batch_spark

    from billadvocate.batch.spark import spark_session

    started = time.perf_counter()
    spark = spark_session("local[2]")
    try:
        run = run_batch_spark([claims], out, as_of=date(2026, 11, 28), spark=spark, plan=plan)
        seconds = time.perf_counter() - started
        jvm, workers = _descendant_peaks()  # before the JVM and its Python workers exit
    finally:
        spark.stop()
    return {"seconds": seconds, "findings": run.findings, "lines": run.lines,
            "jvm_peak_mb": jvm, "workers_peak_mb": workers}


def _descendant_peaks() -> tuple[int, int]:
    """Peak resident memory (MB) of the Spark JVM and of the largest of its Python workers, read from
    /proc while they still run (the JVM is never waited for, so getrusage cannot see it)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))

    def peak(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
        except OSError:
            pass
        return 0

    def below(pid: int) -> list[int]:
        return [c for k in children.get(pid, []) for c in (k, *below(k))]

    procs = below(os.getpid())
    names = {pid: Path(f"/proc/{pid}/comm").read_text().strip() if Path(f"/proc/{pid}/comm").exists() else ""
             for pid in procs}
    jvm = max((peak(pid) for pid in procs if names[pid] == "java"), default=0)
    workers = max((peak(pid) for pid in procs if names[pid].startswith("python")), default=0)
    return jvm, workers


def measure(kind: str, *args: str) -> dict:
    """Run one measurement in a child process; returns its result with its own peak memory and the
    machine's load (1-minute average) when it ended."""
    p = subprocess.run([sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"{kind} failed:\n{p.stderr[-3000:]}")
    return {**json.loads(p.stdout.strip().splitlines()[-1]), "load": os.getloadavg()[0]}


def _own_peak_mb() -> int:
    """This process's own peak resident memory (VmHWM), not one inherited from its parent."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    import duckdb

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--spark", action="store_true")
    ap.add_argument("--spark-sql", action="store_true", help="also the Spark SQL plan (the rules translated; slow)")
    ap.add_argument("--runs", default="hand,same,full,hand_all",
                    help="which of hand,same,full,hand_all to measure (e.g. --runs full for a quick 100M figure; "
                         "hand_all: benchmarks/hand_sql.py, every rule by hand)")
    ap.add_argument("--rules-only", action="store_true",
                    help="also the rule engine alone over the same lines already in memory: the whole job's "
                         "baseline (--runs full --rules-only for the 100M figure)")
    ap.add_argument("--claims", type=Path,
                    help="keep the synthetic claims in this folder (made when absent, reused when present) "
                         "and the runs' work beside it; default a temporary folder")
    ap.add_argument("--file-lines", type=int, default=10_000_000, help="lines per synthetic Parquet file")
    ap.add_argument("--bucket-lines", type=int, default=0, help="lines per bucket (default the engine's)")
    ap.add_argument("--child", nargs="+")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "rules":
            print(json.dumps({**child_rules_only(*rest), "peak_mb": _own_peak_mb()}))
            return
        fn = {"engine": child_engine, "hand": child_hand, "hand_all": child_hand_all, "spark": child_spark}[kind]
        result = fn(*rest)
        # the process's own peak (VmHWM: ru_maxrss would keep a parent's), or a child's (Spark's JVM)
        result["peak_mb"] = max(_own_peak_mb(), round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
        print(json.dumps(result))
        return
    if args.claims:
        args.claims.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.claims.parent if args.claims else None) as tmp:
        claims = args.claims or Path(tmp) / "claims"
        t = time.perf_counter()
        print(f"machine load (1-minute average) at the start: {os.getloadavg()[0]:.1f}", flush=True)
        if not claims.exists():
            make_claims(claims, args.lines, args.file_lines)
        size = sum(f.stat().st_size for f in claims.iterdir())
        print(f"synthetic claims: {args.lines:,} lines, {size / 1e6:.0f} MB Parquet "
              f"({time.perf_counter() - t:.1f} s to make)", flush=True)
        runs = set(args.runs.split(","))
        hand = measure("hand", str(claims), tmp) if "hand" in runs else None
        bucket = str(args.bucket_lines)
        same = measure("engine", str(claims), str(Path(tmp) / "same"), ",".join(SAME_RULES), bucket) if "same" in runs else None
        rules_only = measure("rules", str(claims), str(Path(tmp) / "rules")) if args.rules_only else None
        full = measure("engine", str(claims), str(Path(tmp) / "full"), "all", bucket) if "full" in runs else None
        hand_all = measure("hand_all", str(claims), tmp) if "hand_all" in runs else None
        rows = [(name, r) for name, r in (("hand-written DuckDB query (DUPLICATE, NCCI_PTP, MUE)", hand),
                                          ("batch audit, the same 3 rules", same),
                                          ("hand-written query, every rule (hand_sql.py)", hand_all),
                                          ("batch audit, every rule", full)) if r]
        if rules_only:
            rows.insert(len(rows) - bool(full), ("rule engine alone, every rule, lines in memory", rules_only))
        spark = measure("spark", str(claims), str(Path(tmp) / "spark")) if args.spark else None
        if spark:
            spark["out"] = "spark"
            rows.append(("batch audit --engine spark, every rule (local[2])", spark))
        if args.spark_sql:
            rows.append(("--engine spark, plan 'sql' (rules as Spark SQL)",
                         {**measure("spark", str(claims), str(Path(tmp) / "spark_sql"), "sql"), "out": "spark_sql"}))
        print(f"{'run':<58}{'seconds':>9}{'lines/s':>14}{'findings':>12}{'peak MB':>9}{'load':>6}")
        for name, r in rows:
            print(f"{name:<58}{r['seconds']:>9.1f}{args.lines / r['seconds']:>14,.0f}{r['findings']:>12,}"
                  f"{r['peak_mb']:>9,}{r['load']:>6.1f}")
        for name, r in rows:
            if r.get("jvm_peak_mb"):
                print(f"  {name}: peak memory JVM {r['jvm_peak_mb']:,} MB, largest Python worker {r['workers_peak_mb']:,} MB")
        for name, r in rows:
            if r.get("phases"):
                print(f"  {name}: " + ", ".join(f"{k} {v:.1f} s" for k, v in r["phases"].items()))
        if full:
            for name, r in rows[len(rows) - bool(spark) - args.spark_sql:]:
                fields = "rule, severity, patient_id, claim_id, lines, amount, message, citations, provider, month"
                a, b = (f"SELECT {fields} FROM read_parquet('{tmp}/{d}/findings.parquet')" for d in ("full", r["out"]))
                differ = duckdb.sql(f"SELECT (SELECT count(*) FROM ({a} EXCEPT ALL {b})) + "
                                    f"(SELECT count(*) FROM ({b} EXCEPT ALL {a}))").fetchall()[0][0]
                print(f"ratio {name} / DuckDB every rule, same run: {r['seconds'] / full['seconds']:.1f}x "
                      f"(target <= 6x); {differ} findings differ, field for field")
        if hand and same:
            differ = duckdb.sql(f"""
                WITH e AS (SELECT rule, claim_id, list_sort(lines) AS lines, amount FROM read_parquet('{tmp}/same/findings.parquet')),
                     h AS (SELECT rule, claim_id, list_sort(lines) AS lines, CAST(amount AS DECIMAL(14,2)) AS amount
                           FROM read_parquet('{tmp}/hand.parquet'))
                SELECT (SELECT count(*) FROM (SELECT * FROM e EXCEPT ALL SELECT * FROM h))
                     + (SELECT count(*) FROM (SELECT * FROM h EXCEPT ALL SELECT * FROM e))""").fetchall()[0][0]
            print(f"ratio batch (same rules) / hand-written: {same['seconds'] / hand['seconds']:.2f}x  (target <= 1.5x); "
                  f"{differ} findings differ")
        if hand_all and full:
            differ = duckdb.sql(f"""
                WITH e AS (SELECT rule, claim_id, list_sort(lines) AS lines, amount FROM read_parquet('{tmp}/full/findings.parquet')),
                     h AS (SELECT rule, source AS claim_id, list_sort(lines) AS lines, CAST(amount AS DECIMAL(14,2)) AS amount
                           FROM read_parquet('{tmp}/hand_all.parquet'))
                SELECT (SELECT count(*) FROM (SELECT * FROM e EXCEPT ALL SELECT * FROM h))
                     + (SELECT count(*) FROM (SELECT * FROM h EXCEPT ALL SELECT * FROM e))""").fetchall()[0][0]
            print(f"ratio batch (every rule) / hand-written every rule (hand_sql.py, price yardsticks included): "
                  f"{full['seconds'] / hand_all['seconds']:.2f}x  (target <= 1.5x); {differ} findings differ "
                  "(the engine also writes each finding's message, citations, patient, provider and month)")
        if full and rules_only:
            p = full["phases"]
            print(f"whole job / rule engine alone, same run: {full['seconds'] / rules_only['seconds']:.2f}x "
                  f"(target <= 1.1x): {full['seconds'] - rules_only['seconds']:.1f} s beyond the engine's "
                  f"{rules_only['seconds']:.1f} s (stage {p['stage']:.1f} s, write {p['write']:.1f} s, the rest "
                  f"reading the inputs and writing the parts within audit's {p['audit']:.1f} s); "
                  f"{'the same' if full['findings'] == rules_only['findings'] else 'A DIFFERENT'} number of findings")
        if full:
            print(f"full rule set: {args.lines / full['seconds']:,.0f} lines/s (target >= 1,000,000), "
                  f"peak {full['peak_mb']:,} MB (target < 4,096 MB at 100M lines)")
        print(f"machine load (1-minute average) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    main()
