"""NSA.GFE_MISSING at its boundaries: 3 and 10 business days ahead (45 CFR 149.610(b)(1)(vi)), counted
without weekends and federal holidays (July 4, 2024 was a Thursday), for uninsured and self-pay
patients only, and a late estimate against its due day."""

from datetime import date

import pytest

from .support import found, line

MON = date(2024, 7, 1)  # booked on Monday 2024-07-01
SELF_PAY = {"insurance_status": "uninsured", "care_scheduled": MON, "gfe_given": False}


def gfe(care: date, **facts):
    return found("NSA.GFE_MISSING", line(1, "45378", d=care, charge="2400.00"),
                 facts={**SELF_PAY, "care_start": care, **facts})


def test_booked_3_business_days_ahead_over_the_july_4_holiday_the_estimate_was_due_the_next_business_day():
    # Jul 2, 3, (4 is a holiday), 5: Friday the 5th is the third business day after Monday the 1st
    (f,) = gfe(date(2024, 7, 5))
    assert f.severity == "medium" and f.amount == 0
    assert "3 business days ahead" in f.message and "by 2024-07-02" in f.message
    assert "(1 business day after the booking)" in f.message and "day(s)" not in f.message
    assert any("149.610(b)(1)(vi)" in c for c in f.citations)


def test_booked_2_business_days_ahead_needs_no_estimate_even_though_3_calendar_days_pass():
    # Jul 2, 3 are business days; the 4th is Independence Day: only 2 business days ahead
    assert gfe(date(2024, 7, 4)) == []
    assert gfe(date(2024, 7, 3)) == []


def test_booked_9_business_days_ahead_the_estimate_was_due_1_business_day_after():
    (f,) = gfe(date(2024, 7, 15))  # Jul 2 3 5 8 9 10 11 12 15: 9 business days
    assert "9 business days ahead" in f.message and "by 2024-07-02" in f.message


def test_booked_10_business_days_ahead_the_estimate_was_due_3_business_days_after():
    (f,) = gfe(date(2024, 7, 16))  # the 10th business day after Jul 1; Jul 2, 3, 5 -> due Jul 5
    assert "10 business days ahead" in f.message and "by 2024-07-05" in f.message
    assert "(3 business days after the booking)" in f.message


@pytest.mark.parametrize("care, received, late", [
    (date(2024, 7, 15), date(2024, 7, 2), False),  # 9 ahead: due Jul 2, received that day
    (date(2024, 7, 15), date(2024, 7, 3), True),  # one business day late
    (date(2024, 7, 16), date(2024, 7, 5), False),  # 10 ahead: due Jul 5 (Jul 4 not counted)
    (date(2024, 7, 16), date(2024, 7, 6), True),  # a Saturday after the due Friday is late
])
def test_an_estimate_received_after_its_due_day_is_late(care, received, late):
    got = gfe(care, gfe_given=True, gfe_date=received)
    assert [f.severity for f in got] == (["low"] if late else [])
    if late:
        assert f"came on {received}" in got[0].message


def test_booked_on_a_saturday_the_count_starts_from_the_friday_before():
    sat = date(2024, 7, 6)  # Mon 8, Tue 9, Wed 10 are the 3 business days after
    (f,) = gfe(date(2024, 7, 10), care_scheduled=sat)
    assert "by 2024-07-08" in f.message
    assert gfe(date(2024, 7, 9), care_scheduled=sat) == []


def test_an_estimate_the_case_holds_is_not_missing():
    assert gfe(date(2024, 7, 16), gfe_given=None, gfe_total=2000) == []
    assert gfe(date(2024, 7, 16), gfe_given=True) == []


def test_a_case_silent_on_the_estimate_asks_at_low_severity():
    (f,) = gfe(date(2024, 7, 16), gfe_given=None)
    assert f.severity == "low" and "if you got none" in f.message and "accounts[" not in f.message


def test_an_insured_patient_who_chose_to_pay_himself_is_self_pay():
    facts = {"insurance_status": "insured", "self_pay": True}
    assert len(gfe(date(2024, 7, 16), **facts)) == 1
    assert gfe(date(2024, 7, 16), insurance_status="insured") == []


@pytest.mark.parametrize("status", ["medicare", "medicaid", "qmb"])
def test_a_federal_program_enrollee_is_not_uninsured_even_when_paying_himself(status):
    # 149.610(a)(2)(xiii)(B) covers group and individual plans and FEHB, not Medicare or Medicaid
    assert gfe(date(2024, 7, 16), insurance_status=status, self_pay=True) == []


def test_care_booked_before_2022_is_outside_the_rule():
    assert gfe(date(2021, 12, 20), care_scheduled=date(2021, 12, 1)) == []


def test_without_the_booking_day_or_the_care_day_nothing_is_said():
    assert gfe(date(2024, 7, 16), care_scheduled=None) == []
    got = found("NSA.GFE_MISSING", line(1, "45378", d=None, charge="2400.00"), facts=SELF_PAY)
    assert got == []


def test_the_care_day_falls_back_to_the_bills_first_date_of_service():
    (f,) = found("NSA.GFE_MISSING", line(1, "45378", d=date(2024, 7, 16)), facts=SELF_PAY)
    assert "on 2024-07-16" in f.message
