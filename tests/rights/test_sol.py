"""The statute of limitations: status on the last day and the day after, restart before expiry vs revival
after it, each state's start rule and specific periods, and REGF.TIME_BARRED_THREAT."""

from __future__ import annotations

from datetime import date

from billadvocate.rights import sol_status
from tests.rights.helpers import case, fired

OLD = {"first_bill_date": "2020-01-15"}  # California: 4 years, so the last day to sue is 2024-01-15


def threat(day: str) -> dict:
    return {"at": day, "kind": "legal_action", "from": "collector", "type": "threat"}


def pay(day: str) -> dict:
    return {"at": day, "kind": "payment", "from": "patient", "amount": 20}


def signed(day: str) -> dict:
    return {"at": day, "kind": "letter", "from": "patient", "type": "acknowledgment"}


def status(c, on: date) -> dict:
    return sol_status(c, c.accounts[0], on)


def test_a_debt_on_the_last_day_of_the_period_is_not_time_barred():
    s = status(case(account=OLD), date(2024, 1, 15))
    assert (s["status"], s["time_barred"], s["expires"]) == ("running", False, date(2024, 1, 15))
    assert "A payment alone does not restart it" in s["warning"]
    assert s["citations"][0] == "Cal. Code Civ. Proc. 337(b)"


def test_a_debt_one_day_after_the_period_is_time_barred():
    s = status(case(account=OLD), date(2024, 1, 16))
    assert (s["status"], s["time_barred"], s["expired"]) == ("expired", True, True)
    assert "ran out on 2024-01-15" in s["warning"]


def test_a_threat_on_the_last_day_is_allowed_and_the_day_after_is_a_violation():
    assert not fired(case(threat("2024-01-15"), account=OLD), "REGF.TIME_BARRED_THREAT")
    (v,) = fired(case(threat("2024-01-16"), account=OLD), "REGF.TIME_BARRED_THREAT")
    assert v.severity == "high" and v.events == [0]


def test_in_california_a_payment_neither_restarts_nor_revives_but_a_signed_writing_does():
    c = case(pay("2023-06-01"), pay("2024-06-01"), account=OLD)
    s = status(c, date(2025, 1, 1))
    assert (s["status"], s["expires"], s["restarted_by"], s["revived_by"]) == ("expired", date(2024, 1, 15), [], [])
    assert len(s["not_restarted_or_revived_by"]) == 2
    assert (s["restarts_on_payment"], s["revives_on_payment"], s["revives_on_writing"]) == (False, False, True)
    w = status(case(signed("2023-06-01"), account=OLD), date(2025, 1, 1))
    assert (w["status"], w["expires"], w["restarted_by"]) == ("running", date(2027, 6, 1),
                                                              ["events[0] (written acknowledgment on 2023-06-01)"])


def test_a_payment_restarts_the_clock_where_the_state_says_so():
    # Ohio R.C. 2305.08: a payment starts a new period; before 2021 an open account had six years
    c = case(pay("2019-05-01"), state="OH", account={"first_bill_date": "2015-03-01"})
    s = status(c, date(2024, 1, 1))
    assert (s["category"], s["expires"], s["restarted_by"]) == ("open_account", date(2025, 5, 1),
                                                                ["events[0] (payment on 2019-05-01)"])
    assert s["revived_by"] == [] and s["status"] == "running"


def test_a_payment_after_expiry_revives_only_where_the_state_says_so():
    # Ohio keeps the broader rule (2305.08 does not stop at expiry): revived
    s = status(case(pay("2022-05-01"), state="OH", account={"first_bill_date": "2015-03-01"}), date(2023, 1, 1))
    assert s["revived_by"] == ["events[0] (payment on 2022-05-01)"] and s["status"] == "running"
    # revived in 2022, the debt now falls under 2305.07(C): six years from thirty days after the payment
    assert (s["category"], s["starts"], s["expires"]) == ("consumer_debt", date(2022, 5, 31), date(2028, 5, 31))
    old = status(case(state="OH", account={"first_bill_date": "2015-03-01"}), date(2020, 1, 1))
    # Ohio's 2000-2021 open-account period is quoted now (S.B. 13's transition rule names the old six years)
    assert (old["category"], old["years"]) == ("open_account", 6)
    assert not any(u["value"].startswith("open_account") for u in old["unconfirmed_values"])


def test_in_new_york_nothing_revives_a_consumer_debt_since_2022():
    c = case(pay("2025-09-01"), state="NY", account={"first_bill_date": "2022-06-01", "care": {"start": "2022-05-01"}})
    s = status(c, date(2026, 1, 1))
    assert (s["category"], s["years"], s["expires"]) == ("consumer_debt", 3, date(2025, 6, 1))
    assert s["revived_by"] == [] and s["status"] == "expired"
    assert (s["revives_on_payment"], s["revives_on_writing"]) == (False, False)
    assert "nothing you pay or sign now revives it" in s["warning"]


