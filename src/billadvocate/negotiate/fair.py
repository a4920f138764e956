"""A fair amount: what the patient should pay for this care, with every step's reason.

First what is owed, in order of the law (negotiate/owed.py: lines that should not be billed,
public coverage, the EOB, financial assistance, void debts). Then, when no plan, program or
policy has already fixed the figure, the care left is priced at a yardstick:

    the lines left (each line disputed only for its price at its yardstick: the audit's Medicare
    amount x a stated multiple, the hospital's own cash price, the plan's negotiated rate; lines
    without one at their charge), or the hospital's AGB (% of gross charges, 501(r)), or the Good
    Faith Estimate the provider gave; the lowest of these
  - what insurance (or anyone) already paid on the bill
  never more than what is owed, and never $0 while something is owed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..util import cents, dollars
from .owed import BALANCE_RULES, PRICE_RULES, legal_owed

# Many advocates and some state laws price fair at 100-150% of Medicare (Colorado's HDC rate is the
# greater of Medicare and Medicaid; Montana's state plan pays 234%); 150% leaves the provider a margin.
MEDICARE_MULTIPLE = Decimal("1.5")
# when insurance already paid more than the yardstick, a small share of what is owed closes the account
SMALL_SHARE = Decimal("0.10")
# figures fixed by a plan, a program or a policy: no further pricing
FIXED_BY = {"medicaid", "qmb", "medicare", "eob", "nsa", "oop_max", "assistance", "medicare_cap", "void"}

IF_APPROVED = "If the hospital approves your application"  # the income screen is not the hospital's decision

__all__ = ["fair_amount", "benchmark_candidates", "MEDICARE_MULTIPLE", "PRICE_RULES", "BALANCE_RULES"]


def line_yardstick(b: dict[str, Any], multiple: Decimal) -> tuple[Decimal, str] | None:
    """A line's yardstick: the price the audit chose when it is the hospital's own (its cash price
    for a self-pay patient, the plan's negotiated rate), else the Medicare amount times the stated
    multiple, else any published cash price."""
    labels = {"cash_price": "the hospital's cash price", "negotiated": "your plan's negotiated rate"}
    basis = b.get("basis")
    if basis in labels and b.get(basis) is not None:
        return Decimal(str(b[basis])), labels[basis]
    if b.get("medicare") is not None:
        return cents(Decimal(str(b["medicare"])) * multiple), f"{multiple:g}x Medicare"
    # a line dated before the earliest schedule shipped: no finding is made from it, but an offer may take the
    # schedule's earliest rates (the audit's note says they are a later year's: audit/benchmarks_sql.py)
    if b.get("basis") == "medicare_later" and b.get("medicare_later") is not None:
        return cents(Decimal(str(b["medicare_later"])) * multiple), f"{multiple:g}x Medicare"
    if b.get("cash_price") is not None:
        return Decimal(str(b["cash_price"])), labels["cash_price"]
    return None


def benchmark_candidates(*, account, audit, billed: Decimal, wrong: Decimal, wrong_lines: set[int],
                         multiple: Decimal = MEDICARE_MULTIPLE) -> list[dict[str, Any]]:
    """Every defensible price for the care left after the wrong lines, with its reason."""
    out: list[dict[str, Any]] = []
    if audit is not None and audit.lines and audit.benchmarks:
        total, kinds, priced, detail = Decimal(0), set(), 0, []
        for ln in audit.lines:
            if ln.line in wrong_lines:
                continue
            charge = Decimal(ln.charge)
            got = line_yardstick(audit.benchmarks.get(ln.line, {}), multiple)
            if got is None or got[0] >= charge:
                total += charge  # no yardstick below the charge: keep it
                continue
            total += got[0]
            kinds.add(got[1])
            priced += 1
            detail.append(f"line {ln.line} at {dollars(got[0])} ({got[1]}) instead of {dollars(charge)}")
        if priced:
            cites = (["45 CFR 180.50 (the hospital's published cash prices and negotiated rates)"]
                     if kinds & {"the hospital's cash price", "your plan's negotiated rate"} else [])
            if any("Medicare" in k for k in kinds):
                cites.append("42 CFR 414.20 and the CMS fee schedules (the Medicare amounts)")
            out.append({"basis": "line_yardsticks", "amount": cents(total), "lines": detail, "citations": cites,
                        "why": f"{priced} line{'s' if priced > 1 else ''} priced at {', '.join(sorted(kinds))} ("
                               + "; ".join(detail) + "), the other lines kept at their charge"})
    fap = account.provider.fap
    if fap is not None and fap.agb_percent is not None and account.provider.kind == "hospital":
        out.append({"basis": "agb", "amount": cents((billed - wrong) * Decimal(fap.agb_percent) / 100),
                    "why": f"the hospital's amounts generally billed, {fap.agb_percent}% of the "
                           f"{dollars(billed - wrong)} of charges left: what it accepts from insurers on average "
                           "(26 CFR 1.501(r)-5)", "citations": ["26 CFR 1.501(r)-5(b)"]})
    if account.gfe_total is not None:
        out.append({"basis": "good_faith_estimate", "amount": cents(account.gfe_total),
                    "why": f"the provider's own Good Faith Estimate of {dollars(account.gfe_total)} (45 CFR 149.610); "
                           "a bill $400 or more above it can be disputed (45 CFR 149.620)",
                        "citations": ["45 CFR 149.610", "45 CFR 149.620(a)(2)(ii)"]})
    return out


def fair_amount(*, account, audit, findings, bills, assistance: dict[str, Any] | None, insurance: str | None = None,
                eobs=(), eob_match=None, violations=(), out_of_pocket_max: Decimal | None = None,
                multiple: Decimal = MEDICARE_MULTIPLE, year_cap: dict[str, Any] | None = None) -> dict[str, Any]:
    """What is owed and the fair amount for one account, each step with its reason (`offer.fair`)."""
    programs = (assistance or {}).get("programs", [])
    o = legal_owed(account=account, audit=audit, findings=findings, bills=bills, insurance=insurance, eobs=eobs,
                   eob_match=eob_match, violations=violations, programs=programs, out_of_pocket_max=out_of_pocket_max,
                   year_cap=year_cap, fpl_percent=(assistance or {}).get("fpl_percent"))
    steps = o.steps
    has_lines = audit is not None and bool(audit.lines)
    candidates = benchmark_candidates(account=account, audit=audit if has_lines else None, billed=o.billed,
                                      wrong=o.wrong, wrong_lines=o.wrong_lines, multiple=multiple)
    fair, chosen = o.amount, None
    if o.amount > 0 and o.capped_by not in FIXED_BY and candidates:
        chosen = min(candidates, key=lambda c: c["amount"])
        left = o.billed - o.wrong
        if chosen["amount"] < left:
            value = chosen["amount"] - o.paid
            if value <= 0:
                fair = max(cents(o.amount * SMALL_SHARE), Decimal("0.01"))
                steps.add(f"Your insurance already paid {dollars(o.paid)}, more than a fair price for the care "
                          f"({dollars(chosen['amount'])}: {chosen['why']}); a small payment, {dollars(fair)}, "
                          "is enough to close the account", fair, chosen.get("citations", []), kind="price")
            elif value < o.amount:
                fair = cents(value)
                paid = f" less {dollars(o.paid)} paid" if o.paid else ""
                steps.add(f"A fair price for the care: {dollars(chosen['amount'])}, {chosen['why']}{paid}",
                          fair, chosen.get("citations", []), kind="price")
            else:
                chosen = None
        else:
            chosen = None
        if chosen is None:
            steps.add("The yardsticks (" + ", ".join(f"{c['basis'].replace('_', ' ')} {dollars(c['amount'])}"
                                                    for c in candidates)
                      + f") do not bring {dollars(o.amount)} lower")
    elif o.amount > 0 and o.capped_by not in FIXED_BY:
        steps.add("No yardstick is known (no Medicare prices, AGB or estimate in the case): ask for the cash "
                  "price and the AGB")
    if o.amount <= 0:
        # free care is the hospital's to grant: what is owed follows its approval of the application
        head = f"{IF_APPROVED}, you owe $0.00" if o.capped_by == "assistance" else "You owe $0.00"
        steps.add(f"{head}: {_zero_reason(o, findings)}", Decimal(0), kind="owed")
    elif fair < o.amount:
        steps.add(f"{_at_most(o)} {dollars(o.amount)}; a fair amount to pay is {dollars(fair)}", fair, kind="owed")
    else:
        steps.add(f"{_at_most(o)} {dollars(o.amount)}", o.amount, kind="owed")
    computed = {n.split(":", 1)[1] for n in o.notes if n.startswith("medicare_cap:")}
    capped = [p for p in programs if p["eligible"] is True and p.get("discount") is None and p.get("charge_cap")
              and p["id"] != "MEDICAID" and p["id"] not in computed]
    for p in capped if fair > 0 else []:  # the patient reads the program's name and its law, never its rule id
        steps.add(f"{p['name']} may lower it further: the law caps the price ({p['charge_cap']}); ask the hospital "
                  "to apply it", citations=p.get("citations", []))
    disputed_lines = sorted({n for f in findings if f.severity != "info" for n in f.lines}) if has_lines else []
    program = o.program
    return {
        "owed": float(cents(o.amount)),
        "fair_amount": float(cents(fair)),
        "before_assistance": float(cents(o.fallback if o.fallback is not None else o.amount)),
        "asked": float(cents(o.asked)),
        "billed": float(o.billed),
        "disputed": float(cents(max(o.asked - o.amount, Decimal(0)))),
        "disputed_lines": disputed_lines,
        "not_billable": float(cents(o.wrong)),
        "capped_by": o.capped_by,
        "benchmark": None if chosen is None else {k: (float(v) if k == "amount" else v) for k, v in chosen.items()},
        "benchmarks": [{k: (float(v) if k == "amount" else v) for k, v in c.items()} for c in candidates],
        "paid": float(o.paid),
        "assistance": None if program is None else {"id": program["id"], "discount": program.get("discount")},
        "medicare_multiple": float(multiple),
        "why": steps.arithmetic(),
        "steps": steps.rows,
    }


def _at_most(o) -> str:
    """'You owe at most', after the hospital's approval when its assistance (or a state's cap for the patients it
    finds eligible) set the figure: the income screen is not the hospital's decision."""
    return f"{IF_APPROVED}, you owe at most" if o.capped_by in ("assistance", "medicare_cap") else "You owe at most"


