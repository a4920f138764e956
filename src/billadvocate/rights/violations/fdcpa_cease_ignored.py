"""Contact after a written cease request, other than the notices the law allows.

Anti-pattern: the patient's cease letter is delivered on 2026-11-05 and the collector calls on
11-09. Allowed: contact before the letter arrived (mail is assumed delivered 5 business days after
sending unless the log says otherwise), and letters saying collection is ending or naming a remedy it
may or will use (types collection_ending, remedies_notice, remedy_notice, cease_acknowledgment).
"""

from ..context import COMMUNICATIONS, Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    ceases = [h for h in ctx.by("patient", ("letter", "email")) if h.type == "cease"]
    if not ceases:
        return []
    cease = ceases[0]
    arrived, how = ctx.received_on(cease)
    allowed = set(ctx.value("federal.fdcpa.cease.allowed_after", arrived))
    hits = []
    for h in ctx.by("collector", COMMUNICATIONS + ("legal_action",)):
        if h.day <= arrived or h.type in allowed or (h.kind == "legal_action" and h.type != "threat"):
            continue
        hits.append(Hit(f"{ctx.account.collector.name} contacted you ({h.kind.replace('_', ' ')} on {h.day}) after "
                        f"your written request to stop ({how}).", h.day, [cease, h]))
    return hits


RULE = ConductRule(
    id="FDCPA.CEASE_IGNORED",
    severity="high",
    summary="contact after a written cease request, other than the notices the law allows",
    citations=("15 U.S.C. 1692c(c)",),
    explanation=("After you tell a collector in writing to stop contacting you, it may only write to say it is "
                 "stopping or that it may use, or will use, a specific remedy such as a lawsuit."),
    check=check,
)
