"""The case packet: one PDF with a cover sheet (who, what, amounts, deadlines), the letters, the
audit findings, the log of contacts, and the index of the evidence to attach."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ..util import dollars
from .compose import build_letter, labels, rule_name
from .document import Table
from .facts import long_date
from .kinds import kind
from .render_pdf import FAMILY, LetterPDF, draw_letter, draw_table
from .select import chosen


def _when(at, lang: str) -> str:
    if isinstance(at, datetime):
        return f"{long_date(at.date(), lang)} {at.strftime('%H:%M')}"
    return long_date(at, lang)


def _heading(pdf, text: str, size: float = 15) -> None:
    pdf.set_font(FAMILY, style="B", size=size)
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _text(pdf, text: str, size: float = 10.5, style: str = "") -> None:
    pdf.set_font(FAMILY, style=style, size=size)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def plan_lines(result, lang: str) -> list[str]:
    """The numbered steps of the plan (at most MAX_NUMBERED), each with its date and why, in `lang`."""
    from ..actions.spanish import in_spanish

    lab = labels(lang)["packet"]
    steps = [s for s in (result.actions or []) if s.get("step")]
    if lang == "es":
        steps = in_spanish(result, steps)
    out = []
    for s in steps:
        due = (" (" + lab["plan_by"].format(date=long_date(date.fromisoformat(s["due"]), lang)) + ")"
               if s.get("due") and s["kind"] != "ANSWER_LAWSUIT" else "")
        out.append(f"{s['step']}. {s['title']}{due}: {s['why']}")
    return out


def owed_lines(result, lang: str) -> list[str]:
    """What the patient owes on each account, in the money engine's figure, beside what is asked."""
    from ..actions.safety import bill_known, time_barred

    lab = labels(lang)["packet"]
    out = []
    for r in result.accounts:
        a = r.account
        words = {"who": a.provider.name, "account": a.account_number or a.id, "asked": dollars(a.balance)}
        owed = (r.offer or {}).get("owed")
        if time_barred(r.sol or {}) and not a.patient_chose_to_pay:
            out.append(lab["owed_barred"].format(**words))
        elif owed is not None and float(owed) <= 0:
            out.append(lab["owed_nothing"].format(**words))
        elif owed is None or not bill_known(r):
            out.append(lab["owed_unknown"].format(**words))
        else:
            line = lab["owed_at_most"].format(owed=dollars(Decimal(str(owed))), **words)
            kinds = {s["kind"] for s in (result.actions or []) if s.get("account") == a.id}
            fair = (r.offer or {}).get("fair_amount")
            if "NEGOTIATE" in kinds and fair and 0 < float(fair) < float(owed):  # only where the plan offers money
                line += lab["owed_fair"].format(fair=dollars(Decimal(str(fair))))
            plan = r.plan or {}
            payments = [Decimal(str(p["amount"])) for p in plan.get("schedule") or []]
            if "PAYMENT_PLAN" in kinds and len(payments) > 1:
                line += lab["owed_plan"].format(months=len(payments), monthly=dollars(max(payments)),
                                                fair=dollars(sum(payments, Decimal(0))))
            out.append(line)
    return out


def cover_tables(result, lang: str) -> list[Table]:
    lab = labels(lang)["packet"]
    accounts = Table(lab["accounts"], [lab["account"], lab["provider"], lab["collector"],
                                      lab["balance"], lab["billed"], lab["in_dispute"]],
                     [[a.account.account_number or a.account.id, a.account.provider.name,
                       a.account.collector.name if a.account.collector else "-",
                       dollars(a.account.balance), dollars(a.total_charges), dollars(a.in_dispute)]
                      for a in result.accounts],
                     widths=[2.2, 3, 2.4, 1.6, 1.6, 1.6], align=["L", "L", "L", "R", "R", "R"])
    rows = sorted(((d.date, a.account.id, d) for a in result.accounts for d in a.deadlines),
                  key=lambda x: (x[0], x[1]))
    deadlines = Table(lab["deadlines"], [lab["date"], lab["account"], lab["kind"], lab["why"]],
                      [[long_date(d.date, lang), acct, d.kind, d.why] for _, acct, d in rows],
                      widths=[2.2, 1.5, 3.6, 5.6])
    return [accounts, deadlines]


def findings_tables(result, lang: str) -> list[Table]:
    lab = labels(lang)["packet"]
    col = labels(lang)["columns"]
    findings = Table(lab["findings"], [lab["account"], col["lines"], col["problem"], col["amount"], col["rule"]],
                     [[a.account.id, ", ".join(map(str, f.lines)) or "-", rule_name(f.rule, lang, f.message),
                       dollars(f.amount) if f.amount else "-", f.rule]
                      for a in result.accounts for f in a.findings],
                     widths=[1.6, 1.2, 6, 1.5, 2.3], align=["L", "L", "L", "R", "L"])
    violations = Table(lab["violations"], [lab["account"], col["problem"], col["rule"], col["law"]],
                       [[a.account.id, rule_name(v.rule, lang, v.message), v.rule, "; ".join(v.citations)]
                        for a in result.accounts for v in a.violations],
                       widths=[1.6, 6, 2.3, 3])
    credit = Table(lab["credit"], [col["problem"], col["rule"], col["law"]],
                   [[rule_name(c.rule, lang, c.message), c.rule, "; ".join(c.citations)]
                    for c in getattr(result, "credit", [])], widths=[7, 2.3, 3])
    return [findings, violations, credit]


