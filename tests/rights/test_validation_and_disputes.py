"""REGF.VALIDATION_MISSING, REGF.AMOUNT_UNEXPLAINED, REGF.COLLECTION_DURING_DISPUTE and FDCPA.CEASE_IGNORED."""

from __future__ import annotations

from datetime import date

from tests.rights.helpers import call, case, fired, letter

FIRST_CALL = call("2026-10-13T10:00:00", conversation=True)


def with_notice(**notice) -> dict:
    return {"name": "ABC Recovery", "kind": "agency", "validation_notice": notice}


def test_a_validation_notice_sent_on_day_5_is_in_time():
    assert not fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-18")), "REGF.VALIDATION_MISSING")


def test_a_validation_notice_sent_on_day_6_is_late():
    (v,) = fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-19")), "REGF.VALIDATION_MISSING")
    assert "6 days later" in v.message and v.events == [0]


def test_no_validation_notice_at_all_fires_once_the_5_days_have_passed():
    assert fired(case(FIRST_CALL), "REGF.VALIDATION_MISSING")
    assert not fired(case(FIRST_CALL), "REGF.VALIDATION_MISSING", as_of=date(2026, 10, 18))


def test_a_notice_received_within_5_business_days_of_the_deadline_is_given_the_benefit_of_mail():
    # due 10-18 (a Sunday); 5 business days later is 10-23
    assert not fired(case(FIRST_CALL, collector=with_notice(received="2026-10-23")), "REGF.VALIDATION_MISSING")
    (v,) = fired(case(FIRST_CALL, collector=with_notice(received="2026-10-26")), "REGF.VALIDATION_MISSING")
    assert v.severity == "medium"


def test_the_provider_needs_no_validation_notice():
    assert not fired(case(call("2026-10-13T10:00:00", by="provider"), collector=None), "REGF.VALIDATION_MISSING")


def test_an_amount_above_the_balance_without_itemized_interest_is_unexplained():
    (v,) = fired(case(collector=with_notice(received="2026-10-20", amount=1180)), "REGF.AMOUNT_UNEXPLAINED")
    assert "$180.00 is not explained" in v.message and v.amount == 0


def test_itemized_interest_and_fees_explain_the_difference():
    c = case(collector=with_notice(received="2026-10-20", amount=1180, interest=100, fees=80))
    assert not fired(c, "REGF.AMOUNT_UNEXPLAINED")
    c = case(collector=with_notice(received="2026-10-20", amount=1180.01, interest=100, fees=80))
    assert fired(c, "REGF.AMOUNT_UNEXPLAINED")


def test_collecting_after_a_timely_dispute_arrived_and_before_verification_is_a_violation():
    # mailed Monday 10-26; assumed delivered 5 business days later, Monday 11-02
    c = case(letter("2026-10-26", type="dispute"), call("2026-11-03T10:00:00"),
             collector=with_notice(received="2026-10-20"))
    (v,) = fired(c, "REGF.COLLECTION_DURING_DISPUTE")
    assert v.events == [0, 1] and "assumed delivered" in v.message


def test_a_call_on_the_day_the_dispute_is_assumed_delivered_is_not_counted():
    c = case(letter("2026-10-26", type="dispute"), call("2026-11-02T10:00:00"),
             collector=with_notice(received="2026-10-20"))
    assert not fired(c, "REGF.COLLECTION_DURING_DISPUTE")


def test_a_logged_delivery_date_overrides_the_assumption():
    c = case(letter("2026-10-26", type="dispute", received="2026-10-28"), call("2026-10-29T10:00:00"),
             collector=with_notice(received="2026-10-20"))
    assert fired(c, "REGF.COLLECTION_DURING_DISPUTE")


def test_collecting_after_verification_was_sent_is_allowed():
    c = case(letter("2026-10-26", type="dispute", method="email"), letter("2026-11-01", by="collector", type="verification"),
             call("2026-11-03T10:00:00"), collector=with_notice(received="2026-10-20"))
    assert not fired(c, "REGF.COLLECTION_DURING_DISPUTE")


