"""Staging: the inputs rewritten once as Parquet, normalised and split into buckets by claim.

Every rule is local to one claim, so a bucket (all the lines of the claims whose id hashes to it)
can be audited on its own: memory stays bounded by the bucket, and an interrupted run resumes at
the first bucket not yet done.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import BadInput
from .inputs import DRG_PREFIX, DATES, NUMERIC, InputFile

# canonical column -> SQL type after staging
STAGED_COLUMNS = {
    "patient_id": "VARCHAR", "claim_id": "VARCHAR", "line": "BIGINT", "service_date": "DATE",
    "code": "VARCHAR", "revenue_code": "VARCHAR", "description": "VARCHAR", "units": "DECIMAL(12,3)",
    "charge": "DECIMAL(14,2)", "unit_price": "DECIMAL(14,2)", "mods": "VARCHAR",
    "ndc": "VARCHAR", "provider": "VARCHAR",
    # per-claim facts (optional)
    "care_start": "DATE", "care_end": "DATE", "setting": "VARCHAR", "emergency": "BOOLEAN",
    "insurance_status": "VARCHAR", "state": "VARCHAR", "in_network": "BOOLEAN",
    "facility_in_network": "BOOLEAN", "gfe_total": "DECIMAL(14,2)", "ms_drg": "VARCHAR",
}
LINES_PER_BUCKET = 10_000_000


def _expr(f: InputFile, col: str) -> str:
    typ = STAGED_COLUMNS[col]
    if col == "mods":
        return _mods_expr(f)
    if col not in f.columns:
        return f"CAST(NULL AS {typ}) AS {col}"
    src = '"' + f.columns[col].replace('"', '""') + '"'
    have = f.types[col]
    if col in NUMERIC and not have.startswith(("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                                               "FLOAT", "DOUBLE", "DECIMAL", "U")):
        return f"CAST(replace(replace(trim({src}::VARCHAR), '$', ''), ',', '') AS {typ}) AS {col}"
    if col in DATES and not have.startswith(("DATE", "TIMESTAMP")):
        return f"CAST(trim({src}::VARCHAR) AS DATE) AS {col}"
    if col in ("code", "revenue_code"):
        return f"nullif(upper(trim({src}::VARCHAR)), '') AS {col}"
    if col == "ms_drg":  # three digits, as the bill readers keep it (inputs.py checked the values)
        return (f"CASE WHEN coalesce(trim({src}::VARCHAR), '') = '' THEN NULL ELSE lpad(regexp_replace("
                f"upper(trim({src}::VARCHAR)), '{DRG_PREFIX}', ''), 3, '0') END AS ms_drg")
    return f"CAST({src} AS {typ}) AS {col}"


# the characters that separate a line's modifiers in a text column ("25 59", "25,59", "25; 59")
MODIFIER_SEPARATORS = "[\\s,;]+"


def _mods_expr(f: InputFile) -> str:
    """The line's modifiers as the audit reads them (audit/sqltypes.py modifiers_text): upper case, one
    space before and after each, '  ' for none: ' 25 59 '. Made here from the text itself, not through
    a list: 95% of a claims extract's lines carry no modifier, and an empty list made and joined again
    for each of ten million lines cost a fifth of building the audit's lines."""
    if "modifiers" not in f.columns:
        return "'  ' AS mods"
    src = '"' + f.columns["modifiers"].replace('"', '""') + '"'
    if f.types["modifiers"].endswith("[]"):
        return (f"' ' || coalesce(array_to_string(list_transform({src}, lambda m: upper(trim(m::VARCHAR))), ' '), '')"
                f" || ' ' AS mods")
    text = f"{src}::VARCHAR"
    trimmed = f"regexp_replace({text}, '^{MODIFIER_SEPARATORS}|{MODIFIER_SEPARATORS}$', '', 'g')"
    return (f"CASE WHEN coalesce({text}, '') = '' THEN '  ' "
            f"ELSE ' ' || upper(regexp_replace({trimmed}, '{MODIFIER_SEPARATORS}', ' ', 'g')) || ' ' END AS mods")


def select_normalised(f: InputFile) -> str:
    cols = ",\n  ".join(_expr(f, c) for c in STAGED_COLUMNS)
    return f"SELECT\n  {cols}\nFROM {f.reader()}"


def count_lines(con: duckdb.DuckDBPyConnection, files: list[InputFile]) -> int:
    total = 0
    for f in files:
        if f.kind == "parquet":
            p = str(f.path).replace("'", "''")
            total += con.execute(f"SELECT sum(num_rows) FROM parquet_file_metadata('{p}')").fetchall()[0][0] or 0
        else:
            total += con.execute(f"SELECT count(*) FROM {f.reader()}").fetchall()[0][0]
    return int(total)


def stage(con: duckdb.DuckDBPyConnection, files: list[InputFile], staged_dir: Path, buckets: int) -> None:
    """Write the normalised lines to staged_dir/bucket=K/*.parquet (one bucket per claim-id hash)."""
    union = "\nUNION ALL\n".join(select_normalised(f) for f in files)
    target = str(staged_dir).replace("'", "''")
    try:
        con.execute(
            f"COPY (SELECT *, CAST(hash(claim_id) % {buckets} AS INTEGER) AS bucket FROM ({union})) "
            f"TO '{target}' (FORMAT parquet, PARTITION_BY (bucket), OVERWRITE_OR_IGNORE true)")
    except duckdb.ConversionException as e:
        raise BadInput(f"a value could not be read: {str(e).splitlines()[0][:240]}",
                       file=", ".join(str(f.path) for f in files) if len(files) < 4 else f"{len(files)} input files")
    except duckdb.Error as e:
        raise BadInput(f"the inputs could not be read: {str(e).splitlines()[0][:240]}")


def file_buckets(con: duckdb.DuckDBPyConnection, files: list[InputFile], lines_per_bucket: int) -> list[list[int]] | None:
    """Buckets of whole input files, read in place with no staging, when that is safe: every input is
    Parquet, none holds more than a bucket's lines, and no claim has lines in two buckets (checked
    over the claim ids alone). Consecutive files are grouped up to lines_per_bucket lines. None when
    the inputs must be staged (a CSV, a file larger than a bucket, or claims spread across files)."""
    if len(files) < 2 or any(f.kind != "parquet" for f in files):
        return None
    rows = [count_lines(con, [f]) for f in files]
    if max(rows) > lines_per_bucket:
        return None
    groups: list[list[int]] = [[]]
    size = 0
    for i, n in enumerate(rows):
        if groups[-1] and size + n > lines_per_bucket:
            groups.append([])
            size = 0
        groups[-1].append(i)
        size += n
    if len(groups) < 2:
        return groups
    def claim_ids(f: InputFile, g: int) -> str:
        column = '"' + f.columns["claim_id"].replace('"', '""') + '"'
        return f"SELECT CAST({column} AS VARCHAR) AS claim_id, {g} AS g FROM {f.reader()}"

    ids = " UNION ALL ".join(claim_ids(files[i], g) for g, group in enumerate(groups) for i in group)
    spread = con.execute(f"SELECT 1 FROM ({ids}) GROUP BY claim_id HAVING min(g) <> max(g) LIMIT 1").fetchall()
    return None if spread else groups
