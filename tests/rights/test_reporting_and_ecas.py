"""REGF.PASSIVE_REPORTING, IRS501R.ECA_TOO_EARLY and the state waiting periods and notices."""

from __future__ import annotations

from datetime import date

from tests.rights.helpers import call, case, fired, letter


def reported(day: str, by: str = "collector") -> dict:
    return {"at": day, "kind": "credit_reporting", "from": by}


def test_reporting_13_days_after_the_collectors_only_letter_is_passive_reporting():
    (v,) = fired(case(letter("2026-10-01", by="collector"), reported("2026-10-14")), "REGF.PASSIVE_REPORTING")
    assert "before 2026-10-15" in v.message and v.events == [1]


def test_reporting_14_days_after_the_letter_is_allowed():
    assert not fired(case(letter("2026-10-01", by="collector"), reported("2026-10-15")), "REGF.PASSIVE_REPORTING")


def test_reporting_after_a_phone_conversation_needs_no_wait():
    c = case(call("2026-10-01T10:00:00", conversation=True), reported("2026-10-01"))
    assert not fired(c, "REGF.PASSIVE_REPORTING")


def test_a_tradeline_furnished_by_the_collector_counts_as_its_reporting():
    c = case(letter("2026-10-01", by="collector"),
             tradelines=[{"bureau": "equifax", "furnisher": "ABC  recovery", "reported": "2026-10-05"}])
    (v,) = fired(c, "REGF.PASSIVE_REPORTING")
    assert "the credit report: 2026-10-05" in v.message and "tradelines[" not in v.message and v.events == []


def test_a_tradeline_of_another_furnisher_is_not_this_collectors():
    c = case(letter("2026-10-01", by="collector"),
             tradelines=[{"bureau": "equifax", "furnisher": "Fresno Imaging", "reported": "2026-10-05"}])
    assert not fired(c, "REGF.PASSIVE_REPORTING")


def test_credit_reporting_on_day_119_after_a_nonprofit_hospitals_first_bill_is_too_early():
    (v,) = fired(case(reported("2025-07-29")), "IRS501R.ECA_TOO_EARLY")  # first bill 2025-04-01
    assert "119 days" in v.message and v.amount == 0 and v.act_by is None and not v.unconfirmed


def test_credit_reporting_on_day_120_is_allowed():
    assert not fired(case(reported("2025-07-30")), "IRS501R.ECA_TOO_EARLY")


def test_a_lawsuit_by_the_hospital_itself_on_day_30_is_an_early_eca():
    c = case({"at": "2025-05-01", "kind": "legal_action", "from": "provider", "type": "lawsuit"}, collector=None)
    assert fired(c, "IRS501R.ECA_TOO_EARLY")


def test_a_threat_is_not_an_extraordinary_collection_action():
    c = case({"at": "2025-05-01", "kind": "legal_action", "from": "collector", "type": "threat"})
    assert not fired(c, "IRS501R.ECA_TOO_EARLY")


def test_a_for_profit_hospital_is_not_bound_by_501r():
    assert not fired(case(reported("2025-05-01"), provider={"nonprofit": False}), "IRS501R.ECA_TOO_EARLY")


CA_UNINSURED = dict(insurance="uninsured", account={"first_bill_date": "2026-01-02"})


def test_california_reporting_on_day_179_for_an_uninsured_patient_is_too_early():
    (v,) = fired(case(reported("2026-06-30"), **CA_UNINSURED), "STATE.CA.COLLECTION_WAIT")
    assert "179 days" in v.message and "until 2026-07-01" in v.message and not v.unconfirmed  # 180 days quoted (HCAI)


def test_california_reporting_on_day_180_is_allowed():
    assert not fired(case(reported("2026-07-01"), **CA_UNINSURED), "STATE.CA.COLLECTION_WAIT")


def test_before_2022_californias_wait_was_150_days():
    c = case(reported("2021-05-30"), insurance="uninsured", account={"first_bill_date": "2021-01-01"})
    (v,) = fired(c, "STATE.CA.COLLECTION_WAIT", as_of=date(2021, 6, 1))
    assert "149 days" in v.message and "for 150 days" in v.message
    c = case(reported("2021-05-31"), insurance="uninsured", account={"first_bill_date": "2021-01-01"})
    assert not fired(c, "STATE.CA.COLLECTION_WAIT", as_of=date(2021, 6, 2))


def test_the_california_wait_covers_an_insured_patient_with_high_medical_costs_as_possible():
    # Cal. Health & Saf. Code 127425: the uninsured, and patients who say they may have high medical costs
    (v,) = fired(case(reported("2026-06-30"), account={"first_bill_date": "2026-01-02"}), "STATE.CA.COLLECTION_WAIT")
    assert v.severity == "medium" and "high medical costs" in v.message and "10% of your family income" in v.message
    assert not fired(case(reported("2026-07-01"), account={"first_bill_date": "2026-01-02"}), "STATE.CA.COLLECTION_WAIT")


