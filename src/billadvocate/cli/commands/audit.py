"""`billadvocate audit FILE... [--eob FILE]...`: audit an itemized bill, an EOB, or both, on their own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ...audit import audit_bills
from ...audit.tables import eobs_table
from ...errors import BadInput
from ...ingest import EOB_FORMATS, FORMATS, Eob, read_document, read_eob
from ...ingest.match import match
from ...model import Bill, Provider
from ...reference.locality import zip_of
from ...states import normalise_state
from ...util import dollars
from ..options import as_of_option, json_option, parse_as_of, print_json
from .read import progress_for, states_amounts

COMMANDS = ["audit"]
# what --eob-format takes: the EOB readers, an EOB export in a workbook, and auto (detect each file)
EOB_FORMAT_CHOICES = ("auto", *EOB_FORMATS, "xlsx")


def eob_reader(fmt: str | None, eob_fmt: str | None) -> str | None:
    """The reader forced on the --eob files (None: detected from each file's content). --eob-format wins;
    without it, --format applies to them only when it names an EOB reader, as it always did."""
    if eob_fmt:
        return None if eob_fmt == "auto" else eob_fmt
    return fmt if fmt in EOB_FORMATS else None


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="FILE...")
@click.option("--eob", "eob_files", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="The insurer's EOB for this bill (X12 835, FHIR, CSV or XLSX export, the printed remittance "
                   "pages of a PDF or photo); may be given more than once.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), metavar="FORMAT",
              help="Force the reader of the bill FILEs instead of detecting it from the content "
                   f"({', '.join(FORMATS)}); an --eob file follows it only when it names an EOB reader and "
                   "--eob-format is not given.")
@click.option("--eob-format", "eob_fmt", type=click.Choice(EOB_FORMAT_CHOICES), metavar="FORMAT",
              help=f"Force the reader of the --eob files ({', '.join(EOB_FORMAT_CHOICES)}); default: detected "
                   "from each file's content (a PDF or a photo: its printed remittance or EOB pages).")
@click.option("--setting", type=click.Choice(["professional", "outpatient", "inpatient"]),
              help="Where the care was given (chooses the NCCI/MUE tables and the price yardsticks); "
                   "default: read from the bill (revenue codes, type of bill, room and board).")
@click.option("--state", metavar="XX", help="The patient's state, for Medicare amounts of its locality.")
@click.option("--zip", "zip_code", metavar="ZIP", help="The patient's ZIP code (or ZIP+4), for the locality "
              "when the CMS ZIP file is imported (data import zip-locality).")
@click.option("--ccn", metavar="CCN", help="The hospital's CMS Certification Number (six characters, e.g. 450015), "
              "to price its outpatient lines for its area's wage index (hospital find NAME shows it).")
@as_of_option
@json_option
def audit(files: tuple[Path, ...], eob_files: tuple[Path, ...], fmt: str | None, eob_fmt: str | None,
          setting: str | None,
          state: str | None, zip_code: str | None, ccn: str | None, as_of: str | None, as_json: bool) -> None:
    """Audit itemized bills and EOBs: duplicates, coding edits, unit limits, prices, arithmetic and
    denials, with line numbers, dollars at stake, the total in dispute and a fair-price estimate.

    FILE may be a bill (CSV, XLSX, PDF, photo, X12 837) or an EOB (X12 835, FHIR, EOB CSV); the
    kind is detected from each file's content. An EOB can be audited on its own: audit --eob FILE. A
    statement whose last page is the insurer's remittance can be given as both: audit BILL.pdf --eob BILL.pdf.

    Example: billadvocate audit examples/er-visit-nonprofit/bills/er-itemized.csv --setting outpatient --json
    """
    if not files and not eob_files:
        raise BadInput("give at least one bill FILE or --eob FILE (see billadvocate audit --help)")
    bills: list[Bill] = []
    eobs: list[Eob] = []
    with progress_for(as_json):
        for f in files:
            doc = read_document(f, format=fmt)
            (bills if isinstance(doc, Bill) else eobs).append(doc)
        eobs += [read_eob(f, format=eob_reader(fmt, eob_fmt)) for f in eob_files]
    if eobs:  # a bill's note on its own remittance pages says which remittance was used, not to give one
        from ...ingest.pdf_bill import with_eobs_given

        bills = [with_eobs_given(b, [e.source for e in eobs]) for b in bills]
    try:
        state = normalise_state(state) if state else None
    except ValueError as e:
        raise BadInput(f"--state: {e}")
    if zip_code is not None and not zip_of(zip_code):
        raise BadInput(f"--zip: {zip_code!r} is not a ZIP code (5 digits, or ZIP+4 as 94103-1234)")
    if ccn is not None:
        try:
            ccn = Provider(name="-", ccn=ccn).ccn
        except ValueError:
            raise BadInput(f"--ccn: {ccn!r} is not a CMS Certification Number (six letters or digits, e.g. 450015)")
    facts = {"setting": setting, "state": state, "has_eob": bool(eobs) or None, "patient_zip": zip_code,
             "provider_ccn": ccn}
    from ...audit.stay_drg import carry_ms_drg, drg_needs_bill_notes

    carry_ms_drg(bills, eobs)  # a stay's MS-DRG from the payer's 835 (CLP11)
    joined: list[tuple[Bill, str]] = []  # what the join with the EOBs said of a bill: its dates, its codes
    # the bill and EOB lines paired once: the dates, the code notes, the EOB table and the output all read this match
    matched = match(bills, eobs) if bills and eobs else None
    if matched is not None:  # a bill line without a date takes its EOB line's (a statement whose dates are blacked out)
        from ...ingest.match import code_differences, date_from_eobs, rescore

        said = {id(b): len(b.notes) for b in bills}
        date_from_eobs(bills, eobs, matched)
        code_differences(bills, eobs, matched)
        matched = rescore(matched, bills, eobs)  # a date taken from the EOB line now agrees with it
        joined = [(b, n) for b in bills for n in b.notes[said[id(b)]:]]
    # an EOB audited on its own: its claims stand for the bill they belong to
    owners = bills or [Bill(source=e.source, format=e.format) for e in eobs]
    result = audit_bills(bills, facts=facts, as_of=parse_as_of(as_of) or date.today(),
                         eobs=eobs_table(eobs, owners, matched) if eobs else None)
    if not bills:
        result.notes += drg_needs_bill_notes(eobs)
    if as_json:
        data = result.to_json()
        data["eobs"] = [e.to_json() for e in eobs]
        data["eob_match"] = matched.to_json() if matched else None
        data["read_notes"] = [n for doc in [*bills, *eobs] for n in doc.notes]
        print_json(data)
        return
    # the text report's imports (rich) only here: --json does without them
    from rich.markup import escape

    from ..human import console, findings_table

    c = console()
    if bills:
        c.print(f"{len(result.lines)} lines, {dollars(result.total_charges)} billed; "
                f"[bold]{dollars(result.in_dispute)}[/] in dispute; fair-price estimate "
                f"{dollars(result.benchmark_total)}.")
    for e in eobs:
        denied = [cl.claim_id for cl in e.claims if cl.denied]
        # an EOB that states no amounts (Synthea's claims.csv: balances only) never says "you owe $0.00"
        amounts = (f"billed {dollars(e.total_billed)}, plan paid {dollars(e.total_paid)}, you owe "
                   f"{dollars(e.total_patient_responsibility)}" if states_amounts(e) else "no amounts billed or paid stated")
        unpaid = (f"; still unpaid by you, as the document states: {dollars(e.total_patient_balance)}"
                  if e.total_patient_balance is not None else "")
        c.print(f"EOB {e.source}: {len(e.claims)} claim(s), {amounts}{unpaid}"
                + (f"; denied: {', '.join(denied)}" if denied else "") + ".", markup=False)
    if matched:
        c.print(f"{len(matched.lines)} bill line(s) matched to EOB lines; not on any EOB: "
                f"{', '.join(map(str, matched.unmatched_bill_lines)) or 'none'}.")
    if result.findings:
        c.print(findings_table("Findings", result.findings))
    else:
        c.print("No problems found by the checks that could run.")
    for note in result.notes:
        c.print(f"[dim]{escape(note)}[/]")
    for b, note in joined:
        c.print(f"[dim]{escape(f'{b.source}: ' if len(bills) > 1 else '')}{escape(note)}[/]")
    if not any(b.notes for b in bills):  # the PDF reader's imports (0.02 s) only for a bill with notes
        return
    from ...ingest.pdf_bill import REMITTANCE_NOTE

    for b in bills:  # the pages not read as charges, and how they were used
        for note in (n for n in b.notes if REMITTANCE_NOTE.match(n)):
            c.print(f"[dim]{escape(f'{b.source}: ' if len(bills) > 1 else '')}{escape(note)}[/]")
