"""Collection activity after a timely written dispute and before verification was sent.

Anti-pattern: the patient mails a dispute on 2026-10-25 (within the validation period); it is
assumed delivered 5 business days later (10-30) unless the log gives a delivery date; on 11-02 the
collector sends a letter threatening suit without having sent verification. Allowed: activity
before the dispute arrived; the verification letter itself (a collector letter of type
verification) and anything after it; a dispute sent after the validation period (the collector need
not stop, but must report the debt as disputed). With no validation notice in the case the timing
cannot be told and the rule fires at medium severity, asking for the notice's date.
"""

from bisect import bisect_left, bisect_right

from ..context import COLLECTION_ACTIVITY, Context
from ..rule import ConductRule, Hit

DISPUTES = ("dispute", "validation_request")
VERIFICATIONS = ("verification", "validation", "itemized_bill")


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    period = ctx.validation_period_end()
    hits = []
    verifications = [h for h in ctx.by("collector", ("letter", "email")) if h.type in VERIFICATIONS]
    activity = [h for h in ctx.by("collector", COLLECTION_ACTIVITY) if h.type not in VERIFICATIONS]  # time order
    days, verified_days = [h.day for h in activity], [h.day for h in verifications]
    unreported = _NextUnreported(len(activity))  # an activity is one violation, however many disputes it followed
    for d in ctx.by("patient", ("letter", "email")):
        if d.type not in DISPUTES or (period and d.day > period[0]):
            continue
        arrived, how = ctx.received_on(d)
        k = bisect_left(verified_days, d.day)
        verified = verifications[k] if k < len(verifications) else None
        i = unreported.find(bisect_right(days, arrived))
        while i < len(activity):
            h = activity[i]
            if verified and h.sort_key() >= verified.sort_key():
                break  # everything after the verification is allowed
            unreported.take(i)
            i = unreported.find(i + 1)
            name = ctx.account.collector.name
            if period:
                hits.append(Hit(f"{name} kept collecting ({h.kind.replace('_', ' ')} on {h.day}) after your written "
                                f"dispute ({how}), sent within the validation period (ends {period[0]}), and before "
                                f"sending verification.", h.day, [d, h]))
            else:  # no notice in the case: whether the dispute fell within a validation period is unknown
                hits.append(Hit(f"{name} kept collecting ({h.kind.replace('_', ' ')} on {h.day}) after your written "
                                f"dispute ({how}) and before sending verification. The case records no validation "
                                f"notice, so whether the dispute came within the validation period (when the collector "
                                f"must stop) cannot be told: add the notice's date to the case.", h.day, [d, h],
                                severity="medium"))
        ctx.value("federal.regulation_f.dispute.stop_until_verified", d.day)
    return hits


class _NextUnreported:
    """The first activity at or after i not yet reported (union-find with path halving): each
    dispute's window is walked over only what no earlier dispute reported, so a long log is linear."""

    def __init__(self, n: int):
        self.next = list(range(n + 1))

    def find(self, i: int) -> int:
        while self.next[i] != i:
            self.next[i] = self.next[self.next[i]]
            i = self.next[i]
        return i

    def take(self, i: int) -> None:
        self.next[i] = i + 1


RULE = ConductRule(
    id="REGF.COLLECTION_DURING_DISPUTE",
    severity="high",
    summary="collection activity after a timely written dispute and before verification was sent",
    citations=("15 U.S.C. 1692g(b)", "12 CFR 1006.38(d)(2)"),
    explanation=("When you dispute a debt in writing within the validation period, the collector must stop "
                 "collecting it until it mails you verification. Keep the dispute letter's proof of delivery."),
    check=check,
)