def test_the_california_wait_for_an_uninsured_patient_is_high_severity():
    (v,) = fired(case(reported("2026-06-30"), **CA_UNINSURED), "STATE.CA.COLLECTION_WAIT")
    assert v.severity == "high" and "You have insurance" not in v.message


def test_marylands_wait_covers_every_hospital_patient_at_high_severity():
    c = case(reported("2026-08-28"), state="MD", account={"first_bill_date": "2026-01-01"})  # day 239
    (v,) = fired(c, "STATE.MD.COLLECTION_WAIT")
    assert v.severity == "high" and "You have insurance" not in v.message


def test_a_nevada_agency_calling_59_days_after_its_notice_is_too_early():
    c = case(letter("2026-09-01", by="collector"), call("2026-10-30T10:00:00"), state="NV")
    (v,) = fired(c, "STATE.NV.NOTICE_60_DAYS")
    assert "59 days" in v.message and v.events == [1, 0]


def test_a_nevada_agency_calling_on_day_60_is_allowed():
    assert not fired(case(letter("2026-09-01", by="collector"), call("2026-10-31T10:00:00"), state="NV"),
                     "STATE.NV.NOTICE_60_DAYS")


def test_the_nevada_notice_does_not_bind_a_california_patients_collector():
    assert not fired(case(letter("2026-09-01", by="collector"), call("2026-09-02T10:00:00")), "STATE.NV.NOTICE_60_DAYS")


def test_a_florida_hospital_reporting_29_days_after_its_notice_is_too_early():
    c = case(letter("2026-05-15", by="provider", type="eca_notice"), reported("2026-06-13"), state="FL",
             account={"first_bill_date": "2026-01-02"})
    (v,) = fired(c, "STATE.FL.ECA_NOTICE")
    assert "29 days" in v.message
    c = case(letter("2026-05-15", by="provider", type="eca_notice"), reported("2026-06-14"), state="FL",
             account={"first_bill_date": "2026-01-02"})
    assert not fired(c, "STATE.FL.ECA_NOTICE")


MD = dict(state="MD", account={"first_bill_date": "2026-01-02"})


def test_maryland_reporting_on_day_239_is_too_early_for_any_hospital_patient():
    (v,) = fired(case(reported("2026-08-29"), **MD), "STATE.MD.COLLECTION_WAIT")  # insured patient
    assert "239 days" in v.message and "until 2026-08-30" in v.message


def test_maryland_reporting_on_day_240_is_allowed():
    assert not fired(case(reported("2026-08-30"), **MD), "STATE.MD.COLLECTION_WAIT")


def test_the_maryland_wait_is_not_applied_before_the_2025_act():
    c = case(reported("2025-03-01"), state="MD", account={"first_bill_date": "2025-01-02"})
    assert not fired(c, "STATE.MD.COLLECTION_WAIT", as_of=date(2025, 3, 2))


# first bill 2025-04-01; the 120 days end 2025-07-30; the hospital's written notice is dated 2025-08-01
ECA_NOTICE = letter("2025-08-01", by="provider", type="eca_notice")


def test_an_eca_29_days_after_the_hospitals_written_notice_is_too_soon():
    (v,) = fired(case(ECA_NOTICE, reported("2025-08-30")), "IRS501R.ECA_WITHOUT_NOTICE")
    assert "only 29 days" in v.message and v.severity == "high" and v.events == [0, 1] and v.amount == 0
    assert any("1.501(r)-6(c)" in c for c in v.citations)


def test_an_eca_30_days_after_the_written_notice_is_allowed():
    assert not fired(case(ECA_NOTICE, reported("2025-08-31")), "IRS501R.ECA_WITHOUT_NOTICE")


def test_an_eca_with_no_notice_in_the_log_is_flagged_at_medium_severity():
    (v,) = fired(case(reported("2025-09-15")), "IRS501R.ECA_WITHOUT_NOTICE")
    assert v.severity == "medium" and "ask the hospital for a copy" in v.message


def test_a_for_profit_hospital_needs_no_501r_notice():
    assert not fired(case(reported("2025-09-15"), provider={"nonprofit": False}), "IRS501R.ECA_WITHOUT_NOTICE")


def test_only_the_first_eca_needs_the_notice_30_days_before():
    c = case(ECA_NOTICE, reported("2025-08-31"), {"at": "2025-09-02", "kind": "legal_action", "from": "collector",
                                                   "type": "lawsuit"})
    assert not fired(c, "IRS501R.ECA_WITHOUT_NOTICE")
    (v,) = fired(case(reported("2025-09-15"), reported("2025-10-15")), "IRS501R.ECA_WITHOUT_NOTICE")
    assert "2025-09-15" in v.message and "the first extraordinary collection action" in v.message
