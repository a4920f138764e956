"""Dispute the bill's errors with the provider's billing office and ask for a corrected bill.

Needed when the bill audit found problems with dollars at stake (duplicates, unbundled codes,
impossible quantities, lines never received...). The provider is the one who can correct the
bill, even when a collector holds the account.
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind, count
from ..facts import Need

FINDINGS = Need("accounts[{i}].bill", "problems found by the bill audit (none were found; "
                "an itemized bill is needed for the audit)", lambda f: f.findings,
                what_es="errores encontrados por la revisión de la factura (no se encontró ninguno; para revisarla "
                        "hace falta una factura detallada)")


def when(f) -> str | None:
    """Why the letter: the errors on the bill, counted and with the dollars they alone put at stake; the
    financial assistance the patient is likely eligible for is no error, and is said apart."""
    if not f.findings:
        return None
    split = assistance_split(f)
    errors, assistance = split["errors"], split["assistance"]
    if not errors:
        return f"{likely_assistance(assistance)}: ask the billing office to apply it to the bill"
    at_stake = split["errors_in_dispute"] if assistance is not None else f.review.in_dispute
    return (f"the audit found {count(len(errors), 'problem')} on the bill, ${at_stake:,.2f} at stake: ask the billing "
            "office to correct it" + (", and to apply its financial-assistance policy, which you are likely "
                                      "eligible for" if assistance is not None else ""))


# The finding that says what the hospital's financial-assistance policy lets it charge (its amount is what
# is asked above that): not an error on the bill, and not something to take off "before any assistance"
ASSISTANCE_RULES = ("IRS501R.OVER_AGB",)


def likely_assistance(assistance) -> str:
    """The assistance finding as a reason: likely (the income screen), never decided (the hospital decides)."""
    what = "for free care" if "free care" in assistance.message else "for a discount"
    return f"you are likely eligible {what} under the hospital's financial-assistance policy"


def assistance_split(f) -> dict:
    """The findings split into the financial-assistance finding and the errors on the bill, with what the
    policy lets the hospital charge (the balance less the finding's amount; None when the balance is
    unknown) and what the errors alone put in dispute (each dollar once: to be corrected whatever the
    assistance decision): a closing sentence that is right for errors only, assistance only, or both."""
    assistance = next((x for x in f.findings if x.rule in ASSISTANCE_RULES), None)
    errors = [x for x in f.findings if x.rule not in ASSISTANCE_RULES]
    balance = f.account.balance
    owed = max(balance - assistance.amount, 0) if assistance is not None and balance is not None else None
    errors_in_dispute = f.review.in_dispute_without(ASSISTANCE_RULES) if assistance is not None and errors else None
    return {"assistance": assistance, "errors": errors, "owed_after_assistance": owed,
            "errors_in_dispute": errors_in_dispute}


CARE_WORDS = {"emergency": "emergency care", "facility": "care at an in-network facility", "air": "an air ambulance"}


def nsa_law(f) -> str | None:
    """The statute and rule for the No Surprises Act balance bill on this bill: from the finding's own words
    (the kind of care it found), else from the case's care."""
    from ...audit.rules.nsa_balance_bill import RULE as BALANCE_BILL
    from ..compose import NSA_LAW
    from ..facts import message_fields
    from .nsa_dispute import care_kind

    hit = next((x for x in f.findings if x.rule == BALANCE_BILL.id), None)
    if hit is None:
        return None
    care = message_fields(BALANCE_BILL, hit.message)[1].get("care") or CARE_WORDS[care_kind(f.account)]
    return NSA_LAW.get(care)


def extra(f) -> dict:
    split = assistance_split(f)
    balance = f.account.balance
    corrected = balance - f.review.in_dispute if balance is not None and split["assistance"] is None else None
    # the requests the English table's rows make in the engine's words; the Spanish letter makes them as bullets
    return {**split, "corrected_balance": corrected if corrected is not None and corrected >= 0 else None,
            "nsa_law": nsa_law(f), "rebill": any(x.rule == "EOB.NOT_BILLED_TO_INSURER" for x in f.findings)}


KIND = LetterKind(
    type="billing_dispute",
    title="Dispute of billing errors",
    recipient="provider",
    summary="Lists each error the audit found on the itemized bill with its line numbers, dollars and "
            "the rule broken, and asks for a corrected bill and a hold on collection meanwhile.",
    citations=("45 CFR 164.526",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER, FINDINGS),
    when=when,
    extra=extra,
    certified=True,
)
