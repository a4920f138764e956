"""The SQL that turns the audit engine's scale rows into batch findings (same ids and fields)."""

from __future__ import annotations

from datetime import date

import duckdb
import pyarrow as pa

from ..audit.engine import prepare, scale_sql
from ..audit.rules import all_rules


# how a bucket's findings are written: zstd (the same CPU as snappy here, a third of the bytes: the
# messages repeat), and a dictionary only for columns of few values (rule, severity, month, the
# citations: under 6 kB for every rule at once); a claim id's or a message's dictionary would be tried
# and dropped in every row group (8192 bytes: 12% less time writing 6.8 M findings, 14% fewer bytes)
# Row groups of 61,440 findings (half DuckDB's default): the writer's per-column work stays in the CPU's
# caches (4.1 against 4.7 CPU s for 6.8 M findings, 35 MB against 34).
PART_OPTIONS = "FORMAT parquet, COMPRESSION zstd, DICTIONARY_SIZE_LIMIT 8192, ROW_GROUP_SIZE 61440"


def rules_table() -> pa.Table:
    """rule id -> summary and citations (Spark's plan "sql" joins it onto the findings)."""
    rules = all_rules()
    return pa.table({"rule": [r.id for r in rules], "summary": [r.summary for r in rules],
                     "citations": [list(r.citations) for r in rules]})


def prepare_bucket(con: duckdb.DuckDBPyConnection, *, as_of: date, keys: str) -> None:
    """The audit engine's derived tables over the current `lines` and `bills` views. A claims extract has
    no EOBs: the rules that read them see none, keyed as the bills are (a text key in an otherwise
    64-bit-keyed union of every rule's rows made each of millions of findings' keys text and back)."""
    from ..audit.tables import empty_eobs
    from .bucket_sql import HASH

    con.register("eobs_none", empty_eobs())
    key = "CAST(source AS UBIGINT)" if keys == HASH else "source"
    con.execute(f"CREATE OR REPLACE VIEW eobs_keyed AS SELECT * REPLACE ({key} AS source) FROM eobs_none")
    prepare(con, as_of=as_of, lines="lines", bills="bills", eobs="eobs_keyed", materialize=True, mods_column="mods")


# what a bucket materialises (bucket_sql's claim_facts, the engine's derived tables at scale)
BUCKET_TABLES = ("audit_lines", "bill_sums", "repeat_keys", "claim_facts")


def audit_bucket(con: duckdb.DuckDBPyConnection, staged_sql: str, *, setting: str | None, as_of: date,
                 keys: str | None = None) -> str:
    """Everything the rules read, over one bucket's normalised lines (`staged_sql`, a query with the
    staged columns): `staged`, `claim_facts`, `lines`, `bills`, `claims` and the derived tables.
    Both engines call it: DuckDB per bucket, Spark per partition of claims. Bills are keyed by a hash
    of the claim id unless two claim ids of the bucket share one (then by the id itself); `keys` ("hash"
    or "text") forces one. Returns the keys used."""
    from .bucket_sql import HASH, TEXT, bucket_views_sql, keys_unique_sql

    # the last bucket's tables go first: replaced only once the new ones were built, they held their
    # memory while the next bucket's were made (a 10-bucket run paid for it in every bucket after the first)
    for name in BUCKET_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.execute(f"CREATE OR REPLACE VIEW staged AS {staged_sql}")
    views = bucket_views_sql(setting, keys=keys or HASH)
    name, body, _ = views[0]  # claim_facts (the same for both keys): the hashes are checked on it
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {body}")
    if keys is None and not con.execute(keys_unique_sql()).fetchone()[0]:
        keys = TEXT
        views = bucket_views_sql(setting, keys=TEXT)
    for name, body, table in views[1:]:
        if name == "claims":
            body = _claims_with_enums(con, body)
        con.execute(f"CREATE OR REPLACE {'TEMP TABLE' if table else 'VIEW'} {name} AS {body}")
    prepare_bucket(con, as_of=as_of, keys=keys or HASH)
    for sql in enum_types_sql():
        con.execute(sql)
    return keys or HASH


