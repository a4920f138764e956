"""`audit` and `review` through the real CLI: every finding with lines and dollars, and the summary."""

from __future__ import annotations

import duckdb
import pytest

from billadvocate.reference.store import SHIPPED_DIR
from tests.conftest import EXAMPLES

ER_BILL = EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv"


def test_audit_json_has_the_contract_keys_and_the_summary(cli, tmp_path):
    r = cli("audit", ER_BILL, "--setting", "outpatient", "--state", "CA", "--json",
            env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 0, r.err
    data = r.json()
    assert set(data) >= {"lines", "total_charges", "findings", "in_dispute", "benchmark_total", "benchmarks"}
    rules = {f["rule"] for f in data["findings"]}
    assert {"BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.PRICE_OUTLIER"} <= rules
    assert 0 < data["in_dispute"] < data["total_charges"] and data["benchmark_total"] < data["total_charges"]


def test_audit_without_flags_reads_the_setting_from_the_bill_and_runs_every_check(cli, tmp_path):
    r = cli("audit", ER_BILL, "--json", env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 0, r.err
    data = r.json()
    assert any(n.startswith("Setting: outpatient, read from the bill") for n in data["notes"])
    by_rule = {}
    for f in data["findings"]:
        by_rule.setdefault(f["rule"], []).append(f)
    assert {"BILL.DUPLICATE", "BILL.NCCI_PTP", "BILL.PRICE_OUTLIER"} <= set(by_rule)
    assert not [f for f in data["findings"] if f["severity"] == "info" and f["rule"] == "BILL.NCCI_PTP"]
    # every price comparison names the Medicare payment for that kind of line
    messages = " ".join(f["message"] for f in by_rule["BILL.PRICE_OUTLIER"])
    assert "outpatient hospital payment for APC 5025" in messages  # the ER visit (99285)
    assert "Clinical Laboratory Fee Schedule" in messages and "drug payment limit (ASP)" in messages
    assert "Physician Fee Schedule" not in messages
    assert any("line 11 (packaged" in n for n in data["notes"])  # observation hours: status N


def test_audit_bad_state_is_one_line(cli):
    r = cli("audit", ER_BILL, "--state", "ZZ")
    assert r.code == 2 and "--state" in r.err and len(r.err.strip().splitlines()) == 1


def test_review_er_example_shows_every_kind_of_finding(cli, tmp_path):
    data = cli("review", EXAMPLES / "er-visit-nonprofit" / "case.yaml", "--json",
               env={"BILLADVOCATE_HOME": str(tmp_path)}).json()
    (acct,) = data["accounts"]
    by_rule = {f["rule"]: f for f in acct["findings"]}
    assert by_rule["BILL.NOT_RECEIVED"]["lines"] == [14]
    assert by_rule["BILL.DATE_OUTSIDE_CARE"]["lines"] == [15]
    # 153.73% of the poverty guideline is in the hospital's free-care tier: the whole 4,830 asked is in dispute
    assert by_rule["IRS501R.OVER_AGB"]["amount"] == 4830
    prices = [f["message"] for f in acct["findings"] if f["rule"] == "BILL.PRICE_OUTLIER"]
    assert any("ER VISIT LEVEL 5 (99285)" in m and "APC 5025" in m for m in prices)
    assert acct["in_dispute"] == 4830


def test_review_uninsured_example_finds_the_gfe_dispute(cli, tmp_path):
    data = cli("review", EXAMPLES / "uninsured-outpatient" / "case.yaml", "--json",
               env={"BILLADVOCATE_HOME": str(tmp_path)}).json()
    (acct,) = data["accounts"]
    gfe = [f for f in acct["findings"] if f["rule"] == "NSA.GFE_EXCEEDED"]
    assert gfe and gfe[0]["amount"] == 1940.0  # 3,140 - 1,200


def test_audit_of_a_hospital_pdf_without_flags_prices_the_er_visit_as_a_hospital_would(cli, tmp_path):
    # "Hospital Bill - Valley General Hospital", CPT lines, no revenue codes: the hospital's own ER charge
    # is not compared with the physician fee schedule (the mistake a billing office dismisses at once)
    from tests.conftest import shared

    r = cli("audit", shared("sample_bills", "er-visit-with-cpt.pdf"), "--json", env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 0, r.err
    data = r.json()
    assert any(n.startswith("Setting undecided (a hospital's bill (Valley General Hospital)") for n in data["notes"])
    er_visit = data["benchmarks"]["1"]
    # its care of 2024-10-15 is priced by the CY 2024 OPPS (shipped for issue 17; before it, the line was left
    # unjudged as older than the CY 2025 file): the hospital's ER visit at its APC rate, not the physician fee
    assert data["lines"][0]["date"] == "2024-10-15" and data["lines"][0]["code"] == "99285"
    opps = SHIPPED_DIR / "opps-2024-01-01.parquet"
    ((rate, apc),) = duckdb.sql(f"SELECT payment_rate, apc FROM read_parquet('{opps}') WHERE hcpcs = '99285'").fetchall()
    assert er_visit["medicare"] == pytest.approx(rate, abs=0.005) and er_visit["basis"] == "medicare"
    assert er_visit["no_yardstick"] is None
    assert er_visit["yardstick"] == f"the Medicare outpatient hospital payment for APC {apc} (national, unadjusted)"
    # the drug (J0696 x4) by the October 2024 ASP file, the quarter of its date
    asp = SHIPPED_DIR / "asp-2024-10-01.parquet"
    ((limit,),) = duckdb.sql(f"SELECT payment_limit FROM read_parquet('{asp}') WHERE hcpcs = 'J0696'").fetchall()
    assert data["benchmarks"]["4"]["medicare"] == pytest.approx(round(limit * 4, 2), abs=0.005)
    assert not any("line 1 " in n or "line 4 " in n for n in data["notes"] if n.startswith("No Medicare price"))
    assert not [f for f in data["findings"] if f["rule"] == "BILL.PRICE_OUTLIER" and f["lines"] == [1]]
