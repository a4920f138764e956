"""BILL.MODIFIER_25_UNSUPPORTED: a 25 visit beside a minor procedure and nothing else that day."""

from decimal import Decimal

from .support import D1, D2, found, line

PRO = {"setting": "professional"}


def m25(*lines):
    return found("BILL.MODIFIER_25_UNSUPPORTED", *lines, facts=PRO)


def test_a_25_visit_beside_a_minor_procedure_alone_is_reported_with_the_visit_at_stake():
    # 11102 (tangential skin biopsy): a 0-day global; 99213-25 the same day and nothing else
    (f,) = m25(line(1, "99213", mods=["25"], charge="180.00"), line(2, "11102", charge="250.00"))
    assert f.severity == "low" and f.lines == [1, 2] and f.amount == Decimal("180.00")
    assert "11102" in f.message and "visit note" in f.message


def test_supplies_and_drugs_for_the_procedure_do_not_count_as_a_separate_service():
    assert len(m25(line(1, "99213", mods=["25"]), line(2, "11102"), line(3, "J2001"), line(4, "A4550"))) == 1


def test_another_service_that_day_is_not_reported():
    assert m25(line(1, "99213", mods=["25"]), line(2, "11102"), line(3, "71046")) == []


def test_without_modifier_25_or_on_another_date_nothing_is_reported():
    assert m25(line(1, "99213"), line(2, "11102")) == []
    assert m25(line(1, "99213", mods=["25"], d=D1), line(2, "11102", d=D2)) == []


def test_a_major_procedure_is_not_a_minor_one():
    # 27447 (total knee): a 90-day global, where modifier 57 is the one that applies
    assert m25(line(1, "99213", mods=["25"]), line(2, "27447")) == []
