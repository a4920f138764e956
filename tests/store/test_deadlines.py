"""Deadlines kept from a review, reminders, done and snoozed, across cases soonest first, and the
iCalendar file of all open ones."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from billadvocate.model import Deadline
from billadvocate.review import AccountReview, ReviewResult
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 28)


def reviewed(row, *deadlines):
    """A review result for a stored case carrying these engine deadlines (as the engines make them)."""
    from billadvocate.store import deadlines as store_deadlines, mapping

    case = mapping.to_canonical(row)
    result = ReviewResult(case=case, as_of=TODAY,
                          accounts=[AccountReview(account=case.accounts[0], deadlines=list(deadlines))])
    return store_deadlines.refresh_from_review(row, result)


def dl(kind, day, why="because"):
    return Deadline(kind=kind, date=day, why=why, citations=["12 CFR 1006.34(b)(5)"])


def test_a_review_keeps_its_deadlines_and_a_rerun_updates_them_in_place(store):
    from billadvocate.store import cases, deadlines

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    first = reviewed(row, dl("VALIDATION_PERIOD_END", date(2026, 11, 19)), dl("SOL_EXPIRES", date(2029, 3, 2)))
    deadlines.mark_done(first[0].pk)
    again = reviewed(row, dl("VALIDATION_PERIOD_END", date(2026, 11, 24), "moved"))
    assert again[0].pk == first[0].pk and again[0].date == date(2026, 11, 24) and again[0].done_at is not None
    # SOL_EXPIRES was not found again and was not done: it is gone.
    assert [d.kind for d in row.deadlines.all()] == ["VALIDATION_PERIOD_END"]


def test_open_deadlines_across_cases_overdue_then_soonest(store):
    from billadvocate.store import cases, deadlines

    a = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    b = cases.import_case(EXAMPLES / "uninsured-outpatient")
    reviewed(a, dl("FAP_APPLICATION_END", date(2027, 1, 10)), dl("VALIDATION_PERIOD_END", date(2026, 11, 19)))
    reviewed(b, dl("NSA_DISPUTE_END", date(2026, 12, 1)))
    deadlines.add_reminder(b, date(2026, 12, 1), "send the dispute")
    due = deadlines.open_deadlines(TODAY)
    assert [(d.deadline.kind, d.days_left) for d in due] == [
        ("VALIDATION_PERIOD_END", -9), ("NSA_DISPUTE_END", 3), ("REMINDER", 3), ("FAP_APPLICATION_END", 43)]
    assert [d.deadline.kind for d in deadlines.open_deadlines(TODAY, days=3)] == [
        "VALIDATION_PERIOD_END", "NSA_DISPUTE_END", "REMINDER"]
    assert [d.deadline.case_id for d in deadlines.open_deadlines(TODAY, case_id=b.pk)] == [b.pk, b.pk]


def test_done_snoozed_and_closed_leave_the_list(store):
    from billadvocate.store import cases, deadlines

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    one, two, three = reviewed(row, dl("A.ONE", date(2026, 12, 1)), dl("A.TWO", date(2026, 12, 2)),
                               dl("A.THREE", date(2026, 12, 3)))
    deadlines.mark_done(one.pk)
    deadlines.snooze(two.pk, date(2026, 11, 30))
    assert [d.deadline.kind for d in deadlines.open_deadlines(TODAY)] == ["A.THREE"]
    assert [d.deadline.kind for d in deadlines.open_deadlines(date(2026, 11, 30))] == ["A.TWO", "A.THREE"]
    assert [d.deadline.kind for d in deadlines.open_deadlines(TODAY, snoozed=True)] == ["A.TWO", "A.THREE"]
    deadlines.mark_done(one.pk, done=False)
    row.status = row.CLOSED
    row.save()
    assert deadlines.open_deadlines(TODAY) == []


def test_the_calendar_has_one_all_day_event_per_open_deadline_with_an_alarm(store):
    from billadvocate.store import cases, deadlines
    from billadvocate.store.calendar import deadlines_calendar

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    reviewed(row, dl("VALIDATION_PERIOD_END", date(2026, 12, 19), "30 days after the notice"))
    deadlines.add_reminder(row, date(2026, 12, 5), "call back")
    ics = deadlines_calendar(deadlines.open_deadlines(TODAY))
    assert ics == deadlines_calendar(deadlines.open_deadlines(TODAY))  # same deadlines, same bytes
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["REMINDER: Jane Doe", "VALIDATION_PERIOD_END: Jane Doe (er-visit)"]
    assert events[1]["dtstart"].dt == date(2026, 12, 19)
    assert "12 CFR 1006.34(b)(5)" in str(events[1]["description"])
    assert len({str(e["uid"]) for e in events}) == 2
    assert events[0].walk("VALARM")[0]["trigger"].dt.days == -3


def test_every_change_to_a_deadline_is_in_the_audit_trail(store):
    from billadvocate.store import audit, cases, deadlines
    from billadvocate.store.models import AuditEntry

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    reminder = deadlines.add_reminder(row, date(2026, 12, 5), "call back")
    with audit.acting_as(name="cli:advocate"):
        deadlines.snooze(reminder.pk, date(2026, 12, 1))
    entry = AuditEntry.objects.filter(model="store.Deadline", action="update").get()
    assert entry.actor == "cli:advocate"
    assert entry.before == {"snoozed_until": None} and entry.after == {"snoozed_until": "2026-12-01"}
