"""Credit reporting by a collector before it communicated with the patient.

Anti-pattern: ABC Recovery reports the debt to Equifax on 2026-10-30 but its only contact was a
letter mailed 10-20: it must wait 14 days (to 11-03) for a notice that the letter could not be
delivered. Allowed: reporting after a phone or in-person conversation, or 14 or more days after a
letter or email was sent (the validation notice counts as a letter). The 14 days run from when the
notice was SENT: with only the day the patient received it, the sending day is inferred as 5
business days earlier (the receipt a collector may assume, 12 CFR 1006.34(b)(5)) and a violation
found that way is only possible (medium severity): the notice may have been mailed sooner.
"""

from datetime import timedelta

from ...calendar import subtract_business_days
from ..context import Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    reports = ctx.by("collector", ("credit_reporting",))
    if not reports:
        return []
    wait = ctx.value("federal.regulation_f.passive_reporting.wait_days", reports[0].day)
    ok_from = []  # (first day reporting is allowed, why, inferred from a receipt date?)
    for h in ctx.by("collector", ("call", "in_person")):
        if h.conversation or h.kind == "in_person":
            ok_from.append((h.day, f"you spoke with the collector on {h.day}", False))
    for h in ctx.by("collector", ("letter", "email", "text")):
        ok_from.append((h.day + timedelta(days=wait), f"{wait} days after its {h.kind} of {h.day}", False))
    vn = ctx.account.collector.validation_notice
    if vn and vn.sent:
        ok_from.append((vn.sent + timedelta(days=wait), f"{wait} days after its validation notice was sent on {vn.sent}",
                        False))
    elif vn and vn.received:
        mail = ctx.value("federal.regulation_f.validation.assumed_receipt_business_days", vn.received)
        sent = subtract_business_days(vn.received, mail)
        ok_from.append((sent + timedelta(days=wait),
                        f"{wait} days after its validation notice was probably sent on {sent}: you received it on "
                        f"{vn.received}, and a collector may assume a notice arrives {mail} business days after "
                        f"sending", True))
    first_ok = min(ok_from, default=None)
    hits = []
    for r in reports:
        if first_ok and r.day >= first_ok[0]:
            continue
        name = ctx.account.collector.name
        if first_ok and first_ok[2]:
            hits.append(Hit(f"{name} may have reported the debt to a credit bureau too early: it reported on {r.day}, "
                            f"before {first_ok[0]} ({first_ok[1]}). Ask {name} for proof of the day it mailed the "
                            f"notice; if it was sent on or before {r.day - timedelta(days=wait)}, the reporting "
                            f"was allowed.", r.day, [r], severity="medium"))
            continue
        if not first_ok:  # nothing in the log proves silence: the patient may just not have logged a letter
            hits.append(Hit(f"{name} reported the debt to a credit bureau on {r.day}, with no record of it speaking "
                            f"with you or writing to you before that. If it never did, the reporting broke the rule; "
                            f"check your mail for a letter from it dated at least {wait} days before {r.day}.",
                            r.day, [r], severity="medium"))
            continue
        hits.append(Hit(f"{name} reported the debt to a credit bureau on {r.day}, before {first_ok[0]} "
                        f"({first_ok[1]}).", r.day, [r]))
    return hits


RULE = ConductRule(
    id="REGF.PASSIVE_REPORTING",
    severity="high",
    summary="credit reporting by a collector before it communicated with the patient",
    citations=("12 CFR 1006.30(a)(1)",),
    explanation=("A collector may not report a debt to a credit bureau before it has talked to you or written to "
                 "you and waited a reasonable time (14 days from sending) to learn the letter was undeliverable. "
                 "Dispute the tradeline with the bureau and the collector."),
    check=check,
)
