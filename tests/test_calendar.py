"""Business days and federal legal public holidays (5 U.S.C. 6103(a))."""

from datetime import date

from billadvocate.calendar import add_business_days, federal_holiday, holidays_between, is_business_day


def test_weekends_and_federal_holidays_are_not_business_days():
    assert not is_business_day(date(2026, 11, 28))  # Saturday
    assert not is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert federal_holiday(date(2026, 6, 19)) == "Juneteenth National Independence Day"
    assert is_business_day(date(2026, 11, 27))


def test_5_business_days_after_a_monday_is_the_next_monday():
    assert add_business_days(date(2026, 10, 19), 5) == date(2026, 10, 26)


def test_a_holiday_in_the_window_adds_a_day():
    assert add_business_days(date(2026, 11, 5), 5) == date(2026, 11, 13)  # Veterans Day 11-11 skipped


def test_a_holiday_on_a_saturday_is_not_moved_to_friday():
    # Independence Day 2026 is a Saturday; Friday July 3 is a business day under 6103(a)'s own dates
    assert is_business_day(date(2026, 7, 3))


def test_holidays_between_lists_them_in_order():
    assert [d for d, _ in holidays_between(date(2026, 11, 1), date(2026, 12, 31))] == [
        date(2026, 11, 11), date(2026, 11, 26), date(2026, 12, 25)]
