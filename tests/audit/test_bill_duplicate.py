"""BILL.DUPLICATE at its boundaries: modifier or not, same date or not, same charge or not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line

D1, D2 = date(2024, 10, 15), date(2024, 10, 16)


def line(n, code="85025", d=D1, charge="45.00", mods=(), units=1, desc="CBC"):
    return Line(line=n, date=d, code=code, description=desc, units=Decimal(units),
                charge=Decimal(charge), modifiers=list(mods))


def dupes(*lines):
    result = audit_bills([Bill(source="b.csv", lines=list(lines))])
    return [f for f in result.findings if f.rule == "BILL.DUPLICATE"]


def test_two_identical_lines_are_one_finding_with_both_lines():
    (f,) = dupes(line(2), line(3))
    assert f.lines == [2, 3] and f.amount == Decimal("45.00") and f.severity == "high"
    assert "85025" in f.message and "2024-10-15" in f.message and "$45.00" in f.message


def test_three_copies_put_two_at_stake():
    (f,) = dupes(line(1), line(2), line(3))
    assert f.lines == [1, 2, 3] and f.amount == Decimal("90.00")


@pytest.mark.parametrize("mod", ["76", "77", "91", "59", "XE", "XS", "XP", "XU"])
def test_a_repeat_or_distinct_modifier_explains_it(mod):
    assert dupes(line(1), line(2, mods=[mod])) == []


def test_an_unrelated_modifier_does_not():
    assert len(dupes(line(1), line(2, mods=["25"]))) == 1


def test_different_dates_are_not_duplicates():
    assert dupes(line(1, d=D1), line(2, d=D2)) == []


def test_different_units_or_charges_are_not_duplicates():
    assert dupes(line(1), line(2, charge="46.00")) == []
    assert dupes(line(1), line(2, units=2)) == []


def test_lines_without_codes_compare_by_description():
    assert len(dupes(line(1, code=None, desc="Pharmacy"), line(2, code=None, desc="PHARMACY "))) == 1
    assert dupes(line(1, code=None, desc="Pharmacy"), line(2, code=None, desc="Supplies")) == []


def test_lines_without_a_date_are_a_question_not_a_duplicate_shown():
    # a bill that prints no dates: the copies may be on different days; the message says so, medium
    (f,) = dupes(line(1, d=None), line(2, d=None))
    assert f.severity == "medium" and f.amount == Decimal("45.00")
    assert "no date of service on the bill" in f.message and " on None" not in f.message and " on  " not in f.message


def test_a_one_day_stay_dates_lines_that_print_no_date():
    bill = Bill(source="b.csv", lines=[line(1, d=None), line(2, d=None)])
    result = audit_bills([bill], facts={"care_start": D1, "care_end": D1})
    (f,) = [f for f in result.findings if f.rule == "BILL.DUPLICATE"]
    assert f.severity == "high" and "on 2024-10-15" in f.message
    longer = audit_bills([bill], facts={"care_start": D1, "care_end": D2})
    (g,) = [f for f in longer.findings if f.rule == "BILL.DUPLICATE"]
    assert g.severity == "medium"


@pytest.mark.parametrize("charge, found", [("0.01", False), ("0.99", False), ("1.00", True)])
def test_a_nominal_reporting_line_is_no_duplicate(charge, found):
    # G1004 at $0.01 comes once with each advanced imaging study (Sentara's three CT scans)
    assert bool(dupes(line(1, "G1004", charge=charge), line(2, "G1004", charge=charge))) is found
