"""Texas: a hospital collecting a bill without first sending the itemized bill the law requires.

Anti-pattern: a Texas hospital treated the patient on 2024-02-10, sent no itemized bill, and its
collector called on 2024-06-01 (or the patient asked for the itemized bill on 2024-05-01 and the
hospital reported the debt on 2024-06-15 without sending it). Allowed: collection after the hospital
sent a written itemized bill (a provider letter or email of type itemized_bill or itemized_statement).
Care before 2023-09-01 is not covered. When the case holds an itemized bill but the log does not say
when it came, the rule stays silent.
"""

from __future__ import annotations

from datetime import date

from ..context import COLLECTION_ACTIVITY, Context, Happening
from ..rule import ConductRule, Hit

PATH = "states.tx.health_care_billing.itemized_bill_before_collection"
ITEMIZED = ("itemized_bill", "itemized_statement")
PROVIDER_COLLECTION = ("call", "text", "legal_action", "credit_reporting")
PROVIDER_COLLECTION_LETTERS = ("collection_notice", "final_notice", "eca_notice")


def itemized_bills(ctx: Context) -> list[Happening]:
    return [h for h in ctx.happenings if h.by in ("provider", "collector") and h.type in ITEMIZED]


def collection(ctx: Context) -> list[Happening]:
    """Collection by the hospital's collector, or by the hospital beyond its own bill."""
    out = []
    for h in ctx.happenings:
        if h.by == "collector" and h.kind in COLLECTION_ACTIVITY and h.type not in ITEMIZED:
            out.append(h)
        elif h.by == "provider" and (h.kind in PROVIDER_COLLECTION or h.type in PROVIDER_COLLECTION_LETTERS):
            out.append(h)
    return out


def check(ctx: Context) -> list[Hit]:
    acct = ctx.account
    if ctx.provider_state != "TX" or acct.provider.kind != "hospital":
        return []
    actions = collection(ctx)
    if not actions or not ctx.has(PATH, actions[0].day):
        return []
    rule = ctx.value(PATH, actions[0].day)
    in_force = ctx.law.at(PATH, actions[0].day).start
    care = acct.care.start
    caveat = ""
    if care is not None and care < in_force:
        return []
    if care is None:
        if acct.first_bill_date is None or acct.first_bill_date < in_force:
            return []
        caveat = f" (if the care was on or after {in_force})"
    first = actions[0]
    sent = [h for h in itemized_bills(ctx) if h.day <= first.day]
    if sent:
        return []
    if acct.bill and not itemized_bills(ctx):
        return []  # the case holds an itemized bill; when it came is not in the log
    asked = [h for h in ctx.by("patient") if h.type == "itemized_request" and h.day <= first.day]
    who = "its collector" if first.by == "collector" else acct.provider.name
    what = first.kind.replace("_", " ")
    msg = (f"{acct.provider.name} pursued collection ({what} by {who} on {first.day}) without first sending "
           f"{rule['what']}{caveat}; Texas bars a hospital from pursuing debt collection until it has.")
    if asked:
        msg += f" You had asked for the itemized bill on {asked[0].day}."
    return [Hit(msg, first.day, [*(asked[:1]), first], severity="high" if asked else "medium")]


RULE = ConductRule(
    id="STATE.TX.NO_ITEMIZED_BILL",
    severity="high",
    summary="a Texas hospital pursuing debt collection before sending the required itemized bill",
    citations=("Tex. Health & Safety Code 185.002 (S.B. 490, 2023)",),
    explanation=("For care from September 1, 2023, a Texas hospital must send a written, itemized bill with its request "
                 "for payment, and may not pursue debt collection (itself or through a collector) until it has. Ask "
                 "for the itemized bill in writing and tell the hospital and the collector that collection must stop "
                 "until it arrives; you can complain to the Texas Health and Human Services Commission."),
    check=check,
    fdcpa=False,
)
