"""`batch audit` on DuckDB: known findings, the same answers as the single-bill audit, bad inputs,
resuming after an interruption, and the summary files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import duckdb
import pytest

from billadvocate.batch.run import run_batch
from billadvocate.errors import BadInput
from tests.batch.conftest import EXPECTED, ROWS, keyed

AS_OF = date(2026, 11, 28)


@pytest.mark.parametrize("which", ["claims_csv", "claims_parquet"])
def test_known_findings_from_csv_and_parquet(which, request, tmp_path):
    src = request.getfixturevalue(which)
    run = run_batch([src], tmp_path / "out", as_of=AS_OF, setting="professional")
    found = keyed(tmp_path / "out" / "findings.parquet")
    assert EXPECTED <= found
    assert not {f for f in found if f[1] in ("C4", "C5") and f[0] in ("BILL.DUPLICATE", "BILL.NCCI_PTP")}
    assert run.lines == len(ROWS)


def test_findings_have_the_audit_fields_and_patients(claims_csv, tmp_path):
    run_batch([claims_csv], tmp_path / "out", as_of=AS_OF, setting="professional")
    con = duckdb.connect()
    cols = [d[0] for d in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/out/findings.parquet')").fetchall()]
    assert {"rule", "severity", "lines", "amount", "message", "citations", "patient_id", "claim_id"} <= set(cols)
    dup = con.execute(f"SELECT patient_id, amount, message, citations FROM read_parquet('{tmp_path}/out/findings.parquet') "
                      "WHERE rule = 'BILL.DUPLICATE'").fetchall()
    assert dup[0][0] == "P1" and dup[0][1] == Decimal("45.00")
    assert "claim C1, lines 1, 2" in dup[0][2] and dup[0][3]


def test_batch_agrees_with_the_single_bill_audit(claims_csv, tmp_path):
    """Each claim audited as a bill gives the same rule, lines and dollars as the batch."""
    from billadvocate.audit import audit_bills
    from billadvocate.ingest.csv_bill import read_csv_text

    run_batch([claims_csv], tmp_path / "out", as_of=AS_OF, setting="professional")
    batch = {(r, c, tuple(ls), a) for r, c, ls, a in duckdb.sql(
        f"SELECT rule, claim_id, lines, amount FROM read_parquet('{tmp_path}/out/findings.parquet')").fetchall()}
    single = set()
    for claim in sorted({r[1] for r in ROWS}):
        text = "line,date,code,units,charge,modifiers\n" + "".join(
            f"{r[2]},{r[3]},{r[4]},{r[5]},{r[6]},{r[7]}\n" for r in ROWS if r[1] == claim)
        result = audit_bills([read_csv_text(text, file=claim)], facts={"setting": "professional"}, as_of=AS_OF)
        single |= {(f.rule, claim, tuple(f.lines), f.amount) for f in result.findings
                   if f.severity != "info" and f.lines}
    assert {x for x in batch if x[0] in {"BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.MUE"}} == \
        {x for x in single if x[0] in {"BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.MUE"}}


def test_an_interrupted_run_resumes_and_gives_the_same_answer(claims_csv, tmp_path):
    fresh = tmp_path / "fresh"
    run_batch([claims_csv], fresh, as_of=AS_OF, setting="professional", lines_per_bucket=2)
    calls = []

    def stop_after_first_bucket(done, total):
        calls.append(done)
        if len(calls) == 3:  # the start, then two buckets done
            raise KeyboardInterrupt

    out = tmp_path / "resumed"
    with pytest.raises(KeyboardInterrupt):
        run_batch([claims_csv], out, as_of=AS_OF, setting="professional", lines_per_bucket=2,
                  progress=stop_after_first_bucket)
    assert not (out / "findings.parquet").exists()
    run = run_batch([claims_csv], out, as_of=AS_OF, setting="professional", lines_per_bucket=2)
    assert run.resumed_buckets == 2 and run.buckets > 2
    assert keyed(out / "findings.parquet") == keyed(fresh / "findings.parquet")


def _rows(path):
    return duckdb.sql(f"SELECT patient_id, claim_id, rule, lines, amount FROM read_parquet('{path}')").fetchall()


def test_small_outputs_are_sorted_and_large_ones_concatenated(claims_csv, tmp_path, monkeypatch):
    from billadvocate.batch import summary

    run_batch([claims_csv], tmp_path / "sorted", as_of=AS_OF, setting="professional", lines_per_bucket=2)
    rows = _rows(tmp_path / "sorted" / "findings.parquet")
    assert len(rows) >= 3 and rows == sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3]))

    monkeypatch.setattr(summary, "SORTED_UP_TO", 0)  # as if there were millions of findings
    run_batch([claims_csv], tmp_path / "big", as_of=AS_OF, setting="professional", lines_per_bucket=2)
    assert sorted(_rows(tmp_path / "big" / "findings.parquet")) == sorted(rows)  # the same findings


def test_summary_json_html_and_csv(claims_csv, tmp_path):
    run = run_batch([claims_csv], tmp_path / "o", as_of=AS_OF, setting="professional", write_csv=True)
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert summary["lines"] == len(ROWS) and summary["findings"] == run.findings
    assert {r["key"] for r in summary["by_rule"]} >= {"BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.MUE"}
    assert {r["key"] for r in summary["by_month"]} >= {"2025-03", "2025-04"}
    assert "<svg" in (tmp_path / "o" / "summary.html").read_text()
    assert "BILL.DUPLICATE" in (tmp_path / "o" / "findings.csv").read_text()
    assert not (tmp_path / "o" / "_work").exists()


@pytest.mark.parametrize("text,words", [
    ("patient_id,claim_id,line,service_date,code,charge\nP,C,1,2025-01-01,85025,10\n", "missing column units"),
    ("patient_id,claim_id,line,service_date,code,units,charge\nP,C,1,2025-01-01,85025,1,abc\n",
     "column charge has 'abc', which is not a number"),
    ("patient_id,claim_id,line,service_date,code,units,charge\nP,C,1,2025-02-30,85025,1,10\n",
     "column service_date has '2025-02-30', which is not a date"),
])
def test_bad_columns_are_named_before_any_work(tmp_path, text, words):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    with pytest.raises(BadInput) as e:
        run_batch([p], tmp_path / "out", as_of=AS_OF)
    assert str(p) in e.value.line() and words in e.value.line()
    assert not (tmp_path / "out" / "findings.parquet").exists()


def test_corrupt_parquet_and_empty_folder(tmp_path):
    bad = tmp_path / "x.parquet"
    bad.write_bytes(b"PAR1 this is not really parquet")
    with pytest.raises(BadInput, match="not a readable Parquet file"):
        run_batch([bad], tmp_path / "out", as_of=AS_OF)
    (tmp_path / "empty").mkdir()
    with pytest.raises(BadInput, match="no .csv or .parquet"):
        run_batch([tmp_path / "empty"], tmp_path / "out", as_of=AS_OF)


def test_cli_batch_audit(cli, claims_csv, tmp_path):
    r = cli("batch", "audit", claims_csv, "--out", tmp_path / "o", "--setting", "professional",
            "--as-of", "2026-11-28", "--json")
    assert r.code == 0, r.err
    assert r.json()["lines"] == len(ROWS)
    bad = cli("batch", "audit", tmp_path / "nope.csv", "--out", tmp_path / "o2")
    assert bad.code == 2 and "no such file" in bad.err and len(bad.err.strip().splitlines()) == 1


def _split_parquet(claims_parquet, folder, key_sql):
    """The claims written as several Parquet files, one per value of key_sql (a SQL expression)."""
    folder.mkdir()
    keys = [k for (k,) in duckdb.sql(f"SELECT DISTINCT {key_sql} FROM read_parquet('{claims_parquet}') ORDER BY 1").fetchall()]
    for k in keys:
        duckdb.sql(f"COPY (SELECT * FROM read_parquet('{claims_parquet}') WHERE {key_sql} = '{k}') "
                   f"TO '{folder / f'part-{k}.parquet'}' (FORMAT parquet)")
    return folder


def test_files_holding_whole_claims_are_read_in_place_and_resume(claims_parquet, tmp_path):
    import json

    from billadvocate.batch.inputs import inspect_all
    from billadvocate.batch.stage import file_buckets

    whole = _split_parquet(claims_parquet, tmp_path / "by_claim", "claim_id")
    files = inspect_all([whole])
    groups = file_buckets(duckdb.connect(), files, 2)
    assert groups and sorted(i for g in groups for i in g) == list(range(len(files))) and len(groups) > 2
    fresh = tmp_path / "fresh"
    run_batch([claims_parquet], fresh, as_of=AS_OF, setting="professional")
    calls = []

    def stop_after_two_buckets(done, total):
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    out = tmp_path / "in_place"
    with pytest.raises(KeyboardInterrupt):
        run_batch([whole], out, as_of=AS_OF, setting="professional", lines_per_bucket=2, progress=stop_after_two_buckets)
    manifest = json.loads((out / "_work" / "manifest.json").read_text())
    assert manifest["file_buckets"] == groups and not (out / "_work" / "staged").exists()
    run = run_batch([whole], out, as_of=AS_OF, setting="professional", lines_per_bucket=2)
    assert run.resumed_buckets == 2 and run.buckets == len(groups) and set(run.phases) == {"stage", "audit", "write"}
    assert keyed(out / "findings.parquet") == keyed(fresh / "findings.parquet") >= EXPECTED


def test_claims_spread_across_files_are_staged(claims_parquet, tmp_path):
    from billadvocate.batch.inputs import inspect_all
    from billadvocate.batch.stage import file_buckets

    # by line number: C1's two lines (its duplicate) fall in two files
    spread = _split_parquet(claims_parquet, tmp_path / "by_line", "line")
    assert file_buckets(duckdb.connect(), inspect_all([spread]), 5) is None
    run = run_batch([spread], tmp_path / "out", as_of=AS_OF, setting="professional", lines_per_bucket=5)
    fresh = tmp_path / "fresh"
    run_batch([claims_parquet], fresh, as_of=AS_OF, setting="professional")
    assert run.buckets == 2 and keyed(tmp_path / "out" / "findings.parquet") == keyed(fresh / "findings.parquet") >= EXPECTED


DRG_CLAIMS = ("patient_id,claim_id,line,service_date,code,revenue_code,units,charge,care_start,care_end,ms_drg\n"
              "P7,S1,1,2025-11-02,,0120,3,55000.00,2025-11-02,2025-11-05,MS-DRG 871\n"
              "P7,S1,2,2025-11-02,85025,0300,1,400.00,2025-11-02,2025-11-05,MS-DRG 871\n"
              "P8,S2,1,2025-11-10,,0120,2,900.00,2025-11-10,2025-11-12,871\n"
              "P9,S3,1,2025-11-20,,0120,2,70000.00,2025-11-20,2025-11-22,\n")


def test_an_inpatient_claims_ms_drg_is_priced_as_the_single_bill_audit_prices_it(tmp_path):
    """A claims extract's MS-DRG column: the stay is compared with the Medicare payment for its DRG,
    with the same dollars as the stay audited as one bill; a low charge and a claim without a DRG
    give no finding."""
    from billadvocate.audit import audit_bills
    from billadvocate.ingest.csv_bill import read_csv_text

    src = tmp_path / "in" / "stays.csv"
    src.parent.mkdir()
    src.write_text(DRG_CLAIMS)
    run_batch([src], tmp_path / "out", as_of=AS_OF)
    batch = duckdb.sql(f"SELECT claim_id, amount, message FROM read_parquet('{tmp_path}/out/findings.parquet') "
                       "WHERE rule = 'BILL.PRICE_INPATIENT_DRG'").fetchall()
    assert [r[0] for r in batch] == ["S1"]
    bill = read_csv_text("line,date,code,revenue code,units,charge,drg\n"
                         "1,2025-11-02,,0120,3,55000.00,871\n2,2025-11-02,85025,0300,1,400.00,871\n", file="S1")
    single = audit_bills([bill], facts={"care_start": date(2025, 11, 2), "care_end": date(2025, 11, 5)}, as_of=AS_OF)
    drg = [f for f in single.findings if f.rule == "BILL.PRICE_INPATIENT_DRG"]
    assert len(drg) == 1 and drg[0].amount == batch[0][1]


def test_a_value_that_is_not_an_ms_drg_is_refused_naming_the_column(tmp_path):
    src = tmp_path / "bad.csv"
    src.write_text(DRG_CLAIMS.replace("MS-DRG 871", "sepsis", 1))
    with pytest.raises(BadInput, match=r"column ms_drg has 'sepsis', which is not an MS-DRG"):
        run_batch([src], tmp_path / "out", as_of=AS_OF)
    assert not (tmp_path / "out" / "findings.parquet").exists()


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_a_line_without_a_claim_id_is_refused_naming_the_file_and_row(tmp_path, kind):
    # lines without a claim id would be audited as one claim: a CBC on two people's claims a "duplicate"
    text = ("patient_id,claim_id,line,service_date,code,units,charge\n"
            "P1,C1,1,2025-03-02,85025,1,45.00\nP1,,1,2025-03-02,85025,1,45.00\nP2,,1,2025-03-02,85025,1,45.00\n")
    src = tmp_path / "claims.csv"
    src.write_text(text)
    if kind == "parquet":
        pq = tmp_path / "claims.parquet"
        duckdb.sql(f"COPY (SELECT * FROM read_csv('{src}', header = true, all_varchar = true)) TO '{pq}' (FORMAT parquet)")
        src.unlink()
        src = pq
    with pytest.raises(BadInput) as e:
        run_batch([src], tmp_path / "out", as_of=AS_OF)
    where = "row 3" if kind == "csv" else "row 2"  # the CSV's header is its row 1; Parquet rows count from 1
    assert str(src) in e.value.line() and "2 lines have no claim_id" in e.value.line() and where in e.value.line()
    assert not (tmp_path / "out" / "findings.parquet").exists()


def test_an_empty_text_claim_id_in_parquet_is_refused_too(tmp_path):
    pq = tmp_path / "claims.parquet"
    duckdb.sql(f"COPY (SELECT 'P1' AS patient_id, '' AS claim_id, 1 AS line, DATE '2025-03-02' AS service_date, "
               f"'85025' AS code, 1 AS units, 45.00 AS charge) TO '{pq}' (FORMAT parquet)")
    with pytest.raises(BadInput, match="1 line has no claim_id"):
        run_batch([pq], tmp_path / "out", as_of=AS_OF)


def test_a_batch_run_does_not_import_pandas(claims_csv, tmp_path):
    # pyarrow's Schema.empty_table() imports pandas: 0.26 s of a 10 M-line job's 10 s spent on one empty table
    import subprocess
    import sys

    code = ("import sys; from datetime import date; from billadvocate.batch.run import run_batch; "
            f"run_batch([{str(claims_csv)!r}], {str(tmp_path / 'o')!r}, as_of=date(2026, 11, 28)); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
