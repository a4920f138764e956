"""A date printed without its year ('11/09' on a printed remittance) takes the year from the bill's own dates,
only when exactly one year fits (ingest/year_less.py)."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.ingest.year_less import JUST_AFTER, PAID_WITHIN, BillDates, year_of


def _period(a: date, b: date) -> BillDates:
    return BillDates(first=a, last=b)


@pytest.mark.parametrize("month,day,dates,expected", [
    # inside the bill's service period
    (11, 10, _period(date(2023, 11, 9), date(2023, 11, 10)), date(2023, 11, 10)),
    # across a year boundary: the year that puts each date within the stay
    (12, 30, _period(date(2023, 12, 28), date(2024, 1, 3)), date(2023, 12, 30)),
    (1, 2, _period(date(2023, 12, 28), date(2024, 1, 3)), date(2024, 1, 2)),
    # just after the period's end, and its last day that still counts
    (1, 10, _period(date(2023, 12, 20), date(2023, 12, 31)), date(2024, 1, 10)),
    (1, JUST_AFTER.days, _period(date(2023, 12, 1), date(2023, 12, 31)), date(2024, 1, JUST_AFTER.days)),
    # only the day a payment was posted: the care came before it, within PAID_WITHIN days
    (11, 9, BillDates(posted=date(2023, 12, 22)), date(2023, 11, 9)),
    (12, 22, BillDates(posted=date(2023, 12, 22)), date(2023, 12, 22)),
    (12, 20, BillDates(posted=date(2024, 1, 5)), date(2023, 12, 20)),
], ids=["inside", "year-end-before", "year-end-after", "just-after", "last-day-after", "paid-later",
        "paid-same-day", "paid-next-year"])
def test_the_year_that_puts_the_date_within_the_bills_dates(month, day, dates, expected):
    assert year_of(month, day, dates) == expected


def test_a_date_more_than_just_after_the_period_stays_undated():
    dates = _period(date(2023, 11, 9), date(2023, 11, 10))
    assert year_of(12, 11, dates) == date(2023, 12, 11)  # 31 days after: just after
    why = year_of(12, 12, dates)
    assert isinstance(why, str) and "no year puts it within the bill's service period 11/09/2023 to 11/10/2023" in why
    assert isinstance(year_of(11, 8, dates), str)  # the day before the period: not the bill's care


def test_a_period_longer_than_a_year_leaves_the_year_ambiguous():
    why = year_of(3, 1, _period(date(2023, 1, 1), date(2024, 6, 30)))
    assert why == ("more than one year puts it within the bill's service period 01/01/2023 to 06/30/2024 "
                   "(2023, 2024)")


def test_a_payment_posted_more_than_half_a_year_after_leaves_the_date_undated():
    paid = date(2023, 12, 22)
    assert year_of(6, 25, BillDates(posted=paid)) == date(2023, 6, 25)  # 180 days before
    why = year_of(6, 20, BillDates(posted=paid))  # 185 days before 2023-12-22, or after it in 2024
    assert isinstance(why, str) and f"within {PAID_WITHIN.days} days before the bill's payment posted on 12/22/2023" in why
    assert isinstance(year_of(12, 23, BillDates(posted=paid)), str)  # after the payment: not its care


def test_the_service_period_decides_over_the_payment_date():
    dates = BillDates(first=date(2023, 11, 9), last=date(2023, 11, 10), posted=date(2023, 12, 22))
    assert isinstance(year_of(12, 20, dates), str)  # before the payment, but far after the care


def test_without_dates_or_a_real_day_nothing_is_guessed():
    assert year_of(11, 9, BillDates()) == "the bill states no date of service or payment to take the year from"
    assert isinstance(year_of(2, 29, _period(date(2023, 2, 1), date(2023, 3, 31))), str)  # 2023 has no 02/29
    assert year_of(2, 29, _period(date(2024, 2, 1), date(2024, 3, 31))) == date(2024, 2, 29)
    assert isinstance(year_of(13, 45, BillDates(posted=date(2023, 12, 22))), str)  # a misread, not a date


def test_the_note_names_the_bills_dates():
    assert BillDates(first=date(2023, 11, 9), last=date(2023, 11, 9)).said() == "the bill's date of service 11/09/2023"


def test_a_misread_year_at_the_calendars_ends_gives_no_year_and_raises_nothing():
    assert year_of(12, 25, _period(date(9999, 12, 20), date(9999, 12, 31))) == date(9999, 12, 25)
    assert year_of(1, 5, _period(date(9999, 12, 20), date(9999, 12, 31))) == (
        "no year puts it within the bill's service period 12/20/9999 to 12/31/9999 or 31 days after it")
    assert year_of(1, 2, BillDates(posted=date(1, 1, 5))) == date(1, 1, 2)
