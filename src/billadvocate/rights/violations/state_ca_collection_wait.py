"""California: credit reporting or a lawsuit on a hospital bill before 180 days after the first bill.

Anti-pattern: a California hospital first billed an uninsured patient on 2026-01-02 and its
collector reported the debt on 2026-07-01 (day 180 is 2026-07-01: allowed from then; day 179 is
not). Before 2022 the wait was 150 days. Applies to uninsured patients and those with high medical
costs; the case says so with insurance.status: uninsured.
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    first = ctx.account.first_bill_date
    if ctx.provider_state != "CA" or ctx.account.provider.kind != "hospital" or first is None or not ctx.uninsured:
        return []
    path = "states.ca.collection.collection_wait"
    if not ctx.has(path, first):
        return []
    rule = ctx.value(path, first)
    allowed_from = first + timedelta(days=rule["days"])
    hits = []
    for h in ctx.happenings:
        if h.by not in ("provider", "collector"):
            continue
        kind = ("credit_reporting" if h.kind == "credit_reporting"
                else "lawsuit" if h.kind == "legal_action" and h.type == "lawsuit" else None)
        if kind in rule["blocks"] and h.day < allowed_from:
            hits.append(Hit(f"{kind.replace('_', ' ').capitalize()} on {h.day}, only {(h.day - first).days} days after "
                            f"the first bill of {first}; California bars it for {rule['days']} days "
                            f"(until {allowed_from}) for uninsured patients.", h.day, [h]))
    return hits


RULE = ConductRule(
    id="STATE.CA.COLLECTION_WAIT",
    severity="high",
    summary="California hospital debt reported or sued on before the waiting period after the first bill",
    citations=("Cal. Health & Safety Code 127425",),
    explanation=("California's Hospital Fair Pricing Act bars a hospital, its collectors and debt buyers from "
                 "reporting an uninsured (or high-medical-cost) patient's debt to credit bureaus or suing before "
                 "the waiting period ends. Complain to the Department of Health Care Access and Information (HCAI)."),
    check=check,
    fdcpa=False,
)
