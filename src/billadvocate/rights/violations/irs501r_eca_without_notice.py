"""An extraordinary collection action for a nonprofit hospital less than 30 days after its written notice.

A nonprofit hospital has made reasonable efforts to find out whether a patient qualifies for
financial assistance only if, at least 30 days before its first extraordinary collection action, it
gave the patient a written notice (that assistance is available, which actions it intends, and a
deadline no earlier than 30 days after the notice) with a plain-language summary of its policy
(26 CFR 1.501(r)-6(c)(4)(i)); the 120 days after the first bill are a separate limit
(IRS501R.ECA_TOO_EARLY). Anti-pattern: the hospital's notice (a provider or collector letter of
type eca_notice) is dated 2025-08-01 and the collector reports the debt on 08-30 (29 days). Allowed:
on 08-31 (30 days). With no notice in the log the rule says so at medium severity: the notice may
simply not have been logged.
"""

from datetime import timedelta

from ..context import Context
from ..rule import ConductRule, Hit
from .irs501r_eca_too_early import ecas

NOTICE_TYPES = ("eca_notice",)


def check(ctx: Context) -> list[Hit]:
    p, first = ctx.account.provider, ctx.account.first_bill_date
    if not (p.nonprofit and p.kind == "hospital" and first):
        return []
    if not ctx.has("federal.irs_501r.eca_notice_days", first):
        return []
    found = ecas(ctx)
    if not found:
        return []
    days = ctx.value("federal.irs_501r.eca_notice_days", first)
    notices = [h for h in ctx.happenings if h.by in ("provider", "collector") and h.kind in ("letter", "email")
               and h.type in NOTICE_TYPES]
    h, what = found[0]  # the notice must come 30 days before the FIRST extraordinary collection action
    if any(n.day <= h.day - timedelta(days=days) for n in notices):
        return []
    earlier = [n for n in notices if n.day <= h.day]
    if earlier:
        n = earlier[-1]
        return [Hit(f"{what.capitalize()} on {h.day} (by the {h.by}) came only {(h.day - n.day).days} days after "
                    f"{p.name}'s written notice of {n.day}; a nonprofit hospital must give that notice at least {days} "
                    f"days before its first extraordinary collection action ({n.day + timedelta(days=days)}).",
                    h.day, [n, h])]
    return [Hit(f"{what.capitalize()} on {h.day} (by the {h.by}), the first extraordinary collection action, with no "
                f"written notice from {p.name} in the log at least {days} days before. If you never received a letter "
                f"saying financial assistance is available and which actions it would take after a deadline, ask the "
                f"hospital for a copy of it.", h.day, [h], severity="medium")]


RULE = ConductRule(
    id="IRS501R.ECA_WITHOUT_NOTICE",
    severity="high",
    summary="an extraordinary collection action for a nonprofit hospital less than 30 days after its written notice",
    citations=("26 U.S.C. 501(r)(6)", "26 CFR 1.501(r)-6(c)(3)(i), (c)(4)(i)"),
    explanation=("Before credit reporting, suing, placing a lien or selling the debt, a nonprofit hospital must send "
                 "you a written notice that financial assistance is available, naming the actions it may take and a "
                 "deadline at least 30 days away, with a plain-language summary of its policy. You can apply until "
                 "that deadline. There is no private lawsuit: ask the hospital to reverse the action, apply for "
                 "assistance, and report it to the IRS on Form 13909."),
    check=check,
    fdcpa=False,
)
