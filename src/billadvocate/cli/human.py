"""Human output: plain words and tables (rich), for the terminal.

Text that comes from a bill, a case file or the command line is never read as markup: it goes into a
markup string only through `escape`, is printed with markup=False, or goes in as a rich `Text`; emoji
codes are off, so ":warning:" in a note stays words."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..law.unconfirmed import explain
from ..model import Finding
from ..util import dollars
from .quick_table import QuickTable

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def console() -> Console:
    return Console(highlight=False, soft_wrap=False, emoji=False)


def _unconfirmed(citations, state: str | None = None) -> str:
    """Which unconfirmed legal value a result rests on and what was searched (not a bare flag)."""
    return f" [dim]({escape(explain(citations, state))})[/]"


def _problem(f: Finding) -> Text:
    """A finding's message as written, with the dim note of an unconfirmed value (no markup parsed)."""
    text = Text(f.message)
    if f.unconfirmed:
        text.append(" ")
        text.append(f"({explain(f.citations, None)})", style="dim")
    return text


def findings_table(title: str, findings: list[Finding], *, with_lines: bool = True) -> QuickTable:
    """The findings as a table, drawn by QuickTable (rich's Table, drawn in half the time: a 300-line
    bill has hundreds of findings)."""
    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    t.add_column("severity")
    if with_lines:
        t.add_column("lines")
    t.add_column("problem", overflow="fold", max_width=70)
    t.add_column("at stake", justify="right")
    for f in findings:  # cells as Text: a message's brackets print as written, and nothing is parsed
        row = [Text.assemble((f.severity, SEVERITY_STYLE[f.severity]))]
        if with_lines:
            row.append(Text(", ".join(map(str, f.lines)) or "-"))
        row += [_problem(f), Text(dollars(f.amount) if f.amount else "-")]
        t.add_row(*row)
    return QuickTable(t)


def print_assistance(c: Console, a: dict, as_of: date | None = None) -> None:
    if a.get("fpl_percent") is not None:
        c.print(f"Household income is [bold]{a['fpl_percent']:.2f}%[/] of the {a['year']} poverty guideline "
                f"({dollars(a['guideline'])} for a household of {a['household_size']}).")
    elif a.get("guideline") is not None:
        c.print(f"Poverty guideline {a['year']}: {dollars(a['guideline'])} for a household of "
                f"{a['household_size']}; the percentage needs {', '.join(a['missing'])}.", markup=False)
    else:
        c.print(f"Poverty-guideline percentage: needs {', '.join(a.get('missing', []))}.", markup=False)
    if a.get("unconfirmed"):
        c.print("[yellow]Note:[/] " + escape(" ".join(a.get("notes", []))))
    for p in a.get("programs", []):
        verdict = {True: "[green]likely eligible[/]", False: "not eligible", None: "[yellow]cannot decide yet[/]"}[p["eligible"]]
        flag = _unconfirmed(p.get("citations", [])) if p.get("unconfirmed") else ""
        # its name, never its id
        c.print(f"  {escape(p.get('name') or p['id'])}: {verdict}. {escape(p.get('why', ''))}{flag}")
    app = a.get("application")
    if app and app.get("programs"):
        names = {p["id"]: p.get("name") or p["id"] for p in a.get("programs", [])}
        c.print(f"  To apply ({'; '.join(names.get(i, i) for i in app['programs'])}), send {app.get('send_to') or 'the provider'}: "
                + "; ".join(app["documents"]) + "."
                + (_application_deadline(str(app["deadline"]), as_of) if app.get("deadline") else ""), markup=False)


def _application_deadline(day: str, as_of: date | None) -> str:
    """A passed application deadline says so, and that applying still helps (26 CFR 1.501(r)-1(b)(3))."""
    if as_of is not None and day < as_of.isoformat():
        return (f" The application period ran at least until {day}: apply anyway, since the hospital may still "
                f"accept an application and must give a written notice with a new deadline before any collection "
                f"action.")
    return f" Deadline: {day}."


