"""Business days and US federal legal holidays, for deadlines the law counts in business days.

Regulation F lets a collector assume a notice was received five days after it was sent, "excluding
legal public holidays identified in 5 U.S.C. 6103(a), Saturdays, and Sundays" (12 CFR
1006.34(b)(5)). 5 U.S.C. 6103(a) names the holidays by their own dates, so a holiday falling on a
weekend is not moved to a Friday or Monday here (the `holidays` package with observed=False).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    return dict(holidays.US(years=year, observed=False))


def federal_holiday(day: date) -> str | None:
    """The name of the legal public holiday on `day` (5 U.S.C. 6103(a)), or None."""
    return _year(day.year).get(day)


def is_business_day(day: date) -> bool:
    """Monday to Friday and not a federal legal public holiday."""
    return day.weekday() < 5 and federal_holiday(day) is None


def add_business_days(start: date, n: int) -> date:
    """The day `n` business days after `start` (start itself is not counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    while n:
        day += timedelta(days=1)
        if is_business_day(day):
            n -= 1
    return day


def subtract_business_days(end: date, n: int) -> date:
    """The day `n` business days before `end` (end itself is not counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    day = end
    while n:
        day -= timedelta(days=1)
        if is_business_day(day):
            n -= 1
    return day


def holidays_between(start: date, end: date) -> list[tuple[date, str]]:
    """Federal legal public holidays strictly after `start` and up to `end`, oldest first."""
    out = []
    day = start + timedelta(days=1)
    while day <= end:
        name = federal_holiday(day)
        if name:
            out.append((day, name))
        day += timedelta(days=1)
    return out
