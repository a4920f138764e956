"""The same debt is reported twice on one bureau, by two furnishers.

Fires: two tradelines on the same bureau from different furnishers that are the same debt: both tied
to the same case account, or (when either is not tied to one) the same original amount and the same first
delinquency. A debt sold or passed to a collector must not show a balance under both names.
"""

from __future__ import annotations

from ...util import dollars
from ..context import CreditContext, same_company
from ..rule import CreditRule


def check(ctx: CreditContext):
    # one pass: earlier tradelines indexed by bureau + account, and by bureau + amount + first delinquency
    by_account: dict[tuple, list] = {}
    by_amount: dict[tuple, list] = {}
    for later in ctx.tradelines:
        tl = later.tradeline
        account = ctx.account_for(later)
        acc_id = account.id if account else None
        amount_key = ((tl.bureau, tl.original_amount, tl.first_delinquency)
                      if tl.original_amount is not None and tl.first_delinquency is not None else None)
        candidates = list(by_account.get((tl.bureau, acc_id), [])) if acc_id else []
        if amount_key:
            candidates += [(r, a) for r, a in by_amount.get(amount_key, []) if a is None or acc_id is None]
        first = next((r for r, _ in sorted(candidates, key=lambda c: c[0].index)
                      if not same_company(r.tradeline.furnisher, tl.furnisher)), None)
        if acc_id:
            by_account.setdefault((tl.bureau, acc_id), []).append((later, acc_id))
        if amount_key:
            by_amount.setdefault(amount_key, []).append((later, acc_id))
        if first is None:
            continue
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
