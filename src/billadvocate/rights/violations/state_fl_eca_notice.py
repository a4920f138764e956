"""Florida: a hospital's extraordinary collection action without 30 days' written notice.

Anti-pattern: a Florida hospital's collector reports the debt on 2026-06-10 and the hospital's
written notice (a provider letter of type eca_notice) is dated 05-15 (26 days before) or missing.
Allowed: an action 30 or more days after the notice.
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit
from .irs501r_eca_too_early import ecas

NOTICE_TYPES = ("eca_notice", "collection_notice", "fap_notice")


def check(ctx: Context) -> list[Hit]:
    if ctx.provider_state != "FL" or ctx.account.provider.kind != "hospital":
        return []
    found = ecas(ctx)
    if not found:
        return []
    path = "states.fl.collection.notice_before_collection"
    if not ctx.has(path, found[0][0].day):
        return []
    rule = ctx.value(path, found[0][0].day)
    notices = [h for h in ctx.by("provider", ("letter", "email")) if h.type in NOTICE_TYPES]
    hits = []
    for h, what in found:
        before = [n for n in notices if n.day <= h.day - timedelta(days=rule["days"])]
        if before:
            continue
        if notices and notices[0].day <= h.day:
            msg = (f"{what.capitalize()} on {h.day}, only {(h.day - notices[0].day).days} days after the hospital's "
                   f"notice of {notices[0].day}; Florida requires {rule['days']} days.")
            proof = [notices[0], h]
        else:
            msg = f"{what.capitalize()} on {h.day} with no written notice from the hospital in the log {rule['days']} days before."
            proof = [h]
        hits.append(Hit(msg, h.day, proof))
    return hits


RULE = ConductRule(
    id="STATE.FL.ECA_NOTICE",
    severity="high",
    summary="a Florida hospital's extraordinary collection action without 30 days' written notice",
    citations=("Fla. Stat. 395.3011",),
    explanation=("A Florida hospital (and anyone collecting for it) may not start an extraordinary collection action "
                 "such as credit reporting or a lawsuit until 30 days after notifying you in writing. Complain to the "
                 "Agency for Health Care Administration."),
    check=check,
    fdcpa=False,
)