def log_table(result, lang: str) -> Table:
    lab = labels(lang)["packet"]
    events = sorted(((e, a.account.id) for a in result.accounts for e in a.account.events),
                    key=lambda x: (x[0].at if isinstance(x[0].at, datetime)
                                   else datetime(x[0].at.year, x[0].at.month, x[0].at.day)).isoformat()[:16])
    return Table(lab["log"], [lab["when"], lab["account"], lab["kind"], lab["from"], lab["note"]],
                 [[_when(e.at, lang), acct, e.kind + (f" ({e.type})" if e.type else ""), e.from_,
                   (e.note or "") + (f" [{e.method}]" if e.method else "")] for e, acct in events],
                 widths=[2.8, 1.6, 2.4, 1.6, 5])


def evidence_table(result, lang: str) -> Table:
    lab = labels(lang)["packet"]
    kinds = lab["kinds"]
    rows = []
    for a in result.accounts:
        acct = a.account
        rows += [[kinds["bill"], acct.id, path] for path in acct.bill]
        rows += [[kinds["eob"], acct.id, path] for path in acct.eob]
        notice = acct.collector.validation_notice if acct.collector else None
        if notice is not None:
            when = notice.received or notice.sent
            rows.append([kinds["validation_notice"], acct.id, long_date(when, lang) if when else "-"])
        if acct.gfe_total is not None:
            rows.append([kinds["gfe"], acct.id, dollars(acct.gfe_total)])
        for e in acct.events:
            if e.kind in ("letter", "email") and e.type:
                when = e.at.date() if isinstance(e.at, datetime) else e.at
                rows.append([f"{kinds['letter']}: {e.type} ({e.from_})", acct.id, long_date(when, lang)])
    cr = result.case.credit_report
    if cr is not None and cr.tradelines:
        rows.append([kinds["credit_report"], "-", long_date(cr.pulled, lang) if cr.pulled else "-"])
    if result.case.household is not None:
        rows.append([kinds["income"], "-", "-"])
    return Table(lab["evidence"], [lab["item"], lab["account"], lab["file_or_date"]], rows, widths=[6, 2, 4])


def render_packet(result, *, lang: str | None = None) -> bytes:
    """The whole packet as one PDF (letters in `lang`, default the patient's language)."""
    lang = lang or result.case.patient.language
    lab = labels(lang)["packet"]
    pdf = LetterPDF(labels(lang)["render"]["page"], as_of=result.as_of)
    pdf.set_title(f"{lab['title']}: {result.case.patient.name or ''}".strip())
    pdf.set_lang(lang)
    # cover sheet
    pdf.add_page()
    _heading(pdf, lab["title"], 18)
    p = result.case.patient
    _text(pdf, lab["prepared"].format(date=long_date(result.as_of, lang)), size=9.5, style="I")
    _text(pdf, f"{lab['who']}: {p.name or '-'}" + (f", {p.address}" if p.address else "")
          + (f", {p.phone}" if p.phone else ""), style="B")
    steps = plan_lines(result, lang)  # the plan opens the packet, then what is owed
    if steps:
        _heading(pdf, lab["plan"], 13)
        for line in steps:
            _text(pdf, line)
        more = sum(1 for s in (result.actions or []) if not s.get("step"))
        if more:
            _text(pdf, lab["plan_more"].format(n=more), size=9.5, style="I")
    _heading(pdf, lab["owed"], 13)
    for line in owed_lines(result, lang):
        _text(pdf, line)
    accounts, deadlines = cover_tables(result, lang)
    draw_table(pdf, accounts)
    if deadlines.rows:
        draw_table(pdf, deadlines)
    else:
        _text(pdf, lab["no_deadlines"])
    entries = chosen(result)
    if entries:
        draw_table(pdf, Table(lab["letters"], [lab["kind"], lab["account"], lab["why"]],
                              [[labels(lang)["titles"][e["type"]], f.account.id if f.account else
                                (f.bureau or "").title(), e["why"]] for e, f in entries],
                              widths=[3, 1.8, 7]))
    # the letters
    for entry, facts in entries:
        draw_letter(pdf, build_letter(kind(entry["type"]), facts, lang))
    # findings, log, evidence
    pdf.add_page()
    findings, violations, credit = findings_tables(result, lang)
    if findings.rows:
        draw_table(pdf, findings)
    else:
        _heading(pdf, lab["findings"], 12)
        _text(pdf, lab["no_findings"])
    for t in (violations, credit):
        if t.rows:
            draw_table(pdf, t)
    log = log_table(result, lang)
    if log.rows:
        draw_table(pdf, log)
    else:
        _heading(pdf, lab["log"], 12)
        _text(pdf, lab["no_log"])
    draw_table(pdf, evidence_table(result, lang))
    _text(pdf, lab["evidence_note"], size=9.5, style="I")
    return bytes(pdf.output())
