"""Each credit rule at its boundary: the day, the dollar, the law in force."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.credit import check_credit
from tests.credit.helpers import line, make_case, rules_fired


@pytest.mark.parametrize("original,fires", [(499, True), (499.99, True), (500, False)])
def test_under_500_fires_below_500_and_not_at_500(original, fires):
    case = make_case([line(original_amount=original, balance=original)])
    assert ("CREDIT.UNDER_500" in rules_fired(case)) is fires


def test_under_500_does_not_apply_before_the_bureaus_changed_on_2023_04_11():
    before = make_case([line(original_amount=100, balance=100, first_delinquency="2021-01-01",
                             reported="2022-09-01")], pulled="2023-04-10")
    after = make_case([line(original_amount=100, balance=100, first_delinquency="2021-01-01",
                            reported="2022-09-01")], pulled="2023-04-11")
    assert "CREDIT.UNDER_500" not in rules_fired(before, "2023-04-10")
    assert "CREDIT.UNDER_500" in rules_fired(after, "2023-04-11")


@pytest.mark.parametrize("reported,fires", [("2025-04-30", True), ("2025-05-01", False)])
def test_too_soon_fires_on_day_364_and_not_on_day_365(reported, fires):
    # 2024-05-01 + 365 days = 2025-05-01 (no Feb 29 in between)
    case = make_case([line(first_delinquency="2024-05-01", reported=reported)])
    assert ("CREDIT.TOO_SOON" in rules_fired(case)) is fires


def test_too_soon_used_the_180_day_wait_before_july_2022_now_quoted_from_the_bureaus():
    case = make_case([line(first_delinquency="2021-01-01", reported="2021-06-01")], pulled="2022-01-01")
    (f,) = [f for f in check_credit(case, date(2022, 1, 1)).findings if f.rule == "CREDIT.TOO_SOON"]
    assert "wait 180 days" in f.message and not f.unconfirmed


@pytest.mark.parametrize("status,fires", [("paid", True), ("settled", True), ("unpaid", False)])
def test_paid_medical_fires_for_paid_or_settled(status, fires):
    case = make_case([line(status=status, balance=0 if status != "unpaid" else 900)])
    assert ("CREDIT.PAID_MEDICAL" in rules_fired(case)) is fires


def test_paid_medical_does_not_apply_before_2022_07_01_and_not_to_non_medical():
    early = make_case([line(status="paid", balance=0, first_delinquency="2020-01-01", reported="2021-03-01")],
                      pulled="2022-06-30")
    assert "CREDIT.PAID_MEDICAL" not in rules_fired(early, "2022-06-30")
    card = make_case([line(status="paid", balance=0, medical=False)])
    assert "CREDIT.PAID_MEDICAL" not in rules_fired(card)


@pytest.mark.parametrize("pulled,fires", [("2025-06-30", False), ("2025-07-01", True)])
def test_obsolete_after_seven_years_from_the_180th_day(pulled, fires):
    # first delinquency 2018-01-01 + 180 days = 2018-06-30; + 7 years = 2025-06-30, the last day it may appear
    case = make_case([line(medical=False, first_delinquency="2018-01-01", reported="2018-09-01")], pulled=pulled)
    assert ("CREDIT.OBSOLETE" in rules_fired(case, pulled)) is fires


def test_obsolete_message_names_the_last_day():
    case = make_case([line(first_delinquency="2018-01-01", reported="2018-09-01")], pulled="2026-01-01")
    (f,) = [f for f in check_credit(case, date(2026, 1, 1)).findings if f.rule == "CREDIT.OBSOLETE"]
    assert "until 2025-06-30" in f.message


@pytest.mark.parametrize("pulled,fires", [("2024-12-31", False), ("2025-01-01", True)])
def test_state_ban_fires_from_the_day_it_took_effect_california(pulled, fires):
    case = make_case([line(original_amount=900, first_delinquency="2023-01-01", reported="2024-03-01")],
                     state="CA", pulled=pulled)
    assert ("CREDIT.STATE_BAN" in rules_fired(case, pulled)) is fires


@pytest.mark.parametrize("reported,fires", [("2024-06-30", False), ("2024-07-01", True)])
def test_virginia_ban_binds_reporters_so_the_reported_day_decides(reported, fires):
    case = make_case([line(first_delinquency="2023-01-01", reported=reported)], state="VA")
    assert ("CREDIT.STATE_BAN" in rules_fired(case)) is fires


def test_state_ban_carries_the_preemption_caveat_and_texas_has_none():
    ca = check_credit(make_case([line()], state="CA"), date(2026, 11, 28))
    (f,) = [f for f in ca.findings if f.rule == "CREDIT.STATE_BAN"]
    assert "Frey" in f.explanation and "preempt" in f.explanation
    assert any("Frey" in c for c in f.citations)
    tx = check_credit(make_case([line()], state="TX"), date(2026, 11, 28))
    assert tx.status["state_ban"]["ban"] is False and "no state law" in tx.status["state_ban"]["what"]


@pytest.mark.parametrize("pulled,fires", [("2025-09-30", False), ("2025-10-01", True)])
def test_maryland_ban_binds_the_bureaus_from_october_1_2025_whenever_the_debt_was_incurred(pulled, fires):
    # Md. Code, Com. Law 14-1213(b) (HB 1020, 2025): 'regardless of when medical debt was incurred'
    case = make_case([line(original_amount=900, first_delinquency="2023-01-01", reported="2024-03-01")],
                     state="MD", pulled=pulled)
    assert ("CREDIT.STATE_BAN" in rules_fired(case, pulled)) is fires


def test_new_jersey_ban_skips_care_before_2024_07_22():
    old = make_case([line(account="er")], state="NJ", account={"care": {"start": "2024-07-21"}})
    new = make_case([line(account="er")], state="NJ", account={"care": {"start": "2024-07-22"}})
    assert "CREDIT.STATE_BAN" not in rules_fired(old)
    assert "CREDIT.STATE_BAN" in rules_fired(new)


@pytest.mark.parametrize("as_of,words", [
    ("2025-01-10", "scheduled to take effect on 2025-03-17"),
    ("2025-07-10", "stayed"),
    ("2025-07-11", "vacated"),
])
def test_the_cfpb_2025_rule_is_never_in_force_and_says_why(as_of, words):
    case = make_case([line(first_delinquency="2023-01-01", reported="2024-03-01")], pulled=as_of)
    status = check_credit(case, date.fromisoformat(as_of)).status["cfpb_2025_rule"]
    assert status["in_force"] is False and words in status["status"]


def test_the_cfpb_rule_is_not_mentioned_before_it_was_issued():
    case = make_case([line(first_delinquency="2023-01-01", reported="2024-03-01")], pulled="2025-01-06")
    assert "cfpb_2025_rule" not in check_credit(case, date(2025, 1, 6)).status


def test_balance_wrong_after_a_paid_settlement():
    events = [{"at": "2026-06-01", "kind": "letter", "from": "collector", "type": "settlement", "amount": 400},
              {"at": "2026-06-10", "kind": "payment", "from": "patient", "amount": 400}]
    case = make_case([line(account="er", furnisher="ABC Recovery", reported="2025-09-01")], events=events)
    f = [f for f in check_credit(case, date(2026, 11, 28)).findings if f.rule == "CREDIT.BALANCE_WRONG"]
    assert f and "settled for $400.00" in f[0].message and float(f[0].amount) == 900.0


def test_balance_wrong_ignores_a_payment_made_after_the_report_was_pulled():
    events = [{"at": "2026-11-10", "kind": "payment", "from": "patient", "amount": 500}]
    case = make_case([line(account="er", furnisher="ABC Recovery", reported="2025-09-01")], events=events)
    assert "CREDIT.BALANCE_WRONG" not in rules_fired(case)


def test_balance_wrong_counts_payments_against_the_original_amount():
    events = [{"at": "2026-05-01", "kind": "payment", "from": "patient", "amount": 300}]
    case = make_case([line(account="er", furnisher="ABC Recovery", reported="2025-09-01")], events=events)
    (f,) = [f for f in check_credit(case, date(2026, 11, 28)).findings if f.rule == "CREDIT.BALANCE_WRONG"]
    assert "at most $600.00" in f.message and float(f.amount) == 300.0


def test_duplicate_same_debt_two_furnishers_same_bureau_but_not_across_bureaus():
    a = line(furnisher="Valley General Hospital", account="er")
    b = line(furnisher="ABC Recovery LLC", account="er")
    c = line(furnisher="ABC Recovery", account="er", bureau="experian")
    fired = rules_fired(make_case([a, b, c]))
    assert fired.count("CREDIT.DUPLICATE") == 1


@pytest.mark.parametrize("reported,fires", [("2026-10-26", True), ("2026-10-27", False)])
def test_passive_reporting_needs_14_days_after_the_collectors_first_letter(reported, fires):
    events = [{"at": "2026-10-13", "kind": "letter", "from": "collector", "type": "validation_notice"}]
    case = make_case([line(account="er", furnisher="ABC Recovery", reported=reported)], events=events)
    assert ("REGF.PASSIVE_REPORTING" in rules_fired(case)) is fires


def test_passive_reporting_ok_after_a_conversation_and_never_for_the_hospital_itself():
    events = [{"at": "2026-10-13T10:00:00-07:00", "kind": "call", "from": "collector", "conversation": True}]
    ok = make_case([line(account="er", furnisher="ABC Recovery", reported="2026-10-13")], events=events)
    assert "REGF.PASSIVE_REPORTING" not in rules_fired(ok)
    hospital = make_case([line(account="er", furnisher="Valley General Hospital", reported="2025-06-01")])
    assert "REGF.PASSIVE_REPORTING" not in rules_fired(hospital)


@pytest.mark.parametrize("reported,fires", [("2025-07-29", True), ("2025-07-30", False)])
def test_nonprofit_hospital_reported_before_120_days_after_the_first_bill(reported, fires):
    # first bill 2025-04-01 + 120 days = 2025-07-30
    case = make_case([line(account="er", furnisher="Valley General Hospital", first_delinquency="2024-01-01",
                           reported=reported)])
    assert ("IRS501R.ECA_TOO_EARLY" in rules_fired(case)) is fires


def test_eca_rule_ignores_for_profit_providers():
    case = make_case([line(account="er", reported="2025-04-15")], account={
        "provider": {"name": "Front Range Imaging", "kind": "other", "nonprofit": False}})
    assert "IRS501R.ECA_TOO_EARLY" not in rules_fired(case)


@pytest.mark.parametrize("pulled,fires", [("2026-03-01", True), ("2026-03-02", False)])
def test_veteran_medical_debt_not_reported_within_a_year_of_the_care(pulled, fires):
    case = make_case([line(account="er", first_delinquency="2025-04-01", reported="2026-01-15")],
                     pulled=pulled, account={"care": {"start": "2025-03-02"}})
    case.patient.veteran = True
    assert ("CREDIT.VETERAN_MEDICAL" in rules_fired(case, pulled)) is fires


def test_veteran_rule_needs_the_patient_to_be_a_veteran():
    case = make_case([line(status="paid", balance=0)])
    assert "CREDIT.VETERAN_MEDICAL" not in rules_fired(case)
    case.patient.veteran = True
    (f,) = [f for f in check_credit(case, date(2026, 11, 28)).findings if f.rule == "CREDIT.VETERAN_MEDICAL"]
    assert "VA" in f.message


@pytest.mark.parametrize("reported,fires", [("2024-06-30", False), ("2024-07-01", True)])
def test_connecticut_ban_binds_providers_and_collectors_so_the_reported_day_decides(reported, fires):
    # Public Act 24-6 s.1(b) (Conn. Gen. Stat. 20-7i): "On and after July 1, 2024, any health care provider or any
    # collection entity ... shall not report any portion of a medical debt to a credit rating agency"; nothing in the
    # act binds the bureaus, so a debt reported before July 2024 and still on a 2025 report is not a violation of it
    case = make_case([line(first_delinquency="2023-01-01", reported=reported)], state="CT", pulled="2025-03-01")
    assert ("CREDIT.STATE_BAN" in rules_fired(case, "2025-03-01")) is fires
    (f,) = [f for f in check_credit(make_case([line(reported="2024-08-01")], state="CT"), date(2026, 11, 28)).findings
            if f.rule == "CREDIT.STATE_BAN"]
    assert not f.unconfirmed


def test_a_case_without_a_credit_report_says_a_command_that_checks_one():
    """The note named a bare '--credit FILE', which `case review` (a stored case) does not have: it gives
    the command that takes a report, and where a case file keeps one."""
    (note,) = [n for n in check_credit(make_case([]), date(2026, 11, 28)).notes if n.startswith("no credit report")]
    assert "`billadvocate review CASE --credit FILE`" in note and "credit_report.tradelines" in note
    assert "use --credit FILE" not in note
