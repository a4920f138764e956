"""California: the hospital itself calling at an inconvenient hour, or after a written request to stop.

Anti-pattern: a California hospital's billing office (not a collection agency) calls the patient at
7:40 in the morning, or calls after the patient wrote to the hospital asking it to stop contacting
them (a patient letter of type cease sent to the provider). The federal FDCPA does not reach a
creditor collecting its own bill; California's Rosenthal Act does, and makes it follow the FDCPA's
conduct rules (Civ. Code 1788.2(c), 1788.17). Allowed: calls from 8:00 to 21:00 local time, and the
notices the FDCPA allows after a cease request.
"""

from __future__ import annotations

from datetime import time

from ..context import Context
from ..rule import ConductRule, Hit

DEFINITION = "states.ca.rosenthal.creditor_is_debt_collector"
FEDERAL = "states.ca.rosenthal.federal_rules_apply"


def _hhmm(text: str) -> time:
    h, m = str(text).split(":")
    return time(int(h), int(m))


def check(ctx: Context) -> list[Hit]:
    if ctx.case.patient.state != "CA" and ctx.provider_state != "CA":
        return []
    calls = ctx.by("provider", ("call", "text"))
    if not calls or not ctx.has(DEFINITION) or not ctx.has(FEDERAL, calls[0].day):
        return []
    if not (ctx.value(DEFINITION) and ctx.value(FEDERAL, calls[0].day)):
        return []
    name = ctx.account.provider.name
    hits = []
    cease = [h for h in ctx.by("patient", ("letter", "email")) if h.type == "cease" and h.to in (None, "provider")]
    for h in calls:
        if h.local is not None and h.to != "provider" and not h.consent and ctx.has("federal.fdcpa.inconvenient_time.earliest", h.day):
            early = _hhmm(ctx.value("federal.fdcpa.inconvenient_time.earliest", h.day))
            late = _hhmm(ctx.value("federal.fdcpa.inconvenient_time.latest", h.day))
            t = h.local.time().replace(tzinfo=None)
            if t < early or t >= late:
                hits.append(Hit(f"{name} itself contacted you at {h.local:%H:%M} on {h.day}, outside 8:00 to 21:00; "
                                f"California's Rosenthal Act holds a hospital collecting its own bill to the federal "
                                f"rule on inconvenient times.", h.day, [h]))
                continue
        stopped = [c for c in cease if ctx.received_on(c)[0] < h.day]
        if stopped and h.to != "provider":
            c = stopped[0]
            hits.append(Hit(f"{name} itself contacted you on {h.day} after your written request of {c.day} to stop "
                            f"({ctx.received_on(c)[1]}); under the Rosenthal Act the federal cease rule binds the "
                            f"hospital too.", h.day, [c, h]))
    return hits


RULE = ConductRule(
    id="STATE.CA.ROSENTHAL_CREDITOR_CONDUCT",
    severity="medium",
    summary="a California hospital collecting its own bill breaking the FDCPA conduct rules the Rosenthal Act applies to it",
    citations=("Cal. Civ. Code 1788.2(c)", "Cal. Civ. Code 1788.17", "15 U.S.C. 1692c(a)(1), (c)"),
    explanation=("California's Rosenthal Fair Debt Collection Practices Act treats a hospital that collects its own bills "
                 "as a debt collector and makes it follow the federal rules on calling times and stopping contact, with "
                 "the federal remedies (actual damages, up to $1,000 in statutory damages per lawsuit, and attorney's "
                 "fees). Whether a hospital bill is 'consumer credit' under the Act is argued case by case, so this is "
                 "marked medium. Keep a log of every call."),
    check=check,
    fdcpa=False,
)
