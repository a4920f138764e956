"""Illinois: a hospital sending an uninsured patient's bill to collection before the 60-day window.

Anti-pattern: an uninsured patient left an Illinois hospital on 2026-03-01 and a collection agency
(or a law firm) was collecting the bill on 2026-04-10, 40 days later. Allowed: a referral 60 or more
days after discharge or outpatient care. The Fair Patient Billing Act's "collection action" is the
referral of the bill to a collection agency or law firm; the first contact by the collector (or its
first_contact date) is the earliest sign of it in the case.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..context import Context
from ..rule import ConductRule, Hit

DAYS = "states.il.fair_patient_billing.uninsured_application_days"
MEANING = "states.il.fair_patient_billing.collection_action"


def referral_seen(ctx: Context) -> tuple[date, list] | None:
    first = ctx.first_collector_contact()
    if first is None:
        suits = [h for h in ctx.by("provider", ("legal_action",)) if h.type == "lawsuit"]
        return (suits[0].day, [suits[0]]) if suits else None
    return (first, []) if isinstance(first, date) else (first.day, [first])


def check(ctx: Context) -> list[Hit]:
    acct = ctx.account
    if ctx.provider_state != "IL" or acct.provider.kind != "hospital" or not ctx.uninsured:
        return []
    discharged = acct.care.end or acct.care.start
    seen = referral_seen(ctx)
    if discharged is None or seen is None or not ctx.has(DAYS, seen[0]):
        return []
    days = ctx.value(DAYS, seen[0])
    ctx.value(MEANING, seen[0])
    earliest = discharged + timedelta(days=days)
    if seen[0] >= earliest:
        return []
    return [Hit(f"Your bill was with a collector by {seen[0]}, {(seen[0] - discharged).days} days after your care "
                f"ended on {discharged}; an Illinois hospital must give an uninsured patient who may qualify for "
                f"charity care at least {days} days after discharge to apply for financial assistance before "
                f"referring the bill to a collection agency or law firm ({earliest}).", seen[0], seen[1])]


RULE = ConductRule(
    id="STATE.IL.FPBA_COLLECTION_TOO_EARLY",
    severity="medium",
    summary="an Illinois hospital referring an uninsured patient's bill to collection within 60 days of discharge",
    citations=("210 ILCS 88/10 (collection action)", "210 ILCS 88/30(a) (conditions for pursuing collection action)"),
    explanation=("Under the Illinois Fair Patient Billing Act a hospital may refer an uninsured patient's bill to a "
                 "collection agency or law firm only after giving the patient the chance to check the bill, apply "
                 "for financial assistance and take a reasonable payment plan, and, where the patient may qualify "
                 "for charity care, at least 60 days after discharge to apply (Public Act 104-0490 makes it 90 days "
                 "once in force). Apply for financial assistance now and complain to the Illinois Attorney General, "
                 "who enforces the Act."),
    check=check,
    fdcpa=False,
)
