"""`review` knows the hospital: the CMS list fills what the case leaves out, and the case wins."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from billadvocate.casefile import load_case
from billadvocate.hospitals import know_hospitals
from billadvocate.review import review_case


def case_file(tmp_path: Path, provider: dict, state: str = "MN") -> Path:
    doc = {"billadvocate": 1, "as_of": "2026-11-28",
           "patient": {"name": "Pat Doe", "state": state, "address": "5 Oak St, Rochester, MN 55901"},
           "accounts": [{"id": "er", "provider": provider, "first_bill_date": "2026-09-01", "balance": 2400,
                         "care": {"emergency": True, "start": "2026-08-20", "end": "2026-08-20"}}]}
    p = tmp_path / "case.yaml"
    p.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return p


def irs501r(review):
    return next(p for p in review.accounts[0].protections if p["id"] == "IRS501R")


def test_a_patient_who_types_mayo_clinic_rochester_gets_the_501r_protections(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester"}))
    assert case.accounts[0].provider.nonprofit is None
    review = review_case(case)
    assert irs501r(review)["applies"] is True
    h = review.accounts[0].to_json()["hospital"]
    assert h["status"] == "matched" and h["how"] == "by name in MN"
    assert h["hospital"]["ccn"] == "240010" and h["hospital"]["ownership"] == "Voluntary non-profit - Church"
    assert h["filled"]["nonprofit"] is True and h["filled"]["kind"] == "hospital" and h["filled"]["ccn"] == "240010"
    assert h["source"] == "CMS Hospital General Information, 2026-05"
    assert any("per CMS Hospital General Information, 2026-05" in n and "a fact stated in the case wins" in n
               for n in h["notes"])


def test_without_the_directory_the_same_case_misses_501r(tmp_path):
    from billadvocate.rights import review_rights

    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester"}))
    rights = review_rights(case, case.accounts[0], case.as_of)  # the rights engine alone: no hospital facts
    assert next(p for p in rights.protections if p["id"] == "IRS501R")["applies"] is not True


def test_an_ambiguous_name_lists_the_candidates_and_fills_nothing(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Health System", "kind": "hospital"}))
    filled, found = know_hospitals(case)
    m = found["er"]
    assert m.status == "ambiguous" and len(m.candidates) > 1
    assert all(c["state"] == "MN" for c in m.candidates)
    assert filled.accounts[0].provider.nonprofit is None and m.filled == {}
    assert "add the right one's CCN" in m.notes[0]


def test_what_the_case_states_wins_and_the_difference_is_pointed_out(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester", "nonprofit": False}))
    filled, found = know_hospitals(case)
    assert filled.accounts[0].provider.nonprofit is False
    assert found["er"].differs == {"nonprofit": True}
    assert "The case's answer is used" in found["er"].notes[0]


def test_a_ccn_identifies_the_hospital_whatever_the_name(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Saint Marys Campus", "ccn": "240010"}))
    filled, found = know_hospitals(case)
    assert found["er"].status == "matched" and found["er"].how == "by CCN 240010"
    p = filled.accounts[0].provider
    assert (p.nonprofit, p.kind, p.state) == (True, "hospital", "MN")
    assert p.address == "1216 SECOND STREET SOUTHWEST, ROCHESTER, MN 55902"


def test_a_government_hospital_is_not_guessed_and_the_reason_says_to_ask(tmp_path):
    # Southeast Health Medical Center, Dothan AL: Government - Hospital District or Authority
    case = load_case(case_file(tmp_path, {"name": "Southeast Health Medical Center", "state": "AL"}, state="AL"))
    filled, found = know_hospitals(case)
    m = found["er"]
    assert m.status == "matched" and m.hospital["ccn"] == "010001"
    assert filled.accounts[0].provider.nonprofit is None and "nonprofit" not in m.filled
    assert "ask the hospital" in m.hospital["nonprofit_reason"]


def test_an_unknown_ccn_is_said_and_nothing_is_filled(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Somewhere", "ccn": "999999"}))
    filled, found = know_hospitals(case)
    assert found["er"].status == "not_found" and "CCN 999999 is not in" in found["er"].notes[0]
    assert filled.accounts[0].provider.kind == "other"


def test_a_physician_is_not_looked_up(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester", "kind": "physician"}))
    assert know_hospitals(case)[1] == {}


@pytest.mark.parametrize("given, stored", [("240010", "240010"), (240010, "240010"), ("10005", "010005")])
def test_the_ccn_in_the_case_file(tmp_path, given, stored):
    case = load_case(case_file(tmp_path, {"name": "x", "ccn": given}))
    assert case.accounts[0].provider.ccn == stored


def test_a_malformed_ccn_is_refused(tmp_path):
    from billadvocate.errors import BadInput

    with pytest.raises(BadInput) as e:
        load_case(case_file(tmp_path, {"name": "x", "ccn": "24-0010"}))
    assert "ccn" in e.value.line() and "CMS Certification Number" in e.value.line()


@pytest.mark.parametrize("name, state", [("General Hospital", "IA"),  # not FRANKLIN GENERAL HOSPITAL
                                         ("Desert Hospital", "ME"),  # not MOUNT DESERT ISLAND HOSPITAL
                                         ("Mercy Hospital", "OH")])
def test_a_generic_name_is_not_taken_for_one_hospital(tmp_path, name, state):
    case = load_case(case_file(tmp_path, {"name": name, "kind": "hospital", "state": state}, state=state))
    filled, found = know_hospitals(case)
    assert found["er"].status in ("ambiguous", "not_found")
    assert filled.accounts[0].provider == case.accounts[0].provider


def test_a_critical_access_hospital_is_rural_for_illinois_charity_care(tmp_path):
    # KIRBY MEDICAL CENTER, Monticello IL (141301): Critical Access Hospitals, Voluntary non-profit - Private
    case = load_case(case_file(tmp_path, {"name": "Kirby Medical Center", "state": "IL"}, state="IL"))
    filled, found = know_hospitals(case)
    p = filled.accounts[0].provider
    assert found["er"].hospital["ccn"] == "141301"
    assert (p.rural, p.nonprofit, p.kind) == (True, True, "hospital")
    urban = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester"}))
    assert know_hospitals(urban)[0].accounts[0].provider.rural is None  # not a CAH: rural left unsaid


def test_a_hospital_in_another_state_than_the_patients_is_found_when_the_case_gives_no_state(tmp_path):
    case = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester"}, state="CA"))
    filled, found = know_hospitals(case)
    assert found["er"].status == "matched" and found["er"].how == "by name nationwide (none in CA)"
    assert filled.accounts[0].provider.state == "MN" and filled.accounts[0].provider.nonprofit is True
    stated = load_case(case_file(tmp_path, {"name": "Mayo Clinic Rochester", "state": "CA"}, state="CA"))
    filled, found = know_hospitals(stated)  # a state the case states is kept to
    assert "er" not in found and filled.accounts[0].provider.nonprofit is None
