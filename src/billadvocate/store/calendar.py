"""The open deadlines as an iCalendar file (RFC 5545): one all-day event each, with an alarm.

Stable UIDs (one per stored deadline), so re-importing the file updates events instead of
duplicating them; the same deadlines give the same bytes.
"""

from __future__ import annotations

from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from .deadlines import Due

PRODID = "-//billadvocate//case deadlines//EN"


def deadlines_calendar(due: list[Due], *, remind_days: int = 3) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "billadvocate deadlines")
    for item in due:
        d = item.deadline
        patient = d.case.people.filter(role="patient").first()
        who = (patient.name if patient and patient.name else f"case {d.case_id}")
        where = f" ({d.account.key})" if d.account else ""
        ev = Event()
        ev.add("uid", f"deadline-{d.pk}-case-{d.case_id}@billadvocate")
        ev.add("dtstamp", d.updated_at.replace(microsecond=0))
        ev.add("dtstart", d.date)
        ev.add("dtend", d.date + timedelta(days=1))
        ev.add("summary", f"{d.kind}: {who}{where}")
        text = d.why or ""
        if d.citations:
            text += "\n\n" + "\n".join(d.citations)
        if d.unconfirmed:
            text += "\n\n(rests on a legal value that could not be confirmed)"
        ev.add("description", text.strip())
        ev.add("categories", ["billadvocate", d.source])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{d.kind} in {remind_days} days: {who}")
        alarm.add("trigger", timedelta(days=-remind_days))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
