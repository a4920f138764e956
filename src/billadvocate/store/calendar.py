"""The store's open deadlines as an iCalendar file, through `billadvocate.ics.deadlines_to_ics`.

Each event's UID is its stored deadline's id, so re-importing the file after a date moved, or a
review re-ran, updates the event instead of adding a second one.
"""

from __future__ import annotations

from ..ics import deadlines_to_ics
from .deadlines import Due


def deadlines_calendar(due: list[Due], *, remind_days: int = 3) -> bytes:
    items = []
    for item in due:
        d = item.deadline
        patient = d.case.people.filter(role="patient").first()
        who = patient.name if patient and patient.name else f"case {d.case_id}"
        where = f" ({d.account.key})" if d.account else ""
        items.append({"kind": d.kind, "date": d.date, "why": d.why, "citations": d.citations,
                      "unconfirmed": d.unconfirmed, "account": d.account.key if d.account else None,
                      "summary": f"{d.kind}: {who}{where}", "uid": f"deadline-{d.pk}-case-{d.case_id}@billadvocate"})
    return deadlines_to_ics(items, calendar_name="billadvocate: all open deadlines", remind_days=remind_days)
