"""Offer a lump sum that settles the account in full, on written terms.

Needed when the money engine worked out an offer (fair amount, opening, target, walk-away) and the
household can raise the opening amount. The letter offers the opening figure, never the target,
and sets the terms: paid in full, reported as paid or deleted, no resale of the rest. While an
insurer appeal is open (offer.held_for_appeal, negotiate/hold.py) the offer excepts the denied amount:
it names the claims and the amount, says it does not cover or concede them, and reserves the appeal.
"""

from __future__ import annotations

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, holder_needs
from ..facts import Need, number

OFFER = Need("household.lump_sum_available", "an offer amount from the review (the money engine "
             "needs household.annual_income, household.monthly_expenses and "
             "household.lump_sum_available or liquid_assets)", lambda f: f.offer,
             what_es="una cantidad para ofrecer calculada por la revisión (el cálculo de dinero necesita "
                     "household.annual_income, household.monthly_expenses y household.lump_sum_available o "
                     "liquid_assets)")


KIND_TYPE = "settlement_offer"


def funds(f, offer: dict):
    """What the household can raise at once: the money engine's figure, else its savings."""
    raised = number(offer.get("lump_sum"))
    return raised if raised is not None else f.lump_sum


def when(f) -> str | None:
    raw = f.review.offer if f.review is not None and isinstance(f.review.offer, dict) else None
    if raw and raw.get("withheld"):
        # no figures where the limit to sue forbids a settlement (negotiate.withhold_unsafe_offer): the letter is
        # still the one the debt would need, so the safety rules refuse it and the notes say why in words
        advice = f.money_advice
        return "offer a settlement" if advice is not None and not advice.allows(KIND_TYPE) else None
    offer = f.offer
    if offer is None:
        return None
    opening, can_raise = number(offer["opening"]), funds(f, offer)
    if opening is None or opening <= 0 or (can_raise is not None and can_raise < opening):
        return None  # assistance should cover it, or the household cannot raise the sum
    fair = number(offer.get("fair_amount"))
    return (f"offer ${opening:,.2f} as payment in full"
            + (f" (a fair amount is ${fair:,.2f})" if fair is not None else ""))


def held(f) -> dict | None:
    """The denied amount under an open insurer appeal that the offer leaves out (negotiate/hold.py):
    the letters name its claims and amount and reserve the appeal, so paying does not concede it."""
    h = (f.offer or {}).get("held_for_appeal")
    amount = number((h or {}).get("amount"))
    if not h or amount is None or amount <= 0:
        return None
    return {"amount": amount, "claims": [str(c) for c in h.get("claims") or []]}


def extra(f) -> dict:
    o = f.offer or {}
    return {"opening": number(o.get("opening")), "fair_amount": number(o.get("fair_amount")),
            "offer_why": o.get("why"), "held": held(f)}


KIND = LetterKind(
    type="settlement_offer",
    title="Offer to settle the account",
    recipient="holder",
    summary="Offers a lump sum as payment in full, conditional on a signed agreement that the "
            "balance is settled, reported as paid or deleted, and not sold or pursued further.",
    citations=("Fed. R. Evid. 408",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, *holder_needs(), OFFER),
    when=when,
    extra=extra,
)
