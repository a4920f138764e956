"""BILL.DATE_OUTSIDE_CARE: the first and last days of care are inside; the day after is not."""

from datetime import date
from decimal import Decimal

from .support import found, line

CARE = {"care_start": date(2025, 3, 2), "care_end": date(2025, 3, 4)}


def outside(*lines, facts=CARE):
    return found("BILL.DATE_OUTSIDE_CARE", *lines, facts=facts)


def test_the_first_and_last_days_of_care_are_inside():
    assert outside(line(1, d=date(2025, 3, 2)), line(2, d=date(2025, 3, 4), code="80048")) == []


def test_the_day_after_discharge_is_outside():
    (f,) = outside(line(1, d=date(2025, 3, 5), charge="185.00"))
    assert f.lines == [1] and f.amount == Decimal("185.00") and "after" in f.message


def test_the_day_before_admission_is_outside():
    (f,) = outside(line(1, d=date(2025, 3, 1)))
    assert "before" in f.message


def test_a_visit_without_an_end_is_one_day():
    assert len(outside(line(1, d=date(2025, 3, 3)), facts={"care_start": date(2025, 3, 2)})) == 1


def test_without_care_dates_nothing_is_judged():
    assert outside(line(1, d=date(2030, 1, 1)), facts={}) == []