def print_rights(c: Console, a, as_of) -> None:
    """Protections, conduct violations, deadlines and the statute of limitations of one account."""
    if a.protections:
        c.print("[bold]Laws that protect you here[/]")
        for p in a.protections:
            mark = {True: "[green]applies[/]", False: "does not apply", None: "[yellow]cannot tell yet[/]"}[p["applies"]]
            note = _unconfirmed(p.get("citations", []), a.account.provider.state) if p.get("unconfirmed") else ""
            c.print(f"  {escape(p['law'])}: {mark}. {escape(p['why'])}{note}")
    if a.violations:
        c.print(findings_table("What the collector or provider did wrong", a.violations, with_lines=False))
    if a.sol and a.sol.get("warning"):
        c.print(f"[bold]Statute of limitations:[/] {escape(a.sol['warning'])}")
    if a.deadlines:
        c.print("[bold]Deadlines[/]")
        for d in sorted(a.deadlines, key=lambda d: (d.date, d.kind)):
            past = " [dim](passed)[/]" if d.date < as_of else ""
            note = _unconfirmed(d.citations, a.account.provider.state) if d.unconfirmed else ""
            c.print(f"  {d.date}  {escape(d.kind)}{past}: {escape(d.why)}{note}")


def print_appeals(c: Console, a) -> None:
    """Each claim the insurer denied: who must act, where the appeal stands, its next deadline and letter."""
    from ..appeals import STAGE_WORDS

    if not a.appeals:
        return
    c.print("[bold]Insurance denials and appeals[/]")
    for x in a.appeals:
        codes = ", ".join(r["code"] for r in x["reasons"])
        c.print(escape(f"  Claim {x['claim_id']} ({dollars(x['amount'])} denied, {codes}): {x['who_words']}."))
        if x["who"] == "provider":
            continue
        now = STAGE_WORDS.get(x.get("stage") or "", "")
        due = x.get("next_due")
        c.print(f"    Now: {now}{' (urgent: expedited)' if x.get('urgent') else ''}"
                + (f"; next deadline {due['date']}" if due else "")
                + (f"; letter: {x['letter']}" if x.get("letter") else "") + ".", markup=False)


def print_offer(c: Console, offer: dict | None) -> None:
    """The offer, its reasons, the terms to insist on, and the warnings."""
    if not offer:
        return
    if offer.get("no_offer"):
        c.print(f"[bold]Offer[/]: none. {escape(offer['no_offer'])}")
        for step in offer.get("why", "").splitlines():
            c.print(f"  - {step}", markup=False)
        return
    c.print(f"[bold]Offer[/]: open at {dollars(offer['opening'])}, aim for {dollars(offer['target'])}, "
            f"walk away above {dollars(offer['walk_away'])} (fair amount {dollars(offer['fair_amount'])}).")
    denied = offer.get("if_assistance_denied")
    if denied:
        c.print(f"  If assistance is denied: open at {dollars(denied['opening'])}, aim for "
                f"{dollars(denied['target'])}, walk away above {dollars(denied['walk_away'])} "
                f"(fair amount {dollars(denied['fair_amount'])}).", markup=False)
    why = offer.get("why")
    for r in why.splitlines() if isinstance(why, str) and why else offer.get("reasons", []):
        c.print(f"  - {r}", markup=False)  # the arithmetic from the bill to the fair amount, then the shares
    c.print("  Insist in writing on:")
    for t in offer.get("terms", []):
        c.print(f"    * {t}", markup=False)
    for w in offer.get("warnings", []):
        c.print(f"  [yellow]Warning:[/] {escape(w)}")


def print_plan(c: Console, plan: dict | None) -> None:
    if not plan:
        return
    if plan.get("monthly") and plan.get("months"):
        duration = plan.get("duration") or f"{plan['months']} month{'s' if plan['months'] != 1 else ''}"
        c.print(f"[bold]Payment plan[/]: {dollars(plan['monthly'])} a month for {escape(str(duration))}, "
                f"first payment {escape(str(plan.get('first_payment')))}, {plan.get('interest_rate', 0):g}% interest.")
    else:
        c.print("[bold]Payment plan[/]: none proposed.")
    c.print(f"  {plan.get('why', '')}", markup=False)
    if plan.get("missed_payment"):
        c.print("  If a payment will be missed: " + " ".join(plan["missed_payment"][:2]), markup=False)


def print_call_scripts(c: Console, scripts: list[dict]) -> None:
    for s in scripts or []:
        phone = f" ({s['phone']})" if s.get("phone") else ""
        c.print(f"[bold]Call script: {escape(s['to'])}[/], {escape(s.get('name') or '')}{escape(phone)}")
        for label, key in (("Say", "say"), ("Ask", "ask"), ("Never", "never_say")):
            for line in s.get(key, []):
                c.print(f"  {label}: {line}", markup=False)
