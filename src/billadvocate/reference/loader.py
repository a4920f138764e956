"""Registering the reference tables in a DuckDB connection, one view per table over its releases."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .catalog import TABLES
from .prices_schema import PRICES_SCHEMA
from .store import DATED_FROM_START, SHIPPED_DIR, Release, all_releases


def releases(imported: Path | None = None) -> list[Release]:
    """Every release in force: the shipped snapshot plus the user's imports."""
    return all_releases(SHIPPED_DIR, imported)


def _q(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _empty(schema) -> str:
    from ..audit.sqltypes import duck_type

    cols = ", ".join(f"NULL::{duck_type(f.type)} AS {f.name}" for f in schema)
    return f"SELECT {cols} WHERE false"


# table -> its code columns, for narrowing to the codes of one bill
CODE_COLUMNS = {"ncci_ptp": ("column_1", "column_2"), "mue": ("code",), "ncci_aoc": ("add_on_code",),
                "pfs_rvu": ("hcpcs",), "hcpcs": ("code",), "prices": ("code",), "opps": ("hcpcs",),
                "clfs": ("hcpcs",), "asp": ("hcpcs",), "dmepos": ("hcpcs",),
                "ambulance_fee": ("hcpcs",)}


def register(con: duckdb.DuckDBPyConnection, imported: Path | None = None,
             only: set[str] | None = None, codes: set[str] | None = None) -> list[Release]:
    """Create the ref_* views in `con`; returns the releases used.

    With `codes` (one bill's codes), tables keyed by code become small temporary tables holding
    only those codes' rows: the same names and columns, so the rule SQL is unchanged, and one
    bill's audit does not join against millions of edit pairs."""
    rels = releases(imported)
    if codes is not None:  # a semi-join with this table reads the Parquet files in half the time of an IN list
        con.execute("CREATE OR REPLACE TEMP TABLE ref_wanted_codes AS SELECT DISTINCT unnest(?::VARCHAR[]) AS code",
                    [sorted(codes) or [""]])
    for table, (_, schema) in {**TABLES, "prices": (None, PRICES_SCHEMA)}.items():
        if only is not None and table not in only:
            continue
        cols = ", ".join(f.name for f in schema)
        parts = [
            f"SELECT {_q(r.setting or '')} AS setting, DATE {_q(r.effective_from)} AS release_from, "
            f"DATE {_q(r.applies_from)} AS applies_from, DATE {_q(r.applies_to)} AS applies_to, "
            f"{_q(r.extra.get('key', ''))} AS price_key, {cols} FROM read_parquet({_q(r.file)})"
            for r in rels if r.table == table and r.file.is_file()
        ]
        if not parts:
            parts = [f"SELECT '' AS setting, NULL::DATE AS release_from, NULL::DATE AS applies_from, "
                     f"NULL::DATE AS applies_to, '' AS price_key, * FROM ({_empty(schema)})"]
        sql = " UNION ALL ".join(parts)
        if codes is not None and table in CODE_COLUMNS:
            where = " AND ".join(f"{c} IN (SELECT code FROM ref_wanted_codes)" for c in CODE_COLUMNS[table])
            _drop(con, f"main.ref_{table}", "VIEW")
            con.execute(f"CREATE OR REPLACE TEMP TABLE ref_{table} AS SELECT * FROM ({sql}) WHERE {where}")
        else:
            _drop(con, f"temp.ref_{table}", "TABLE")
            con.execute(f"CREATE OR REPLACE VIEW ref_{table} AS {sql}")
    con.execute(f"CREATE OR REPLACE VIEW ref_schedule_starts AS {schedule_starts_sql(rels)}")
    return rels


def schedule_starts_sql(rels: list[Release]) -> str:
    """`ref_schedule_starts` (schedule, covers_from): the first date of service each dated schedule's
    earliest release is used for (store.DATED_FROM_START), from the whole table even when one bill's
    audit narrows the rows to its codes: the audit says so of a line dated before it."""
    starts: dict[str, object] = {}
    for r in rels:
        if r.table in DATED_FROM_START and r.file.is_file():
            starts[r.table] = min(starts.get(r.table, r.applies_from), r.applies_from)
    if not starts:
        return "SELECT CAST(NULL AS VARCHAR) AS schedule, CAST(NULL AS DATE) AS covers_from WHERE false"
    rows = ", ".join(f"({_q(t)}, DATE {_q(d)})" for t, d in sorted(starts.items()))
    return f"SELECT * FROM (VALUES {rows}) AS s(schedule, covers_from)"


def _drop(con: duckdb.DuckDBPyConnection, name: str, kind: str) -> None:
    try:
        con.execute(f"DROP {kind} IF EXISTS {name}")
    except duckdb.CatalogException:  # it exists as the other kind: nothing to drop
        pass


def describe_release(r: Release) -> str:
    what = r.table + (f" ({r.setting})" if r.setting else "")
    to = f" to {r.effective_to}" if r.effective_to else ""
    return f"{what}: effective {r.effective_from}{to}, {r.rows:,} rows, {r.origin}; {r.source}"
