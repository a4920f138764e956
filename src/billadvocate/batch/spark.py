"""`batch audit --engine spark`: the claim lines partitioned by claim on Spark, each partition audited.

How it maps (docs/scale.md has the cluster design):
- the claim lines are read by Spark itself (Parquet or CSV), renamed and typed like DuckDB's staging;
- plan "claims" (the default): the lines are repartitioned by a hash of claim_id, so each task holds
  whole claims (every rule is local to one claim), and each task runs the same DuckDB audit as one
  bucket of `batch audit` over its partition (one core, Arrow in, its findings part file out);
- plan "sql": every rule's SQL translated from DuckDB's dialect to Spark SQL with sqlglot (plus the
  few fixes below) and run by Spark's own planner, the input and derived views cached, the
  reference tables broadcast (NCCI PTP, 3 M rows, by sort-merge join). Kept to compare: about 10x
  the CPU of plan "claims" on one machine.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import sqlglot
from sqlglot import exp

from ..audit.engine import DERIVED_VIEWS, audit_lines_sql, prepare
from ..audit.rules import all_rules
from ..errors import BadInput
from . import sqltext
from .findings_sql import rules_table
from .inputs import DRG_PREFIX, InputFile, inspect_all
from .run import BatchRun
from .stage import MODIFIER_SEPARATORS, STAGED_COLUMNS, count_lines

# the one reference table too large to copy to every executor from a small driver (3 M rows)
NOT_BROADCAST = {"ref_ncci_ptp"}
# below this size (Spark's estimate, or the real size of a cached table or a finished shuffle) a join's
# side is copied to every executor instead of shuffling the lines
BROADCAST_BYTES = 16 * 1024 * 1024
# tables prepare() creates from data (exported to Parquet for Spark) vs views it derives (translated)
DERIVED = {name for name, _, _ in DERIVED_VIEWS} | {"lines", "bills", "staged", "claims", "claim_facts"}


def _spark_fixes(node: exp.Expression) -> exp.Expression:
    """The DuckDB constructs sqlglot translates loosely: ordered lists, list slices, and hash (DuckDB's
    is 64 bits, Spark's HASH only 32: its XXHASH64 keeps first-pass grouping keys as selective)."""
    if isinstance(node, exp.Anonymous) and str(node.this).lower() == "hash":
        return exp.Anonymous(this="XXHASH64", expressions=[e.copy() for e in node.expressions])
    if isinstance(node, exp.ArrayAgg) and isinstance(node.this, exp.Order):
        ordered = node.this
        keys = ordered.expressions
        if len(keys) == 1 and keys[0].this == ordered.this and not keys[0].args.get("desc"):
            # list(x ORDER BY x): Spark's collect_list has no order; sort the values instead
            return exp.Anonymous(this="ARRAY_SORT", expressions=[
                exp.Anonymous(this="COLLECT_LIST", expressions=[ordered.this.copy()])])
        raise ValueError(f"cannot translate an ordered list to Spark: {node.sql('duckdb')}")
    if isinstance(node, exp.Bracket) and len(node.expressions) == 1 and isinstance(node.expressions[0], exp.Slice):
        part = node.expressions[0]
        start = part.this or exp.Literal.number(1)
        arr = node.this.transform(_spark_fixes)
        end = part.args.get("expression")
        length = (exp.Sub(this=exp.Add(this=end.copy(), expression=exp.Literal.number(1)), expression=start.copy())
                  if end is not None else
                  exp.Sub(this=exp.Add(this=exp.Anonymous(this="SIZE", expressions=[arr.copy()]), expression=exp.Literal.number(1)),
                          expression=start.copy()))
        return exp.Anonymous(this="SLICE", expressions=[arr, start.copy(), length])
    return node


def to_spark_sql(sql: str) -> str:
    """DuckDB SQL -> Spark SQL, with the fixes sqlglot does not make on its own."""
    tree = sqlglot.parse_one(sql, read="duckdb").transform(_spark_fixes)
    out = tree.sql(dialect="spark")
    out = re.sub(r"(\w+(?:\.\w+)?) && (ARRAY\([^)]*\))", r"ARRAYS_OVERLAP(\1, \2)", out)
    return out


def _spark_type(sql_type: str) -> str:
    return {"VARCHAR": "STRING", "VARCHAR[]": "ARRAY<STRING>", "BIGINT": "BIGINT", "DATE": "DATE",
            "BOOLEAN": "BOOLEAN"}.get(sql_type, sql_type)


# Parquet types a direct CAST reads exactly as DuckDB's staging does (floats keep the trip through text)
_EXACT_NUMBERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                  "UBIGINT", "DECIMAL")


