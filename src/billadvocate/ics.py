"""Deadlines as an iCalendar file (RFC 5545), one all-day event each, for any calendar app.

Deterministic: the same deadlines give the same bytes (the UID comes from the content and the
DTSTAMP from the deadline's own date), so re-running a review does not duplicate events when the
file is imported again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from icalendar import Alarm, Calendar, Event

PRODID = "-//billadvocate//deadlines//EN"


def _get(item: Any, key: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def deadlines_to_ics(items: Iterable[Any], *, calendar_name: str = "billadvocate deadlines",
                     remind_days: int = 3) -> bytes:
    """An iCalendar file of the deadlines.

    Each item is a `model.Deadline` (or a mapping with the same keys: kind, date, why, citations,
    unconfirmed) and may carry `account` (an account id or name) and `summary` (a title); without a
    summary the title is "KIND (account)", and `uid` (a stable id, e.g. the case store's row, so a
    deadline whose date moves updates its event instead of adding one). Each event has a reminder
    `remind_days` days before.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)
    rows = []
    for item in items:
        day = _get(item, "date")
        if isinstance(day, str):
            day = date.fromisoformat(day)
        if isinstance(day, datetime):
            day = day.date()
        if not isinstance(day, date):
            raise ValueError(f"a deadline needs a date, got {day!r}")
        rows.append((day, str(_get(item, "kind", "DEADLINE")), item))
    rows.sort(key=lambda r: (r[0], r[1], str(_get(r[2], "account", ""))))
    for day, kind, item in rows:
        account = _get(item, "account")
        why = str(_get(item, "why", "") or "")
        citations = list(_get(item, "citations", []) or [])
        unconfirmed = bool(_get(item, "unconfirmed", False))
        summary = _get(item, "summary") or (f"{kind} ({account})" if account else kind)
        description = why
        if citations:
            description += "\nSource: " + "; ".join(citations)
        if unconfirmed:
            from .law.unconfirmed import explain  # which value, and what was searched for it

            description += "\nNote: " + explain(citations)
        uid_src = f"{account}|{kind}|{day.isoformat()}|{why}"
        ev = Event()
        ev.add("uid", _get(item, "uid") or hashlib.sha256(uid_src.encode()).hexdigest()[:32] + "@billadvocate")
        ev.add("dtstamp", datetime(day.year, day.month, day.day, tzinfo=timezone.utc))
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("summary", summary)
        ev.add("description", description)
        ev.add("categories", [kind])
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-remind_days))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