def test_new_york_medical_and_consumer_periods_the_later_end_is_chosen_and_said():
    c = case(state="NY", account={"first_bill_date": "2023-03-01", "care": {"start": "2023-01-10"}})
    s = status(c, date(2026, 1, 20))
    assert (s["category"], s["expires"], s["status"]) == ("consumer_debt", date(2026, 3, 1), "running")
    assert any("2026-01-10" in why and "safe choice" in why for why in s["chosen_because"])


def test_texas_dealings_ceased_is_never_earlier_than_the_bill_and_a_payment_before_the_limit_moves_it():
    # 16.004(c): 'the cause of action accrues on the day that the dealings in which the parties were interested
    # together cease'. The last day of care is the earliest a court could find; the account was billed later, and a
    # payment is a dealing on the account (Capital One v. Conti, 345 S.W.3d 490: the last payment does not fix the
    # day by itself). Telling a patient the debt is too old to sue on before a court could is the harm to avoid.
    acct = {"first_bill_date": "2020-03-01", "care": {"start": "2020-02-10", "end": "2020-02-12"}}
    s = status(case(state="TX", account=acct), date(2024, 2, 13))
    assert (s["start_rule"], s["starts"], s["expires"], s["status"]) == ("dealings_ceased", date(2020, 3, 1),
                                                                          date(2024, 3, 1), "running")
    assert "the first bill (2020-03-01)" in s["start_basis"] and "the last day of care (2020-02-12)" in s["start_basis"]
    assert status(case(state="TX", account=acct), date(2024, 3, 1))["status"] == "running"   # the last day to sue
    assert status(case(state="TX", account=acct), date(2024, 3, 2))["status"] == "expired"   # the day after
    paid = case(pay("2023-06-01"), state="TX", account=acct)
    s = status(paid, date(2024, 3, 2))
    assert (s["starts"], s["expires"], s["status"]) == (date(2023, 6, 1), date(2027, 6, 1), "running")
    assert s["restarted_by"] and s["restarts_on_payment"] is True
    assert "A payment alone does not restart it" not in s["warning"]


def test_texas_the_first_delinquency_on_the_credit_report_is_a_later_day_of_the_dealings():
    acct = {"id": "a", "first_bill_date": "2020-03-01", "care": {"start": "2020-02-10", "end": "2020-02-12"}}
    c = case(state="TX", account=acct, tradelines=[{"bureau": "equifax", "furnisher": "ABC Recovery", "account": "a",
                                                     "first_delinquency": "2020-09-15"}])
    s = status(c, date(2024, 9, 15))
    assert (s["starts"], s["expires"], s["status"]) == (date(2020, 9, 15), date(2024, 9, 15), "running")
    assert status(c, date(2024, 9, 16))["status"] == "expired"


def test_texas_a_payment_after_the_limit_does_not_revive():
    acct = {"first_bill_date": "2020-03-01", "care": {"start": "2020-02-10", "end": "2020-02-12"}}
    s = status(case(pay("2024-05-01"), state="TX", account=acct), date(2025, 1, 1))
    assert (s["expires"], s["status"], s["revived_by"]) == (date(2024, 3, 1), "expired", [])


def test_a_texas_debt_buyer_may_not_sue_on_a_barred_debt():
    acct = {"first_bill_date": "2020-03-01", "care": {"start": "2020-02-10"}}
    buyer = status(case(state="TX", account=acct, collector={"name": "Debt Co", "kind": "debt_buyer"}), date(2025, 1, 1))
    agency = status(case(state="TX", account=acct), date(2025, 1, 1))
    assert (buyer["suit_allowed"], agency["suit_allowed"]) == (False, True)
    assert "may not sue on it at all" in buyer["warning"] and buyer["debt_buyer_rule"]


def test_georgia_payments_on_an_open_account_do_not_restart_it():
    c = case(pay("2023-01-01"), state="GA", account={"first_bill_date": "2020-05-01"})
    s = status(c, date(2024, 6, 1))
    assert (s["expires"], s["restarted_by"], s["restarts_on_payment"]) == (date(2024, 5, 1), [], False)


def test_arkansas_medical_bills_run_two_years_from_the_service_or_last_partial_payment():
    c = case(pay("2023-01-15"), state="AR", account={"first_bill_date": "2022-07-01", "care": {"start": "2022-06-01"}})
    s = status(c, date(2024, 1, 1))
    assert (s["category"], s["years"], s["starts"], s["expires"]) == ("medical", 2, date(2023, 1, 15), date(2025, 1, 15))


