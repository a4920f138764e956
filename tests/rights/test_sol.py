"""The statute of limitations: status on the last day and the day after, revival, and REGF.TIME_BARRED_THREAT."""

from __future__ import annotations

from datetime import date

from billadvocate.rights import sol_status
from tests.rights.helpers import case, fired

OLD = {"first_bill_date": "2020-01-15"}  # California: 4 years, so the last day to sue is 2024-01-15


def threat(day: str) -> dict:
    return {"at": day, "kind": "legal_action", "from": "collector", "type": "threat"}


def status(c, on: date) -> dict:
    return sol_status(c, c.accounts[0], on)


def test_a_debt_on_the_last_day_of_the_period_is_not_time_barred():
    s = status(case(account=OLD), date(2024, 1, 15))
    assert (s["status"], s["time_barred"], s["expires"]) == ("running", False, date(2024, 1, 15))
    assert s["unconfirmed"] and "payment" in s["warning"]


def test_a_debt_one_day_after_the_period_is_time_barred():
    s = status(case(account=OLD), date(2024, 1, 16))
    assert (s["status"], s["time_barred"], s["expired"]) == ("expired", True, True)
    assert "ran out on 2024-01-15" in s["warning"]


def test_a_threat_on_the_last_day_is_allowed_and_the_day_after_is_a_violation():
    assert not fired(case(threat("2024-01-15"), account=OLD), "REGF.TIME_BARRED_THREAT")
    (v,) = fired(case(threat("2024-01-16"), account=OLD), "REGF.TIME_BARRED_THREAT")
    assert v.severity == "high" and v.unconfirmed and v.events == [0]


def test_a_payment_restarts_the_clock_where_the_state_says_so():
    c = case({"at": "2023-06-01", "kind": "payment", "from": "patient", "amount": 20}, threat("2024-02-01"), account=OLD)
    s = status(c, date(2024, 2, 1))
    assert s["expires"] == date(2027, 6, 1) and s["revived_by"] == ["events[0] (payment on 2023-06-01)"]
    assert not fired(c, "REGF.TIME_BARRED_THREAT")


def test_in_new_york_a_payment_does_not_revive_the_debt():
    c = case({"at": "2023-06-01", "kind": "payment", "from": "patient", "amount": 20}, state="NY",
             account={"first_bill_date": "2022-06-01"})
    s = status(c, date(2026, 1, 1))
    assert s["revived_by"] == [] and s["years"] == 3 and s["expires"] == date(2025, 6, 1)


def test_new_yorks_medical_debt_period_runs_from_the_date_of_treatment():
    c = case(state="NY", account={"first_bill_date": "2023-03-01", "care": {"start": "2023-01-10"}})
    s = status(c, date(2026, 1, 10))
    assert (s["category"], s["expires"], s["status"]) == ("medical", date(2026, 1, 10), "running")


def test_past_the_open_account_period_but_not_the_written_contract_one_is_a_medium_finding():
    # Alabama: 3 years on an open account, 6 on a written contract
    c = case(threat("2023-01-16"), state="AL", account=OLD)
    s = status(c, date(2023, 1, 16))
    assert s["status"] == "expired_unless_written_contract" and s["expires_if_written_contract"] == date(2026, 1, 15)
    (v,) = fired(c, "REGF.TIME_BARRED_THREAT")
    assert v.severity == "medium" and "written agreement" in v.message


def test_ohios_period_is_looked_up_when_the_clock_started():
    before = status(case(state="OH", account={"first_bill_date": "2021-01-01"}), date(2026, 1, 1))
    after = status(case(state="OH", account={"first_bill_date": "2022-01-01"}), date(2026, 1, 1))
    assert (before["years"], after["years"]) == (6, 4)


def test_without_any_start_date_the_status_is_unknown():
    s = status(case(account={"first_bill_date": None}), date(2026, 1, 1))
    assert s["status"] == "unknown" and "first bill date" in s["warning"]
