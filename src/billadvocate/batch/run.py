"""`batch audit` on DuckDB: stage once, audit bucket by bucket, merge, summarise. Resumable.

The work folder (OUT/_work) keeps a manifest of the inputs (path, size, modification time) and of
the buckets already audited. Run the same command again after an interruption and it carries on
from the first bucket not done; change an input and it starts over.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import duckdb

from ..util import atomic_write
from . import sqltext
from .inputs import InputFile, inspect_all
from .stage import LINES_PER_BUCKET, count_lines, file_buckets, select_normalised, stage

FINDING_COLUMNS = ("rule", "severity", "patient_id", "claim_id", "lines", "amount", "message",
                   "citations", "provider", "month")



@dataclass
class BatchRun:
    inputs: list[InputFile]
    out_dir: Path
    lines: int = 0
    buckets: int = 0
    findings: int = 0
    seconds: float = 0.0
    resumed_buckets: int = 0
    files: list[Path] = field(default_factory=list)
    # where the time went, in seconds: "stage" (count, check, rewrite), "audit" (the buckets), "write"
    # (findings.parquet and the summary)
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.seconds if self.seconds else 0.0


def _signature(files: list[InputFile], as_of: date, setting: str | None) -> dict:
    return {"as_of": as_of.isoformat(), "setting": setting,
            "inputs": [[str(f.path.resolve()), f.path.stat().st_size, f.path.stat().st_mtime_ns] for f in files]}


def _connect(memory_limit: str, work: Path, threads: int | None) -> duckdb.DuckDBPyConnection:
    limit = sqltext.memory_limit(memory_limit)  # checked before anything is made
    con = duckdb.connect()
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    con.execute(f"SET memory_limit = {sqltext.literal(limit)}")
    con.execute(f"SET temp_directory = {sqltext.literal(work / 'tmp')}")
    con.execute("SET preserve_insertion_order = false")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def run_batch(inputs: list[str | Path], out_dir: str | Path, *, as_of: date, setting: str | None = None,
              memory_limit: str = "3GB", threads: int | None = None, write_csv: bool = False,
              lines_per_bucket: int = LINES_PER_BUCKET, rule_ids: list[str] | None = None,
              progress: Callable[[int, int], None] | None = None) -> BatchRun:
    """Audit every claim line of the inputs; write OUT/findings.parquet and OUT/summary.{json,html}.

    `rule_ids` limits the run to some rules (benchmarks); by default every rule runs."""
    from .findings_sql import PART_OPTIONS, audit_bucket, finding_rows_sql
    from ..audit.rules import all_rules
    from .summary import write_results

    started = time.perf_counter()  # "stage" includes checking the inputs
    rules = [r for r in all_rules() if rule_ids is None or r.id in rule_ids]

    files = inspect_all(inputs)
    out = Path(out_dir)
    work = out / "_work"
    con = _connect(memory_limit, work, threads)
    run = BatchRun(inputs=files, out_dir=out)
    try:
        manifest_path = work / "manifest.json"
        signature = _signature(files, as_of, setting)
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
        if manifest.get("signature") != signature:
            shutil.rmtree(work, ignore_errors=True)
            (work / "tmp").mkdir(parents=True, exist_ok=True)
            total = count_lines(con, files)
            buckets = max(1, math.ceil(total / lines_per_bucket))
            groups = None
            if buckets > 1:  # one bucket reads the inputs directly: nothing to resume within it
                # Parquet files that each hold whole claims are read in place, a few files a bucket;
                # otherwise the lines are rewritten once, split by a hash of the claim
                groups = file_buckets(con, files, lines_per_bucket)
                if groups is None:
                    stage(con, files, work / "staged", buckets)
                else:
                    buckets = len(groups)
            manifest = {"signature": signature, "lines": total, "buckets": buckets, "done": {}, "file_buckets": groups}
            atomic_write(manifest_path, json.dumps(manifest))
        run.phases["stage"] = time.perf_counter() - started
        groups = manifest.get("file_buckets")
        run.lines, run.buckets = manifest["lines"], manifest["buckets"]
        (work / "findings").mkdir(parents=True, exist_ok=True)
        done_lines = sum(manifest["done"].values())
        run.resumed_buckets = len(manifest["done"])
        if progress:
            progress(done_lines, run.lines)
        for b in range(run.buckets):
            if str(b) in manifest["done"]:
                continue
            bucket_dir = work / "staged" / f"bucket={b}"
            part = work / "findings" / f"part-{b:05d}.parquet"
            if run.buckets == 1 or groups or bucket_dir.exists():
                if run.buckets == 1 or groups:
                    chosen = files if run.buckets == 1 else [files[i] for i in groups[b]]
                    source = "\nUNION ALL\n".join(select_normalised(f) for f in chosen)
                else:
                    source = f"SELECT * FROM read_parquet({sqltext.literal(bucket_dir / '*.parquet')})"
                audit_bucket(con, source, setting=setting, as_of=as_of)
                n = con.execute("SELECT count(*) FROM staged").fetchall()[0][0]
                tmp = part.with_suffix(".part")
                con.execute(f"COPY ({finding_rows_sql(rules)}) TO {sqltext.literal(tmp)} ({PART_OPTIONS})")
                tmp.replace(part)
            else:
                n = 0
            manifest["done"][str(b)] = n
            atomic_write(manifest_path, json.dumps(manifest))
            done_lines += n
            if progress:
                progress(done_lines, run.lines)
        run.phases["audit"] = time.perf_counter() - started - run.phases["stage"]
        write_results(con, list((work / "findings").glob("*.parquet")), out, run, write_csv=write_csv,
                      started=started)
        run.phases["write"] = run.seconds - run.phases["stage"] - run.phases["audit"]
    finally:
        con.close()
    shutil.rmtree(work, ignore_errors=True)
    return run
