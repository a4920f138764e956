"""The end of a nonprofit hospital's financial-assistance application period, and what still applies after it.

The application period ends on the later of the 240th day after the first bill and the deadline of
the hospital's written notice before extraordinary collection actions (26 CFR 1.501(r)-1(b)(3)),
which is at least 30 days after the notice (1.501(r)-6(c)(4)(i)(A)): with a notice in the log
(a provider or collector letter of type eca_notice) the end is at least the notice's day plus 30.
After the period the hospital may still accept an application, and it must still make reasonable
efforts, the written notice and a decision on an application sent by its deadline, before any
extraordinary collection action (1.501(r)-6(c)).
"""

from __future__ import annotations

from datetime import date, timedelta

from .context import Context

NOTICE_TYPES = ("eca_notice",)


def fap_application_end(ctx: Context) -> tuple[date, str] | None:
    """(the last day of the application period, why), or None where 501(r) does not apply."""
    acct = ctx.account
    p, first = acct.provider, acct.first_bill_date
    if not (p.nonprofit and p.kind == "hospital" and first and ctx.has("federal.irs_501r.application_period_days", first)):
        return None
    days = ctx.value("federal.irs_501r.application_period_days", first)
    end = first + timedelta(days=days)
    why = f"{p.name} must accept and process a financial-assistance application until {days} days after its first bill of {first}"
    notices = [h for h in ctx.happenings if h.by in ("provider", "collector") and h.type in NOTICE_TYPES]
    if notices and ctx.has("federal.irs_501r.eca_notice_days", first):
        notice_days = ctx.value("federal.irs_501r.eca_notice_days", first)
        notice_end = notices[-1].day + timedelta(days=notice_days)
        if notice_end > end:
            end = notice_end
            why = (f"{p.name} must accept and process a financial-assistance application until at least {end}, the "
                   f"deadline of its written notice of {notices[-1].day} (at least {notice_days} days after it), "
                   f"which is later than {days} days after its first bill of {first}")
    after = ("After that it may still accept one; and before any credit reporting, lawsuit, lien or sale of the debt it "
             "must send you a written notice with a deadline at least "
             f"{ctx.value('federal.irs_501r.eca_notice_days', first)} days away and decide an application you send by "
             "that deadline." if ctx.has("federal.irs_501r.eca_notice_days", first) else
             "After that it may still accept one.")
    return end, f"{why}. {after}"
