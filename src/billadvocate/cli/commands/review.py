"""`billadvocate review CASE`: the main job."""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import click
from rich.markup import escape

from ...casefile import load_case
from ...credit import read_tradelines
from ...credit.engine import tradelines_from, validate_dates
from ...errors import BadInput
from ...model import CreditReport
from ...review import review_case
from ...util import dollars
from ..credit_view import print_credit, tradeline_lines
from ..human import (console, findings_table, print_assistance, print_call_scripts, print_offer, print_plan,
                     print_rights, print_appeals)
from ..options import as_of_option, json_option, parse_as_of, print_json
from ..outputs import write_outputs

COMMANDS = ["review"]


def read_credit_file(path: Path) -> list:
    """The tradelines of --credit FILE; a file that does not say its bureau is named with `credit read` (review
    has no --bureau), which writes the CSV that --credit then reads."""
    try:
        return read_tradelines(path)
    except BadInput as e:
        if "pass --bureau" not in e.problem:
            raise
        named = (f"name it with `billadvocate credit read {shlex.quote(str(path))} --bureau NAME --to-csv OUT.csv`, "
                 "then review --credit OUT.csv")
        raise BadInput(e.problem.replace("pass --bureau", named), file=e.file, where=e.where) from None


@click.command()
@click.argument("case_file", metavar="CASE", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), metavar="DIR",
              help="Write the HTML report (and letters, calendar) into DIR.")
@click.option("--credit", "credit_file", type=click.Path(path_type=Path), metavar="FILE",
              help="Check the tradelines of this CSV or credit report PDF instead of the case's credit_report.")
@as_of_option
@json_option
def review(case_file: Path, out_dir: Path | None, credit_file: Path | None, as_of: str | None,
           as_json: bool) -> None:
    """Review a whole case: audit, rights, deadlines, assistance, offer, plan, letters.

    CASE is a case file (YAML or JSON, see docs/case-format.md) or a folder holding case.yaml.

    Example: billadvocate review examples/er-visit-nonprofit/case.yaml --out out/
    """
    case = load_case(case_file)
    day = parse_as_of(as_of)
    if credit_file is not None:
        pulled = case.credit_report.pulled if case.credit_report else None
        items = read_credit_file(credit_file)
        validate_dates(tradelines_from(items, str(credit_file)), pulled or day or case.as_of or date.today(),
                       what="the day the report was pulled" if pulled else "the as-of date", file=str(credit_file))
        case.credit_report = CreditReport(pulled=pulled, tradelines=items)
    try:
        result = review_case(case, as_of=day)
    except BadInput as e:  # a credit_report date in the future: name the case file it is in
        if e.file is None:
            raise BadInput(e.problem, file=str(case_file), where=e.where) from None
        raise
    written = write_outputs(result, out_dir) if out_dir else []
    if as_json:
        print_json(result.to_json())
        return
    c = console()
    if credit_file is not None:
        c.print(f"[bold]Tradelines read from {escape(str(credit_file))}[/] (check them against your report):")
        for text in tradeline_lines(case.credit_report.tradelines):
            c.print("  " + text, soft_wrap=True, markup=False)
    if case.patient.language == "es":
        c.print(f"[bold]Revisión para {escape(case.patient.name or 'el paciente')}[/] "
                f"({escape(case.patient.state)}), al {result.as_of}\n")
    else:
        who = case.patient.name or "the patient"
        c.print(f"[bold]Review for {escape(who)}[/] ({escape(case.patient.state)}), as of {result.as_of}\n")
    if result.actions:  # what to do first opens the review
        from ...actions import plan_lines
        from ...actions.spanish import in_spanish, plan_lines_es

        spanish = case.patient.language == "es"
        c.print("[bold]Qué hacer primero[/]" if spanish else "[bold]What to do first[/]")
        for line in plan_lines_es(in_spanish(result)) if spanish else plan_lines(result.actions):
            c.print("  " + line, soft_wrap=True, markup=False)
        c.print()
    if case.patient.language == "es":  # the rest of the review in Spanish too (cli/spanish_text.py)
        from ..spanish_text import print_account_es

        for data in result.to_json()["accounts"]:
            print_account_es(c, data, result.as_of.isoformat())
            c.print()
    for a in result.accounts if case.patient.language != "es" else []:
        acct = a.account
        holder = f", now with {acct.collector.name}" if acct.collector else ""
        c.print(f"[bold underline]{escape(acct.provider.name)}[/] - account "
                f"{escape(acct.account_number or acct.id)}{escape(holder)}")
        n_lines = len(a.audit.lines) if a.audit else 0
        c.print(f"Billed {dollars(a.total_charges)} on {n_lines} line{'' if n_lines == 1 else 's'}; "
                f"balance asked {dollars(acct.balance)}; in dispute {dollars(a.in_dispute)}.")
        for n in (a.hospital or {}).get("notes", []):  # what the CMS hospital list says (hospitals/case.py)
            c.print(f"[cyan]Hospital:[/] {escape(n)}")
        if a.findings:
            c.print(findings_table("What is wrong with the bill", a.findings))
        elif a.audit:
            c.print("No problems found by the bill checks that could run.")
        print_rights(c, a, result.as_of)
        print_appeals(c, a)
        print_assistance(c, a.assistance, result.as_of)
        print_offer(c, a.offer)
        print_plan(c, a.plan)
        print_call_scripts(c, a.call_scripts)
        for n in a.notes:
            c.print(f"[yellow]Note:[/] {escape(n)}")
        c.print()
    if case.patient.language == "es":
        from ..spanish_text import print_credit_es

        print_credit_es(c, result.credit_result)
    else:
        print_credit(c, result.credit_result)
    print_glossary(c, result, "es" if case.patient.language == "es" else "en")
    for path in written:
        c.print(f"wrote {path}", markup=False)


def print_glossary(c, result, lang: str) -> None:
    """The words that must stay (EOB, FAP, AGB ...) the review uses, each in plain words."""
    import json

    from ...report.glossary import HEADING, used

    words = used(json.dumps(result.to_json(), ensure_ascii=False, default=str), lang)
    if words:
        c.print(f"[bold]{HEADING[lang]}[/]")
        for term, meaning in words:
            c.print(f"  {term}: {meaning}", soft_wrap=True, markup=False)
        c.print()
