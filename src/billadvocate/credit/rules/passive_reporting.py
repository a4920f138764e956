"""A collector reported the debt before it had communicated with the patient (passive collection).

Fires: a tradeline furnished by the account's third-party collector with a reported date before the
earliest day the collector could report: the day it first spoke with the patient (a call or visit with
a conversation), or 14 days after it first wrote (a letter, email or text from the collector, or its
validation notice: the day sent; with only the day it was received, the sending day is inferred as 5
business days earlier (12 CFR 1006.34(b)(5)) and the finding is only possible, at medium severity). With
no communication in the log at all, any report fires. A hospital reporting its own bill is not a debt collector: see IRS501R.ECA_TOO_EARLY.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ...calendar import subtract_business_days
from ..context import CreditContext, TradelineRef, same_company
from ..rule import CreditRule, each_tradeline

WAIT = "federal.regulation_f.passive_reporting.wait_days"  # the rights engine's Regulation F data
MAIL = "federal.regulation_f.validation.assumed_receipt_business_days"
WRITTEN = ("letter", "email", "text")


def _day(at) -> date:
    return at.date() if isinstance(at, datetime) else at


def earliest_report_day(account, wait_days: int, mail_days: int = 5) -> tuple[date | None, str, bool]:
    """The first day the collector could report, how it first communicated (or None, ''), and whether
    that day rests on a sending day inferred from a receipt day (`mail_days` business days earlier)."""
    options: list[tuple[date, str, bool]] = []
    for e in account.events:
        if e.from_ != "collector":
            continue
        if e.kind in ("call", "in_person") and e.conversation:
            options.append((_day(e.at), f"spoke with you on {_day(e.at)}", False))
        elif e.kind in WRITTEN:
            options.append((_day(e.at) + timedelta(days=wait_days), f"wrote to you on {_day(e.at)}", False))
    notice = account.collector.validation_notice if account.collector else None
    if notice is not None and notice.sent:
        options.append((notice.sent + timedelta(days=wait_days), f"sent its validation notice on {notice.sent}",
                        False))
    elif notice is not None and notice.received:
        sent = subtract_business_days(notice.received, mail_days)
        options.append((sent + timedelta(days=wait_days),
                        f"probably sent its validation notice on {sent}, {mail_days} business days before you "
                        f"received it on {notice.received}", True))
    return min(options) if options else (None, "", False)


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    account = ctx.account_for(ref)
    if account is None or account.collector is None or tl.reported is None:
        return None
    if not same_company(account.collector.name, tl.furnisher):
        return None
    wait = ctx.law_at(WAIT, tl.reported)
    if wait is None:
        return None
    mail = ctx.law_at(MAIL, tl.reported)
    first_ok, how, inferred = earliest_report_day(account, int(wait.value), int(mail.value) if mail else 5)
    if first_ok is not None and tl.reported >= first_ok:
        return None
    before = (f"before {first_ok} (it {how})" if first_ok
              else "with no record of it speaking with you or writing to you before that")
    if first_ok is None:  # silence in the log is not proof of silence: only possible, never asserted as fact
        return ctx.finding(
            RULE, ref,
            f"{account.collector.name} reported the debt to {ref.bureau_name} on {tl.reported}, {before}: a "
            f"collector must speak with you, or write and wait {wait.value} days, before reporting",
            citations=wait.citations, unconfirmed=wait.unconfirmed, severity="medium")
    if inferred:
        return ctx.finding(
            RULE, ref,
            f"{account.collector.name} may have reported the debt to {ref.bureau_name} too early: on {tl.reported}, "
            f"{before}. A collector must speak with you, or write and wait {wait.value} days from sending, before "
            f"reporting; ask it for proof of the day it mailed the notice",
            citations=wait.citations + (mail.citations if mail else []), unconfirmed=wait.unconfirmed,
            severity="medium")
    return ctx.finding(
        RULE, ref,
        f"{account.collector.name} reported the debt to {ref.bureau_name} on {tl.reported}, {before}: a "
        f"collector must speak with you, or write and wait {wait.value} days, before reporting",
        citations=wait.citations, unconfirmed=wait.unconfirmed)


RULE = CreditRule(
    id="REGF.PASSIVE_REPORTING",
    severity="high",
    summary="credit reporting by a collector before it communicated with the patient",
    citations=["12 CFR 1006.30(a)(1)", "12 CFR 1006, comment 30(a)(1)-2"],
    check=check,
    explanation=("Regulation F forbids 'passive' collection: a debt collector may not put a debt on your "
                 "credit report before it has told you about it. Dispute the tradeline with the collector "
                 "and the bureau; the violation can also support an FDCPA claim (see the rights section)."),
    dispute_with=("furnisher", "bureau"),
)