def _mods_expr(f: InputFile) -> str:
    """stage.py's _mods_expr in Spark SQL (Java regular expressions: the same separators)."""
    if "modifiers" not in f.columns:
        return "'  ' AS mods"
    src = f"`{f.columns['modifiers']}`"
    if f.types["modifiers"].endswith("[]"):
        return f"CONCAT(' ', COALESCE(ARRAY_JOIN(TRANSFORM({src}, m -> UPPER(TRIM(CAST(m AS STRING)))), ' '), ''), ' ') AS mods"
    sep = MODIFIER_SEPARATORS.replace("\\", "\\\\")  # a backslash in a Spark SQL literal is an escape
    text = f"CAST({src} AS STRING)"
    trimmed = f"REGEXP_REPLACE({text}, '^{sep}|{sep}$', '')"
    return (f"CASE WHEN COALESCE({text}, '') = '' THEN '  ' "
            f"ELSE CONCAT(' ', UPPER(REGEXP_REPLACE({trimmed}, '{sep}', ' ')), ' ') END AS mods")


def _normalised_columns(f: InputFile) -> str:
    exprs = []
    for col, typ in STAGED_COLUMNS.items():
        st = _spark_type(typ)
        if col == "mods":  # as stage.py's _mods_expr: ' 25 59 ', '  ' for none
            exprs.append(_mods_expr(f))
            continue
        if col not in f.columns:
            exprs.append(f"CAST(NULL AS {st}) AS {col}")
            continue
        src = f"`{f.columns[col]}`"
        if col in ("code", "revenue_code"):
            exprs.append(f"NULLIF(UPPER(TRIM(CAST({src} AS STRING))), '') AS {col}")
        elif col == "ms_drg":  # as stage.py does it
            exprs.append(f"CASE WHEN COALESCE(TRIM(CAST({src} AS STRING)), '') = '' THEN NULL ELSE LPAD(REGEXP_REPLACE("
                         f"UPPER(TRIM(CAST({src} AS STRING))), '{DRG_PREFIX}', ''), 3, '0') END AS ms_drg")
        elif (typ.startswith("DECIMAL") or col == "line") and f.types[col].startswith(_EXACT_NUMBERS):
            exprs.append(f"CAST({src} AS {st}) AS {col}")  # already a number: no trip through text
        elif typ == "DATE" and f.types[col] == "DATE":
            exprs.append(f"{src} AS {col}")
        elif typ.startswith("DECIMAL") or col == "line":
            exprs.append(f"CAST(REPLACE(REPLACE(TRIM(CAST({src} AS STRING)), '$', ''), ',', '') AS {st}) AS {col}")
        elif typ == "DATE":
            exprs.append(f"CAST(TRIM(CAST({src} AS STRING)) AS DATE) AS {col}")
        else:
            exprs.append(f"CAST({src} AS {st}) AS {col}")
    return ", ".join(exprs)


def _export_tables(as_of: date, folder: Path) -> dict[str, str]:
    """The reference and law tables prepare() defines, written once to Parquet for Spark."""
    con = duckdb.connect()
    try:
        from ..audit.tables import BILLS_SCHEMA, LINES_SCHEMA

        con.register("lines", pa.Table.from_batches([], schema=LINES_SCHEMA))
        con.register("bills", pa.Table.from_batches([], schema=BILLS_SCHEMA))
        prepare(con, as_of=as_of, materialize=False)
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema IN ('main', 'temp')"
            " UNION SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        paths = {}
        for name in sorted(set(names) - DERIVED):
            path = folder / f"{name}.parquet"
            con.execute(f"COPY (SELECT * FROM {name}) TO '{path}' (FORMAT parquet)")
            paths[name] = str(path)
        return paths
    finally:
        con.close()


