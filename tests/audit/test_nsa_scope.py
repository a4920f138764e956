"""NSA.BALANCE_BILL where the No Surprises Act applies and nowhere else: air ambulance yes, ground
ambulance no, care from 2022-01-01 only, insured patients only (not Medicare, Medicaid or QMB)."""

from datetime import date

import pytest

from .support import found, line

D = date(2026, 9, 14)
INSURED_OON = {"insurance_status": "insured", "in_network": False, "balance": 2400}


def test_an_air_ambulance_ride_is_protected_even_when_not_an_emergency_or_at_a_facility():
    (f,) = found("NSA.BALANCE_BILL", line(1, "A0431", d=D, charge="2400.00"),
                 facts={**INSURED_OON, "provider_kind": "ambulance", "ambulance": "air"})
    assert "an air ambulance" in f.message and f.severity == "medium"


def test_air_ambulance_codes_on_the_bill_say_it_was_an_air_ride():
    (f,) = found("NSA.BALANCE_BILL", line(1, "A0436", d=D, charge="2400.00"),
                 facts={**INSURED_OON, "provider_kind": "ambulance"})
    assert "an air ambulance" in f.message


def test_a_ground_ambulance_emergency_ride_is_not_protected():
    facts = {**INSURED_OON, "provider_kind": "ambulance", "emergency": True, "ambulance": "ground"}
    assert found("NSA.BALANCE_BILL", line(1, "A0427", d=D, charge="2400.00"), facts=facts) == []


def test_ground_ambulance_codes_on_the_bill_say_it_was_a_ground_ride():
    facts = {**INSURED_OON, "provider_kind": "ambulance", "emergency": True}
    assert found("NSA.BALANCE_BILL", line(1, "A0429", d=D), line(2, "A0425", d=D), facts=facts) == []


def test_an_ambulance_bill_of_unknown_kind_says_the_question_at_info_severity():
    facts = {**INSURED_OON, "provider_kind": "ambulance", "emergency": True}
    (f,) = found("NSA.BALANCE_BILL", line(1, "99999", d=D), facts=facts)
    assert f.severity == "info" and f.amount == 0 and "air ambulance" in f.message and "accounts[" not in f.message


@pytest.mark.parametrize("day,fires", [(date(2021, 12, 31), False), (date(2022, 1, 1), True)])
def test_care_before_2022_is_outside_the_act(day, fires):
    facts = {**INSURED_OON, "emergency": True, "care_start": day}
    assert bool(found("NSA.BALANCE_BILL", line(1, d=day), facts=facts)) is fires


@pytest.mark.parametrize("status", ["medicare", "medicaid", "qmb", "uninsured"])
def test_medicare_medicaid_qmb_and_uninsured_patients_are_outside_the_balance_billing_rules(status):
    facts = {**INSURED_OON, "emergency": True, "insurance_status": status}
    assert found("NSA.BALANCE_BILL", line(1, d=D), facts=facts) == []


def test_an_out_of_network_anesthesiologist_at_an_in_network_hospital_is_protected():
    facts = {**INSURED_OON, "emergency": False, "facility_in_network": True, "provider_kind": "physician"}
    (f,) = found("NSA.BALANCE_BILL", line(1, "00790", d=D), facts=facts)
    assert "care at an in-network facility" in f.message
    assert any("300gg-132" in c for c in f.citations) and any("149.420" in c for c in f.citations)


FACILITY = {**INSURED_OON, "emergency": False, "facility_in_network": True, "provider_kind": "physician"}


@pytest.mark.parametrize("code", ["00790", "71046", "88305", "80053"])  # anesthesia, radiology, pathology, lab
def test_ancillary_services_at_an_in_network_facility_say_no_consent_can_waive_them(code):
    (f,) = found("NSA.BALANCE_BILL", line(1, code, d=D), facts=FACILITY)
    assert "no consent form can waive this" in f.message and "unless you signed" not in f.message


def test_other_care_by_an_out_of_network_surgeon_says_a_signed_consent_would_waive_it():
    (f,) = found("NSA.BALANCE_BILL", line(1, "27447", d=D), facts=FACILITY)  # knee replacement
    assert "unless you signed its notice-and-consent form before the care" in f.message


def test_emergency_care_needs_no_consent_caveat():
    (f,) = found("NSA.BALANCE_BILL", line(1, "99285", d=D), facts={**INSURED_OON, "emergency": True})
    assert "consent" not in f.message
