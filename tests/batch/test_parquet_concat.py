"""Findings parts joined by copying their pages: the same rows as reading the parts, readable by
DuckDB and pyarrow (with filters), and a refusal, not a wrong file, when the parts cannot be joined."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from billadvocate.batch.parquet_concat import concat

ROWS = """SELECT 'R' || (i % 7) AS rule, 'C' || i AS claim_id, [i, i + 1] AS lines,
                 CAST(i AS DECIMAL(14,2)) / 3 AS amount, ['cite ' || (i % 5)] AS citations
          FROM range({lo}, {hi}) t(i)"""


def _part(con, path: Path, lo: int, hi: int, *, extra: str = "", options: str = "") -> Path:
    con.execute(f"COPY ({ROWS.format(lo=lo, hi=hi)}{extra}) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 10000{options})")
    return path


def _differ(a: str, b: str) -> int:
    return duckdb.sql(f"SELECT (SELECT count(*) FROM ({a} EXCEPT ALL {b})) + "
                      f"(SELECT count(*) FROM ({b} EXCEPT ALL {a}))").fetchall()[0][0]


def test_joined_file_holds_every_part_row_in_order(tmp_path):
    con = duckdb.connect()
    parts = [_part(con, tmp_path / "a.parquet", 0, 25_000), _part(con, tmp_path / "empty.parquet", 0, 0),
             _part(con, tmp_path / "b.parquet", 25_000, 60_000, options=", COMPRESSION zstd"),
             _part(con, tmp_path / "c.parquet", 60_000, 61_000)]
    out = tmp_path / "all.parquet"
    assert concat(parts, out)
    joined = f"SELECT * FROM read_parquet('{out}')"
    assert _differ(joined, f"SELECT * FROM read_parquet({[str(p) for p in parts]})") == 0
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchall()[0][0] == 61_000
    # a filter that reads one row group from the middle of the second part
    assert duckdb.sql(f"SELECT lines, amount FROM read_parquet('{out}') WHERE claim_id = 'C41234'").fetchall() == \
        [([41234, 41235], duckdb.sql("SELECT CAST(41234 AS DECIMAL(14,2)) / 3").fetchall()[0][0])]
    table = pq.read_table(out, filters=[("rule", "=", "R3")])
    assert table.num_rows == sum(1 for i in range(61_000) if i % 7 == 3)
    meta = pq.ParquetFile(out).metadata
    groups = [pq.ParquetFile(p).metadata for p in parts]
    assert meta.num_rows == 61_000 and meta.num_row_groups == sum(g.num_row_groups for g in groups) >= 4
    assert [meta.row_group(k).num_rows for k in range(meta.num_row_groups)] == \
        [g.row_group(k).num_rows for g in groups for k in range(g.num_row_groups)]
    # rows come part after part, in each part's own order
    first = pq.read_table(out, columns=["claim_id"]).column(0).to_pylist()
    assert first[:2] == ["C0", "C1"] and first[25_000] == "C25000" and first[-1] == "C60999"


def test_parts_of_different_schemas_are_refused(tmp_path):
    con = duckdb.connect()
    a = _part(con, tmp_path / "a.parquet", 0, 100)
    b = tmp_path / "b.parquet"
    con.execute(f"COPY (SELECT rule, claim_id FROM ({ROWS.format(lo=100, hi=200)})) TO '{b}' (FORMAT parquet)")
    assert not concat([a, b], tmp_path / "all.parquet")
    assert not (tmp_path / "all.parquet").exists()
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(a.read_bytes()[:-20])
    assert not concat([a, broken], tmp_path / "all.parquet")
    assert not (tmp_path / "all.parquet").exists()


def test_parts_that_differ_in_nullability_are_joined_the_slow_way(tmp_path, monkeypatch):
    """DuckDB writes a column as required when the part has no null in it: a part whose providers are
    all known and one with an unknown provider have different schemas, and both rows must be kept."""
    import time

    from billadvocate.batch import summary
    from billadvocate.batch.run import BatchRun

    con = duckdb.connect()
    row = ("SELECT 'R' AS rule, 'high' AS severity, 'P1' AS patient_id, '{c}' AS claim_id, [1] AS lines, "
           "1.50::DECIMAL(14,2) AS amount, 'm' AS message, ['x'] AS citations, {p} AS provider, '2025-01' AS month")
    a, b = tmp_path / "part-00000.parquet", tmp_path / "part-00001.parquet"
    known, unknown, other = (row.format(c="C1", p="'Clinic A'"), row.format(c="C2", p="NULL::VARCHAR"),
                             row.format(c="C3", p="'Clinic B'"))
    con.execute(f"COPY ({known}) TO '{a}' (FORMAT parquet)")
    con.execute(f"COPY ({unknown} UNION ALL {other}) TO '{b}' (FORMAT parquet)")
    assert not pq.ParquetFile(a).schema_arrow.field("provider").nullable  # required: no null in it
    assert not concat([a, b], tmp_path / "x.parquet")
    monkeypatch.setattr(summary, "SORTED_UP_TO", 0)
    out = tmp_path / "out"
    out.mkdir()
    run = BatchRun(inputs=[], out_dir=out)
    summary.write_results(con, [a, b], out, run, write_csv=False, started=time.perf_counter())
    assert sorted(duckdb.sql(f"SELECT claim_id, provider FROM read_parquet('{out}/findings.parquet')").fetchall(),
                  key=str) == [("C1", "Clinic A"), ("C2", None), ("C3", "Clinic B")]
    assert run.findings == 3
