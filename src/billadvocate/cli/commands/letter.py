"""`billadvocate letter TYPE CASE` and `billadvocate packet CASE`: one letter, or the whole packet."""

from __future__ import annotations

from pathlib import Path

import click

from ...casefile import load_case
from ...letters import FORMATS, LANGUAGES, LETTER_TYPES, letter_for, render
from ...letters.packet import render_packet
from ...review import review_case
from ...util import atomic_write
from ..options import as_of_option, parse_as_of

COMMANDS = ["letter", "packet"]


def _format(fmt: str | None, out: Path) -> str:
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "pdf"


@click.command()
@click.argument("letter_type", metavar="TYPE", type=click.Choice(LETTER_TYPES))
@click.argument("case_file", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--account", "account_id", metavar="ID", help="The account (needed when the case has several).")
@click.option("--bureau", type=click.Choice(["equifax", "experian", "transunion"]),
              help="For credit_dispute: the bureau (needed when several have problems).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language; default: the patient's (patient.language).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="pdf, docx or txt; default: from -o's extension, else pdf.")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="Where to write the letter.")
@as_of_option
def letter(letter_type: str, case_file: Path, account_id: str | None, bureau: str | None,
           lang: str | None, fmt: str | None, out: Path, as_of: str | None) -> None:
    """Write one letter of a case, filled from the case and the review's results.

    TYPE is one of the letter types. A letter whose needed fact is missing is not written: the
    one-line error names the case field to fill (exit status 2).

    Example: billadvocate letter dispute examples/er-visit-nonprofit/case.yaml --lang es -o dispute.pdf
    """
    case = load_case(case_file)
    result = review_case(case, as_of=parse_as_of(as_of))
    doc = letter_for(result, letter_type, account_id=account_id, bureau=bureau,
                     lang=lang or case.patient.language, file=str(case_file))
    atomic_write(out, render(doc, _format(fmt, out), as_of=result.as_of))
    click.echo(f"wrote {out}", err=True)


@click.command()
@click.argument("case_file", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language; default: the patient's (patient.language).")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path), metavar="FILE",
              help="Where to write the packet (PDF).")
@as_of_option
def packet(case_file: Path, lang: str | None, out: Path, as_of: str | None) -> None:
    """Write the case packet: cover sheet, the letters the case needs, findings, log and evidence index.

    Example: billadvocate packet examples/er-visit-nonprofit/case.yaml -o packet.pdf
    """
    case = load_case(case_file)
    result = review_case(case, as_of=parse_as_of(as_of))
    atomic_write(out, render_packet(result, lang=lang))
    click.echo(f"wrote {out}", err=True)
