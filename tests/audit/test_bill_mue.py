"""BILL.MUE at the limit and one over; per date of service; the setting picks the table."""

from decimal import Decimal

from .support import D1, D2, found, line

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


def test_without_a_setting_no_mue_is_guessed():
    assert mue(line(1, "36415", units=9), facts={}) == []
