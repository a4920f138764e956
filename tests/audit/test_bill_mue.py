"""BILL.MUE at the limit and one over; per date of service; the setting picks the table."""

from decimal import Decimal

from .support import D1, D2, audit, found, line

OUT = {"setting": "outpatient"}


def mue(*lines, facts=OUT):
    return found("BILL.MUE", *lines, facts=facts)


def test_at_the_limit_passes():
    assert mue(line(1, "36415", units=2, charge="70.00")) == []


def test_one_unit_over_is_reported_with_the_excess_units_at_stake():
    (f,) = mue(line(1, "36415", units=3, charge="105.00"))
    assert f.lines == [1] and f.amount == Decimal("35.00")
    assert "3 units" in f.message and "allows 2" in f.message


def test_units_on_the_same_date_add_up_across_lines():
    (f,) = mue(line(1, "36415", units=2, charge="70.00"), line(2, "36415", units=1, charge="35.00", mods=["91"]))
    assert f.lines == [1, 2] and f.amount == Decimal("35.00")


def test_units_on_different_dates_do_not_add_up():
    assert mue(line(1, "36415", units=2, d=D1), line(2, "36415", units=2, d=D2)) == []


def test_the_setting_picks_the_table():
    # CBC 85025: outpatient hospital MUE 4, practitioner MUE 2
    assert mue(line(1, "85025", units=3, charge="135.00")) == []
    assert len(mue(line(1, "85025", units=3, charge="135.00"), facts={"setting": "professional"})) == 1


HOSPITAL_NO_REVENUE_CODES = {"provider_name": "Valley General Hospital"}  # setting undecided


def test_undecided_setting_reports_only_units_over_both_tables_limits():
    # 85025: practitioner MUE 2, outpatient hospital MUE 4 (both MAI 3); 5 units exceed both
    (f,) = mue(line(1, "85025", units=5, charge="50.00"), facts=HOSPITAL_NO_REVENUE_CODES)
    assert "practitioner and outpatient hospital MUE" in f.message and "allows 4" in f.message
    assert f.amount == Decimal("10.00")  # 1 unit over the larger limit, at $10 a unit


def test_undecided_setting_leaves_out_a_limit_only_one_table_sets_and_notes_it():
    result = audit(line(1, "85025", units=3, charge="30.00"), facts=HOSPITAL_NO_REVENUE_CODES)
    assert not [f for f in result.findings if f.rule == "BILL.MUE"]
    note = next(n for n in result.notes if n.startswith("Left out"))
    assert "line 1 (85025, 3 units; practitioner MUE 2)" in note


def test_without_a_setting_a_coded_bill_without_revenue_codes_is_checked_as_professional():
    (f,) = mue(line(1, "85025", units=3, charge="30.00"), facts={})
    assert "professional MUE" in f.message


def test_a_code_whose_mue_is_one_unit_at_one_and_two_units():
    # 72148 (MRI lumbar spine) has an outpatient MUE of 1 (indicator 3): one unit on a line is at the
    # limit, two units on one line are over on their own, and two one-unit lines on one date add up
    assert mue(line(1, "72148", units=1, charge="900.00")) == []
    (f,) = mue(line(1, "72148", units=2, charge="1800.00"))
    assert f.lines == [1] and f.amount == Decimal("900.00") and "allows 1" in f.message
    (g,) = mue(line(1, "72148", units=1, charge="900.00"), line(2, "72148", units=1, charge="900.00", mods=["76"]))
    assert g.lines == [1, 2] and g.amount == Decimal("900.00")


def test_the_mue_message_says_whose_reason_its_rationale_is():
    # 86225 x2 where the outpatient MUE allows 1 (as on the real 4010 automobile-accident 837I, whose lines of
    # 1994 predate the shipped MUEs: tests/audit/test_dated_schedules.py); the message ended '(Nature of
    # Analyte)', CMS's MUE rationale given without saying what it was
    (f,) = mue(line(1, "86225", units=2, charge="200.00"))
    assert f.message.endswith("the outpatient MUE of 2024-07-01 allows 1 per date of service "
                              "(CMS's reason: Nature of Analyte)")
