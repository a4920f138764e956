"""Runs the audit rules as SQL in DuckDB over the canonical line table.

Tables every rule may use:
  lines(source, line, service_date, code, revenue_code, description, units, charge, unit_price,
        modifiers VARCHAR[], ndc, provider, claim_id, not_received BOOLEAN)
  facts(name, value)   -- one row per case fact the rules may need (care_start, setting, ...)
No I/O: the caller reads the files and passes canonical objects in.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Finding, Line
from .rule import Rule
from .rules import all_rules

_LINES_SCHEMA = pa.schema([
    ("source", pa.string()), ("line", pa.int64()), ("service_date", pa.date32()),
    ("code", pa.string()), ("revenue_code", pa.string()), ("description", pa.string()),
    ("units", pa.decimal128(12, 3)), ("charge", pa.decimal128(14, 2)),
    ("unit_price", pa.decimal128(14, 2)), ("modifiers", pa.list_(pa.string())),
    ("ndc", pa.string()), ("provider", pa.string()), ("claim_id", pa.string()),
    ("not_received", pa.bool_()),
])


def lines_table(lines: Iterable[tuple[str, Line]], not_received: set[int] = frozenset()) -> pa.Table:
    rows: dict[str, list] = {name: [] for name in _LINES_SCHEMA.names}
    for source, ln in lines:
        rows["source"].append(source)
        rows["line"].append(ln.line)
        rows["service_date"].append(ln.date)
        rows["code"].append(ln.code)
        rows["revenue_code"].append(ln.revenue_code)
        rows["description"].append(ln.description)
        rows["units"].append(Decimal(ln.units))
        rows["charge"].append(Decimal(ln.charge))
        rows["unit_price"].append(None if ln.unit_price is None else Decimal(ln.unit_price))
        rows["modifiers"].append(list(ln.modifiers))
        rows["ndc"].append(ln.ndc)
        rows["provider"].append(ln.provider)
        rows["claim_id"].append(ln.claim_id)
        rows["not_received"].append(ln.line in not_received)
    return pa.table(rows, schema=_LINES_SCHEMA)


def run_rules(table: pa.Table, facts: dict[str, Any] | None = None,
              rules: list[Rule] | None = None) -> list[Finding]:
    """Every rule over the table; a rule whose needed facts are missing is skipped by the caller's
    choice of `rules` or reports at info severity itself."""
    facts = facts or {}
    con = duckdb.connect()
    try:
        con.register("lines", table)
        fact_rows = pa.table({"name": list(facts), "value": [None if v is None else str(v) for v in facts.values()]},
                             schema=pa.schema([("name", pa.string()), ("value", pa.string())]))
        con.register("facts", fact_rows)
        findings: list[Finding] = []
        for rule in rules if rules is not None else all_rules():
            if any(facts.get(n) is None for n in rule.needs):
                continue
            cur = con.execute(rule.sql)
            cols = [d[0] for d in cur.description]
            for values in cur.fetchall():
                findings.append(rule.finding(dict(zip(cols, values))))
        return findings
    finally:
        con.close()
