"""The MEDICAID hint: 138% in expansion states, households of 1 and 8, Alaska and Hawaii."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.assist import assistance

ON = date(2026, 6, 1)


def medicaid(state, size, income, **kw):
    result = assistance(state=state, household_size=size, annual_income=None if income is None else Decimal(income),
                        as_of=ON, **kw)
    return result, next(p for p in result["programs"] if p["id"] == "MEDICAID")


@pytest.mark.parametrize("state,size,income,pct,eligible", [
    ("CA", 1, 22024, 137.99, True),    # 138% of 15,960 is 22,024.80
    ("CA", 1, 22026, 138.01, False),
    ("CA", 8, 76890, 137.99, True),    # household of 8: 15,960 + 7 x 5,680 = 55,720
    ("CA", 8, 76900, 138.01, False),
    ("AK", 8, 96117, 138.00, True),    # Alaska: 19,950 + 7 x 7,100 = 69,650
    ("AK", 8, 96127, 138.01, False),
    ("HI", 1, 25335, 137.99, True),    # Hawaii: 18,360
    ("HI", 1, 25338, 138.01, False),
])
def test_income_at_and_just_over_138_percent(state, size, income, pct, eligible):
    result, p = medicaid(state, size, income)
    assert result["fpl_percent"] == pct
    assert p["eligible"] is eligible


def test_a_state_that_did_not_expand_says_so():
    _, p = medicaid("TX", 1, 10000)
    assert p["eligible"] is False and "has not expanded" in p["why"]


def test_missing_income_is_null_and_named():
    result, p = medicaid("CA", 3, None)
    assert result["fpl_percent"] is None and p["eligible"] is None and p["missing"] == ["--income"]
    assert all(x["eligible"] is None or x["eligible"] is False for x in result["programs"])
