"""Human output: plain words and tables (rich), for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import Finding
from ..util import dollars

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def findings_table(title: str, findings: list[Finding], *, with_lines: bool = True) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    t.add_column("severity")
    if with_lines:
        t.add_column("lines")
    t.add_column("problem", overflow="fold", max_width=70)
    t.add_column("at stake", justify="right")
    for f in findings:
        row = [f"[{SEVERITY_STYLE[f.severity]}]{f.severity}[/]"]
        if with_lines:
            row.append(", ".join(map(str, f.lines)) or "-")
        row += [f.message + (" [dim](unconfirmed law)[/]" if f.unconfirmed else ""),
                dollars(f.amount) if f.amount else "-"]
        t.add_row(*row)
    return t


def print_assistance(c: Console, a: dict) -> None:
    if a.get("fpl_percent") is not None:
        c.print(f"Household income is [bold]{a['fpl_percent']}%[/] of the {a['year']} poverty guideline "
                f"({dollars(a['guideline'])} for a household of {a['household_size']}).")
    elif a.get("guideline") is not None:
        c.print(f"Poverty guideline {a['year']}: {dollars(a['guideline'])} for a household of "
                f"{a['household_size']}; the percentage needs {', '.join(a['missing'])}.")
    else:
        c.print(f"Poverty-guideline percentage: needs {', '.join(a.get('missing', []))}.")
    if a.get("unconfirmed"):
        c.print("[yellow]Note:[/] " + " ".join(a.get("notes", [])))
    for p in a.get("programs", []):
        verdict = {True: "[green]likely eligible[/]", False: "not eligible", None: "[yellow]cannot decide yet[/]"}[p["eligible"]]
        c.print(f"  {p['id']}: {verdict}. {p.get('why', '')}")


def print_rights(c: Console, a, as_of) -> None:
    """Protections, conduct violations, deadlines and the statute of limitations of one account."""
    if a.protections:
        c.print("[bold]Laws that protect you here[/]")
        for p in a.protections:
            mark = {True: "[green]applies[/]", False: "does not apply", None: "[yellow]cannot tell yet[/]"}[p["applies"]]
            note = " [dim](rests on unconfirmed law)[/]" if p.get("unconfirmed") else ""
            c.print(f"  {p['law']}: {mark}. {p['why']}{note}")
    if a.violations:
        c.print(findings_table("What the collector or provider did wrong", a.violations, with_lines=False))
    if a.sol and a.sol.get("warning"):
        c.print(f"[bold]Statute of limitations:[/] {a.sol['warning']}")
    if a.deadlines:
        c.print("[bold]Deadlines[/]")
        for d in sorted(a.deadlines, key=lambda d: (d.date, d.kind)):
            past = " [dim](passed)[/]" if d.date < as_of else ""
            note = " [dim](unconfirmed law)[/]" if d.unconfirmed else ""
            c.print(f"  {d.date}  {d.kind}{past}: {d.why}{note}")
