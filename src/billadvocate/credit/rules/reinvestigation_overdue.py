"""A bureau let the reinvestigation deadline pass without answering the patient's dispute.

Fires: the latest credit_dispute letter to a bureau (an event of kind letter, from patient, type
credit_dispute, with `bureau:`) has no later event from that bureau, and the as-of date is after the due
date: 30 days from receipt (the letter's `received:` date, else the day it was sent), 45 when more
information (type credit_dispute_info) followed within the 30 days. On the due date itself it does not fire.
"""

from __future__ import annotations

from ..context import BUREAU_NAMES, CreditContext, CreditFinding
from ..disputes import dispute_log, dispute_state
from ..rule import CreditRule

DELETE = "federal.fcra.delete_unverified"


def check(ctx: CreditContext):
    log = dispute_log(ctx)
    for bureau in BUREAU_NAMES:
        state = dispute_state(ctx, bureau, log)
        if state is None or not state.overdue:
            continue
        delete = ctx.law_at(DELETE, ctx.as_of)
        yield CreditFinding(
            rule=RULE.id, severity=RULE.severity,
            message=(f"{BUREAU_NAMES[bureau]} has not answered your dispute of {state.sent}; it had until "
                     f"{state.due}. Write again asking it to delete what it could not verify, and file a "
                     "CFPB complaint"),
            citations=state.citations + (delete.citations if delete else []),
            explanation=RULE.explanation, bureau=bureau, account=state.account, dispute_with=["bureau"])


RULE = CreditRule(
    id="CREDIT.REINVESTIGATION_OVERDUE",
    severity="high",
    summary="a bureau did not answer a dispute within 30 days (45 with new information)",
    citations=["15 U.S.C. 1681i(a)(1)(A)-(B)", "15 U.S.C. 1681i(a)(5)(A)"],
    check=check,
    explanation=("A bureau that cannot verify a disputed item within the time the law gives must delete it. "
                 "Send a short follow-up letter citing your first dispute, and complain to the Consumer "
                 "Financial Protection Bureau."),
)
