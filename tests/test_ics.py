"""The iCalendar file of deadlines: valid, one all-day event per deadline, deterministic."""

from datetime import date

from icalendar import Calendar

from billadvocate.ics import deadlines_to_ics
from billadvocate.model import Deadline

ITEMS = [
    Deadline(kind="VALIDATION_PERIOD_END", date=date(2026, 11, 19), why="dispute by then", citations=["12 CFR 1006.34"]),
    {"kind": "SOL_EXPIRES", "date": "2029-05-01", "why": "too old to sue after", "account": "er-visit", "unconfirmed": True},
]


def test_each_deadline_is_an_all_day_event_with_its_source_and_a_reminder():
    cal = Calendar.from_ical(deadlines_to_ics(ITEMS))
    events = list(cal.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["VALIDATION_PERIOD_END", "SOL_EXPIRES (er-visit)"]
    assert events[0].decoded("dtstart") == date(2026, 11, 19)
    assert "12 CFR 1006.34" in str(events[0]["description"])
    assert "unconfirmed law:" in str(events[1]["description"])
    assert len(list(events[0].walk("VALARM"))) == 1


def test_the_same_deadlines_give_the_same_bytes_in_any_order():
    assert deadlines_to_ics(ITEMS) == deadlines_to_ics(list(reversed(ITEMS)))


def test_no_deadlines_is_still_a_valid_calendar():
    assert Calendar.from_ical(deadlines_to_ics([])).get("prodid")
