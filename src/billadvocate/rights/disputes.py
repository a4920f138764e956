"""What a patient's dispute obliges the collector to do, by when it was sent.

A written dispute sent within the validation period makes the collector stop collecting until it
mails verification (15 U.S.C. 1692g(b); 12 CFR 1006.38(d)(2)). One sent after the period does not;
but a collector that reports a disputed debt must still report it as disputed (15 U.S.C. 1692e(8)),
whenever the dispute came.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .context import Context, Happening

DISPUTES = ("dispute", "validation_request")


@dataclass(frozen=True)
class Dispute:
    sent: Happening
    timely: bool  # sent within the validation period (or before any period began)
    period_end: date | None


def patient_disputes(ctx: Context) -> list[Dispute]:
    """The patient's written disputes of the account, each marked timely or late."""
    period = ctx.validation_period_end()
    end = period[0] if period else None
    return [Dispute(d, end is None or d.day <= end, end)
            for d in ctx.by("patient", ("letter", "email")) if d.type in DISPUTES]


def what_a_dispute_does(ctx: Context, d: Dispute) -> str:
    """One sentence, in plain words, of what this dispute obliges the collector to do."""
    name = ctx.account.collector.name if ctx.account.collector else "the collector"
    ctx.value("federal.fdcpa_disputes.disputed_debt_reported_as_disputed", d.sent.day)
    if d.timely:
        ctx.value("federal.fdcpa_disputes.timely_dispute_stops_collection", d.sent.day)
        within = f"within the validation period (it ends {d.period_end})" if d.period_end else \
            "before any validation period began"
        return (f"Your written dispute of {d.sent.day} was sent {within}: {name} must stop collecting until it mails "
                f"you verification, and if it reports the debt to a credit bureau it must report it as disputed.")
    return (f"Your written dispute of {d.sent.day} was sent after the validation period ended on {d.period_end}: "
            f"{name} may keep collecting, but if it reports the debt to a credit bureau it must report it as "
            f"disputed, and it must not say anything false about the debt.")