def test_a_dispute_on_day_30_of_the_validation_period_is_timely_and_day_31_is_not():
    notice = with_notice(received="2026-10-01")  # the period ends 10-31
    day30 = case(letter("2026-10-31", type="dispute", method="email"), call("2026-11-05T10:00:00"), collector=notice)
    day31 = case(letter("2026-11-01", type="dispute", method="email"), call("2026-11-05T10:00:00"), collector=notice)
    assert fired(day30, "REGF.COLLECTION_DURING_DISPUTE")
    assert not fired(day31, "REGF.COLLECTION_DURING_DISPUTE")


def test_a_call_after_a_cease_letter_arrived_ignores_it():
    c = case(letter("2026-11-02", type="cease", received="2026-11-05"), call("2026-11-06T10:00:00"))
    (v,) = fired(c, "FDCPA.CEASE_IGNORED")
    assert v.events == [0, 1] and "delivered 2026-11-05" in v.message


def test_a_call_on_the_day_the_cease_letter_arrived_is_not_counted():
    c = case(letter("2026-11-02", type="cease", received="2026-11-05"), call("2026-11-05T10:00:00"))
    assert not fired(c, "FDCPA.CEASE_IGNORED")


def test_a_letter_saying_collection_is_ending_is_allowed_after_a_cease_request():
    c = case(letter("2026-11-02", type="cease", received="2026-11-05"),
             letter("2026-11-10", by="collector", type="collection_ending"))
    assert not fired(c, "FDCPA.CEASE_IGNORED")


# notice sent Thursday 2026-10-01; assumed received 5 business days later, Thursday 10-08 (no holiday
# between); the validation period runs 30 days from then, to 2026-11-07
def test_a_dispute_by_date_at_the_end_of_the_validation_period_is_allowed():
    notice = with_notice(sent="2026-10-01", dispute_by="2026-11-07")
    assert not fired(case(FIRST_CALL, collector=notice), "REGF.DISPUTE_DATE_EARLY")


def test_a_dispute_by_date_one_day_early_shortens_the_window():
    (v,) = fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-01", dispute_by="2026-11-06")),
                 "REGF.DISPUTE_DATE_EARLY")
    assert "runs to 2026-11-07, 1 day(s) later" in v.message and v.severity == "medium"


def test_a_holiday_in_the_mail_days_moves_the_end_of_the_period():
    # sent Friday 2026-10-09: Columbus Day (10-12) is not a business day, so receipt is 10-19 and the end 11-18
    assert fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-09", dispute_by="2026-11-17")),
                 "REGF.DISPUTE_DATE_EARLY")
    assert not fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-09", dispute_by="2026-11-18")),
                     "REGF.DISPUTE_DATE_EARLY")


def test_without_a_stated_date_or_a_sent_date_there_is_nothing_to_compare():
    assert not fired(case(FIRST_CALL, collector=with_notice(sent="2026-10-01")), "REGF.DISPUTE_DATE_EARLY")
    assert not fired(case(FIRST_CALL, collector=with_notice(received="2026-10-05", dispute_by="2026-10-20")),
                     "REGF.DISPUTE_DATE_EARLY")


def test_items_the_validation_notice_does_not_state_become_a_violation():
    c = case(collector=with_notice(received="2026-10-20", not_stated=["itemization_date", "dispute_by"]))
    (v,) = fired(c, "REGF.VALIDATION_INCOMPLETE")
    assert "the itemization date (12 CFR 1006.34(c)(2)(vi))" in v.message
    assert "(12 CFR 1006.34(c)(3)(i))" in v.message and v.severity == "medium" and v.amount == 0
    assert "12 CFR 1006.34(c)" in v.citations and v.act_by is not None  # an FDCPA claim: one year to sue


def test_a_complete_validation_notice_is_not_a_violation():
    assert not fired(case(collector=with_notice(received="2026-10-20")), "REGF.VALIDATION_INCOMPLETE")


def test_a_hospital_collecting_its_own_bill_is_not_held_to_the_validation_notice():
    c = case(collector={"name": "ABC Recovery", "kind": "agency",
                        "validation_notice": {"received": "2026-10-20", "not_stated": ["amount"]}})
    assert fired(c, "REGF.VALIDATION_INCOMPLETE")
    assert not fired(case(collector=None), "REGF.VALIDATION_INCOMPLETE")