def _in_sentence(name: str) -> str:
    """A program's name inside a sentence: a leading article lower-cased ('the hospital's policy'), a
    proper name kept ('Washington hospital charity care')."""
    return "t" + name[1:] if name.startswith("The ") else name


def contractual_denial(f) -> bool:
    """An EOB denial under a contractual-obligation (CO) group code: the provider's to write off."""
    return f.rule == "EOB.DENIED" and f.severity != "info" and "contractual-obligation" in f.message


def _lines_reason(o, findings) -> str:
    """Why nothing is left when only the lines taken off bring it to $0, named by what took them off."""
    took = [f for f in findings or [] if f.severity != "info" and f.amount > 0 and set(f.lines) & o.wrong_lines
            and f.rule not in PRICE_RULES | BALANCE_RULES]
    denied = [f for f in took if contractual_denial(f)]
    if denied and len(denied) == len(took):
        return ("your plan denied this care with a contractual-obligation (CO) code, which makes it the provider's "
                "to write off, not yours to pay")
    if denied:
        return ("your plan denied part of this care with a contractual-obligation (CO) code, which makes it the "
                "provider's to write off, and the rest should not be billed at all")
    return "nothing is left once the lines that should not be billed are taken off"


def _zero_reason(o, findings=()) -> str:
    program = _in_sentence((o.program or {}).get("name", "the hospital's own financial-assistance policy"))
    return {
        "assistance": f"{program} gives free care at your income; send the "
                      "application, and everything asked is in dispute meanwhile",
        "medicaid": "Medicaid covers this care, and a Medicaid provider may not bill you beyond its cost sharing",
        "qmb": "a Qualified Medicare Beneficiary owes no Medicare cost sharing",
        "eob": "your insurer's EOB puts your share at nothing",
        "void": "state law makes this debt void or uncollectable",
        "discharged": "a bankruptcy discharge ended your personal liability for this debt",
        "oop_year": "your earlier bills of the year already reach your plan's out-of-pocket maximum, so the plan "
                    "pays the rest of this one",
        "medicare_cap": "state law caps the price at a multiple of what Medicare pays, and that much was already paid",
    }.get(o.capped_by or "") or _lines_reason(o, findings)
