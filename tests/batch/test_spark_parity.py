"""Spark and DuckDB give identical findings on the same claim lines (the parity test).

Skipped cleanly where PySpark or a Java runtime is missing (install the [spark] extra and a JRE).
"""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

from billadvocate.batch.run import run_batch  # noqa: E402
from billadvocate.batch.spark import run_batch_spark, spark_session, to_spark_sql  # noqa: E402

AS_OF = date(2026, 11, 28)
FIELDS = "rule, severity, patient_id, claim_id, lines, amount, message, citations, provider, month"


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(path):
    return sorted(duckdb.sql(f"SELECT {FIELDS} FROM read_parquet('{path}')").fetchall(), key=repr)


@pytest.mark.parametrize("plan, typed", [("claims", False), ("claims", True), ("sql", False)])
def test_both_engines_give_identical_findings(spark, claims_csv, claims_parquet, tmp_path, plan, typed):
    run_batch([claims_csv], tmp_path / "duck", as_of=AS_OF, setting="professional")
    if typed:  # numbers and dates as Parquet types (Spark casts them directly) instead of text
        claims_parquet = tmp_path / "typed.parquet"
        duckdb.sql(f"COPY (SELECT * REPLACE (CAST(line AS BIGINT) AS line, CAST(service_date AS DATE) AS service_date, "
                   f"CAST(units AS DECIMAL(12,3)) AS units, CAST(charge AS DECIMAL(14,2)) AS charge) "
                   f"FROM read_csv('{claims_csv}', header = true, all_varchar = true)) TO '{claims_parquet}' (FORMAT parquet)")
    # one line a partition at most: the claims spread over several tasks, each auditing its own
    run_batch_spark([claims_parquet], tmp_path / "spark", as_of=AS_OF, setting="professional", spark=spark,
                    plan=plan, lines_per_partition=1)
    duck, spk = rows(tmp_path / "duck" / "findings.parquet"), rows(tmp_path / "spark" / "findings.parquet")
    assert duck and duck == spk


def test_array_overlap_is_translated():
    assert "ARRAYS_OVERLAP(m.mods, ARRAY('59', 'XU'))" in to_spark_sql("SELECT m.mods && ['59', 'XU'] FROM m")


def test_ordered_lists_and_slices_are_translated():
    sql = to_spark_sql("SELECT list(line ORDER BY line)[2:] AS s, x[2:3] AS y FROM t")
    assert "SLICE(ARRAY_SORT(COLLECT_LIST(line)), 2, SIZE(ARRAY_SORT(COLLECT_LIST(line))) + 1 - 2)" in sql
    assert "SLICE(x, 2, 3 + 1 - 2)" in sql


def test_first_pass_keys_stay_64_bits_on_spark():
    assert to_spark_sql("SELECT hash(a, b) AS k FROM t") == "SELECT XXHASH64(a, b) AS k FROM t"


def test_without_pandas_the_spark_engine_says_what_to_install(monkeypatch, claims_parquet, tmp_path):
    import sys

    from billadvocate.errors import BadInput

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(BadInput, match="pandas"):
        run_batch_spark([claims_parquet], tmp_path / "out", as_of=AS_OF)


def test_both_engines_read_and_price_an_ms_drg_alike(spark, tmp_path):
    """The MS-DRG column normalised the same way ("MS-DRG 871", "871", 470 as a number) and the stay
    priced the same by both engines."""
    from tests.batch.test_batch_audit import DRG_CLAIMS

    src = tmp_path / "stays.csv"
    src.write_text(DRG_CLAIMS + "P10,S4,1,2025-12-01,,0120,4,95000.00,2025-12-01,2025-12-04,470\n")
    typed = tmp_path / "stays.parquet"
    duckdb.sql(f"COPY (SELECT * REPLACE (CAST(nullif(ms_drg, '') AS VARCHAR) AS ms_drg) FROM read_csv('{src}', "
               f"header = true, all_varchar = true)) TO '{typed}' (FORMAT parquet)")
    run_batch([src], tmp_path / "duck", as_of=AS_OF)
    run_batch_spark([typed], tmp_path / "spark", as_of=AS_OF, spark=spark, lines_per_partition=1)
    duck, spk = rows(tmp_path / "duck" / "findings.parquet"), rows(tmp_path / "spark" / "findings.parquet")
    assert duck == spk
    assert {r[3] for r in duck if r[0] == "BILL.PRICE_INPATIENT_DRG"} == {"S1", "S4"}


def test_spark_reads_modifiers_into_the_same_text_as_duckdb(spark, tmp_path):
    """stage.py's and spark.py's normalisations of a text modifiers column agree (tests/batch/test_stage.py)."""
    import pyarrow.parquet as pq

    from billadvocate.batch.inputs import inspect_all
    from billadvocate.batch.spark import _staged_frame
    from tests.batch.test_stage import TEXTS, claims, staged_mods

    path = tmp_path / "claims.parquet"
    pq.write_table(claims([t for t, _ in TEXTS]), path)
    got = [r["mods"] for r in _staged_frame(spark, inspect_all([path])).orderBy("line").select("mods").collect()]
    assert got == staged_mods(path) == [want for _, want in TEXTS]


def test_both_engines_price_ambulance_rides_alike(spark, tmp_path):
    """The ambulance yardstick (law data, the ambulance_rates table) translates to Spark: the same findings."""
    from tests.batch.test_batch_ambulance import AMBULANCE_CLAIMS

    src = tmp_path / "rides.csv"
    src.write_text(AMBULANCE_CLAIMS)
    typed = tmp_path / "rides.parquet"
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{src}', header = true, all_varchar = true)) TO '{typed}' (FORMAT parquet)")
    run_batch([src], tmp_path / "duck", as_of=AS_OF)
    run_batch_spark([typed], tmp_path / "spark", as_of=AS_OF, spark=spark, lines_per_partition=1)
    duck, spk = rows(tmp_path / "duck" / "findings.parquet"), rows(tmp_path / "spark" / "findings.parquet")
    assert duck == spk
    assert sorted((r[3], tuple(r[4])) for r in duck if r[0] == "BILL.PRICE_OUTLIER") == [("A1", (1,)), ("A1", (2,))]