def spark_session(master: str):
    from pyspark.sql import SparkSession

    import os

    if master.startswith("local"):  # the tasks' Python workers: this interpreter (a cluster sets its own)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName("billadvocate-batch")
            .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.ansi.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "2g")
            # adaptive execution: shuffle partitions coalesced to the data, and a join whose side turns
            # out small after a shuffle becomes a broadcast join (the NCCI table is kept out by a hint)
            .config("spark.sql.adaptive.enabled", "true")
            # a task's partition reaches its Python worker in Arrow batches of this many rows (default
            # 10,000: 170 batches for a partition of 1.7 M lines, each with its own overhead)
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200000")
            .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
            .config("spark.sql.autoBroadcastJoinThreshold", str(BROADCAST_BYTES)).getOrCreate())


# what each task returns to the driver: one row
_COUNTS_ARROW = pa.schema([("partition", pa.int32()), ("lines", pa.int64()), ("findings", pa.int64())])
LINES_PER_PARTITION = 2_000_000  # claim lines each task audits at once
# each task's DuckDB memory limit: a partition of 1.7 M lines peaks at 1.1 GB of the worker's memory
# under a 1.5 or 2 GB limit, but under 1 GB DuckDB's joins and aggregates run out of memory and
# partition their work again and again: 3.7x the CPU and a higher peak (1.5 GB; measured 2026-12-05)
TASK_MEMORY = "2GB"


def _staged_frame(spark, files: list[InputFile]):
    """The inputs read by Spark, renamed and typed like DuckDB's staging (one DataFrame)."""
    frames = []
    for i, f in enumerate(files):
        reader = spark.read.parquet(str(f.path)) if f.kind == "parquet" else \
            spark.read.option("header", "true").option("inferSchema", "false").csv(str(f.path))
        reader.createOrReplaceTempView(f"input_{i}")
        frames.append(f"SELECT {_normalised_columns(f)} FROM input_{i}")
    return spark.sql(" UNION ALL ".join(frames))


