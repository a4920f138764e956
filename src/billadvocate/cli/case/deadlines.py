"""`case deadlines`, `case remind`, `case done`, `case snooze`, `case calendar`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ...errors import BadInput
from ...util import atomic_write
from ..human import console
from ..options import json_option, print_json
from . import case, store_command


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} {value!r} is not a date: write it as YYYY-MM-DD")


today_option = click.option("--today", metavar="DATE", help="Count days from this date (default: today).")


@case.command("deadlines")
@click.option("--days", type=click.IntRange(0, 36500), metavar="N", help="Only those due within N days (and overdue).")
@click.option("--case", "case_id", metavar="ID", help="Only this case.")
@today_option
@json_option
@store_command
def deadlines(days, case_id, today, as_json):
    """Open deadlines and reminders across all cases, overdue and soonest first.

    Deadlines come from `case review`; reminders from `case remind`. Done or snoozed ones are left out.

    Example: billadvocate case deadlines --days 30
    """
    from ...store.deadlines import open_deadlines

    day = _day(today, "--today") or date.today()
    due = open_deadlines(day, days=days, case_id=int(case_id) if case_id and case_id.isdigit() else None)
    items = [d.to_json() for d in due]
    if as_json:
        print_json({"today": day.isoformat(), "deadlines": items})
        return
    c = console()
    if not items:
        c.print("No open deadlines" + (f" in the next {days} days." if days is not None else "."))
        return
    t = Table(title=f"Open deadlines as of {day}", title_justify="left")
    for col in ("id", "date", "in", "case", "patient", "account", "what", "why"):
        t.add_column(col, overflow="fold", max_width=50 if col == "why" else None)
    for d in items:
        left = f"[bold red]{-d['days_left']}d overdue[/]" if d["overdue"] else f"{d['days_left']}d"
        t.add_row(str(d["id"]), d["date"], left, str(d["case"]), Text(d["patient"] or "-"), Text(d["account"] or "-"),
                  Text(d["kind"] or ""), Text(d["why"] or ""))
    c.print(t)


@case.command("remind")
@click.argument("case_id", metavar="ID")
@click.option("--on", "on", required=True, metavar="DATE", help="The day to be reminded (YYYY-MM-DD).")
@click.option("--note", required=True, help="What to do.")
@click.option("--account", metavar="ACCOUNT", help="The account it is about, if one.")
@json_option
@store_command
def remind(case_id, on, note, account, as_json):
    """Set a reminder on a case (listed with the deadlines and in the calendar).

    Example: billadvocate case remind 1 --on 2026-12-15 --note "call the billing office back"
    """
    from ...store import cases
    from ...store.deadlines import add_reminder

    row = add_reminder(cases.get_case(case_id), _day(on, "--on"), note, account_key=account)
    if as_json:
        print_json({"id": row.pk, "case": row.case_id, "date": row.date.isoformat(), "note": row.why})
        return
    console().print(f"Reminder {row.pk} set for {row.date} on case {row.case_id}.")


@case.command("done")
@click.argument("deadline_id", metavar="DEADLINE")
@click.option("--undo", is_flag=True, help="Mark it open again.")
@json_option
@store_command
def done(deadline_id, undo, as_json):
    """Mark a deadline or reminder done (its id is in `case deadlines`).

    Example: billadvocate case done 4
    """
    from ...store.deadlines import mark_done

    row = mark_done(deadline_id, done=not undo)
    if as_json:
        print_json({"id": row.pk, "done": row.done_at is not None})
        return
    console().print(f"Deadline {row.pk} ({row.kind}, {row.date}) is {'done' if row.done_at else 'open again'}.",
                    markup=False)


@case.command("snooze")
@click.argument("deadline_id", metavar="DEADLINE")
@click.option("--until", "until", required=True, metavar="DATE", help="Hide it until this day (YYYY-MM-DD).")
@json_option
@store_command
def snooze(deadline_id, until, as_json):
    """Hide a deadline or reminder from the lists until a day.

    Example: billadvocate case snooze 4 --until 2026-12-01
    """
    from ...store.deadlines import snooze as snooze_

    row = snooze_(deadline_id, _day(until, "--until"))
    if as_json:
        print_json({"id": row.pk, "snoozed_until": row.snoozed_until.isoformat()})
        return
    console().print(f"Deadline {row.pk} is snoozed until {row.snoozed_until}.")


@case.command("calendar")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="The .ics file to write.")
@click.option("--remind-days", type=click.IntRange(0, 3650), default=3, show_default=True,
              help="Alarm this many days before each deadline.")
@today_option
@json_option
@store_command
def calendar(out, remind_days, today, as_json):
    """Write every open deadline and reminder of all open cases to an iCalendar (.ics) file.

    Snoozed ones are included (snoozing only hides them from the lists); done ones are not.

    Example: billadvocate case calendar -o deadlines.ics
    """
    from ...store.calendar import deadlines_calendar
    from ...store.deadlines import open_deadlines

    due = open_deadlines(_day(today, "--today") or date.today(), snoozed=True)  # snoozing hides from lists only
    atomic_write(out, deadlines_calendar(due, remind_days=remind_days))
    if as_json:
        print_json({"file": str(out), "events": len(due)})
        return
    console().print(f"wrote {out} ({len(due)} deadline(s))", markup=False)
