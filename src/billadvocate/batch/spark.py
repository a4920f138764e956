"""`batch audit --engine spark`: the same rule SQL, translated to Spark SQL by sqlglot, on PySpark.

How it maps (docs/scale.md has the cluster design):
- the claim lines are read by Spark itself (Parquet or CSV), renamed and typed like DuckDB's staging;
- `lines`, `bills` (one row per claim) and `claims` are the same views as on DuckDB;
- the reference tables and the law tables are small: DuckDB writes them once to Parquet in the work
  folder and Spark reads them, broadcast to every executor (NCCI PTP, 3 M rows, by sort-merge join);
- the input and the derived views (`audit_lines`, `bill_sums`, `line_benchmarks`) are cached once; every rule's SQL is translated from
  DuckDB's dialect with sqlglot, plus the few fixes below; findings are written as Parquet.
"""

from __future__ import annotations

import re
import shutil
import time
from datetime import date
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from ..audit.engine import AUDIT_LINES_SQL, DERIVED_VIEWS, prepare
from ..audit.rules import all_rules
from .findings_sql import rules_table
from .inputs import InputFile, inspect_all
from .run import BatchRun
from .stage import STAGED_COLUMNS

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


def _normalised_columns(f: InputFile) -> str:
    exprs = []
    for col, typ in STAGED_COLUMNS.items():
        st = _spark_type(typ)
        if col not in f.columns:
            exprs.append(f"CAST(NULL AS {st}) AS {col}")
            continue
        src = f"`{f.columns[col]}`"
        if col == "modifiers":
            if f.types[col].endswith("[]"):
                exprs.append(f"TRANSFORM({src}, m -> UPPER(TRIM(CAST(m AS STRING)))) AS modifiers")
            else:
                exprs.append(f"FILTER(TRANSFORM(SPLIT(COALESCE(CAST({src} AS STRING), ''), '[\\\\s,;]+'), "
                             f"m -> UPPER(m)), m -> m <> '') AS modifiers")
        elif col in ("code", "revenue_code"):
            exprs.append(f"NULLIF(UPPER(TRIM(CAST({src} AS STRING))), '') AS {col}")
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

        con.register("lines", LINES_SCHEMA.empty_table())
        con.register("bills", BILLS_SCHEMA.empty_table())
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

    return (SparkSession.builder.master(master).appName("billadvocate-batch")
            .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.ansi.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "2g")
            # adaptive execution: shuffle partitions coalesced to the data, and a join whose side turns
            # out small after a shuffle becomes a broadcast join (the NCCI table is kept out by a hint)
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
            .config("spark.sql.autoBroadcastJoinThreshold", str(BROADCAST_BYTES)).getOrCreate())


def run_batch_spark(inputs: list[str | Path], out_dir: str | Path, *, as_of: date, setting: str | None = None,
                    master: str = "local[*]", write_csv: bool = False, spark=None) -> BatchRun:
    """Audit the inputs on Spark; the same outputs as run_batch (findings.parquet, summary)."""
    from pyspark.sql.functions import broadcast

    from .bucket_sql import bucket_views_sql
    from .summary import write_results

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
        frames = []
        for i, f in enumerate(files):
            reader = spark.read.parquet(str(f.path)) if f.kind == "parquet" else \
                spark.read.option("header", "true").option("inferSchema", "false").csv(str(f.path))
            reader.createOrReplaceTempView(f"input_{i}")
            frames.append(f"SELECT {_normalised_columns(f)} FROM input_{i}")
        spark.sql(" UNION ALL ".join(frames)).createOrReplaceTempView("staged")
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
            body = AUDIT_LINES_SQL.format(lines="lines", bills="bills") if sql is None else sql
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
        run.lines = spark.sql("SELECT COUNT(*) FROM staged").collect()[0][0]
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

