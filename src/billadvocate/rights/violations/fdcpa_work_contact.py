"""A collector's contact at the patient's work after she told it not to contact her there.

Anti-pattern: the patient writes (or says on a call) on 2026-10-20 that her employer does not allow
personal calls - logged as a patient letter, email, call or text of `type: no_contact_at_work` - and the
collector calls her at work on 10-27 (a collector call, text, email or visit of `type: at_work`). The
collector then knows that work is inconvenient, or that the employer forbids it (15 U.S.C. 1692c(a)(1),
(a)(3)). Allowed: contact at work before she said so, and contact elsewhere after.
"""

from ..context import Context
from ..rule import ConductRule, Hit

CONTACTS = ("call", "text", "email", "in_person")


def _after(h, told) -> bool:
    """Later in the log: by the time of day when both have one, else by the day (a same-day call is not counted)."""
    if h.local is not None and told.local is not None:
        return h.local > told.local
    return h.day > told.day


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered or not ctx.has("federal.fdcpa.workplace.no_contact_once_told"):
        return []
    told = [h for h in ctx.by("patient", CONTACTS + ("letter",)) if h.type == "no_contact_at_work"]
    if not told or not ctx.value("federal.fdcpa.workplace.no_contact_once_told", told[0].day):
        return []
    first = told[0]
    return [Hit(f"{ctx.account.collector.name} contacted you at work ({h.kind.replace('_', ' ')} on {h.day}) after "
                f"you told it on {first.day} not to contact you there.", h.day, [first, h])
            for h in ctx.by("collector", CONTACTS) if h.type == "at_work" and _after(h, first)]


RULE = ConductRule(
    id="FDCPA.WORK_CONTACT",
    severity="high",
    summary="a contact at the patient's work after she told the collector not to contact her there",
    citations=("15 U.S.C. 1692c(a)(1)", "15 U.S.C. 1692c(a)(3)", "12 CFR 1006.6(b)(1)(i)", "12 CFR 1006.6(b)(3)"),
    explanation=("Once you tell a collector that your employer does not allow such calls, or that work is not a "
                 "place to reach you, it may not contact you at work. Tell it again in writing and keep the log; a "
                 "written request to stop contacting you stops all of its calls."),
    check=check,
)
