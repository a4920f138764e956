"""Credit reporting by a collector before it communicated with the patient.

Anti-pattern: ABC Recovery reports the debt to Equifax on 2026-10-30 but its only contact was a
letter mailed 10-20: it must wait 14 days (to 11-03) for a notice that the letter could not be
delivered. Allowed: reporting after a phone or in-person conversation, or 14 or more days after a
letter or email (the validation notice counts as a letter).
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    reports = ctx.by("collector", ("credit_reporting",))
    if not reports:
        return []
    wait = ctx.value("federal.regulation_f.passive_reporting.wait_days", reports[0].day)
    ok_from = []  # (first day reporting is allowed, why)
    for h in ctx.by("collector", ("call", "in_person")):
        if h.conversation or h.kind == "in_person":
            ok_from.append((h.day, f"you spoke with the collector on {h.day}"))
    for h in ctx.by("collector", ("letter", "email", "text")):
        ok_from.append((h.day + timedelta(days=wait), f"{wait} days after its {h.kind} of {h.day}"))
    vn = ctx.account.collector.validation_notice
    if vn and (vn.sent or vn.received):
        sent = vn.sent or vn.received
        ok_from.append((sent + timedelta(days=wait), f"{wait} days after its validation notice of {sent}"))
    first_ok = min(ok_from, default=None)
    hits = []
    for r in reports:
        if first_ok and r.day >= first_ok[0]:
            continue
        when = (f"before {first_ok[0]} ({first_ok[1]})" if first_ok
                else "without ever having spoken with you or written to you")
        hits.append(Hit(f"{ctx.account.collector.name} reported the debt to a credit bureau on {r.day}, {when}.",
                        r.day, [r]))
    return hits


RULE = ConductRule(
    id="REGF.PASSIVE_REPORTING",
    severity="high",
    summary="credit reporting by a collector before it communicated with the patient",
    citations=("12 CFR 1006.30(a)(1)",),
    explanation=("A collector may not report a debt to a credit bureau before it has talked to you or written to "
                 "you and waited a reasonable time (14 days) to learn the letter was undeliverable. Dispute the "
                 "tradeline with the bureau and the collector."),
    check=check,
)
