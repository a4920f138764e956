"""A collector asked a relative to pay a patient's bill when no law and no signature makes that relative liable.

Anti-pattern: the patient died in March; in May the collection agency calls her sister and asks her to
"take care of" the balance. The sister is not the patient's spouse, does not handle the estate, and signed
nothing promising to pay: telling or implying that she must pay misrepresents the character and legal status
of the debt (15 U.S.C. 1692e(2)(A), (10); FTC policy statement on decedents' debts, 76 FR 44915).

Logged as a collector communication `to: contact` with `type: asked_to_pay`; the case's `contact:` says who
the person is. Allowed (no finding): asking the executor or administrator (`handles_estate: true`) to pay from
the estate; asking someone who signed to pay, or may have (`signed_to_pay` true or not given); someone who
received money or property from the estate (`received_from_estate: true`: in some states liable up to it); a
spouse, and a child or parent where the state's family-support law may reach them or billadvocate has no confirmed rule
(rights/family_liability.py: unknown counts as "may be liable"); a provider collecting its own bill (not an
FDCPA debt collector); a collector asking a relative only how to reach the estate (no `asked_to_pay`).
"""

from __future__ import annotations

from ..context import COMMUNICATIONS, Context
from ..family_liability import who_pays
from ..rule import ConductRule, Hit

ASKED = "asked_to_pay"


def check(ctx: Context) -> list[Hit]:
    contact = ctx.case.contact
    if contact is None or not ctx.collector_covered:
        return []
    asks = [h for h in ctx.by("collector", COMMUNICATIONS) if h.to == "contact" and h.type == ASKED]
    if not asks:
        return []
    answer = who_pays(ctx)
    if answer is None or not answer.not_liable or contact.handles_estate:
        return []
    ctx.value("federal.deceased_debts.false_character_of_debt", asks[0].day)
    who = contact.name or "the person dealing with the debt"
    dead = (f" after the patient died on {ctx.case.patient.died_on}" if ctx.case.patient.died_on else "")
    return [Hit(f"{ctx.account.collector.name} asked {who} to pay ({h.kind.replace('_', ' ')} on {h.day}){dead}, but "
                f"{who} is not the patient's spouse, does not handle the estate and signed nothing promising to pay: "
                f"no law makes {who} personally liable for this bill.", h.day, [h]) for h in asks]


RULE = ConductRule(
    id="FDCPA.RELATIVE_ASKED_TO_PAY",
    severity="high",
    summary="a collector asked a relative who is not liable (not a spouse, not the estate's representative, "
            "no signature to pay) to pay the patient's bill",
    citations=("15 U.S.C. 1692e(2)(A)", "15 U.S.C. 1692e(10)",
               "FTC, Statement of Policy Regarding Communications in Connection With the Collection of Decedents' "
               "Debts, 76 FR 44915 (July 27, 2011)"),
    explanation=("A debt collector may not say or imply that a relative must pay a patient's bill from their own money "
                 "when no law and nothing they signed makes them liable: that misrepresents the character and legal "
                 "status of the debt. A dead patient's bills are paid from the estate, through the executor or "
                 "administrator. Keep the call log and any letter asking you to pay."),
    check=check,
)
