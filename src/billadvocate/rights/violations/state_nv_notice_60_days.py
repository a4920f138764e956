"""Nevada: a collection agency acts on a medical debt less than 60 days after its written notice.

Anti-pattern: the agency's first letter (the notice) is dated 2026-09-01 and it calls on 10-30
(day 59). Allowed: any action from day 60 (10-31). With no letter at all in the log, every action
fires. Applies to Nevada residents' medical debt held by a collection agency.
"""

from datetime import timedelta

from ..context import COLLECTION_ACTIVITY, Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    c = ctx.account.collector
    if ctx.case.patient.state != "NV" or c is None or c.kind != "agency":
        return []
    actions = ctx.by("collector", COLLECTION_ACTIVITY)
    if not actions:
        return []
    path = "states.nv.collection.notice_before_collection"
    if not ctx.has(path, actions[0].day):
        return []
    rule = ctx.value(path, actions[0].day)
    letters = [h for h in actions if h.kind == "letter"]
    vn = c.validation_notice
    notice_day = letters[0].day if letters else (vn.sent if vn and vn.sent else None)
    hits = []
    for h in actions:
        if letters and h is letters[0]:
            continue
        if notice_day is None:
            hits.append(Hit(f"{c.name} acted to collect ({h.kind.replace('_', ' ')} on {h.day}) with no written "
                            f"{rule['days']}-day notice in the log.", h.day, [h]))
        elif h.day < notice_day + timedelta(days=rule["days"]):
            hits.append(Hit(f"{c.name} acted to collect ({h.kind.replace('_', ' ')} on {h.day}) only "
                            f"{(h.day - notice_day).days} days after its notice of {notice_day}; Nevada requires "
                            f"{rule['days']} days (from {notice_day + timedelta(days=rule['days'])}).", h.day,
                            [h] + letters[:1]))
    return hits


RULE = ConductRule(
    id="STATE.NV.NOTICE_60_DAYS",
    severity="high",
    summary="a Nevada collection agency acted on a medical debt within 60 days of its written notice",
    citations=("Nev. Rev. Stat. 649.366",),
    explanation=("In Nevada a collection agency must mail you a written notice (provider, date of service, principal "
                 "amount, agency) at least 60 days before taking any action to collect a medical debt. Complain to "
                 "the Nevada Financial Institutions Division."),
    check=check,
    fdcpa=False,
)
