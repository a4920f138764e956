"""Collecting a debt after it was discharged in bankruptcy.

Anti-pattern: the patient's bankruptcy discharge of 2024-03-01 is in the log (a `legal_action` of type
`bankruptcy_discharge` from the patient) for care of 2022-06-01, and the collector writes on 2026-11-12
asking for payment, or calls, sues, or reports the debt as owed. Allowed: contact before the discharge; a bill
for care after it (a debt that arose after the bankruptcy was filed is not discharged). Whether this bill was
among the debts discharged (it predates the filing, and was not excepted) is for the patient to confirm from
the discharge order and the schedules.
"""

from __future__ import annotations

from ..context import COLLECTION_ACTIVITY, Context
from ..rule import ConductRule, Hit


def discharge_day(ctx: Context):
    """The day of the first bankruptcy discharge the log records, if the care predates it."""
    days = [h.day for h in ctx.happenings if h.kind == "legal_action" and h.type == "bankruptcy_discharge"
            and h.by == "patient"]
    care = ctx.account.care.start or ctx.account.first_bill_date
    if not days or care is None or care >= min(days):
        return None
    return min(days)


def check(ctx: Context) -> list[Hit]:
    day = discharge_day(ctx)
    if day is None:
        return []
    proof = next(h for h in ctx.happenings if h.type == "bankruptcy_discharge" and h.day == day)
    hits = []
    for who in ("collector", "provider"):
        acts = [h for h in ctx.by(who, COLLECTION_ACTIVITY) if h.day > day]
        if not acts:
            continue
        h = acts[0]
        name = (ctx.account.collector.name if who == "collector" and ctx.account.collector
                else ctx.account.provider.name)
        msg = (f"{name} tried to collect this bill ({h.kind.replace('_', ' ')} on {h.day}) after your bankruptcy "
               f"discharge of {day}: a discharged debt may not be collected from you (11 U.S.C. 524(a)(2)), if this "
               f"bill's care, before the discharge, was among the debts it covered.")
        if who == "collector":
            msg += " A collector asking for payment of it also misstates its legal status (15 U.S.C. 1692e(2)(A))."
        hits.append(Hit(msg, h.day, [proof, h]))
    return hits


RULE = ConductRule(
    id="BANKRUPTCY.DISCHARGED_DEBT_COLLECTED",
    severity="high",
    summary="collecting a debt after it was discharged in bankruptcy",
    citations=("11 U.S.C. 524(a)(2)", "15 U.S.C. 1692e(2)(A)"),
    explanation=("A bankruptcy discharge ends your personal liability for the debts it covers, and forbids anyone to "
                 "sue, call, write or otherwise try to collect them from you. Do not pay: send them a copy of the "
                 "discharge order and tell them in writing that the debt was discharged; if they keep on, the "
                 "bankruptcy court can punish them, so talk to the lawyer who handled the bankruptcy or to legal aid."),
    check=check,
    fdcpa=False,
)
