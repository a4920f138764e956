"""The No Surprises Act protection says only what is true: where it applies and nowhere else."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rights.helpers import case, rights


def nsa(c, as_of=date(2026, 11, 28)) -> dict:
    return {p["id"]: p for p in rights(c, as_of).protections}["NSA"]


AMBULANCE = {"name": "Metro Ambulance", "kind": "ambulance", "nonprofit": None, "in_network": False}


def test_a_ground_ambulance_ride_is_not_protected_and_the_patient_is_told_where_to_look():
    p = nsa(case(provider=AMBULANCE, account={"care": {"emergency": True, "start": "2026-05-01", "ambulance": "ground"}}))
    assert p["applies"] is False and "ground ambulance" in p["why"] and "state" in p["why"]
    assert any("300gg-135" in c for c in p["citations"])


def test_an_air_ambulance_ride_is_protected():
    p = nsa(case(provider=AMBULANCE, account={"care": {"emergency": True, "start": "2026-05-01", "ambulance": "air"}}))
    assert p["applies"] is True and "air ambulance" in p["why"]
    assert any("300gg-135" in c for c in p["citations"])


def test_an_ambulance_ride_of_unknown_kind_asks_which():
    p = nsa(case(provider=AMBULANCE, account={"care": {"emergency": True, "start": "2026-05-01"}}))
    assert p["applies"] is None and "air ambulance" in p["why"] and "accounts[" not in p["why"]


@pytest.mark.parametrize("start,applies", [("2021-12-31", False), ("2022-01-01", True)])
def test_emergency_care_on_the_last_day_of_2021_is_outside_the_act_and_from_2022_inside(start, applies):
    p = nsa(case(account={"care": {"emergency": True, "start": start}}))
    assert p["applies"] is applies


@pytest.mark.parametrize("status,words", [("medicare", "Medicare"), ("medicaid", "Medicaid"),
                                          ("qmb", "Qualified Medicare Beneficiary")])
def test_medicare_medicaid_and_qmb_coverage_are_outside_the_act(status, words):
    p = nsa(case(insurance=status, account={"care": {"emergency": True, "start": "2026-05-01"}}))
    assert p["applies"] is False and words in p["why"] and "does not cover" in p["why"]


def test_non_emergency_care_by_an_out_of_network_doctor_at_an_in_network_hospital_cites_300gg_132():
    c = case(provider={"name": "Bay Anesthesia Group", "kind": "physician", "in_network": False},
             account={"care": {"emergency": False, "start": "2026-05-01", "facility_in_network": True}})
    p = nsa(c)
    assert p["applies"] is True and "300gg-132" in p["why"] and "149.420" in p["why"]
    assert any("300gg-132" in x for x in p["citations"]) and not any("149.410" in x for x in p["citations"])
    # consent can never waive the ancillary services, named from the statute's list
    for service in ("anesthesiology", "radiology", "pathology", "assistant surgeons", "hospitalists", "laboratory"):
        assert service in p["why"]


def test_the_uninsured_patient_is_told_the_dispute_is_filed_with_hhs_not_the_provider_and_by_when():
    c = case(insurance="uninsured", account={"first_bill_date": "2026-03-02", "gfe_total": 1200,
                                            "care": {"start": "2026-02-20", "emergency": False}})
    p = nsa(c)
    assert p["applies"] is True
    assert "Department of Health and Human Services" in p["why"] and "not by writing to the provider" in p["why"]
    assert "by 2026-06-30" in p["why"]  # 120 calendar days after 2026-03-02
    assert "$25" in p["why"] and "$400" in p["why"]
    d = {x.kind: x for x in rights(c).deadlines}["NSA_DISPUTE_END"]
    assert d.date == date(2026, 6, 30) and "HHS" in d.why


def test_a_medicaid_patient_gets_no_patient_provider_dispute_deadline():
    c = case(insurance="medicaid", account={"first_bill_date": "2026-03-02", "gfe_total": 1200})
    assert "NSA_DISPUTE_END" not in {x.kind for x in rights(c).deadlines}


def test_an_insured_patient_paying_for_the_care_himself_is_self_pay_and_owed_an_estimate():
    c = case(account={"first_bill_date": "2026-03-02", "care": {"start": "2026-02-20", "emergency": False,
                                                                "self_pay": True}})
    p = nsa(c)
    assert p["applies"] is True and "Good Faith Estimate" in p["why"]


def test_with_no_estimate_given_the_patient_is_told_to_ask_for_it_and_where_to_report_it():
    c = case(insurance="uninsured", account={"first_bill_date": "2026-03-02", "gfe_given": False,
                                            "care": {"start": "2026-02-20", "scheduled": "2026-02-02"}})
    p = nsa(c)
    assert p["applies"] is True and "you got none" in p["why"] and "1-800-985-3059" in p["why"]
    assert any("149.610" in x for x in p["citations"])
