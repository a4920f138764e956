"""Deadlines of every kind, and which laws protect the patient (and why not)."""

from __future__ import annotations

from datetime import date

from tests.rights.helpers import call, case, rights


def kinds(c, as_of=date(2026, 11, 28)) -> dict:
    return {d.kind: d for d in rights(c, as_of).deadlines}


def test_the_validation_period_ends_30_days_after_receipt():
    d = kinds(case(collector={"name": "ABC Recovery", "validation_notice": {"received": "2026-10-01"}}))
    assert d["VALIDATION_PERIOD_END"].date == date(2026, 10, 31)


def test_with_only_a_sent_date_receipt_is_assumed_5_business_days_later():
    # sent Monday 2026-10-19: receipt Monday 10-26, period ends 11-25
    d = kinds(case(collector={"name": "ABC Recovery", "validation_notice": {"sent": "2026-10-19"}}))
    assert d["VALIDATION_PERIOD_END"].date == date(2026, 11, 25)
    assert "not counting weekends and federal holidays" in d["VALIDATION_PERIOD_END"].why


def test_a_federal_holiday_inside_the_5_business_days_pushes_receipt_a_day():
    # sent Thursday 2026-11-05; Veterans Day (Wed 11-11) is skipped: receipt Fri 11-13, end 12-13
    d = kinds(case(collector={"name": "ABC Recovery", "validation_notice": {"sent": "2026-11-05"}}))
    assert d["VALIDATION_PERIOD_END"].date == date(2026, 12, 13)
    # the same weekday a week earlier has no holiday: sent 10-29, receipt 11-05, end 12-05
    d = kinds(case(collector={"name": "ABC Recovery", "validation_notice": {"sent": "2026-10-29"}}))
    assert d["VALIDATION_PERIOD_END"].date == date(2026, 12, 5)


def test_a_nonprofit_hospital_has_fap_and_eca_deadlines_from_the_first_bill():
    d = kinds(case())  # first bill 2025-04-01
    assert d["FAP_APPLICATION_END"].date == date(2025, 11, 27)  # 240 days
    assert d["ECA_EARLIEST"].date == date(2025, 7, 30)  # 120 days
    # 1.501(r)-1(b)(3) and -6(c)(3)(i) are quoted in the law data: nothing here rests on unconfirmed law
    assert not d["FAP_APPLICATION_END"].unconfirmed and d["ECA_EARLIEST"].citations


def test_a_for_profit_provider_has_no_501r_deadlines():
    assert "FAP_APPLICATION_END" not in kinds(case(provider={"nonprofit": False}))


def test_an_uninsured_patient_has_120_days_from_the_first_bill_for_an_nsa_dispute():
    d = kinds(case(insurance="uninsured", collector=None, account={"gfe_total": 1200}))
    assert d["NSA_DISPUTE_END"].date == date(2025, 7, 30)


def test_an_insured_patient_has_no_nsa_dispute_deadline():
    assert "NSA_DISPUTE_END" not in kinds(case())


def test_each_fdcpa_violation_gives_a_claim_deadline_one_year_later():
    claims = {d.why.split(" over this: ")[1].split(" (one year")[0]: d.date
              for d in rights(case(call("2026-10-15T07:30:00"))).deadlines if d.kind == "FDCPA_CLAIM_END"}
    assert "REGF." not in " ".join(claims)  # the rule in words, never its id
    assert claims["contact at an inconvenient time"] == date(2027, 10, 15)
    assert claims["validation notice not sent in time"] == date(2027, 10, 21)  # no notice by 10-20: the day after the 5 days


def test_sol_and_state_deadlines_are_listed():
    d = kinds(case(insurance="uninsured"))
    assert d["SOL_EXPIRES"].date == date(2029, 4, 1) and not d["SOL_EXPIRES"].unconfirmed  # CA 337 quoted
    assert "A payment" not in d["SOL_EXPIRES"].why and "signed written acknowledgment may restart" in d["SOL_EXPIRES"].why  # CCP 360
    assert d["STATE.CA.COLLECTION_WAIT"].date == date(2025, 9, 28)


def test_nevadas_60_day_notice_gives_a_deadline():
    d = kinds(case({"at": "2026-09-01", "kind": "letter", "from": "collector"}, state="NV"))
    assert d["STATE.NV.NOTICE_60_DAYS"].date == date(2026, 10, 31)


