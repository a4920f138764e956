"""Ask a debt collector to validate the debt, without admitting it.

Needed when a third-party collector holds the account and either no validation notice is
recorded, or the validation period has not ended: a written request within the period makes the
collector stop collecting until it mails verification. The letter never acknowledges the debt.
"""

from __future__ import annotations

from . import COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE, PATIENT_ADDRESS, PATIENT_NAME, LetterKind


def when(f) -> str | None:
    c = f.collector
    if c is None or f.findings:  # with bill problems, the dispute letter asks for validation too
        return None
    notice = c.validation_notice
    if notice is None or (notice.received is None and notice.sent is None):
        return (f"{c.name} is collecting but no validation notice is recorded: ask it to validate "
                "the debt before anything is paid")
    end = f.deadline("VALIDATION_PERIOD_END")
    if end is not None and end.date >= f.as_of:
        return (f"the validation period runs until {end.date.isoformat()}: a written request now "
                f"makes {c.name} stop collecting until it mails verification")
    return None


def extra(f) -> dict:
    end = f.deadline("VALIDATION_PERIOD_END")
    return {"period_end": end.date if end is not None and end.date >= f.as_of else None}


KIND = LetterKind(
    type="validation_request",
    title="Request for validation of a debt",
    recipient="collector",
    summary="Asks a collector for the name of the original creditor, the itemization of the amount "
            "and proof that it may collect, and asks it to stop collecting until it answers; "
            "admits nothing.",
    citations=("15 U.S.C. 1692g(b)", "12 CFR 1006.34", "12 CFR 1006.38"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE),
    when=when,
    extra=extra,
    certified=True,
)
