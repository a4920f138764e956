"""Where the No Surprises Act applies, and nowhere else, in plain words; and how a patient-provider
dispute is started (with HHS, not by writing to the provider).

Out of scope: care before 2022-01-01; Medicare, Medicaid and QMB coverage (their own rules limit
what may be billed); ground ambulances (air ambulances are covered). In scope for an insured
patient: emergency care (42 U.S.C. 300gg-131, 45 CFR 149.410); non-emergency care by an
out-of-network provider at an in-network facility (300gg-132, 45 CFR 149.420), where a signed
notice and consent can waive it, except for ancillary services, which no consent waives; an air
ambulance (300gg-135, 45 CFR 149.440). For the uninsured or self-pay: the Good Faith Estimate and
the patient-provider dispute (45 CFR 149.610, 149.620).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .context import Context

PROGRAM_WORDS = {
    "medicare": ("Medicare", "Medicare's own rules limit what a provider may bill you beyond what Medicare "
                             "approves; ask the provider to bill Medicare and send you the Medicare Summary Notice"),
    "medicaid": ("Medicaid", "a provider that treated you as a Medicaid patient may not bill you beyond "
                             "Medicaid's own copayments; ask it to bill Medicaid"),
    "qmb": ("the Qualified Medicare Beneficiary program", "as a Qualified Medicare Beneficiary you may not be "
            "billed for Medicare's deductibles, coinsurance or copayments at all (42 U.S.C. 1396a(n)(3)(B))"),
}


def care_day(ctx: Context) -> date:
    """The day the protections are judged on: the care's start, else the first bill (care came before
    it), else the as-of date."""
    acct = ctx.account
    return acct.care.start or acct.first_bill_date or ctx.as_of


def ambulance_ride(ctx: Context) -> str | None:
    """'air', 'ground', or None: unknown (or not an ambulance ride)."""
    return ctx.account.care.ambulance


def ppdr_steps(ctx: Context, first_bill: date | None, on: date) -> tuple[str, date | None]:
    """The steps of the federal patient-provider dispute and its last day (None without a first bill)."""
    days = ctx.value("federal.nsa.ppdr.filing_days", on)
    threshold = ctx.value("federal.nsa.ppdr.threshold_usd", on)
    fee = ctx.value("federal.nsa.ppdr.fee_usd", on)
    ctx.value("federal.nsa.ppdr.no_collections_during_dispute", on)
    end = first_bill + timedelta(days=days) if first_bill else None
    by = (f"by {end} ({days} calendar days after the first bill of {first_bill}; the rule counts from the day you "
          f"received it, but file by this date to be safe)" if end
          else f"within {days} calendar days of receiving the first bill")
    text = (f"If the bill is at least ${threshold} above the Good Faith Estimate, you start the federal "
            f"patient-provider dispute yourself, with the U.S. Department of Health and Human Services (HHS), "
            f"not by writing to the provider: 1) {by}, send HHS the dispute form online at "
            f"cms.gov/nosurprises (or call 1-800-985-3059 for a paper form), with a copy of the bill and of the "
            f"Good Faith Estimate; 2) pay the ${fee} fee; 3) tell the provider in writing that you have filed: "
            f"while the dispute is pending it must not send the bill to collections (or must stop collecting) "
            f"and must not add late fees.")
    return text, end


def no_estimate(account) -> bool:
    """The case says no Good Faith Estimate was given (and gives none): the patient-provider dispute, which
    compares the bill with an estimate (45 CFR 149.620(a)(2)), cannot be started."""
    return account.gfe_given is False and account.gfe_total is None and account.gfe_date is None


def unscheduled_emergency(account) -> bool:
    """Emergency care not booked ahead, with no estimate in the case: no Good Faith Estimate was owed (one is
    owed for care scheduled ahead or on request, 45 CFR 149.610(b)), so there is none to dispute."""
    care = account.care
    return (care.emergency is True and care.scheduled is None and account.gfe_total is None
            and account.gfe_date is None and account.gfe_given is not True)


def nsa_protection(ctx: Context) -> tuple[bool | None, str, list[str]]:
    """(applies, why, citations beyond the law values read) for the NSA protection of the account."""
    acct = ctx.account
    care, provider = acct.care, acct.provider
    status = ctx.case.insurance.status if ctx.case.insurance else None
    on = care_day(ctx)
    if not ctx.has("federal.nsa.emergency_balance_billing_banned", on):
        return (False, f"The No Surprises Act took effect on 2022-01-01; this care ({on}) is earlier, so it does "
                       f"not apply.", ["42 U.S.C. 300gg-131", "45 CFR 149.410"])
    excluded = ctx.value("federal.nsa.excluded_coverage", on)
    if status in excluded:
        program, words = PROGRAM_WORDS[status]
        return (False, f"The No Surprises Act does not cover {program}: its protections are for private health "
                       f"plans and the uninsured. Instead, {words}.", [])
    # self-pay: insured, but the patient did not want the plan billed (45 CFR 149.610(a)(2)(xiii)(B))
    self_pay = status == "uninsured" or (care.self_pay is True and status in (None, "insured"))
    if self_pay and unscheduled_emergency(acct):
        threshold = ctx.value("federal.nsa.ppdr.threshold_usd", on)
        return (False, f"For a patient without insurance, the No Surprises Act gives a written Good Faith Estimate "
                       f"for care booked ahead (or when you ask for one) and a federal dispute of a bill ${threshold} "
                       f"or more above that estimate. This was emergency care that was not booked ahead, so no "
                       f"estimate was owed and there is none to dispute; the Act's limits on emergency bills protect "
                       f"patients with a health plan. Check the bill for errors and ask for financial assistance "
                       f"instead.", ["45 CFR 149.610(b)", "45 CFR 149.620(a)"])
    if (self_pay or acct.gfe_total is not None) and acct.gfe_given is False and acct.gfe_total is None:
        return (True, "As an uninsured or self-pay patient you were owed a written Good Faith Estimate before "
                      "scheduled care, and you got none: the federal dispute of a bill far above the estimate needs "
                      "one, so ask the provider for the estimate it should have given and report the missing "
                      "estimate to the No Surprises Help Desk (cms.gov/nosurprises, 1-800-985-3059).",
                ["45 CFR 149.610(b)(1)(vi)"])
    if self_pay or acct.gfe_total is not None:
        steps, _ = ppdr_steps(ctx, acct.first_bill_date, on)
        gfe = f" Your Good Faith Estimate was ${acct.gfe_total:,.2f}." if acct.gfe_total is not None else ""
        return (True, f"As an uninsured or self-pay patient you were owed a Good Faith Estimate before scheduled "
                      f"care.{gfe} {steps}", ["45 CFR 149.610", "45 CFR 149.620"])
    if status is None:
        return (None, "Whether the No Surprises Act protects you depends on your coverage, which the case does not "
                      "give (private plan, Medicare, Medicaid, or none).", ["45 CFR 149.410"])
    ride = ambulance_ride(ctx)
    if ride == "ground" or (ride is None and provider.kind == "ambulance"):
        covered = ctx.value("federal.nsa_scope.ground_ambulance_covered", on)
        ctx.value("federal.nsa_scope.air_ambulance_balance_billing_banned", on)
        if ride == "ground" and not covered:
            return (False, f"{provider.name} billed for a ground ambulance ride, and the No Surprises Act does not "
                           f"cover ground ambulances (only air ambulances). Your state's law may: ask your insurer to "
                           f"pay the claim as in network and your state insurance department whether a "
                           f"ground-ambulance balance bill is allowed.", [])
        return (None, "The No Surprises Act protects air ambulance rides, not ground ambulance rides; the case does "
                      "not say which this was.", [])
    if ride == "air":
        ctx.value("federal.nsa_scope.air_ambulance_balance_billing_banned", on)
        net = " even though it is out of your plan's network" if provider.in_network is False else ""
        return (True, f"This was an air ambulance ride: {provider.name} may not bill you more than your in-network "
                      f"cost sharing{net}.", [])
    if care.emergency:
        ctx.value("federal.nsa.emergency_balance_billing_banned", on)
        net = " even though it is out of your network" if provider.in_network is False else ""
        return (True, f"This was emergency care: {provider.name} may not bill you more than your in-network "
                      f"cost sharing{net}.", [])
    if provider.in_network is False and care.facility_in_network:
        return (True, _facility_text(ctx, on), [])
    if care.emergency is None:
        return (None, "The No Surprises Act protects emergency care and out-of-network providers at in-network "
                      "hospitals and centers; the case does not say whether this was an emergency.",
                ["45 CFR 149.410"])
    if provider.in_network is False and care.facility_in_network is None:
        return (None, f"{provider.name} is out of network. If it treated you at a hospital or center in your plan's "
                      f"network, the No Surprises Act limits its bill to your in-network cost sharing; the case does "
                      f"not say whether the facility was in network.", ["42 U.S.C. 300gg-132", "45 CFR 149.420"])
    return (False, "This was scheduled care from a provider you chose, not care by an out-of-network provider at an "
                   "in-network facility: the No Surprises Act's balance-billing ban does not reach it.",
            ["45 CFR 149.410", "45 CFR 149.420"])


def _facility_text(ctx: Context, on: date) -> str:
    provider = ctx.account.provider
    ctx.value("federal.nsa.non_emergency_at_in_network_facility_banned", on)
    ctx.value("federal.nsa_scope.non_emergency_statute", on)
    ctx.value("federal.nsa_scope.non_emergency_notice_consent_exception", on)
    ancillary = ctx.value("federal.nsa_scope.ancillary_services", on)
    lab = " Lab work is one of them." if provider.kind == "lab" else ""
    return (f"{provider.name} is out of network but treated you at an in-network hospital or center (non-emergency "
            f"care, 42 U.S.C. 300gg-132 and 45 CFR 149.420): it may bill only your in-network cost sharing, unless "
            f"before the care you signed its notice-and-consent form giving up this protection. No consent is valid "
            f"for {_listing(ancillary)}.{lab}")


def _listing(items: list[str]) -> str:
    words = [str(x) for x in items]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def ppdr_deadline(ctx: Context) -> tuple[date, str] | None:
    """The last day to start the patient-provider dispute, and why (None when it does not apply)."""
    acct = ctx.account
    first = acct.first_bill_date
    if not first or not (ctx.uninsured or acct.gfe_total is not None):
        return None
    if no_estimate(acct) or unscheduled_emergency(acct):  # no estimate to compare the bill with (149.620(a)(2))
        return None
    if not ctx.has("federal.nsa.ppdr.filing_days", first):
        return None
    status = ctx.case.insurance.status if ctx.case.insurance else None
    if status in ("medicare", "medicaid", "qmb"):
        return None
    steps, end = ppdr_steps(ctx, first, first)
    return end, f"Last day to start the federal patient-provider dispute. {steps}"


__all__: list[Any] = ["nsa_protection", "nsa_applies", "ppdr_steps", "ppdr_deadline", "care_day", "ambulance_ride",
                      "no_estimate", "unscheduled_emergency"]


def nsa_applies(case, account, as_of: date | None = None) -> bool | None:
    """Whether the No Surprises Act's protection applies to an account (for the call scripts and letters)."""
    from ..law import law

    ctx = Context(case=case, account=account, as_of=as_of or case.as_of or account.care.start
                  or account.first_bill_date or date.today(), law=law())
    return nsa_protection(ctx)[0]
