"""BILL.NCCI_PTP at its boundaries: indicator 0 and 1, modifier or not, same date or not, setting."""

from decimal import Decimal

import pytest

from .support import D1, D2, audit, found, line

OUT = {"setting": "outpatient"}
PRO = {"setting": "professional"}


def ncci(*lines, facts=OUT):
    return found("BILL.NCCI_PTP", *lines, facts=facts)


def test_indicator_0_pair_on_one_date_is_high_with_the_column_2_charge_at_stake():
    (f,) = ncci(line(1, "80053", charge="310.00"), line(2, "80048", charge="185.00"))
    assert f.severity == "high" and f.lines == [1, 2] and f.amount == Decimal("185.00")
    assert "80048" in f.message and "80053" in f.message and "indicator 0" in f.message


def test_indicator_0_is_not_bypassed_by_a_modifier():
    assert len(ncci(line(1, "80053"), line(2, "80048", mods=["59"]))) == 1


def test_indicator_1_pair_without_a_modifier_is_medium():
    (f,) = ncci(line(1, "80053", charge="310.00"), line(2, "82565", charge="68.00"))
    assert f.severity == "medium" and f.amount == Decimal("68.00") and f.lines == [1, 2]


@pytest.mark.parametrize("mod", ["59", "XU", "25", "RT"])
def test_indicator_1_pair_with_an_allowed_modifier_passes(mod):
    assert ncci(line(1, "80053"), line(2, "82565", mods=[mod])) == []


def test_a_modifier_that_is_not_ncci_associated_does_not_bypass():
    assert len(ncci(line(1, "80053"), line(2, "82565", mods=["GA"]))) == 1


def test_the_same_pair_on_different_dates_passes():
    assert ncci(line(1, "80053", d=D1), line(2, "80048", d=D2)) == []


def test_two_codes_no_edit_pairs_pass():
    assert ncci(line(1, "85025"), line(2, "71046")) == []


def test_practitioner_table_is_used_for_professional_bills():
    (f,) = ncci(line(1, "80053"), line(2, "80048"), facts=PRO)
    assert "professional" in f.message


HOSPITAL_NO_REVENUE_CODES = {"provider_name": "Valley General Hospital"}  # setting undecided


def test_without_a_setting_a_coded_bill_without_revenue_codes_is_checked_as_professional():
    (f,) = ncci(line(1, "80053"), line(2, "80048"), facts={})
    assert f.severity == "high" and "professional" in f.message


def test_revenue_codes_make_it_an_outpatient_facility_claim():
    (f,) = ncci(line(1, "80053", rev="0301"), line(2, "80048", rev="0301"), facts={})
    assert "outpatient" in f.message


def test_undecided_setting_reports_an_edit_both_tables_make():
    (f,) = ncci(line(1, "80053"), line(2, "80048"), facts=HOSPITAL_NO_REVENUE_CODES)
    assert f.severity == "high" and "practitioner and outpatient hospital" in f.message


def test_undecided_setting_leaves_out_an_edit_only_one_table_makes_in_a_note_not_a_finding():
    # 99214 / 99446: a practitioner edit (indicator 0) the outpatient hospital table does not have
    result = audit(line(1, "99214"), line(2, "99446"), facts=HOSPITAL_NO_REVENUE_CODES)
    assert not [f for f in result.findings if f.rule == "BILL.NCCI_PTP"]
    assert not [f for f in result.findings if f.severity == "info"]
    note = next(n for n in result.notes if n.startswith("Left out"))
    assert "lines 1 and 2 (99214 with 99446, practitioner table)" in note
    assert any(n.startswith("Setting undecided") for n in result.notes)


def test_inpatient_bills_are_not_checked():
    assert ncci(line(1, "80053"), line(2, "80048"), facts={"setting": "inpatient"}) == []


def test_a_column_2_line_bundled_into_two_codes_is_one_finding_with_all_lines():
    # 80053 and 80069? use 80053 twice on the same date: one 80048 line, counted once
    fs = ncci(line(1, "80053", charge="310.00"), line(2, "80053", charge="300.00"), line(3, "80048", charge="185.00"))
    assert len(fs) == 1 and fs[0].lines == [1, 2, 3] and fs[0].amount == Decimal("185.00")


@pytest.mark.parametrize("mod", ["59", "XU"])
def test_a_separate_service_modifier_on_an_indicator_0_pair_is_named_as_a_misuse(mod):
    (f,) = ncci(line(1, "80053"), line(2, "80048", mods=[mod]))
    assert f.severity == "high" and "modifier on line 2 cannot unbundle" in f.message


def test_an_indicator_0_pair_without_a_modifier_is_not_called_a_misuse():
    (f,) = ncci(line(1, "80053"), line(2, "80048"))
    assert "misuse" not in f.message


def test_two_findings_sharing_a_first_line_come_in_the_same_order_every_time():
    # 80053 (line 1) bundles both 80076 (line 2) and 80048 (line 3), indicator 0: two high findings
    # whose first line is 1; they come by their lines, then rule and message, on every run
    bill = (line(1, "80053", charge="60.00"), line(2, "80076", charge="40.00"), line(3, "80048", charge="30.00"))
    runs = {tuple(tuple(f.lines) for f in audit(*bill, facts=OUT).findings) for _ in range(8)}
    assert len(runs) == 1
    (order,) = runs
    ncci_lines = [ls for ls in order if ls in ((1, 2), (1, 3))]
    assert ncci_lines == [(1, 2), (1, 3)]
