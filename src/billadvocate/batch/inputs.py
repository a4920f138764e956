"""Batch inputs: find the CSV and Parquet files, check their columns and types before any work.

A claim-line extract has the canonical line columns plus a claim id and a patient id:

    required  patient_id, claim_id, line, service_date (or date), code, units, charge
    optional  revenue_code, description, modifiers (text '25 59' or a list), unit_price, ndc,
              provider, and per-claim facts the rules may use: care_start, care_end, setting,
              emergency, insurance_status, state, in_network, gfe_total, ms_drg (an
              inpatient claim's MS-DRG) ...

Every problem is one BadInput naming the file and the column, raised before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import BadInput

REQUIRED = ("patient_id", "claim_id", "line", "service_date", "code", "units", "charge")
ALIASES = {"date": "service_date", "dos": "service_date", "hcpcs": "code", "cpt": "code",
           "quantity": "units", "qty": "units", "amount": "charge", "claim": "claim_id",
           "patient": "patient_id", "member_id": "patient_id",
           "drg": "ms_drg", "ms-drg": "ms_drg", "msdrg": "ms_drg", "drg_code": "ms_drg", "clm_drg_cd": "ms_drg"}
NUMERIC = ("line", "units", "charge", "unit_price", "gfe_total")
DATES = ("service_date", "care_start", "care_end")
_NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                  "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DECIMAL")


@dataclass(frozen=True)
class InputFile:
    path: Path
    kind: str  # csv | parquet
    columns: dict[str, str]  # canonical name -> the file's own column name
    types: dict[str, str]  # canonical name -> DuckDB type as read

    def reader(self) -> str:
        """A DuckDB table expression reading this file."""
        p = str(self.path).replace("'", "''")
        if self.kind == "parquet":
            return f"read_parquet('{p}')"
        return f"read_csv('{p}', header = true, auto_detect = true, sample_size = -1)"


def expand(inputs: list[str | Path]) -> list[Path]:
    """Files and folders (searched recursively) -> the CSV and Parquet files, sorted."""
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and _kind(f))
            if not found:
                raise BadInput("the folder has no .csv or .parquet files", file=str(p))
            files.extend(found)
        elif p.is_file():
            if not _kind(p):
                raise BadInput("not a .csv or .parquet file", file=str(p))
            files.append(p)
        else:
            raise BadInput("no such file or folder", file=str(p))
    return files


def _kind(p: Path) -> str | None:
    name = p.name.lower()
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".csv.gz", ".tsv")):
        return "csv"
    return None


def _describe(con: duckdb.DuckDBPyConnection, path: Path, kind: str) -> list[tuple[str, str]]:
    probe = InputFile(path, kind, {}, {})
    try:
        if path.stat().st_size == 0:
            raise BadInput("the file is empty", file=str(path))
        rows = con.execute(f"DESCRIBE SELECT * FROM {probe.reader()}").fetchall()
    except duckdb.Error as e:
        what = "not a readable Parquet file (corrupt or truncated?)" if kind == "parquet" else "not a readable CSV file"
        raise BadInput(f"{what}: {str(e).splitlines()[0][:200]}", file=str(path))
    return [(r[0], r[1]) for r in rows]


def inspect(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> InputFile:
    """Check one file's columns and types; BadInput naming the file and column on any problem."""
    own = con or duckdb.connect()
    kind = _kind(path) or "csv"
    described = _describe(own, path, kind)
    columns: dict[str, str] = {}
    types: dict[str, str] = {}
    for name, typ in described:
        key = name.strip().lower().replace(" ", "_")
        canon = ALIASES.get(key, key)
        if canon not in columns:
            columns[canon] = name
            types[canon] = typ
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise BadInput(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                       f"(a claim-line file needs {', '.join(REQUIRED)})", file=str(path))
    for col in NUMERIC:
        if col in types and not types[col].startswith(_NUMERIC_TYPES):
            _check_castable(own, path, kind, columns[col], col, "DECIMAL(18,3)", "a number")
    for col in DATES:
        if col in types and not types[col].startswith(("DATE", "TIMESTAMP")):
            _check_castable(own, path, kind, columns[col], col, "DATE", "a date (YYYY-MM-DD)")
    if "ms_drg" in columns:
        _check_drg(own, path, kind, columns["ms_drg"])
    _check_claim_ids(own, path, kind, columns["claim_id"])
    if con is None:
        own.close()
    return InputFile(path, kind, columns, types)


