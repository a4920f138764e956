"""`billadvocate read FILE`: show what was read from a document, before trusting the audit."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from ...ingest import FORMATS, Eob, read_any
from ...model import Bill
from ...util import dollars
from ..options import json_option, print_json

# rich, the notice reader and the progress bar are imported where they are used: `audit --json` imports this
# module for progress_for and states_amounts, and needs none of them

COMMANDS = ["read"]

format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), metavar="FORMAT",
                             help=f"Force the reader instead of detecting it from the content ({', '.join(FORMATS)}).")


def progress_for(as_json: bool):
    """A progress bar on stderr for long reading work, only on a terminal and never under --json."""
    if as_json or not sys.stderr.isatty():
        return nullcontext()
    from rich.console import Console

    from ...ingest.progress import show_progress

    return show_progress(Console(stderr=True))


def bill_json(bill: Bill) -> dict:
    data = bill.model_dump(mode="json")
    data["kind"] = "bill"
    data["total_charges"] = float(bill.total_charges)
    return data


def eob_json(eob: Eob) -> dict:
    data = eob.to_json()
    data["kind"] = "eob"
    return data


@click.command()
@click.argument("file", type=click.Path(path_type=Path), metavar="FILE")
@format_option
@json_option
def read(file: Path, fmt: str | None, as_json: bool) -> None:
    """Show what was read from a bill, an EOB or a collector's notice: lines, totals, what could not be read and why.

    Reads itemized bills (CSV, XLSX, PDF, scans and photos by OCR, X12 837, Synthea
    claims_transactions.csv), EOBs (X12 835, FHIR ExplanationOfBenefit, EOB CSV exports, Synthea
    claims.csv, the printed remittance pages of a PDF with --format pdf-eob) and a debt collector's
    validation notice (PDF, English or Spanish: its itemization, the arithmetic check and what it
    leaves out). The format is detected from the content.

    Example: billadvocate read examples/er-visit-nonprofit/bills/er-itemized.csv
    """
    from ...ingest.validation_notice import NoticeRead
    from ..human import console

    with progress_for(as_json):
        doc = read_any(file, format=fmt)
    if as_json:
        print_json(bill_json(doc) if isinstance(doc, Bill) else doc.to_json() if isinstance(doc, NoticeRead)
                   else eob_json(doc))
        return
    c = console()
    if isinstance(doc, Bill):
        print_bill(c, doc)
    elif isinstance(doc, NoticeRead):
        print_notice(c, doc)
    else:
        print_eob(c, doc)


def print_notice(c, read: NoticeRead) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    n = read.notice
    lang = {"en": "English", "es": "Spanish"}.get(read.language, read.language)
    c.print(f"[bold]{escape(read.source)}[/]: a debt collector's validation notice ({escape(lang)}).")
    money = {k: dollars(v) if v is not None else None for k, v in (
        ("itemization_amount", n.itemization_amount), ("interest", n.interest), ("fees", n.fees),
        ("payments", n.payments), ("amount", n.amount))}
    rows = (("Collector", read.collector_name), ("Mailing address", read.address), ("Phone", read.phone),
            ("Creditor", n.creditor), ("Account number", n.creditor_account), ("Reference", n.reference),
            ("Itemization date", n.itemization_date), ("Owed then", money["itemization_amount"]),
            ("Interest since", money["interest"]), ("Fees since", money["fees"]),
            ("Payments and credits since", money["payments"]), ("Total now", money["amount"]),
            ("Dispute by", n.dispute_by))
    t = Table(show_header=False, show_lines=False)
    t.add_column("field")
    t.add_column("value", overflow="fold")
    for label, value in rows:
        t.add_row(label, Text(str(value)) if value is not None else "[yellow]not stated[/]")
    c.print(t)
    if read.arithmetic:
        color = "green" if read.adds_up else "red"
        c.print(f"[{color}]Arithmetic:[/] {escape(read.arithmetic)}.")
    for m in read.missing:
        c.print(f"[yellow]Not found on the notice:[/] {escape(m)}")
    if read.missing:
        c.print("(read in the wording of the CFPB model form: check the paper, a notice worded otherwise may "
                "state it in other words)")
    if not read.missing:
        c.print("Every item of validation information checked (12 CFR 1006.34(c)(2) and (c)(3)(i)) is stated.")
    for note in read.notes:
        c.print(f"[yellow]Note:[/] {escape(note)}")


def print_bill(c, bill: Bill) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    sender = f" from {escape(bill.provider_name)}" if bill.provider_name else ""
    c.print(f"[bold]{escape(bill.source)}[/]: itemized bill ({escape(bill.format)}){sender}, {len(bill.lines)} lines, "
            f"{dollars(bill.total_charges)} charged.")
    t = Table(show_lines=False)
    for name, justify in (("line", "right"), ("date", "left"), ("code", "left"), ("rev", "left"),
                          ("description", "left"), ("units", "right"), ("charge", "right")):
        t.add_column(name, justify=justify, overflow="fold", max_width=48 if name == "description" else None)
    for ln in bill.lines:
        code = ln.code or ""
        if ln.modifiers:
            code += "-" + "-".join(ln.modifiers)
        t.add_row(str(ln.line), str(ln.date or ""), Text(code), Text(ln.revenue_code or ""), Text(ln.description),
                  f"{ln.units.normalize():f}", dollars(ln.charge))
    c.print(t)
    for label, value in (("The bill states a total of", bill.stated_total), ("payments", bill.payments),
                         ("adjustments", bill.adjustments), ("balance", bill.stated_balance)):
        if value is not None:
            c.print(f"  {label}: {dollars(value)}")
    if bill.stated_total is not None and bill.stated_total != bill.total_charges:
        c.print(f"[yellow]The lines add up to {dollars(bill.total_charges)}, not the stated "
                f"{dollars(bill.stated_total)}.[/]")
    if bill.ocr_confidence is not None:
        c.print(f"OCR confidence: {bill.ocr_confidence:.0%}. Check every amount against the paper.")
    for n in bill.notes:
        c.print(f"[yellow]Note:[/] {escape(n)}")


def states_amounts(eob: Eob) -> bool:
    """Whether the EOB states any amount billed, paid or owed (Synthea's claims.csv states only balances)."""
    return any(cl.billed is not None or cl.paid is not None or cl.adjudicated_patient_responsibility is not None
               for cl in eob.claims)


def print_eob(c, eob: Eob) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    payer = escape(f" from {eob.payer}") if eob.payer else ""
    c.print(f"[bold]{escape(eob.source)}[/]: EOB ({escape(eob.format)}){payer}, "
            f"{len(eob.claims)} claim(s), {eob.line_count} line(s).")
    if states_amounts(eob):
        c.print(f"Billed {dollars(eob.total_billed)}, plan paid {dollars(eob.total_paid)}, "
                f"you owe {dollars(eob.total_patient_responsibility)}.")
    else:
        c.print("The document states no amounts billed or paid.")
    if eob.total_patient_balance is not None:
        c.print(f"Still unpaid by you, as the document states: {dollars(eob.total_patient_balance)}.")
    for claim in eob.claims:
        net = {True: ", in network", False: ", OUT of network", None: ""}[claim.in_network]
        dates = f"{claim.start}" + (f" to {claim.end}" if claim.end and claim.end != claim.start else "")
        c.print(f"\n[bold]Claim {escape(claim.claim_id)}[/] {escape(dates)} {escape(claim.provider or '')}{net}: "
                f"{escape(f'{claim.status_text or claim.status}')}" + (" [bold red]DENIED[/]" if claim.denied else ""))
        split = [f"{k} {dollars(v)}" for k, v in (("deductible", claim.deductible), ("coinsurance", claim.coinsurance),
                                                   ("copay", claim.copay), ("other", claim.other_patient)) if v]
        if claim.billed is not None or claim.paid is not None or claim.adjudicated_patient_responsibility is not None:
            c.print(f"  billed {dollars(claim.billed)}, allowed {dollars(claim.allowed)}, paid {dollars(claim.paid)}, "
                    f"you owe {dollars(claim.adjudicated_patient_responsibility)}" + (f" ({', '.join(split)})" if split else ""))
        if claim.patient_balance or claim.insurer_balance:
            c.print(f"  still owed: by you {dollars(claim.patient_balance)}, by the insurer {dollars(claim.insurer_balance)}")
        for a in claim.adjustments:
            c.print(f"  {a.key} {dollars(a.amount)}: {a.meaning}", markup=False)
        if claim.lines:
            t = Table(show_lines=False)
            for name in ("line", "date", "code", "billed", "allowed", "paid", "you owe", "why"):
                t.add_column(name, overflow="fold", max_width=50 if name == "why" else None)
            for ln in claim.lines:
                why = escape("; ".join(f"{a.key} {dollars(a.amount)}: {a.meaning}" for a in ln.adjustments))
                if ln.denied:
                    why = "[red]DENIED[/] " + why
                code = (ln.code or ln.revenue_code or "") + ("-" + "-".join(ln.modifiers) if ln.modifiers else "")
                t.add_row(str(ln.line), str(ln.date or ""), Text(code), dollars(ln.billed), dollars(ln.allowed),
                          dollars(ln.paid), dollars(ln.patient_responsibility), why)
            c.print(t)
    for n in eob.notes:
        c.print(f"[yellow]Note:[/] {escape(n)}")
