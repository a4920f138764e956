"""The SQL that turns the audit engine's scale rows into batch findings (same ids and fields)."""

from __future__ import annotations

from datetime import date

import duckdb
import pyarrow as pa

from ..audit.engine import prepare, scale_sql
from ..audit.rules import all_rules


def rules_table() -> pa.Table:
    """rule id -> summary and citations, joined onto the findings."""
    rules = all_rules()
    return pa.table({"rule": [r.id for r in rules], "summary": [r.summary for r in rules],
                     "citations": [list(r.citations) for r in rules]})


def prepare_bucket(con: duckdb.DuckDBPyConnection, *, as_of: date) -> None:
    """The audit engine's derived tables over the current `lines` and `bills` views."""
    prepare(con, as_of=as_of, lines="lines", bills="bills", materialize=True)


def audit_bucket(con: duckdb.DuckDBPyConnection, staged_sql: str, *, setting: str | None, as_of: date) -> None:
    """Everything the rules read, over one bucket's normalised lines (`staged_sql`, a query with the
    staged columns): `staged`, `claim_facts`, `lines`, `bills`, `claims`, the derived tables, and
    `rule_info`. Both engines call it: DuckDB per bucket, Spark per partition of claims."""
    from .bucket_sql import bucket_views_sql

    con.execute(f"CREATE OR REPLACE VIEW staged AS {staged_sql}")
    for name, body, table in bucket_views_sql(setting):
        con.execute(f"CREATE OR REPLACE {'TEMP TABLE' if table else 'VIEW'} {name} AS {body}")
    prepare_bucket(con, as_of=as_of)
    con.register("rule_info", rules_table())


def finding_rows_sql(rules=None) -> str:
    """Findings of the current bucket, one row each, with the claim's patient, provider and month."""
    rows = scale_sql(rules)
    return f"""
        SELECT f.rule, f.severity, c.patient_id, f.source AS claim_id,
               list_sort(f.lines) AS lines, f.amount,
               ri.summary || ' (claim ' || f.source || ', line' ||
                   CASE WHEN len(f.lines) = 1 THEN ' ' ELSE 's ' END ||
                   array_to_string(list_sort(f.lines), ', ') || ')' AS message,
               ri.citations, c.provider, c.month
        FROM ({rows}) AS f
        JOIN claims AS c ON c.claim_id = f.source
        JOIN rule_info AS ri ON ri.rule = f.rule
    """
