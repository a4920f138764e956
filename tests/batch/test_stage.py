"""A claims extract's modifiers reach the audit as ' 25 59 ' text, made straight from the column
(text with any separators, or a list), the same on DuckDB and in Spark's normalisation."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from billadvocate.audit.sqltypes import modifiers_text
from billadvocate.batch.inputs import inspect_all
from billadvocate.batch.stage import select_normalised

TEXTS = [("25 59", " 25 59 "), ("25,59", " 25 59 "), (" 59; xu ", " 59 XU "), ("rt,,lt", " RT LT "),
         ("\t76\n", " 76 "), ("", "  "), (None, "  "), (",; ", "  "), ("59", " 59 ")]


def staged_mods(path) -> list[str]:
    (f,) = inspect_all([path])
    return [m for (m,) in duckdb.sql(f"SELECT mods FROM ({select_normalised(f)}) ORDER BY line").fetchall()]


def claims(mods) -> pa.Table:
    n = len(mods)
    return pa.table({"patient_id": ["P1"] * n, "claim_id": ["C1"] * n, "line": list(range(1, n + 1)), "service_date": ["2025-08-01"] * n,
                     "code": ["99213"] * n, "units": [1] * n, "charge": [100.0] * n, "modifiers": mods})


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_text_modifiers_become_the_audits_text(tmp_path, kind):
    path = tmp_path / f"claims.{kind}"
    table = claims([t for t, _ in TEXTS])
    if kind == "csv":
        import pyarrow.csv as pc

        pc.write_csv(table, path)
    else:
        pq.write_table(table, path)
    got = staged_mods(path)
    # CSV reads an empty field as NULL either way; both read as no modifier
    assert got == [want for _, want in TEXTS]


def test_a_list_of_modifiers_becomes_the_same_text_as_the_single_bill_audit_makes(tmp_path):
    lists = [["25", " xu"], [], None, ["rt"]]
    path = tmp_path / "claims.parquet"
    pq.write_table(claims(lists), path)
    con = duckdb.connect()
    single_bill = [con.execute(f"SELECT {modifiers_text('m')} FROM (SELECT ?::VARCHAR[] AS m)",
                               [None if x is None else [v.strip().upper() for v in x]]).fetchone()[0] for x in lists]
    assert staged_mods(path) == single_bill == [" 25 XU ", "  ", "  ", " RT "]
