"""Disputes per bureau: items with why and law, the FCRA deadline from the log, the follow-up, next steps."""

from __future__ import annotations

from datetime import date

from billadvocate.credit import bureau_directory, check_credit, disputes
from tests.credit.helpers import line, make_case

DISPUTE = {"at": "2026-10-01", "kind": "letter", "from": "patient", "to": "bureau", "bureau": "equifax",
           "type": "credit_dispute"}


def test_one_dispute_per_bureau_with_its_address_and_every_reason():
    case = make_case([line(original_amount=300, balance=300), line(bureau="experian", original_amount=300,
                                                                      balance=300, furnisher="Other Lab")])
    ds = disputes(case, date(2026, 11, 28))
    assert [d.bureau for d in ds] == ["equifax", "experian"]
    eq = ds[0]
    assert eq.address == ["P.O. Box 740256", "Atlanta, GA 30374-0256"]
    assert {r["rule"] for r in eq.items[0].reasons} == {"CREDIT.UNDER_500"}
    assert all(r["citations"] for r in eq.items[0].reasons)


def test_bureau_addresses_are_cited():
    data = bureau_directory()
    assert data["source"]["href"].startswith("https://www.equifax.com/")
    assert set(data["bureaus"]) == {"equifax", "experian", "transunion"}


def test_reinvestigation_due_30_days_after_the_letter_goes_on_the_account():
    case = make_case([line(account="er", original_amount=300, balance=300)], events=[DISPUTE], pulled="2026-09-15")
    result = check_credit(case, date(2026, 10, 20))
    (d,) = result.account_deadlines["er"]
    assert d.kind == "FCRA_REINVESTIGATION_DUE" and d.date == date(2026, 10, 31)
    assert result.disputes[0].due == date(2026, 10, 31) and not result.disputes[0].overdue


def test_new_information_within_the_30_days_makes_it_45():
    more = {"at": "2026-10-20", "kind": "letter", "from": "patient", "to": "bureau", "bureau": "equifax",
            "type": "credit_dispute_info"}
    case = make_case([line(original_amount=300, balance=300)], report_events=[DISPUTE, more], pulled="2026-09-15")
    result = check_credit(case, date(2026, 10, 25))
    (d,) = result.deadlines  # in credit_report.events: not tied to an account
    assert d.date == date(2026, 11, 15) and result.disputes[0].extended


def test_no_answer_by_the_deadline_gives_a_follow_up_and_a_cfpb_step():
    case = make_case([line(original_amount=300, balance=300)], report_events=[DISPUTE], pulled="2026-09-15")
    on_time = check_credit(case, date(2026, 10, 31))
    late = check_credit(case, date(2026, 11, 1))
    assert "CREDIT.REINVESTIGATION_OVERDUE" not in [f.rule for f in on_time.findings]
    (f,) = [f for f in late.findings if f.rule == "CREDIT.REINVESTIGATION_OVERDUE"]
    assert "2026-10-31" in f.message
    assert any("CFPB" in s and "consumerfinance.gov" in s for s in late.next_steps)


def test_an_answer_from_the_bureau_stops_the_follow_up():
    answer = {"at": "2026-10-25", "kind": "letter", "from": "bureau", "bureau": "equifax", "type": "dispute_result"}
    case = make_case([line(original_amount=300, balance=300)], report_events=[DISPUTE, answer])
    result = check_credit(case, date(2026, 11, 28))
    assert result.disputes[0].answered == date(2026, 10, 25)
    assert "CREDIT.REINVESTIGATION_OVERDUE" not in [f.rule for f in result.findings]


def test_a_dispute_to_another_bureau_does_not_count():
    other = dict(DISPUTE, bureau="transunion")
    case = make_case([line(original_amount=300, balance=300)], report_events=[other])
    assert check_credit(case, date(2026, 11, 28)).disputes[0].sent is None


def test_furnisher_dispute_goes_to_the_collector_address_for_a_balance_problem():
    events = [{"at": "2026-05-01", "kind": "payment", "from": "patient", "amount": 300}]
    case = make_case([line(account="er", furnisher="ABC Recovery", reported="2025-09-01")], events=events)
    (fd,) = check_credit(case, date(2026, 11, 28)).furnisher_disputes
    assert fd.furnisher == "ABC Recovery" and fd.address == "PO Box 9, Austin, TX 78701" and fd.days == 30


def test_the_clock_starts_on_the_day_the_bureau_received_the_letter():
    received = dict(DISPUTE, received="2026-10-06")
    case = make_case([line(original_amount=300, balance=300)], report_events=[received], pulled="2026-09-15")
    (d,) = check_credit(case, date(2026, 10, 20)).deadlines
    assert d.date == date(2026, 11, 5) and "received" in d.why


def test_a_dispute_sent_to_a_bureau_with_nothing_found_still_gets_its_deadline():
    case = make_case([line(original_amount=900, balance=900, first_delinquency="2023-01-01",
                           reported="2024-03-01")], report_events=[DISPUTE], pulled="2026-09-15")
    result = check_credit(case, date(2026, 10, 20))
    assert [d.date for d in result.deadlines] == [date(2026, 10, 31)]
    assert disputes(case, date(2026, 10, 20)) == []  # nothing for the letters to list