def _partitions(spark, files: list[InputFile], lines_per_partition: int) -> int:
    """How many partitions of claims: a multiple of the cores, each at most about lines_per_partition
    lines (Parquet's own row counts; a CSV is guessed at 60 bytes a line)."""
    con = duckdb.connect()
    try:
        lines = sum(count_lines(con, [f]) if f.kind == "parquet" else f.path.stat().st_size // 60 for f in files)
    finally:
        con.close()
    cores = max(1, spark.sparkContext.defaultParallelism)
    return cores * max(1, -(-lines // (lines_per_partition * cores)))


def _audit_partition(*, setting: str | None, as_of: date, memory_limit: str, parts: str):
    """The function each Spark task runs over its partition (whole claims, as Arrow batches): the
    same DuckDB audit as one bucket of `batch audit`, on one thread. The task writes its findings to
    `parts`/part-<partition>.parquet itself (written whole, then renamed: a retried task replaces
    it) and returns one row: its partition, lines and findings."""

    def audit(batches):
        import os
        import sys
        import tempfile
        import time

        from pyspark import TaskContext

        from billadvocate.batch.findings_sql import PART_OPTIONS, audit_bucket, finding_rows_sql

        t0, c0 = time.perf_counter(), time.process_time()
        batches = list(batches)
        n = sum(b.num_rows for b in batches)
        partition = TaskContext.get().partitionId()
        if not n:  # an empty partition: no claims
            yield pa.RecordBatch.from_pydict({"partition": [partition], "lines": [0], "findings": [0]},
                                             schema=_COUNTS_ARROW)
            return
        table = pa.Table.from_batches(batches)
        del batches
        t1, c1 = time.perf_counter(), time.process_time()
        part = Path(parts) / f"part-{partition:05d}.parquet"
        with tempfile.TemporaryDirectory(prefix="billadvocate-") as tmp:
            con = duckdb.connect()
            try:
                con.execute("SET threads = 1")  # one task, one core: Spark runs a task per core
                con.execute(f"SET memory_limit = '{memory_limit}'")
                con.execute(f"SET temp_directory = {sqltext.literal(tmp)}")
                con.execute("SET preserve_insertion_order = false")
                con.register("staged_in", table)
                audit_bucket(con, "SELECT * FROM staged_in", setting=setting, as_of=as_of)
                t2, c2 = time.perf_counter(), time.process_time()
                partial = Path(tmp) / part.name
                con.execute(f"COPY ({finding_rows_sql()}) TO {sqltext.literal(partial)} ({PART_OPTIONS})")
                found = con.execute(f"SELECT count(*) FROM read_parquet({sqltext.literal(partial)})").fetchall()[0][0]
                shutil.move(str(partial), f"{part}.part")
                os.replace(f"{part}.part", part)
            finally:
                con.close()
        t3, c3 = time.perf_counter(), time.process_time()
        if os.environ.get("BILLADVOCATE_PROFILE"):  # where a task's time goes, on the executor's stderr
            print(f"task {partition}: {n:,} lines, {found:,} findings; receive {t1 - t0:.1f} s (cpu {c1 - c0:.1f}), "
                  f"prepare {t2 - t1:.1f} s (cpu {c2 - c1:.1f}), rules and write {t3 - t2:.1f} s (cpu {c3 - c2:.1f}); "
                  f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        yield pa.RecordBatch.from_pydict({"partition": [partition], "lines": [n], "findings": [found]},
                                         schema=_COUNTS_ARROW)

    return audit


def _findings_by_claims(spark, files: list[InputFile], work: Path, *, as_of: date, setting: str | None,
                        lines_per_partition: int, memory_limit: str) -> tuple[Path, int]:
    """One job: the lines, partitioned by a hash of claim_id (all of a claim's lines in one task), each
    partition audited by DuckDB in the task's Python worker, the findings written as Parquet."""
    out = work / "findings"
    out.mkdir(parents=True, exist_ok=True)
    n = _partitions(spark, files, lines_per_partition)
    fn = _audit_partition(setting=setting, as_of=as_of, memory_limit=memory_limit, parts=str(out))
    counts = _staged_frame(spark, files).repartition(n, "claim_id").mapInArrow(
        fn, "partition INT, lines BIGINT, findings BIGINT").collect()  # one small row per task
    return out, sum(r["lines"] for r in counts)


def _findings_by_sql(spark, files: list[InputFile], work: Path, *, as_of: date, setting: str | None) -> tuple[Path, int]:
    """The rules translated to Spark SQL and run as Spark's own plan (one job per rule)."""
    from pyspark.sql.functions import broadcast

    from .bucket_sql import bucket_views_sql

    _staged_frame(spark, files).createOrReplaceTempView("staged")
    spark.sql("CACHE TABLE staged")  # read and normalised once; every view below reads the cache
    for name, path in _export_tables(as_of, work).items():
        table = spark.read.parquet(path)
        # small tables: each executor gets a copy, no shuffle of the lines; the NCCI pairs are
        # joined by a sort-merge join (a hint, so that no size estimate makes Spark broadcast them)
        table = table.hint("merge") if name in NOT_BROADCAST else broadcast(table)
        table.createOrReplaceTempView(name)
    info = rules_table().to_pylist()
    spark.createDataFrame([(r["rule"], r["summary"], r["citations"]) for r in info],
                          "rule STRING, summary STRING, citations ARRAY<STRING>").createOrReplaceTempView("rule_info")
    for name, body, table in bucket_views_sql(setting):
        spark.sql(to_spark_sql(body)).createOrReplaceTempView(name)
        if table:
            spark.sql(f"CACHE TABLE {name}")
    for name, sql, _ in DERIVED_VIEWS:
        # every derived table is computed once and cached (several rules read each of them)
        body = audit_lines_sql("lines", "bills", "mods") if sql is None else sql
        spark.sql(to_spark_sql(body)).createOrReplaceTempView(name)
        spark.sql(f"CACHE TABLE {name}")
    parts = []
    for rule in all_rules():  # one view per rule: sqlglot hoists CTEs, whose names repeat across rules
        view = "r_" + rule.id.replace(".", "_")
        spark.sql(to_spark_sql(rule.sql)).createOrReplaceTempView(view)
        severity = "severity" if rule.severity_column else f"'{rule.severity}'"
        parts.append(f"SELECT '{rule.id}' AS rule, {severity} AS severity, source, lines, "
                     f"CAST(amount AS DECIMAL(14,2)) AS amount FROM {view}")
    # each rule is its own job writing its findings (few rows) to the work folder, then they are
    # joined to each claim's patient, provider and month: one plan of every rule at once ran about
    # twice as long as the rules one after the other (measured at 1 M lines, docs/scale.md)
    rule_parts = []
    for k, part in enumerate(parts):
        path = str(work / "rule_findings" / f"part-{k:03d}")
        spark.sql(part).write.parquet(path)
        rule_parts.append(path)
    spark.read.parquet(*rule_parts).createOrReplaceTempView("rule_findings")
    findings = spark.sql("""
        SELECT f.rule, f.severity, c.patient_id, f.source AS claim_id, f.lines, f.amount,
               ri.summary AS summary, ri.citations, c.provider, c.month
        FROM rule_findings AS f
        JOIN claims AS c ON c.claim_id = f.source
        JOIN rule_info AS ri ON ri.rule = f.rule""")
    findings.createOrReplaceTempView("findings_raw")
    final = spark.sql(
        "SELECT rule, severity, patient_id, claim_id, ARRAY_SORT(lines) AS lines, amount, "
        "summary || ' (claim ' || claim_id || ', line' || CASE WHEN SIZE(lines) = 1 THEN ' ' ELSE 's ' END "
        "|| ARRAY_JOIN(ARRAY_SORT(lines), ', ') || ')' AS message, citations, provider, month FROM findings_raw")
    spark_out = work / "findings"
    final.write.mode("overwrite").parquet(str(spark_out))
    return spark_out, spark.sql("SELECT COUNT(*) FROM staged").collect()[0][0]


def run_batch_spark(inputs: list[str | Path], out_dir: str | Path, *, as_of: date, setting: str | None = None,
                    master: str = "local[*]", write_csv: bool = False, spark=None, plan: str = "claims",
                    lines_per_partition: int = LINES_PER_PARTITION, task_memory: str = TASK_MEMORY) -> BatchRun:
    """Audit the inputs on Spark; the same outputs as run_batch (findings.parquet, summary).

    plan="claims" (default): Spark partitions the lines by claim and each task audits its claims with
    the DuckDB rule engine (docs/scale.md). plan="sql": the rules translated to Spark SQL, run by
    Spark's own planner (kept to compare; about 40x slower on one machine)."""
    from .summary import write_results

    if plan not in ("claims", "sql"):
        raise ValueError(f"unknown Spark plan {plan!r}")
    if plan == "claims":
        try:
            import pandas  # noqa: F401 - PySpark's mapInArrow requires it (the tasks never use it)
        except ImportError:
            raise BadInput("--engine spark needs pandas beside PySpark: pip install 'billadvocate[spark]'")
    files = inspect_all(inputs)
    out = Path(out_dir)
    work = out / "_work_spark"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()
    own = spark is None
    spark = spark or spark_session(master)
    run = BatchRun(inputs=files, out_dir=out)
    try:
        if plan == "claims":
            spark_out, run.lines = _findings_by_claims(spark, files, work, as_of=as_of, setting=setting,
                                                       lines_per_partition=lines_per_partition,
                                                       memory_limit=sqltext.memory_limit(task_memory))
        else:
            spark_out, run.lines = _findings_by_sql(spark, files, work, as_of=as_of, setting=setting)
    finally:
        spark.catalog.clearCache()
        if own:
            spark.stop()
    con = duckdb.connect()
    try:
        run.buckets = 1
        write_results(con, list(spark_out.glob("*.parquet")), out, run, write_csv=write_csv,
                      started=started)
    finally:
        con.close()
    shutil.rmtree(work, ignore_errors=True)
    return run
