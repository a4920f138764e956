"""Every value that reaches DuckDB's SQL is checked or quoted, never pasted: a --memory-limit that
is not an amount, and folder names with quotes (an injection attempt among them), are handled."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.batch.run import run_batch
from billadvocate.batch.sqltext import literal, memory_limit
from billadvocate.errors import BadInput
from tests.batch.conftest import EXPECTED

AS_OF = date(2026, 11, 28)


def keyed(path) -> set[tuple]:
    import pyarrow.parquet as pq

    t = pq.read_table(path, columns=["rule", "claim_id", "lines"]).to_pylist()
    return {(r["rule"], r["claim_id"], tuple(r["lines"])) for r in t}


@pytest.mark.parametrize("text", ["3GB'; COPY (SELECT 1) TO '/tmp/pwned.csv'; --", "lots", "-1GB", "0GB", "",
                                  "1e9", "3 GB; DROP", "99999999999GB"])
def test_a_memory_limit_that_is_not_an_amount_is_refused(text):
    with pytest.raises(BadInput, match="--memory-limit"):
        memory_limit(text)


@pytest.mark.parametrize("text,value", [("3GB", "3GB"), ("500mb", "500MB"), ("1.5 GiB", "1.5GiB"), ("64KB", "64KB")])
def test_a_real_memory_limit_is_kept(text, value):
    assert memory_limit(text) == value


def test_a_path_is_a_quoted_literal():
    assert literal("a'b") == "'a''b'"
    with pytest.raises(BadInput, match="control characters"):
        literal("a\nb")


def test_an_injection_through_memory_limit_on_the_command_line_is_exit_2(cli, claims_csv, tmp_path):
    pwned = tmp_path / "pwned.csv"
    r = cli("batch", "audit", claims_csv, "--out", tmp_path / "o",
            "--memory-limit", f"3GB'; COPY (SELECT 42) TO '{pwned}'; SET memory_limit='3GB")
    assert r.code == 2 and "--memory-limit" in r.err and len(r.err.strip().splitlines()) == 1
    assert not pwned.exists()


def test_an_out_folder_with_quotes_works_and_injects_nothing(claims_csv, tmp_path):
    pwned = tmp_path / "pwned.csv"
    out = tmp_path / f"o'); COPY (SELECT 42) TO '{pwned}'; --"
    run_batch([claims_csv], out, as_of=AS_OF, setting="professional", lines_per_bucket=3, write_csv=True)
    assert EXPECTED <= keyed(out / "findings.parquet")
    assert (out / "findings.csv").exists() and not pwned.exists()


def test_an_input_named_with_quotes_is_read(claims_csv, tmp_path):
    odd = tmp_path / "in" / "it's claims.csv"
    odd.write_bytes(claims_csv.read_bytes())
    run_batch([odd], tmp_path / "out", as_of=AS_OF, setting="professional")
    assert EXPECTED <= keyed(tmp_path / "out" / "findings.parquet")
