"""What a dispute obliges, by when it was sent; passive reporting counted from when a notice was SENT."""

from __future__ import annotations

from tests.rights.helpers import call, case, fired, letter, rights


def with_notice(**notice) -> dict:
    return {"name": "ABC Recovery", "kind": "agency", "validation_notice": notice}


def fdcpa(c) -> dict:
    return {p["id"]: p for p in rights(c).protections}["FDCPA"]


NOTICE = with_notice(received="2026-10-01")  # the validation period ends 2026-10-31


def test_a_timely_dispute_makes_the_collector_stop_collecting():
    why = fdcpa(case(letter("2026-10-31", type="dispute", method="email"), collector=NOTICE))["why"]
    assert "within the validation period" in why and "must stop collecting" in why
    assert "report it as disputed" in why


def test_a_late_dispute_does_not_stop_collection_but_the_debt_must_be_reported_as_disputed():
    p = fdcpa(case(letter("2026-11-01", type="dispute", method="email"), collector=NOTICE))
    assert "after the validation period ended on 2026-10-31" in p["why"] and "may keep collecting" in p["why"]
    assert "must stop collecting" not in p["why"] and "report it as disputed" in p["why"]
    assert "15 U.S.C. 1692e(8)" in p["citations"]


def test_the_validation_deadline_says_what_a_later_dispute_still_does():
    d = {x.kind: x for x in rights(case(collector=NOTICE)).deadlines}["VALIDATION_PERIOD_END"]
    assert "report the debt as disputed" in d.why


def test_statutory_damages_are_a_cap_per_lawsuit_not_an_amount_per_violation():
    c = case(call("2026-10-13T07:00:00"), call("2026-10-14T07:00:00"), collector=NOTICE)
    r = rights(c)
    found = [v for v in r.violations if v.rule == "REGF.INCONVENIENT_TIME"]
    assert len(found) == 2 and all(v.amount == 0 for v in found)
    assert all("per lawsuit" in v.explanation for v in found)
    assert "$1,000 per lawsuit" in fdcpa(c)["why"]


def reported(day: str) -> dict:
    return {"at": day, "kind": "credit_reporting", "from": "collector"}


# notice received Thursday 2026-10-08: it was probably sent 5 business days earlier, Thursday 10-01,
# so reporting is allowed from 10-15 (14 days after sending)
def test_with_only_a_receipt_date_reporting_14_days_after_the_inferred_sending_is_allowed():
    assert not fired(case(reported("2026-10-15"), collector=with_notice(received="2026-10-08")),
                     "REGF.PASSIVE_REPORTING")


def test_with_only_a_receipt_date_an_earlier_report_is_only_possibly_a_violation():
    (v,) = fired(case(reported("2026-10-14"), collector=with_notice(received="2026-10-08")), "REGF.PASSIVE_REPORTING")
    assert v.severity == "medium" and "may have reported" in v.message and "2026-10-01" in v.message


def test_with_the_sending_date_the_same_report_is_a_violation_at_high_severity():
    (v,) = fired(case(reported("2026-10-14"), collector=with_notice(sent="2026-10-01")), "REGF.PASSIVE_REPORTING")
    assert v.severity == "high" and "before 2026-10-15" in v.message


def test_sent_date_not_receipt_date_starts_the_14_days():
    # sent 10-01 and received 10-08: reporting on 10-16 is 15 days after sending (allowed), though only
    # 8 days after receipt
    assert not fired(case(reported("2026-10-16"), collector=with_notice(sent="2026-10-01", received="2026-10-08")),
                     "REGF.PASSIVE_REPORTING")


def test_collecting_after_a_dispute_with_no_notice_in_the_case_is_only_possibly_a_violation():
    c = case(letter("2026-10-25", type="dispute", method="email"), call("2026-11-02T10:00:00"),
             collector={"name": "ABC Recovery", "kind": "agency"})
    (v,) = fired(c, "REGF.COLLECTION_DURING_DISPUTE")
    assert v.severity == "medium" and "cannot be told" in v.message
