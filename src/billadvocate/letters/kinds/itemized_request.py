"""Ask the billing office for an itemized bill with codes, and the records behind it.

Needed when the case has no itemized bill for the account, or the bill has no procedure codes
(BILL.NOT_ITEMIZED): no audit is possible without one. Billing records are part of the
designated record set, so the HIPAA right of access covers them.
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind


def when(f) -> str | None:
    if f.sent("itemized_request"):
        return None
    if not f.account.bill:
        return "the case has no itemized bill for this account, so the charges cannot be checked"
    if any(x.rule == "BILL.NOT_ITEMIZED" for x in f.review.findings):
        return "the bill has no procedure codes, so the charges cannot be checked"
    return None


KIND = LetterKind(
    type="itemized_request",
    title="Request for an itemized bill",
    recipient="provider",
    summary="Asks the billing office for a line-by-line bill with CPT/HCPCS and revenue codes, and "
            "for the billing records, before anything is paid.",
    citations=("45 CFR 164.524", "45 CFR 164.501"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER),
    when=when,
    certified=False,
)
