"""`review` and `assist` through the real CLI: summaries, the JSON contract, bad input exits 2."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

EXAMPLE_CASES = sorted(EXAMPLES.glob("*/case.yaml"))
ACCOUNT_KEYS = {"id", "findings", "violations", "deadlines", "assistance", "offer", "plan", "letters"}


@pytest.mark.parametrize("path", EXAMPLE_CASES, ids=lambda p: p.parent.name)
def test_review_json_has_the_contract_shape(cli, path):
    r = cli("review", path, "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert data["as_of"] == "2026-11-28"
    assert set(data) >= {"as_of", "accounts", "credit"}
    for account in data["accounts"]:
        assert set(account) >= ACCOUNT_KEYS
        assert set(account["assistance"]) >= {"year", "guideline", "fpl_percent", "programs"}
        for f in account["findings"]:
            assert set(f) >= {"rule", "severity", "lines", "amount", "message", "citations"}


def test_review_er_example_finds_the_duplicate_cbc_and_the_fpl(cli):
    data = cli("review", EXAMPLES / "er-visit-nonprofit" / "case.yaml", "--json").json()
    (acct,) = data["accounts"]
    dup = [f for f in acct["findings"] if f["rule"] == "BILL.DUPLICATE"]
    assert dup and dup[0]["lines"] == [2, 3] and dup[0]["amount"] == 45.0
    assert acct["assistance"]["fpl_percent"] == 153.73  # 42,000 / 27,320
    assert acct["total_charges"] == 6296.0


def test_review_as_of_changes_the_guideline_year(cli):
    data = cli("review", EXAMPLES / "er-visit-nonprofit", "--json", "--as-of", "2025-06-01").json()
    assert data["as_of"] == "2025-06-01"
    assert data["accounts"][0]["assistance"]["year"] == 2025


def test_review_human_summary_and_report(cli, tmp_path):
    r = cli("review", EXAMPLES / "uninsured-outpatient" / "case.yaml", "--out", tmp_path)
    assert r.code == 0, r.err
    assert "Marcus Lee" in r.out and "BILL" not in r.err
    assert "duplicate" in r.out.lower() or "billed 2 times" in r.out
    html = (tmp_path / "report.html").read_text()
    assert "Front Range Imaging Center" in html and "36415" in html


@pytest.mark.parametrize("args,words", [
    (["review", "nope.yaml"], "no such file"),
    (["review", "examples/er-visit-nonprofit/case.yaml", "--as-of", "2026-13-01"], "--as-of"),
    (["assist", "--income", "abc", "--household", "3", "--state", "CA"], "--income"),
    (["assist", "--income", "100", "--household", "3", "--state", "ZZ"], "unknown state"),
    (["assist", "--income", "-1", "--household", "3", "--state", "CA"], "negative"),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, words):
    r = cli(*args)
    assert r.code == 2
    assert words in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_bad_case_file_through_the_cli(cli, tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text("billadvocate: 1\npatient: {state: XX}\naccounts: [{id: a, provider: {name: P}}]\n")
    r = cli("review", p)
    assert r.code == 2 and f"{p}: patient.state: unknown state" in r.err


def test_assist_json(cli):
    r = cli("assist", "--income", "42000", "--household", "3", "--state", "CA", "--as-of", "2026-11-28", "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert (data["year"], data["guideline"], data["fpl_percent"]) == (2026, 27320.0, 153.73)
    assert isinstance(data["programs"], list)


def test_assist_human(cli):
    r = cli("assist", "--income", "31920", "--household", "1", "--state", "HI", "--as-of", "2026-03-01")
    assert r.code == 0 and "173.86%" in r.out  # 31,920 / 18,360


@pytest.mark.parametrize("name", ["er-visit-nonprofit", "uninsured-outpatient"])
def test_review_shows_offer_plan_and_call_scripts_in_text_and_report(cli, tmp_path, name):
    r = cli("review", EXAMPLES / name / "case.yaml", "--out", tmp_path)
    assert r.code == 0, r.err
    owes = name != "er-visit-nonprofit"  # Jane owes $0 under her hospital's free-care tier: no offer, no plan
    for words in ("Offer", "Call script: provider", "Never:") + (("Payment plan",) if owes else ("Offer: none",)):
        assert words in r.out
    html = (tmp_path / "report.html").read_text()
    for words in ("What you owe, step by step", "What to say on the phone") + (
            ("A fair amount and an offer", "Payment plan", "Insist in writing on") if owes else ("No offer:",)):
        assert words in html
