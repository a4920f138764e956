"""Scenarios through `billadvocate review`: the statute of limitations of the corrected states, read from a
case file the way a patient would run it (a payment after the limit in CA, FL, NY and TX does not revive the
debt; Ohio 2021 and 2012 debts; a Colorado liquidated debt; the day before and after a limit)."""

from __future__ import annotations

import json
from datetime import date

import yaml

from billadvocate.casefile import load_case
from billadvocate.review import review_case


def review_sol(cli, tmp_path, state: str, as_of: str, account: dict, *events: dict, collector: dict | None = None,
               via_cli: bool = False) -> dict:
    """The `sol` of the case's one account, as `review --json` prints it (in-process unless via_cli)."""
    acct = {"id": "a", "provider": {"name": "Valley General Hospital", "kind": "hospital", "state": state},
            "balance": 900, "events": list(events), **account}
    if collector:
        acct["collector"] = collector
    case = {"billadvocate": 1, "patient": {"state": state}, "accounts": [acct]}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case, sort_keys=False))
    if via_cli:
        r = cli("review", path, "--json", "--as-of", as_of)
        assert r.code == 0, r.err
        return r.json()["accounts"][0]["sol"]
    result = review_case(load_case(path), date.fromisoformat(as_of))
    return json.loads(json.dumps(result.to_json(), default=str))["accounts"][0]["sol"]


def pay(day: str) -> dict:
    return {"at": day, "kind": "payment", "from": "patient", "amount": 25}


def test_california_a_payment_after_the_limit_does_not_revive(cli, tmp_path):
    s = review_sol(cli, tmp_path, "CA", "2025-01-01", {"first_bill_date": "2020-01-15"}, pay("2024-06-01"), via_cli=True)
    assert (s["status"], s["expires"], s["revived_by"]) == ("expired", "2024-01-15", [])
    assert s["revives_on_payment"] is False and "Cal. Code Civ. Proc. 360" in s["citations"]
    assert "did not revive it" in s["warning"]


def test_florida_a_payment_after_the_limit_does_not_revive(cli, tmp_path):
    s = review_sol(cli, tmp_path, "FL", "2024-06-01", {"first_bill_date": "2019-03-01"}, pay("2023-09-01"))
    assert (s["category"], s["years"], s["expires"], s["status"]) == ("open_account", 4, "2023-03-01", "expired")
    assert s["revived_by"] == [] and s["revives_on_payment"] is False and "Fla. Stat. 95.04" in s["citations"]


def test_florida_medical_debt_has_three_years_from_july_2024(cli, tmp_path):
    s = review_sol(cli, tmp_path, "FL", "2026-01-01", {"first_bill_date": "2024-08-01"})
    assert (s["category"], s["years"], s["expires"]) == ("medical", 3, "2027-08-01")


def test_new_york_a_payment_after_the_limit_does_not_revive(cli, tmp_path):
    s = review_sol(cli, tmp_path, "NY", "2026-01-01", {"first_bill_date": "2022-06-01", "care": {"start": "2022-05-01"}},
                   pay("2025-09-01"))
    assert (s["category"], s["years"], s["expires"], s["status"]) == ("consumer_debt", 3, "2025-06-01", "expired")
    assert s["revived_by"] == [] and (s["revives_on_payment"], s["revives_on_writing"]) == (False, False)
    assert any("N.Y. CPLR 214-i" in c for c in s["citations"])


def test_texas_a_payment_after_the_limit_does_not_revive_and_the_clock_ran_from_the_bill(cli, tmp_path):
    s = review_sol(cli, tmp_path, "TX", "2025-01-01",
                   {"first_bill_date": "2020-03-01", "care": {"start": "2020-02-10", "end": "2020-02-12"}},
                   pay("2024-05-01"))
    assert (s["start_rule"], s["starts"], s["expires"], s["status"]) == ("dealings_ceased", "2020-03-01",
                                                                          "2024-03-01", "expired")
    assert s["revived_by"] == [] and s["revives_on_payment"] is False


def test_texas_the_day_before_and_after_the_limit(cli, tmp_path):
    # care on 2020-02-10, first bill 2020-03-01: the dealings went on at least until the bill
    acct = {"first_bill_date": "2020-03-01", "care": {"start": "2020-02-10"}}
    assert review_sol(cli, tmp_path, "TX", "2024-02-11", acct)["status"] == "running"  # barred here before
    assert review_sol(cli, tmp_path, "TX", "2024-03-01", acct)["status"] == "running"
    assert review_sol(cli, tmp_path, "TX", "2024-03-02", acct)["status"] == "expired"


def test_ohio_2021_consumer_debt_has_six_years_from_thirty_days_after_the_last_charge_or_payment(cli, tmp_path):
    s = review_sol(cli, tmp_path, "OH", "2026-01-01",
                   {"first_bill_date": "2021-09-01", "care": {"start": "2021-08-01"}}, pay("2023-01-10"))
    assert (s["category"], s["years"], s["start_rule"]) == ("consumer_debt", 6, "last_charge_or_payment_plus_30")
    assert (s["starts"], s["expires"], s["status"]) == ("2023-02-09", "2029-02-09", "running")
    assert s["restarted_by"] == ["events[0] (payment on 2023-01-10)"]
    assert any("2305.07(C)" in c for c in s["citations"])


def test_ohio_2012_debt_written_contracts_then_had_fifteen_years(cli, tmp_path):
    s = review_sol(cli, tmp_path, "OH", "2026-01-01", {"first_bill_date": "2012-04-01", "care": {"start": "2012-03-01"}})
    assert (s["category"], s["years"], s["expires"]) == ("open_account", 6, "2018-04-01")
    assert (s["written_contract_years"], s["expires_if_written_contract"]) == (15, "2027-04-01")
    assert s["status"] == "expired_unless_written_contract"
    # a debt whose clock started after 2012-09-28 has 8 years on a written contract
    later = review_sol(cli, tmp_path, "OH", "2024-01-01", {"first_bill_date": "2013-01-01"})
    assert later["written_contract_years"] == 8


def test_colorado_liquidated_debt_has_six_years_the_day_before_and_after(cli, tmp_path):
    acct = {"first_bill_date": "2020-05-01"}
    before = review_sol(cli, tmp_path, "CO", "2026-05-01", acct)
    after = review_sol(cli, tmp_path, "CO", "2026-05-02", acct)
    assert (before["years"], before["expires"], before["status"]) == (6, "2026-05-01", "running")
    assert after["status"] == "expired"
    assert any("13-80-103.5" in c for c in before["citations"])
