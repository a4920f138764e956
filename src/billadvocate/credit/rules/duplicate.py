"""The same debt is reported twice on one bureau, by two furnishers.

Fires: two tradelines on the same bureau from different furnishers that are the same debt: both tied
to the same case account, or (when either is not tied to one) the same original amount and the same first
delinquency. A debt sold or passed to a collector must not show a balance under both names.
"""

from __future__ import annotations

from ...util import dollars
from ..context import CreditContext, same_company
from ..rule import CreditRule


def _same_debt(ctx: CreditContext, a, b) -> bool:
    ta, tb = a.tradeline, b.tradeline
    if ta.bureau != tb.bureau or same_company(ta.furnisher, tb.furnisher):
        return False
    acc_a, acc_b = ctx.account_for(a), ctx.account_for(b)
    if acc_a is not None and acc_b is not None:
        return acc_a.id == acc_b.id
    return (ta.original_amount is not None and ta.original_amount == tb.original_amount
            and ta.first_delinquency is not None and ta.first_delinquency == tb.first_delinquency)


def check(ctx: CreditContext):
    refs = ctx.tradelines
    for j, later in enumerate(refs):
        first = next((r for r in refs[:j] if _same_debt(ctx, r, later)), None)
        if first is None:
            continue
        tl = later.tradeline
        yield ctx.finding(
            RULE, later,
            f"{later.bureau_name} shows the same debt twice: from {first.tradeline.furnisher} "
            f"({dollars(first.tradeline.balance)}) and from {tl.furnisher} ({dollars(tl.balance)}), first "
            f"delinquency {tl.first_delinquency}; only one of them may show it as owed",
            amount=tl.balance or 0)


RULE = CreditRule(
    id="CREDIT.DUPLICATE",
    severity="high",
    summary="the same debt reported by two furnishers on one bureau",
    citations=["15 U.S.C. 1681e(b) (maximum possible accuracy)",
               "15 U.S.C. 1681i(a)(5)(A) (inaccurate information must be deleted or corrected)",
               "15 U.S.C. 1681s-2(a)(1)(A) (a furnisher may not report information it knows is inaccurate)"],
    check=check,
    explanation=("A debt counted twice makes you look twice as indebted. When a bill goes to a collector, "
                 "the original creditor's line should show a zero balance (transferred or sold). Ask the "
                 "bureau to delete the duplicate."),
    dispute_with=("bureau", "furnisher"),
)
