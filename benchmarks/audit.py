"""Audit speed, with ratios against baselines measured in the same run.

    python benchmarks/audit.py [--lines 10000000] [--threads 2] [--runs 3]

1. A 300-line bill, whole process `billadvocate audit bill.csv --json` and with no flags: wall time
   (target < 1 s) and the CPU time of the process (user + system, all its threads: what other work on a
   shared machine changes least), medians of --runs, and the ratio to the bare start-up of the CLI
   (`billadvocate --version`). The modules' bytecode is compiled once and kept, as an installed package
   has it (the runs do not inherit a PYTHONDONTWRITEBYTECODE, which would recompile billadvocate's
   sources in every run).
2. The rule engine over N synthetic claim lines (default 10 million, 10 lines a claim; synthetic.py:
   realistic claims with planted errors, or --data stress where most lines have a finding) already in
   DuckDB: lines per second (target >= 1,000,000 on 2 cores) and the ratio to a hand-written DuckDB
   query of the same rules on the same data in the same process (target <= 1.5). `--per-rule`
   then prints each rule's CPU time on its own.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
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
from synthetic import CODES, MAKERS  # noqa: E402

AS_OF = date(2026, 11, 28)


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the child process) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in times), statistics.median(c for _, c in times)


def whole_process(runs: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    with tempfile.TemporaryDirectory() as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")  # compiled by the first run, as pip does at install
        bill = Path(tmp) / "bill.csv"
        with bill.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["line", "date", "code", "description", "units", "charge", "modifiers"])
            for i in range(300):
                w.writerow([i + 1, f"2025-03-{1 + i % 28:02d}", CODES[i % len(CODES)], f"SERVICE {i}",
                            1 + i % 3, f"{50 + (i * 37) % 900}.00", "59" if i % 11 == 0 else ""])
        env["BILLADVOCATE_HOME"] = tmp
        py = [sys.executable, "-m", "billadvocate"]
        run(py + ["audit", str(bill), "--json"], env)  # warm the file cache, compile the bytecode
        run(py + ["audit", str(bill)], env)
        base, audit, plain = [], [], []
        for _ in range(runs):  # in turn, so that a change in the machine's load falls on each alike
            base.append(run(py + ["--version"], env))
            audit.append(run(py + ["audit", str(bill), "--setting", "outpatient", "--json"], env))
            # what a new user runs: no flags, the setting inferred, the text report
            plain.append(run(py + ["audit", str(bill)], env))
    (base, base_cpu), (audit, audit_cpu), (plain, plain_cpu) = medians(base), medians(audit), medians(plain)
    print(f"300-line bill, whole process: {audit:.2f} s wall, {audit_cpu:.2f} s CPU (target < 1 s); CLI start-up "
          f"alone {base:.2f} s wall, {base_cpu:.2f} s CPU; ratio {audit / base:.2f}x")
    print(f"300-line bill, no flags (`billadvocate audit bill.csv`): {plain:.2f} s wall, {plain_cpu:.2f} s CPU "
          f"(target < 1 s); machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def engine_at_scale(n: int, threads: int, data: str, per_rule: bool = False) -> None:
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    t = time.perf_counter()
    MAKERS[data](con, n)
    print(f"synthetic data ({data}): {n:,} lines, {n // 10:,} claims in {time.perf_counter() - t:.1f} s")
    t, cpu = time.perf_counter(), time.process_time()
    found = audit_at_scale(con, as_of=AS_OF)
    engine, engine_cpu = time.perf_counter() - t, time.process_time() - cpu
    # the baseline: the same rules written by hand as one query over the same tables (it reads the
    # reference views and law tables the engine's prepare step registered)
    t, cpu = time.perf_counter(), time.process_time()
    con.execute(f"CREATE OR REPLACE TABLE hand_findings AS {HAND_WRITTEN}")
    hand_n = con.execute("SELECT count(*) FROM hand_findings").fetchone()[0]
    hand, hand_cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"rule engine: {n / engine:,.0f} lines/s ({engine:.1f} s wall, {engine_cpu:.1f} s CPU, {found:,} findings; "
          f"target >= 1,000,000 on {threads} threads)")
    same = con.execute("SELECT count(*) FROM (SELECT rule, source, lines, amount FROM findings "
                       "EXCEPT ALL SELECT rule, source, lines, CAST(amount AS DECIMAL(14,2)) FROM hand_findings)").fetchone()[0]
    print(f"hand-written query of the same rules: {hand:.1f} s wall, {hand_cpu:.1f} s CPU ({hand_n:,} findings, "
          f"{same} differ); engine/hand ratio {engine / hand:.2f}x wall, {engine_cpu / hand_cpu:.2f}x CPU (target <= 1.5)")
    print(f"machine load during the run (1-minute average): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if per_rule:
        rule_times(con)


def rule_times(con: duckdb.DuckDBPyConnection) -> None:
    """Where the engine's time goes: each rule's rows on their own (every column of the scale rows
    hashed, so nothing is pruned), fastest of two, then writing the scale rows of every rule; CPU
    seconds of the process (both threads), which the machine's load changes less than wall time."""
    from billadvocate.audit.engine import scale_sql
    from billadvocate.audit.rules import all_rules

    def cpu(sql: str) -> tuple[float, int]:
        best, n = None, 0
        for _ in range(2):
            c = time.process_time()
            n = con.execute(f"SELECT count(*), sum(hash(rule, severity, source, lines, amount)) FROM ({sql})").fetchone()[0]
            best = min(best or 1e9, time.process_time() - c)
        return best, n

    rows = sorted(((*cpu(scale_sql([r])), r.id) for r in all_rules()), reverse=True)
    every, n = cpu(scale_sql())
    print(f"{'rule (CPU s, fastest of 2)':<36}{'CPU s':>8}{'rows':>12}")
    for secs, n_rule, rule in rows:
        print(f"{rule:<36}{secs:>8.2f}{n_rule:>12,}")
    print(f"{'every rule, one statement':<36}{every:>8.2f}{n:>12,}  (sum of the rules {sum(r[0] for r in rows):.2f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-process", action="store_true")
    ap.add_argument("--per-rule", action="store_true", help="then each rule's CPU time on its own (where the time goes)")
    ap.add_argument("--data", choices=sorted(MAKERS), default="realistic",
                    help="realistic claims (default) or the adversarial stress data (see synthetic.py)")
    args = ap.parse_args()
    if not args.skip_process:
        whole_process(args.runs)
    engine_at_scale(args.lines, args.threads, args.data, args.per_rule)


if __name__ == "__main__":
    main()