def test_past_the_open_account_period_but_not_the_written_contract_one_is_a_medium_finding():
    # Arkansas: 3 years on an open account, 5 on a written contract (no care dates: the medical period needs none)
    c = case(threat("2023-01-16"), state="KS", account=OLD)
    s = status(c, date(2023, 1, 16))
    assert s["status"] == "expired_unless_written_contract" and s["expires_if_written_contract"] == date(2025, 1, 15)
    (v,) = fired(c, "REGF.TIME_BARRED_THREAT")
    assert v.severity == "medium" and "written agreement" in v.message


def test_ohios_period_is_looked_up_when_the_clock_started():
    before = status(case(state="OH", account={"first_bill_date": "2021-01-01"}), date(2026, 1, 1))
    after = status(case(state="OH", account={"first_bill_date": "2022-01-01", "care": {"start": "2021-12-01"}}),
                   date(2026, 1, 1))
    assert (before["category"], before["years"]) == ("open_account", 6)
    assert (after["category"], after["years"], after["starts"]) == ("consumer_debt", 6, date(2021, 12, 31))


def test_without_any_start_date_the_status_is_unknown():
    s = status(case(account={"first_bill_date": None}), date(2026, 1, 1))
    assert s["status"] == "unknown" and "first bill date" in s["warning"]


def test_an_unconfirmed_period_says_so_and_which_choice_was_taken(tmp_path):
    # every state's periods are quoted now, so the rule is shown on a copy of the law whose Alabama
    # open-account period is marked unconfirmed again
    import shutil

    import yaml

    from billadvocate.law import PARAMETERS_DIR, Law

    shutil.copytree(PARAMETERS_DIR, tmp_path / "law")
    f = tmp_path / "law" / "states" / "al" / "collection.yaml"
    data = yaml.safe_load(f.read_text())
    row = data["sol"]["open_account"]["values"]["2000-01-01"]
    for k in ("quote", "source", "proves"):
        row.pop(k, None)
    row.update(unconfirmed=True, note="Searched and not found.")
    f.write_text(yaml.safe_dump(data, sort_keys=False))
    c = case(state="AL", account=OLD)
    s = sol_status(c, c.accounts[0], date(2021, 1, 1), Law(tmp_path / "law"))
    assert s["unconfirmed"] and any("not confirmed" in why and "6-2-37" in why and "Searched and not found." in why
                                    for why in s["chosen_because"])
    assert not any("not confirmed" in why for why in status(c, date(2021, 1, 1))["chosen_because"])  # shipped: quoted


def test_where_the_limit_extinguishes_the_debt_the_warning_says_it_may_not_be_collected():
    s = status(case(state="WI", account={"first_bill_date": "2010-01-15"}), date(2025, 1, 1))
    assert s["status"] == "expired" and s["collection_allowed"] is False
    assert "may not be collected at all" in s["warning"]


def test_every_jurisdiction_gives_a_status_with_its_rules():
    from billadvocate.states import NAMES
    for state in NAMES:
        s = status(case(pay("2022-01-10"), state=state, account={"first_bill_date": "2021-03-01",
                                                                 "care": {"start": "2021-02-01"}}), date(2026, 6, 1))
        assert s["status"] in ("running", "expired", "expired_unless_written_contract"), state
        assert s["expires"] and s["citations"] and s["warning"] and s["chosen_because"], state
        assert isinstance(s["revival"], dict) and s["suit_allowed"] in (True, False), state


def test_new_yorks_medical_period_does_not_reach_a_debt_buyers_suit():
    acct = {"first_bill_date": "2021-03-01", "care": {"start": "2021-02-01"}}
    hospital = status(case(state="NY", account=acct, collector=None), date(2024, 6, 1))
    buyer = status(case(state="NY", account=acct, collector={"name": "Debt Co", "kind": "debt_buyer"}), date(2024, 6, 1))
    assert (hospital["category"], hospital["expires"]) == ("medical", date(2024, 2, 1))
    assert (buyer["category"], buyer["expires"]) == ("open_account", date(2027, 3, 1))


def test_maine_bars_a_collectors_suit_but_not_the_hospitals():
    acct = {"first_bill_date": "2016-01-15"}
    agency = status(case(state="ME", account=acct), date(2023, 1, 1))
    hospital = status(case(state="ME", account=acct, collector=None), date(2023, 1, 1))
    assert agency["status"] == hospital["status"] == "expired"
    assert (agency["suit_allowed"], hospital["suit_allowed"]) == (False, True)
    assert "32, 11013" in " ".join([agency["debt_buyer_rule"] or "", *agency["citations"]]) or agency["debt_buyer_rule"]