# a bucket's months and (when there are few) providers as ENUMs of the bucket's own values: each finding
# then carries a small code, and the Parquet writer takes the code instead of hashing the text into its
# dictionary (6.8 M findings: 0.7 CPU s less, the same strings in the file). A provider ENUM's whole
# dictionary goes into every row group, so many providers stay text.
MONTH_TYPE, PROVIDER_TYPE = "bucket_month", "bucket_provider"
ENUM_VALUES_UP_TO = 1024


def _claims_with_enums(con: duckdb.DuckDBPyConnection, claims_sql: str) -> str:
    """`claims_sql` (the claims view over claim_facts) with month and provider cast to this bucket's ENUMs."""
    con.execute("DROP VIEW IF EXISTS claims")  # the last bucket's view holds the last bucket's types
    casts = []
    for type_name, column in ((MONTH_TYPE, "month"), (PROVIDER_TYPE, "provider")):
        con.execute(f"DROP TYPE IF EXISTS {type_name}")
        distinct = f"SELECT DISTINCT {column} FROM claim_facts WHERE {column} IS NOT NULL"
        n = con.execute(f"SELECT count(*) FROM ({distinct} LIMIT {ENUM_VALUES_UP_TO + 1})").fetchone()[0]
        if 0 < n <= ENUM_VALUES_UP_TO:
            con.execute(f"CREATE TYPE {type_name} AS ENUM ({distinct})")
            casts.append(f"CAST({column} AS {type_name}) AS {column}")
    return f"SELECT * REPLACE ({', '.join(casts)}) FROM ({claims_sql})" if casts else claims_sql


# the citations, rule ids and severities are ENUMs in DuckDB: Parquet gets the same strings, but the
# writer takes each value's dictionary code instead of hashing its text (6.8 M findings' citations:
# 2.1-3.0 s -> 0.4 s; rule and severity another 0.35 s)
CITATION_TYPE, RULE_TYPE, SEVERITY_TYPE = "finding_citation", "finding_rule", "finding_severity"


def enum_types_sql() -> list[str]:
    """The ENUMs of every rule's citations, the rule ids and the severities (once per connection)."""
    from typing import get_args

    from ..model import Severity
    from .sqltext import literal

    def enum(name: str, values) -> str:
        return f"CREATE TYPE IF NOT EXISTS {name} AS ENUM ({', '.join(literal(v) for v in values)})"

    rules = all_rules()
    return [enum(CITATION_TYPE, sorted({c for rule in rules for c in rule.citations})),
            enum(RULE_TYPE, [rule.id for rule in rules]), enum(SEVERITY_TYPE, get_args(Severity))]


def _rule_constants(rule) -> str:
    """A rule's summary (the message's start) and citations, as constants of its rows."""
    from .sqltext import literal

    citations = ", ".join(literal(c) for c in rule.citations)
    return f", {literal(rule.summary + ' (claim ')} AS head, [{citations}]::{CITATION_TYPE}[] AS citations"


def finding_rows_sql(rules=None) -> str:
    """Findings of the current bucket, one row each, with the claim's patient, provider and month.

    The message is "<summary> (claim <id>, line 3)" or "(claim <id>, lines 2, 5)", lines in order; most
    findings have one line, which needs no sort. Summary and citations are constants of each rule's
    rows (joining a table of rules copied six citations into each of millions of rows: 2 s at 10 M
    lines). One concat() makes each message in one piece (chained || made four: 0.5 CPU s less at 6.8 M
    findings)."""
    rows = scale_sql(rules, constants=_rule_constants)
    return f"""
        SELECT CAST(f.rule AS {RULE_TYPE}) AS rule, CAST(f.severity AS {SEVERITY_TYPE}) AS severity,
               c.patient_id, c.claim_id,
               CASE WHEN len(f.lines) = 1 THEN f.lines ELSE list_sort(f.lines) END AS lines, f.amount,
               CASE WHEN len(f.lines) = 1 THEN concat(f.head, c.claim_id, ', line ', f.lines[1], ')')
                    ELSE concat(f.head, c.claim_id, ', lines ', array_to_string(list_sort(f.lines), ', '), ')')
               END AS message,
               f.citations, c.provider, c.month
        FROM ({rows}) AS f
        JOIN claims AS c ON c.source = f.source
    """
