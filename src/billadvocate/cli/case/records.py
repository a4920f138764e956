"""`case import`, `case list`, `case show`, `case export`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ...util import dollars
from ..human import console
from ..options import json_option, print_json
from . import case, store_command


@case.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@json_option
@store_command
def import_(file: Path, as_json: bool) -> None:
    """Import a case file (YAML/JSON, a folder with case.yaml, or an exported .zip) with its documents.

    All or nothing: a case with any problem leaves the store as it was.

    Example: billadvocate case import examples/er-visit-nonprofit/case.yaml
    """
    from ...store import cases

    row = cases.import_case(file)
    summary = _summary(row)
    if as_json:
        print_json(summary)
        return
    console().print(f"Imported case [bold]{row.pk}[/]: {escape(row.title)} ({summary['accounts']} account(s), "
                    f"{summary['events']} log entries, {summary['documents']} document(s)).")


def _summary(row) -> dict:
    patient = row.people.filter(role="patient").first()
    balance = sum((a.balance or Decimal(0) for a in row.accounts.all()), Decimal(0))
    nxt = row.deadlines.filter(done_at__isnull=True).order_by("date").first()
    return {"id": row.pk, "title": row.title, "status": row.status,
            "patient": patient.name if patient else None, "state": patient.state if patient else None,
            "accounts": row.accounts.count(), "events": row.events.count(),
            "documents": row.documents.count(), "balance": float(balance),
            "next_deadline": {"kind": nxt.kind, "date": nxt.date.isoformat()} if nxt else None,
            "created_at": row.created_at.isoformat(), "updated_at": row.updated_at.isoformat()}


@case.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include closed cases.")
@json_option
@store_command
def list_(show_all: bool, as_json: bool) -> None:
    """List the cases in the store, with balance and next deadline.

    Example: billadvocate case list
    """
    from ...store.models import Case

    rows = Case.objects.all() if show_all else Case.objects.filter(status=Case.OPEN)
    items = [_summary(r) for r in rows.order_by("id")]
    if as_json:
        print_json({"cases": items})
        return
    c = console()
    if not items:
        c.print("No cases yet. Add one with: billadvocate case import CASE_FILE")
        return
    t = Table(title=f"{len(items)} case(s)", title_justify="left")
    for col in ("id", "patient", "state", "accounts", "balance", "next deadline", "log", "updated"):
        t.add_column(col, justify="right" if col in ("id", "balance", "log") else "left")
    for s in items:
        nxt = f"{s['next_deadline']['date']} {s['next_deadline']['kind']}" if s["next_deadline"] else "-"
        t.add_row(str(s["id"]), Text(s["patient"] or "-"), Text(s["state"] or "-"), str(s["accounts"]),
                  dollars(s["balance"]), Text(nxt), str(s["events"]), s["updated_at"][:10])
    c.print(t)


def show_json(row) -> dict:
    from ...store import letters, mapping

    case_model = mapping.to_canonical(row)
    events = []
    for e in row.events.select_related("account").order_by("account__position", "position"):
        events.append({"id": e.pk, "account": e.account.key, "at": e.at_text, "kind": e.kind,
                       "from": e.from_party, "to": e.to_party, "type": e.type, "note": e.note,
                       "conversation": e.conversation,
                       "amount": float(e.amount) if e.amount is not None else None,
                       "method": e.method, "tracking": e.tracking,
                       "recorded_at": e.recorded_at.isoformat()})
    docs = [{"id": d.pk, "account": d.account.key if d.account else None, "role": d.role, "path": d.path,
             "sha256": d.sha256, "size": d.size, "media_type": d.media_type, "note": d.note, "read": d.read,
             "added_at": d.added_at.isoformat()} for d in row.documents.select_related("account")]
    deadlines = [{"id": d.pk, "account": d.account.key if d.account else None, "kind": d.kind,
                  "date": d.date.isoformat(), "why": d.why, "citations": d.citations, "source": d.source,
                  "done": d.done_at is not None,
                  "snoozed_until": d.snoozed_until.isoformat() if d.snoozed_until else None}
                 for d in row.deadlines.select_related("account").order_by("date", "id")]
    return {**_summary(row),
            "created_by": row.created_by.get_username() if row.created_by else None,
            "assigned_to": [u.get_username() for u in row.assigned_to.all()],
            "case": mapping.case_file_data(case_model, as_json=True),
            "log": events, "documents": docs, "deadlines": deadlines,
            "letters": [letters.letter_json(x) for x in row.letters.select_related("account", "document")]}


@case.command("show")
@click.argument("case_id", metavar="ID")
@json_option
@store_command
def show(case_id: str, as_json: bool) -> None:
    """Show one case: accounts, the log, documents, deadlines and letters.

    Example: billadvocate case show 1
    """
    from ...store import cases

    data = show_json(cases.get_case(case_id))
    if as_json:
        print_json(data)
        return
    c = console()
    p = data["case"]["patient"]
    c.print(f"[bold]Case {data['id']}[/] ({escape(data['status'])}): {escape(p.get('name') or 'patient')}, "
            f"{escape(p['state'])}")
    for a in data["case"]["accounts"]:
        holder = f", now with {a['collector']['name']}" if a.get("collector") else ""
        c.print(f"  account [bold]{escape(a['id'])}[/]: {escape(a['provider']['name'])}{escape(holder)}; "
                f"balance {dollars(a.get('balance'))}")
    if data["log"]:
        t = Table(title="Log", title_justify="left")
        for col in ("when", "account", "kind", "from", "type", "note"):
            t.add_column(col, overflow="fold", max_width=60 if col == "note" else None)
        for e in data["log"]:
            t.add_row(*(Text(v or "") for v in (e["at"], e["account"], e["kind"], e["from"], e["type"] or "-",
                                           e["note"] or "")))
        c.print(t)
    if data["documents"]:
        t = Table(title="Documents", title_justify="left")
        for col in ("id", "role", "path", "size", "sha256"):
            t.add_column(col)
        for d in data["documents"]:
            t.add_row(str(d["id"]), Text(d["role"] or ""), Text(d["path"] or ""), f"{d['size']:,}", d["sha256"][:12])
        c.print(t)
    open_ = [d for d in data["deadlines"] if not d["done"]]
    if open_:
        t = Table(title="Deadlines and reminders", title_justify="left")
        for col in ("id", "date", "kind", "why"):
            t.add_column(col, overflow="fold", max_width=70 if col == "why" else None)
        for d in open_:
            t.add_row(str(d["id"]), d["date"], Text(d["kind"] or ""), Text(d["why"] or ""))
        c.print(t)
    for x in data["letters"]:
        sent = f"sent {x['sent_at'][:10]} by {x['method'] or '?'}" if x["sent_at"] else "not sent"
        c.print(f"  letter {x['type']}: {sent}" + (f", tracking {x['tracking']}" if x["tracking"] else ""),
                markup=False)


@case.command("export")
@click.argument("case_id", metavar="ID")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="A folder, a case file (.yaml/.json; documents go beside it) or a .zip.")
@json_option
@store_command
def export(case_id: str, out: Path, as_json: bool) -> None:
    """Export a case as a case file with its documents (imports back as the same case).

    Example: billadvocate case export 1 -o jane-doe.zip
    """
    from ...store import cases

    written = cases.export_case(cases.get_case(case_id), out)
    if as_json:
        print_json({"case": int(case_id), "files": [str(p) for p in written]})
        return
    for p in written:
        console().print(f"wrote {p}", markup=False)


@case.command("close")
@click.argument("case_id", metavar="ID")
@click.option("--reopen", is_flag=True, help="Open a closed case again.")
@json_option
@store_command
def close(case_id: str, reopen: bool, as_json: bool) -> None:
    """Close a case (its deadlines leave the lists and the calendar), or reopen it.

    Example: billadvocate case close 1
    """
    from django.db import transaction

    from ...store import cases

    with transaction.atomic():
        row = cases.get_case(case_id)
        row.status = row.OPEN if reopen else row.CLOSED
        row.save()
    if as_json:
        print_json({"id": row.pk, "status": row.status, "on": date.today().isoformat()})
    else:
        console().print(f"Case {row.pk} is now {row.status}.")
