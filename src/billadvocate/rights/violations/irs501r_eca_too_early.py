"""An extraordinary collection action by or for a nonprofit hospital before 120 days after the first bill.

Anti-pattern: Valley General (a 501(c)(3) hospital) first billed on 2025-04-01 and its collector
reported the debt to a bureau on 2025-07-29 (day 119). Allowed: on or after day 120 (2025-07-30).
Extraordinary collection actions: credit reporting, a lawsuit, a lien, wage garnishment, selling the
debt. A threat is not one. The hospital answers for its collectors and debt buyers.
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit

LEGAL = {"lawsuit": "lawsuit", "lien": "lien", "garnishment": "garnishment"}


def ecas(ctx: Context, on_or_after=None):
    """The extraordinary collection actions of the log (by the provider or its collector)."""
    kinds = set(ctx.value("federal.irs_501r.eca_kinds", ctx.account.first_bill_date or ctx.as_of))
    out = []
    for h in ctx.happenings:
        if h.by not in ("provider", "collector"):
            continue
        if h.kind == "credit_reporting" and "credit_reporting" in kinds:
            out.append((h, "credit reporting"))
        elif h.kind == "legal_action" and h.type in LEGAL and LEGAL[h.type] in kinds:
            out.append((h, h.type))
        elif h.type in ("sale", "debt_sale", "sold") and "sale" in kinds:
            out.append((h, "sale of the debt"))
    return out


def check(ctx: Context) -> list[Hit]:
    p, first = ctx.account.provider, ctx.account.first_bill_date
    if not (p.nonprofit and p.kind == "hospital" and first):
        return []
    days = ctx.value("federal.irs_501r.notification_period_days", first)
    earliest = first + timedelta(days=days)
    hits = []
    for h, what in ecas(ctx):
        if h.day < earliest:
            hits.append(Hit(f"{what.capitalize()} on {h.day} (by the {h.by}) came {(h.day - first).days} days "
                            f"after {p.name}'s first bill of {first}; a nonprofit hospital and its collectors must "
                            f"wait {days} days ({earliest}).", h.day, [h]))
    return hits


RULE = ConductRule(
    id="IRS501R.ECA_TOO_EARLY",
    severity="high",
    summary="an extraordinary collection action for a nonprofit hospital before 120 days after the first bill",
    citations=("26 U.S.C. 501(r)(6)", "26 CFR 1.501(r)-6(a), (b), (c)"),
    explanation=("A nonprofit hospital must try to find out whether you qualify for financial assistance before "
                 "credit reporting, suing, placing liens or selling the debt, and may not start for 120 days after "
                 "the first bill. There is no private lawsuit: ask the hospital to reverse the action and apply for "
                 "assistance, and report it to the IRS on Form 13909."),
    check=check,
    fdcpa=False,
)
