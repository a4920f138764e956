"""The HHS poverty guidelines: real figures, real effective dates, AK and HI, household sizes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.assist.poverty import fpl_percent, guideline


@pytest.mark.parametrize("state,size,as_of,amount", [
    # 2026 (effective 2026-01-13): 15,960 + 5,680 per additional person
    ("CA", 1, date(2026, 11, 28), 15960),
    ("CA", 3, date(2026, 11, 28), 27320),   # 15,960 + 2 x 5,680
    ("TX", 8, date(2026, 6, 1), 55720),     # 15,960 + 7 x 5,680
    ("DC", 4, date(2026, 1, 13), 33000),
    ("AK", 1, date(2026, 2, 1), 19950),
    ("AK", 4, date(2026, 2, 1), 41250),     # 19,950 + 3 x 7,100
    ("HI", 4, date(2026, 2, 1), 37950),     # 18,360 + 3 x 6,530
    # the day before 2026's took effect, 2025's still apply: 15,650 + 5,500
    ("CA", 4, date(2026, 1, 12), 32150),
    ("CA", 1, date(2025, 1, 15), 15650),
    # 2024 (effective 2024-01-17) until 2025-01-14
    ("NY", 2, date(2025, 1, 14), 20440),    # 15,060 + 5,380
    ("HI", 1, date(2024, 6, 1), 17310),
])
def test_guideline_amounts(state, size, as_of, amount):
    assert guideline(state, size, as_of).amount == amount


def test_year_and_citation_follow_the_as_of_date():
    g = guideline("CA", 3, date(2025, 6, 1))
    assert g.year == 2025 and g.effective == date(2025, 1, 15)
    assert any("90 FR 5917" in c for c in g.citations)


def test_2025_alaska_increment_is_quoted_now():
    assert not guideline("AK", 2, date(2025, 6, 1)).unconfirmed
    assert guideline("AK", 2, date(2025, 6, 1)).amount == 26430  # 19,550 + 6,880
    assert not guideline("AK", 1, date(2026, 6, 1)).unconfirmed
    assert not guideline("CA", 5, date(2025, 6, 1)).unconfirmed


def test_before_2024_guidelines_there_is_no_answer():
    with pytest.raises(KeyError):
        guideline("CA", 1, date(2024, 1, 16))


def test_household_of_zero_is_refused():
    with pytest.raises(ValueError):
        guideline("CA", 0, date(2026, 6, 1))


@pytest.mark.parametrize("income,pct", [
    (31920, Decimal("200.00")),      # exactly 2 x 15,960
    (31921, Decimal("200.01")),      # one dollar over reads as over
    (31919, Decimal("199.99")),
    (0, Decimal("0.00")),
])
def test_percent_at_the_200_line(income, pct):
    assert fpl_percent(Decimal(income), guideline("CA", 1, date(2026, 6, 1))) == pct
