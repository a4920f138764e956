"""Florida: a hospital's extraordinary collection action before the steps 395.3011(2) requires.

Anti-pattern: a Florida hospital's collector reports the debt on 2025-09-01 while the patient's
financial-assistance application of 2025-08-01 is undecided, or before the hospital ever sent an
itemized statement, or while the patient's billing grievance to the hospital is unanswered. Allowed:
an action after the hospital decided the application (a provider letter of type fap_decision,
fap_approved or fap_denied), sent the itemized bill, and answered the grievance. The 30 days' notice
is STATE.FL.ECA_NOTICE.
"""

from __future__ import annotations

from ..context import Context, Happening
from ..rule import ConductRule, Hit
from .irs501r_eca_too_early import ecas
from .state_tx_itemized_bill import itemized_bills

PATH = "states.fl.hospital_billing.eca_preconditions"
DECISIONS = ("fap_decision", "fap_approved", "fap_denied")
GRIEVANCES = ("grievance", "billing_dispute")
ANSWERS = ("grievance_response", "dispute_response", "billing_dispute_response")


def _pending(asked: list[Happening], answers: list[Happening], on) -> Happening | None:
    """The last request made before `on` that no answer before `on` followed."""
    before = [a for a in asked if a.day <= on]
    if not before:
        return None
    last = before[-1]
    return None if any(last.day <= r.day <= on for r in answers) else last


def check(ctx: Context) -> list[Hit]:
    acct = ctx.account
    if ctx.provider_state != "FL" or acct.provider.kind != "hospital":
        return []
    hits = []
    for h, what in ecas(ctx):
        if not ctx.has(PATH, h.day):
            continue
        needs = ctx.value(PATH, h.day)
        provider = ctx.by("provider")
        missing, proof = [], []
        if "financial_assistance_decided" in needs:
            app = _pending([p for p in ctx.by("patient") if p.type == "fap_application"],
                           [p for p in provider if p.type in DECISIONS], h.day)
            if app:
                missing.append(f"your financial-assistance application of {app.day} was not yet decided")
                proof.append(app)
        if "itemized_statement" in needs and not acct.bill and not [b for b in itemized_bills(ctx) if b.day <= h.day]:
            missing.append("the hospital had not given you an itemized statement or bill")
        if "no_pending_grievance" in needs:
            grievance = _pending([p for p in ctx.by("patient") if p.type in GRIEVANCES and p.to in (None, "provider")],
                                 [p for p in provider if p.type in ANSWERS], h.day)
            if grievance:
                missing.append(f"your billing grievance of {grievance.day} was still open")
                proof.append(grievance)
        if missing:
            hits.append(Hit(f"{what.capitalize()} on {h.day} (by the {h.by}) came while " + "; ".join(missing)
                            + ". Florida bars a hospital's extraordinary collection actions until then.",
                            h.day, [*proof, h]))
    return hits


RULE = ConductRule(
    id="STATE.FL.ECA_PRECONDITIONS",
    severity="high",
    summary="a Florida hospital's extraordinary collection action before deciding assistance, itemizing the bill or ending a grievance",
    citations=("Fla. Stat. 395.3011(2)(a)-(d)",),
    explanation=("A Florida hospital (and anyone collecting for it) may not sell the debt, report it to a credit bureau, "
                 "place a lien, sue or garnish wages before it has tried to find out whether you qualify for financial "
                 "assistance and decided your application, given you an itemized statement, billed your insurer, and "
                 "while a billing grievance or claim appeal is pending. Ask the hospital to reverse the action and "
                 "complain to the Agency for Health Care Administration."),
    check=check,
    fdcpa=False,
)
