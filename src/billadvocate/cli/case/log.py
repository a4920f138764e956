"""`case log`, `case add-document`, `case letter-sent`: what happened, and the papers that show it."""

from __future__ import annotations

from pathlib import Path

import click
from pydantic import ValidationError

from ...casefile import field_path
from ...errors import BadInput
from ..human import console
from ..options import json_option, print_json
from . import case, store_command

KINDS = ["call", "letter", "email", "text", "in_person", "payment", "legal_action", "credit_reporting"]
PARTIES = ["patient", "provider", "collector", "insurer", "bureau"]
ROLES = ["bill", "eob", "notice", "letter", "statement", "photo", "other"]
account_option = click.option("--account", metavar="ACCOUNT",
                              help="The account's id in the case (needed when the case has several).")


def _event(data: dict):
    from ... import model

    try:
        return model.Event.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as e:
        err = e.errors()[0]
        raise BadInput(f"--{field_path(err['loc']).replace('_', '-')}: {err['msg']}")


def _event_json(row) -> dict:
    return {"id": row.pk, "case": row.case_id, "account": row.account.key, "at": row.at_text,
            "kind": row.kind, "from": row.from_party, "to": row.to_party, "type": row.type,
            "note": row.note, "conversation": row.conversation,
            "amount": float(row.amount) if row.amount is not None else None,
            "method": row.method, "tracking": row.tracking, "position": row.position,
            "outcome": (row.extra or {}).get("outcome")}


@case.command("log")
@click.argument("case_id", metavar="ID")
@click.option("--kind", required=True, type=click.Choice(KINDS), help="What it was.")
@click.option("--from", "from_", required=True, type=click.Choice(PARTIES), help="Who it came from.")
@click.option("--to", type=click.Choice(PARTIES), help="Who it went to.")
@click.option("--note", help="What was said or promised, in your words.")
@click.option("--at", "at", metavar="TIME",
              help="When: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+-HH:MM] (patient's time zone); default now.")
@click.option("--type", "type_", metavar="TYPE", help="For letters and actions: dispute, cease, threat, lawsuit ...")
@click.option("--conversation/--no-conversation", default=None, help="A call where the patient spoke with them.")
@click.option("--amount", metavar="N", help="Dollars (a payment, or an amount demanded).")
@click.option("--method", metavar="HOW", help="certified_mail, email, fax, portal ...")
@click.option("--tracking", metavar="NUMBER", help="Tracking or confirmation number.")
@click.option("--outcome", type=click.Choice(["denied", "approved", "partly_approved"]),
              help="An appeal's decision (--type appeal_decision, redetermination_decision, ...): what it decided.")
@account_option
@json_option
@store_command
def log(case_id, kind, from_, to, note, at, type_, conversation, amount, method, tracking, outcome, account,
        as_json):
    """Add an entry to a case's log: a call, letter, email, text, visit, payment or action.

    Example: billadvocate case log 1 --kind call --from collector --note "asked for payment in full"

    Example: billadvocate case log 1 --kind letter --from insurer --type appeal_decision --outcome denied
    """
    from ...store import cases

    row = cases.get_case(case_id)
    event = _event({"at": cases.parse_when(at, row), "kind": kind, "from": from_, "to": to, "note": note,
                    "type": type_, "conversation": conversation, "amount": amount, "method": method,
                    "tracking": tracking, "outcome": outcome})
    logged = cases.log_event(row, event, account_key=account)
    if as_json:
        print_json(_event_json(logged))
        return
    console().print(f"Logged {kind} from {from_} at {logged.at_text} on case {row.pk} "
                    f"({logged.account.key}).", markup=False)


@case.command("add-document")
@click.argument("case_id", metavar="ID")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as", "role", type=click.Choice(ROLES), default="other", show_default=True,
              help="What the document is; a bill or EOB is read by the review.")
@click.option("--note", help="What it is, in your words.")
@account_option
@json_option
@store_command
def add_document(case_id, file, role, note, account, as_json):
    """Keep a document with a case (the original file, by its SHA-256; never overwritten).

    Example: billadvocate case add-document 1 notice.pdf --as notice --note "validation notice"
    """
    from ...store import cases

    doc = cases.add_document(cases.get_case(case_id), file, role=role, account_key=account, note=note)
    data = {"id": doc.pk, "case": doc.case_id, "account": doc.account.key if doc.account else None,
            "role": doc.role, "path": doc.path, "sha256": doc.sha256, "size": doc.size, "read": doc.read}
    if as_json:
        print_json(data)
        return
    console().print(f"Kept {file.name} as {doc.path} ({doc.role}, {doc.size:,} bytes, sha256 {doc.sha256[:12]}) "
                    f"on case {doc.case_id}.", markup=False)


@case.command("letter-sent")
@click.argument("case_id", metavar="ID")
@click.option("--type", "type_", required=True, metavar="TYPE",
              help="dispute, validation_request, cease, itemized_request, fap_application ...")
@click.option("--at", "at", metavar="TIME", help="When it was sent (YYYY-MM-DD or a date-time); default now.")
@click.option("--method", metavar="HOW", help="certified_mail, email, fax, portal ...")
@click.option("--tracking", metavar="NUMBER", help="The tracking number.")
@click.option("--to", type=click.Choice(PARTIES), help="Who it went to.")
@click.option("--file", "file", type=click.Path(path_type=Path), help="The letter as sent (kept with the case).")
@click.option("--note", help="Anything to remember about it.")
@account_option
@json_option
@store_command
def letter_sent(case_id, type_, at, method, tracking, to, file, note, account, as_json):
    """Record that a letter was sent: when, how, and its tracking number (also logged).

    Example: billadvocate case letter-sent 1 --type dispute --method certified_mail --tracking 9400111
    """
    from ...store import cases, letters

    row = cases.get_case(case_id)
    letter = letters.record_sent(row, type_, at=cases.parse_when(at, row), method=method, tracking=tracking,
                                 to=to, note=note, account_key=account, file=file)
    if as_json:
        print_json(letters.letter_json(letter))
        return
    console().print(f"Recorded the {type_} letter sent {letter.sent_at:%Y-%m-%d}"
                    + (f" by {method}" if method else "") + (f", tracking {tracking}" if tracking else "")
                    + f" on case {row.pk}.", markup=False)
