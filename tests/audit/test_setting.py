"""The setting read from the bill: each path of audit/setting.py, and the overrides."""

from pathlib import Path

import pytest

from billadvocate.audit.setting import infer_setting
from billadvocate.ingest.x12_837 import read_837
from billadvocate.model import Bill

from .support import audit, line

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def bill(*lines, **fields):
    return Bill(source="b.csv", lines=list(lines), **fields)


def test_revenue_codes_make_a_facility_outpatient_claim():
    choice = infer_setting([bill(line(1, "99285", rev="0450"), line(2, "85025", rev="0300"))])
    assert choice.setting == "outpatient" and "revenue codes" in choice.how


@pytest.mark.parametrize("rev", ["0120", "0110", "0200", "0210", "120"])
def test_room_and_board_revenue_codes_make_it_inpatient(rev):
    assert infer_setting([bill(line(1, None, rev=rev, desc="ROOM"), line(2, "85025", rev="0300"))]).setting == "inpatient"


def test_room_and_board_in_words_makes_it_inpatient_even_without_revenue_codes():
    choice = infer_setting([bill(line(1, None, desc="SEMI-PRIVATE ROOM & BOARD"), line(2, "85025"))])
    assert choice.setting == "inpatient" and choice.how == "a facility claim with room and board lines"  # said once


def test_an_admission_on_a_facility_claim_makes_it_inpatient():
    assert infer_setting([bill(line(1, "99223", rev="0450", desc="ADMISSION H&P"))]).setting == "inpatient"


def test_observation_hours_are_outpatient_not_an_admission():
    assert infer_setting([bill(line(1, "G0378", rev="0762", desc="HOSPITAL OBSERVATION PER HR"))]).setting == "outpatient"


@pytest.mark.parametrize("tob, setting", [("0111", "inpatient"), ("0131", "outpatient"), ("0141", "outpatient"),
                                          ("0851", "outpatient"), ("0181", "inpatient")])
def test_the_type_of_bill_decides(tob, setting):
    assert infer_setting([bill(line(1, "85025"), type_of_bill=tob)]).setting == setting


def test_a_real_837i_is_a_facility_claim_with_its_type_of_bill():
    b = read_837(FIXTURES / "institutional-claim.837i")
    assert b.claim_form == "institutional" and b.type_of_bill == "0141"
    assert infer_setting([b]).setting == "outpatient"


def test_a_real_837p_is_not_a_facility_claim():
    b = read_837(FIXTURES / "demo.example1.837")
    assert b.claim_form == "professional" and b.type_of_bill is None
    assert infer_setting([b]).setting == "professional"


def test_cpt_lines_without_revenue_codes_from_a_practice_are_professional():
    choice = infer_setting([bill(line(1, "99213"))], provider_name="Fresno Family Practice", provider_kind="physician")
    assert choice.setting == "professional"


@pytest.mark.parametrize("name, kind", [("Valley General Hospital", "other"), ("Front Range Medical Center", None),
                                        ("Anything", "hospital")])
def test_a_hospital_without_revenue_codes_is_undecided(name, kind):
    choice = infer_setting([bill(line(1, "99213"))], provider_name=name, provider_kind=kind)
    assert choice.setting is None and "hospital" in choice.how


def test_a_bill_without_any_code_is_undecided():
    assert infer_setting([bill(line(1, None, desc="PHARMACY"))]).setting is None


def test_the_audit_says_how_it_read_the_setting_in_a_note():
    result = audit(line(1, "99285", rev="0450"), facts={})
    assert any(n.startswith("Setting: outpatient, read from the bill") for n in result.notes)


def test_care_setting_or_the_flag_overrides_what_the_bill_shows():
    # revenue codes would say outpatient; the given setting wins and no setting note is added
    result = audit(line(1, "80053", rev="0301"), line(2, "80048", rev="0301"), facts={"setting": "professional"})
    (f,) = [f for f in result.findings if f.rule == "BILL.NCCI_PTP"]
    assert "professional" in f.message and not any(n.startswith("Setting") for n in result.notes)


def test_the_hospital_a_printed_bill_names_leaves_cpt_lines_undecided():
    choice = infer_setting([bill(line(1, "99285"), provider_name="Valley General Hospital")])
    assert choice.setting is None and "(Valley General Hospital)" in choice.how


def test_a_hospital_in_the_lines_provider_column_leaves_cpt_lines_undecided():
    ln = line(1, "99285").model_copy(update={"provider": "MERCY MEDICAL CENTER"})
    assert infer_setting([bill(ln)]).setting is None


def test_no_name_at_all_is_professional_and_the_note_does_not_claim_to_know_the_sender():
    choice = infer_setting([bill(line(1, "99213"))])
    assert choice.setting == "professional"
    assert "neither the bill nor the case names a hospital" in choice.how and "not a facility" not in choice.how
    named = infer_setting([bill(line(1, "99213"))], provider_name="Fresno Family Practice")
    assert named.setting == "professional" and "from Fresno Family Practice, not a hospital" in named.how