def protection(c, pid: str) -> dict:
    return next(p for p in rights(c).protections if p["id"] == pid)


def test_the_fdcpa_covers_the_collector_but_not_the_hospital_itself():
    p = protection(case(), "FDCPA")
    assert p["applies"] is True
    assert "cover ABC Recovery" in p["why"] and "do not cover Valley General Hospital itself" in p["why"]


def test_the_fdcpa_does_not_apply_while_the_provider_collects_its_own_bill():
    p = protection(case(collector=None), "FDCPA")
    assert p["applies"] is False and "collecting its own bill" in p["why"]


def test_501r_needs_to_know_if_the_hospital_is_nonprofit():
    assert protection(case(provider={"nonprofit": None}), "IRS501R")["applies"] is None
    assert protection(case(provider={"nonprofit": False}), "IRS501R")["applies"] is False
    assert protection(case(), "IRS501R")["applies"] is True


def test_the_nsa_protects_emergency_care_but_not_medicare():
    assert protection(case(account={"care": {"emergency": True}}), "NSA")["applies"] is True
    p = protection(case(account={"care": {"emergency": True}}, insurance="medicare"), "NSA")
    assert p["applies"] is False and not p["unconfirmed"]  # the exclusion is quoted (CMS, via federal.nsa)


def test_the_nsa_does_not_reach_care_before_2022():
    p = protection(case(account={"care": {"emergency": True, "start": "2021-06-01"}}), "NSA")
    assert p["applies"] is False and "2022-01-01" in p["why"]


def test_the_state_protection_names_what_was_found_and_what_was_not():
    p = protection(case(state="NV"), "STATE.NV")
    assert "60 days' written notice" in p["why"] and "No specific rule found for: interest cap" in p["why"]


def test_an_old_debt_from_before_501r_and_regulation_f_is_still_reviewed():
    c = case({"at": "2010-03-01T07:00:00", "kind": "call", "from": "collector"},
             {"at": "2010-05-01", "kind": "credit_reporting", "from": "collector"},
             account={"first_bill_date": "2010-01-01", "care": {"emergency": True, "start": "2009-12-01"}})
    r = rights(c, date(2012, 1, 1))
    # FDCPA-era rules only, and California's 150-day wait of 2007, which reaches an insured patient only
    # with high medical costs: possible, at medium severity
    assert sorted(v.rule for v in r.violations) == ["REGF.INCONVENIENT_TIME", "REGF.VALIDATION_MISSING",
                                                    "STATE.CA.COLLECTION_WAIT"]
    assert [v.severity for v in r.violations if v.rule == "STATE.CA.COLLECTION_WAIT"] == ["medium"]
    p = {x["id"]: x for x in r.protections}
    assert p["IRS501R"]["applies"] is False and "2016" in p["IRS501R"]["why"]
    assert p["NSA"]["applies"] is False
    assert "FAP_APPLICATION_END" not in {d.kind for d in r.deadlines}


def test_a_state_rule_searched_for_and_not_found_is_named_but_is_no_law_the_protection_rests_on():
    # Texas has no specific medical-debt interest cap, wait, notice, garnishment or lien rule in the data:
    # each is a null value marked unconfirmed (an absence cannot be quoted). The protection says so in words
    # and does not claim any of them, so they do not make it rest on unconfirmed law.
    p = protection(case(state="TX"), "STATE.TX")
    assert "No specific rule found for: interest cap, collection wait" in p["why"]
    assert p["unconfirmed"] is False
    # a rule the protection does state, and that is unconfirmed (New Jersey's 3% interest cap, whose section was
    # not read), still flags it; New York's judgment interest, wage and home protections are quoted and do not
    assert protection(case(state="NJ"), "STATE.NJ")["unconfirmed"] is True
    ny = protection(case(state="NY"), "STATE.NY")
    assert ny["unconfirmed"] is False and "2% (judgments on consumer debt" in ny["why"]


def test_florida_exempts_a_vehicle_and_property_only_from_suits_on_a_hospitals_debt():
    # Fla. Stat. 222.26 (2024): for a debt to a chapter 395 facility, $10,000 in one vehicle, and $10,000 of personal
    # property when no homestead exemption is claimed (the data said "$10,000 of personal property" for any medical debt)
    p = protection(case(state="FL"), "STATE.FL")
    assert "licensed under chapter 395" in p["why"] and "one motor vehicle" in p["why"]
    assert "homestead exemption" in p["why"]
