"""`audit` and `review` through the real CLI: every finding with lines and dollars, and the summary."""

from __future__ import annotations

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


def test_audit_without_a_setting_says_which_checks_could_not_run(cli, tmp_path):
    r = cli("audit", ER_BILL, env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 0, r.err
    assert "in dispute" in r.out and "setting" in r.out


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
    assert by_rule["IRS501R.OVER_AGB"]["amount"] == 3903.52  # 6,296 - 38% x 6,296 = 3,903.52
    assert "FRESNO" in by_rule["BILL.PRICE_OUTLIER"]["message"]  # the patient's locality
    assert acct["in_dispute"] == 3903.52


def test_review_uninsured_example_finds_the_gfe_dispute(cli, tmp_path):
    data = cli("review", EXAMPLES / "uninsured-outpatient" / "case.yaml", "--json",
               env={"BILLADVOCATE_HOME": str(tmp_path)}).json()
    (acct,) = data["accounts"]
    gfe = [f for f in acct["findings"] if f["rule"] == "NSA.GFE_EXCEEDED"]
    assert gfe and gfe[0]["amount"] == 1940.0  # 3,140 - 1,200
