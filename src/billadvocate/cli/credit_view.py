"""Human output of the credit step: what was read, what is wrong, whom to write, what to do next."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..credit.context import BUREAU_NAMES
from ..credit.disputes import dispute_summary
from ..model import Tradeline
from ..util import dollars
from .human import _unconfirmed, findings_table


def tradeline_lines(tradelines: list[Tradeline]) -> list[str]:
    """One plain line per tradeline, to check against the report (no table: long names stay whole).
    Plain text, not markup: print it with markup=False."""
    out = []
    for i, tl in enumerate(tradelines, start=1):
        dates = ", ".join(f"{label} {value}" for label, value in (
            ("first delinquency", tl.first_delinquency), ("reported", tl.reported), ("paid", tl.paid_on))
            if value)
        out.append(f"{i}. {BUREAU_NAMES[tl.bureau]}: {tl.furnisher} - {'medical' if tl.medical else 'not medical'}, "
                   f"original {dollars(tl.original_amount)}, balance {dollars(tl.balance)}, {tl.status}"
                   + (f"; {dates}" if dates else ""))
    return out


def print_credit(c: Console, result) -> None:
    """The credit section of `review` and `credit check`."""
    if result is None or not result.tradelines:
        for n in (result.notes if result else []):
            c.print(f"[yellow]Credit report:[/] {escape(n)}")
        return
    c.print("[bold underline]Credit report[/]")
    if result.findings:
        c.print(findings_table("What should not be on the credit report", result.findings, with_lines=False))
    else:
        c.print("No problems found on the credit report by the checks that could run.")
    status = result.status or {}
    ban = status.get("state_ban")
    if ban:
        # a ban (or its absence) no statute's words confirmed says which value and what was searched
        flag = _unconfirmed(ban.get("citations", []), status["state"]) if ban.get("unconfirmed") else ""
        if ban["ban"]:
            c.print(f"{escape(status['state'])} law bars medical debt from credit reports since "
                    f"{escape(str(ban['since']))} ({escape(ban['law'])}).{flag}")
            if ban.get("preemption_caveat"):
                c.print(f"[dim]Caveat: {escape(ban['preemption_caveat'])}[/]")
        else:
            c.print(f"{escape(status['state'])}: {escape(ban['what'])}.{flag}")
    rule = status.get("cfpb_2025_rule")
    if rule:
        c.print(f"The CFPB's 2025 medical-debt rule: {rule['status']}.", markup=False)
    for d in result.disputes:
        c.print(f"  Dispute with {dispute_summary(d)}", markup=False)
    for d in sorted(result.deadlines, key=lambda d: d.date):
        c.print(f"  {d.date}  {d.kind}: {d.why}", markup=False)
    if result.next_steps:
        c.print("[bold]What to do next[/]")
        for n, step in enumerate(result.next_steps, start=1):
            c.print(f"  {n}. {step}", markup=False)
    for n in result.notes:
        c.print(f"[yellow]Note:[/] {escape(n)}")