def _check_castable(con, path: Path, kind: str, own_name: str, col: str, sql_type: str, what: str) -> None:
    probe = InputFile(path, kind, {}, {})
    quoted = '"' + own_name.replace('"', '""') + '"'
    rows = con.execute(
        f"SELECT {quoted}::VARCHAR FROM {probe.reader()} "
        f"WHERE {quoted} IS NOT NULL AND trim({quoted}::VARCHAR) <> '' "
        f"AND TRY_CAST(replace(replace({quoted}::VARCHAR, '$', ''), ',', '') AS {sql_type}) IS NULL LIMIT 1"
    ).fetchall()
    if rows:
        raise BadInput(f"column {col} has {rows[0][0]!r}, which is not {what}", file=str(path))


# an MS-DRG as a claims extract writes it ("871", "0871" is not one, "MS-DRG 871", "DRG 871", 871 as a number);
# stage.py and spark.py normalise it to three digits with the same prefix
DRG_PREFIX = "^(MS-?DRG|DRG) *"


def _check_drg(con, path: Path, kind: str, own_name: str) -> None:
    probe = InputFile(path, kind, {}, {})
    quoted = '"' + own_name.replace('"', '""') + '"'
    rows = con.execute(
        f"SELECT {quoted}::VARCHAR FROM {probe.reader()} "
        f"WHERE {quoted} IS NOT NULL AND trim({quoted}::VARCHAR) <> '' AND NOT regexp_full_match("
        f"regexp_replace(upper(trim({quoted}::VARCHAR)), '{DRG_PREFIX}', ''), '[0-9]{{1,3}}') LIMIT 1").fetchall()
    if rows:
        raise BadInput(f"column ms_drg has {rows[0][0]!r}, which is not an MS-DRG (three digits, e.g. 871)",
                       file=str(path))


def _check_claim_ids(con, path: Path, kind: str, own_name: str) -> None:
    """Every line names its claim: lines without a claim id would be audited together as one claim (a
    test on two people's claims a duplicate). A Parquet file's footer says whether any is missing or
    empty (its null count and smallest value), so a clean file is not read; a CSV file is read."""
    probe = InputFile(path, kind, {}, {})
    quoted = '"' + own_name.replace('"', '""') + '"'
    if kind == "parquet":
        p = str(path).replace("'", "''")
        name = own_name.replace("'", "''")
        nulls, unknown, smallest = con.execute(
            f"SELECT sum(stats_null_count), bool_or(stats_null_count IS NULL OR stats_min_value IS NULL), "
            f"min(stats_min_value) FROM parquet_metadata('{p}') WHERE path_in_schema = '{name}'").fetchone()
        if not unknown and not nulls and (smallest is None or smallest.strip()):
            return
    missing = f"{quoted} IS NULL OR trim({quoted}::VARCHAR) = ''"
    count = con.execute(f"SELECT count(*) FROM {probe.reader()} WHERE {missing}").fetchone()[0]
    if not count:
        return
    rows = "file_row_number + 1" if kind == "parquet" else "row_number() OVER () + 1"  # a CSV's row 1: its header
    reader = f"read_parquet('{str(path).replace(chr(39), chr(39) * 2)}', file_row_number = true)" if kind == "parquet" \
        else probe.reader()
    first = con.execute(f"SELECT min(r) FROM (SELECT {rows} AS r, {quoted} FROM {reader}) WHERE {missing}").fetchone()[0]
    raise BadInput(f"{count} line{'s have' if count > 1 else ' has'} no claim_id (the first at row {first}): every "
                   f"line needs its claim's id, or lines of different claims would be audited as one; fill it "
                   f"in or leave those lines out", file=str(path))


def inspect_all(inputs: list[str | Path]) -> list[InputFile]:
    con = duckdb.connect()
    try:
        return [inspect(p, con) for p in expand(inputs)]
    finally:
        con.close()
