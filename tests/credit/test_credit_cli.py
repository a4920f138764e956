"""The credit commands and the credit part of `review`, through the real CLI."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

ER = EXAMPLES / "er-visit-nonprofit" / "case.yaml"
HEADER = "bureau,furnisher,medical,original_amount,balance,status,first_delinquency,reported\n"


def test_review_er_example_shows_credit_problems_disputes_and_the_deadline(cli):
    data = cli("review", ER, "--json").json()
    rules = {(f["rule"], f["bureau"], f["furnisher"]) for f in data["credit"]}
    assert ("CREDIT.UNDER_500", "experian", "Fresno Imaging Associates") in rules
    assert ("CREDIT.TOO_SOON", "experian", "Fresno Imaging Associates") in rules
    assert ("CREDIT.STATE_BAN", "equifax", "ABC Recovery") in rules
    assert ("REGF.PASSIVE_REPORTING", "transunion", "ABC Recovery") in rules
    assert ("IRS501R.ECA_TOO_EARLY", "transunion", "Valley General Hospital") in rules
    assert ("CREDIT.DUPLICATE", "transunion", "Valley General Hospital") in rules
    assert [d["bureau"] for d in data["credit_disputes"]] == ["equifax", "experian", "transunion"]
    due = [d for d in data["accounts"][0]["deadlines"] if d["kind"] == "FCRA_REINVESTIGATION_DUE"]
    assert due and due[0]["date"] == "2026-12-05"
    assert data["credit_deadlines"] == [] and data["credit_status"]["cfpb_2025_rule"]["in_force"] is False
    assert any("Consumer Financial Protection Bureau" in s for s in data["credit_next_steps"])


def test_review_human_output_and_report_show_the_credit_section(cli, tmp_path):
    r = cli("review", ER, "--out", tmp_path)
    assert r.code == 0, r.err
    assert "Credit report" in r.out and "What to do next" in r.out and "Frey" in r.out
    html = (tmp_path / "report.html").read_text()
    assert "Disputes to send" in html and "P.O. Box 740256" in html and "vacated" in html


def test_review_before_the_report_was_pulled_skips_credit_with_a_note(cli):
    data = cli("review", ER, "--json", "--as-of", "2025-06-01").json()
    assert data["credit"] == [] and "pulled on 2026-11-01" in data["credit_notes"][0]


def test_review_with_a_credit_csv_uses_its_tradelines(cli, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "transunion,Some Lab,yes,250,250,unpaid,2024-01-01,2025-03-01\n")
    data = cli("review", ER, "--credit", p, "--json").json()
    assert {f["furnisher"] for f in data["credit"]} == {"Some Lab"}


@pytest.mark.parametrize("tradeline,where,words", [
    ("{bureau: equifacks, furnisher: X}", "credit_report.tradelines[0].bureau", "is not allowed"),
    ("{bureau: equifax, furnisher: X, balance: lots}", "credit_report.tradelines[0].balance", "lots"),
    ("{bureau: equifax, furnisher: X, reported: 2026-12-01}", "credit_report.tradelines[0].reported", "in the future"),
    ("{bureau: equifax, furnisher: X, account: b}", "credit_report.tradelines[0].account", "not an account id"),
])
def test_a_malformed_tradeline_in_the_case_is_one_line_exit_2(cli, tmp_path, tradeline, where, words):
    p = tmp_path / "case.yaml"
    p.write_text("billadvocate: 1\nas_of: 2026-11-28\npatient: {state: CA}\naccounts: [{id: a, provider: {name: P}}]\n"
                 f"credit_report: {{pulled: 2026-11-01, tradelines: [{tradeline}]}}\n")
    r = cli("review", p)
    assert r.code == 2, r.out
    assert r.err.startswith(f"billadvocate: {p}: {where}: ") and words in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_a_malformed_csv_row_is_one_line_exit_2(cli, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "equifax,Lab,yes,250,250,unpaid,2024-01-01,2025-03-01\nequifax,Lab,yes,abc,1,unpaid,,\n")
    r = cli("credit", "read", p)
    assert r.code == 2 and r.err.strip() == (f"billadvocate: {p}: row 3, column original_amount: 'abc' is not "
                                              "an amount of money (write it like 420.00)")


def test_credit_read_shows_back_what_was_read_and_writes_a_csv(cli, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "experian,Fresno Imaging,yes,420,420,unpaid,2025-05-01,2025-09-01\n")
    r = cli("credit", "read", p, "--to-csv", tmp_path / "out.csv")
    assert r.code == 0, r.err
    assert "Fresno Imaging" in r.out and "Check each row" in r.out and (tmp_path / "out.csv").exists()


def test_credit_check_a_csv_with_state_and_pulled(cli, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "experian,Fresno Imaging,yes,420,420,unpaid,2025-05-01,2025-09-01\n")
    data = cli("credit", "check", p, "--state", "NY", "--pulled", "2026-11-01", "--as-of", "2026-11-28",
               "--json").json()
    assert {f["rule"] for f in data["findings"]} == {"CREDIT.UNDER_500", "CREDIT.TOO_SOON", "CREDIT.STATE_BAN"}
    assert data["disputes"][0]["address"] == ["P.O. Box 4500", "Allen, TX 75013"]


def test_credit_check_a_case_in_plain_words(cli):
    r = cli("credit", "check", ER)
    assert r.code == 0, r.err
    assert "Dispute with Experian" in r.out and "CA law bars medical debt" in r.out


def test_review_with_a_credit_csv_shows_back_what_was_read(cli, tmp_path):
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "transunion,Some Lab,yes,250,250,unpaid,2024-01-01,2025-03-01\n")
    r = cli("review", ER, "--credit", p)
    assert r.code == 0, r.err
    assert "Tradelines read from" in r.out and "TransUnion: Some Lab - medical" in r.out


def test_a_state_ban_or_its_absence_not_read_in_a_statute_says_so(cli, tmp_path):
    # Minnesota's ban (332C.03) and Texas's lack of one rest on searches, not quoted words: the status line names
    # the value and what was searched; California's ban is quoted and carries no such note
    p = tmp_path / "t.csv"
    p.write_text(HEADER + "experian,Fresno Imaging,yes,420,420,unpaid,2025-05-01,2025-09-01\n")
    for state, words in (("MN", "MN law bars medical debt from credit reports since 2024-10-01"),
                         ("TX", "TX: no state law barring medical debt from credit reports was found.")):
        r = cli("credit", "check", p, "--state", state, "--pulled", "2026-11-01", "--as-of", "2026-11-28")
        assert r.code == 0, r.err
        text = " ".join(r.out.split())
        after = text.split(words, 1)[1][:60]
        assert "(unconfirmed law:" in after, after
    r = cli("credit", "check", p, "--state", "CA", "--pulled", "2026-11-01", "--as-of", "2026-11-28")
    text = " ".join(r.out.split())
    assert "(SB 1061 (Civ. Code 1785.27, Health & Saf. Code 127425))." in text
    assert "(unconfirmed law:" not in text.split("CA law bars medical debt from credit reports since", 1)[1][:120]


def test_review_credit_without_a_bureau_says_how_to_name_it_with_a_command_review_takes(cli, tmp_path):
    # 'pass --bureau': review has no --bureau; credit read names the bureau and writes the CSV review --credit reads
    import shlex

    p = tmp_path / "t.csv"
    p.write_text(HEADER.split(",", 1)[1] + "Some Lab,yes,250,250,unpaid,2024-01-01,2025-03-01\n")
    r = cli("review", ER, "--credit", p, "--json")
    assert r.code == 2 and "pass --bureau" not in r.err
    command = r.err.split("`")[1]
    args = shlex.split(command.replace("NAME", "transunion").replace("OUT.csv", str(tmp_path / "named.csv")))
    assert args[:3] == ["billadvocate", "credit", "read"]
    assert cli(*args[1:]).code == 0
    data = cli("review", ER, "--credit", tmp_path / "named.csv", "--json").json()
    assert {(f["furnisher"], f["bureau"]) for f in data["credit"]} == {("Some Lab", "transunion")}
