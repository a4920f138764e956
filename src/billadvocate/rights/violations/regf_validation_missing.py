"""No validation notice within 5 days of a third-party collector's first contact.

Anti-pattern: ABC Recovery first calls on 2026-10-13 and its validation notice is sent on 10-19
(day 6) or never. Allowed: the notice sent by day 5, or the validation information given orally in
the first call, or the debt paid before day 5. When only the date the patient received the notice is
known, the rule fires only when even 5 business days of mail could not explain the delay.
"""

from datetime import timedelta

from ...calendar import add_business_days
from ..context import Context, Happening
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    first = ctx.first_collector_contact(consumer_only=True)  # a call to a relative owes them no notice
    if first is None:
        return []
    first_day = first.day if isinstance(first, Happening) else first
    proof = [first] if isinstance(first, Happening) else []
    days = ctx.value("federal.fdcpa.validation.notice_within_days", first_day)
    due = first_day + timedelta(days=days)
    vn = ctx.account.collector.validation_notice
    name = ctx.account.collector.name
    if vn and vn.sent:
        if vn.sent > due:
            return [Hit(f"{name} first contacted you on {first_day} but sent its validation notice on {vn.sent}, "
                        f"{(vn.sent - first_day).days} days later; the limit is {days} days ({due}).", vn.sent, proof)]
        return []
    if vn and vn.received:
        mail_days = 5
        if vn.received > add_business_days(due, mail_days):
            return [Hit(f"{name} first contacted you on {first_day}; its validation notice reached you only on "
                        f"{vn.received}, later than a notice sent by the {days}-day limit ({due}) plus {mail_days} "
                        f"business days of mail. Ask {name} for proof of the mailing date.", vn.received, proof,
                        severity="medium")]
        return []
    if ctx.as_of > due:
        return [Hit(f"{name} first contacted you on {first_day} and the case shows no validation notice by {due} "
                    f"({days} days later). If the first call did not give the amount, creditor and your dispute "
                    f"rights, the notice is missing.", due + timedelta(days=1), proof)]
    return []


RULE = ConductRule(
    id="REGF.VALIDATION_MISSING",
    severity="high",
    summary="no validation notice within 5 days of a collector's first contact",
    citations=("15 U.S.C. 1692g(a)", "12 CFR 1006.34(a)(1)"),
    explanation=("A debt collector must tell you, in writing within 5 days of first contacting you, how much it "
                 "says you owe, to whom, and how to dispute it. Without that notice your 30-day dispute window "
                 "has not started; send a written validation request."),
    check=check,
)
