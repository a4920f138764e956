"""Which laws protect the patient on this account, and why (or why not), in plain words.

Each protection is {"id", "law", "applies": true|false|null, "why", "citations", "unconfirmed"};
`applies` is null when a fact the answer needs is missing, and `why` names that fact.
"""

from __future__ import annotations

from typing import Any

from ..states import NAMES
from .context import Context

KIND_WORDS = {"agency": "a collection agency collecting for someone else", "debt_buyer": "a debt buyer",
              "attorney": "a lawyer collecting debts"}


def _p(ctx: Context, pid: str, law: str, applies: bool | None, why: str, extra: list[str] = ()) -> dict[str, Any]:
    used, ctx.used[:] = list(ctx.used), []
    return {"id": pid, "law": law, "applies": applies, "why": why,
            "citations": list(dict.fromkeys([*extra, *(c for v in used for c in v.citations)])),
            "unconfirmed": any(v.unconfirmed for v in used)}


def protections(ctx: Context, sol: dict[str, Any]) -> list[dict[str, Any]]:
    acct, out = ctx.account, []
    p, c = acct.provider, acct.collector
    ctx.used.clear()
    # FDCPA and Regulation F: third-party collectors only
    if c and ctx.collector_covered:
        why = (f"The FDCPA and Regulation F cover {c.name}, {KIND_WORDS[c.kind]}. They do not cover {p.name} itself, "
               f"collecting its own bill: complaints about {p.name}'s own conduct go to state law and, for a nonprofit "
               f"hospital, IRS 501(r).")
        out.append(_p(ctx, "FDCPA", "Fair Debt Collection Practices Act and Regulation F", True, why,
                      ["15 U.S.C. 1692a(6)", "12 CFR 1006.2(i)"]))
    else:
        why = (f"The FDCPA does not apply yet: {p.name} is collecting its own bill, and a creditor collecting its own "
               f"debt in its own name is not a \"debt collector\". It will apply if the account goes to a collection "
               f"agency, a debt buyer or a collection lawyer.")
        ctx.value("federal.fdcpa.scope.collector_kinds")
        out.append(_p(ctx, "FDCPA", "Fair Debt Collection Practices Act and Regulation F", False, why))
    # IRS 501(r): nonprofit hospitals
    if p.kind != "hospital":
        out.append(_p(ctx, "IRS501R", "IRS 501(r) (nonprofit hospitals)", False,
                      f"501(r) binds nonprofit hospitals only; {p.name} is not a hospital.", ["26 U.S.C. 501(r)"]))
    elif p.nonprofit is None:
        out.append(_p(ctx, "IRS501R", "IRS 501(r) (nonprofit hospitals)", None,
                      f"501(r) applies if {p.name} is a nonprofit (501(c)(3)) hospital; the case does not say "
                      f"(accounts[].provider.nonprofit). Check its IRS Form 990 or its financial-assistance policy.",
                      ["26 U.S.C. 501(r)"]))
    elif p.nonprofit and not ctx.has("federal.irs_501r.notification_period_days", acct.first_bill_date or ctx.as_of):
        out.append(_p(ctx, "IRS501R", "IRS 501(r) (nonprofit hospitals)", False,
                      f"The 501(r) billing and collection rules apply to bills from 2016 on; this bill "
                      f"({acct.first_bill_date or ctx.as_of}) is earlier.", ["26 CFR 1.501(r)-7 (TD 9708)"]))
    elif p.nonprofit:
        first = acct.first_bill_date or ctx.as_of
        days = ctx.value("federal.irs_501r.notification_period_days", first)
        app = ctx.value("federal.irs_501r.application_period_days", first)
        ctx.value("federal.irs_501r.agb_limit", first)
        held = f" This also binds {c.name}, which collects for it." if c else ""
        out.append(_p(ctx, "IRS501R", "IRS 501(r) (nonprofit hospitals)", True,
                      f"{p.name} is a nonprofit hospital: it must offer financial assistance, accept an application "
                      f"for {app} days after the first bill, charge an eligible patient no more than amounts generally "
                      f"billed, and take no extraordinary collection action for {days} days and before trying to find "
                      f"out whether you qualify.{held}", ["26 U.S.C. 501(r)(4)-(6)"]))
    else:
        out.append(_p(ctx, "IRS501R", "IRS 501(r) (nonprofit hospitals)", False,
                      f"{p.name} is a for-profit hospital: 501(r) does not apply; state charity-care law may.",
                      ["26 U.S.C. 501(r)"]))
    out.append(_nsa(ctx))
    out.append(_state(ctx, sol))
    return out


def _nsa(ctx: Context) -> dict[str, Any]:
    acct, law_name = ctx.account, "No Surprises Act"
    care, status = acct.care, (ctx.case.insurance.status if ctx.case.insurance else None)
    on = care.start or ctx.as_of
    if not ctx.has("federal.nsa.emergency_balance_billing_banned", on):
        return _p(ctx, "NSA", law_name, False, f"The No Surprises Act took effect on 2022-01-01; this care ({on}) is earlier.",
                  ["45 CFR 149.410"])
    excluded = ctx.value("federal.nsa.excluded_coverage", on)
    if status in excluded:
        return _p(ctx, "NSA", law_name, False,
                  f"Your coverage ({status}) is outside the No Surprises Act's balance-billing rules; that program's "
                  f"own rules limit what providers may bill you.")
    if status == "uninsured" or acct.gfe_total is not None:
        threshold = ctx.value("federal.nsa.ppdr.threshold_usd", on)
        days = ctx.value("federal.nsa.ppdr.filing_days", on)
        gfe = f" Your Good Faith Estimate was ${acct.gfe_total:,.2f}." if acct.gfe_total is not None else ""
        return _p(ctx, "NSA", law_name, True,
                  f"As an uninsured or self-pay patient you were owed a Good Faith Estimate; if the bill is at least "
                  f"${threshold} above it you can use the federal patient-provider dispute process within {days} days "
                  f"of the first bill.{gfe}", ["45 CFR 149.610"])
    if status is None:
        return _p(ctx, "NSA", law_name, None,
                  "Whether the No Surprises Act protects you depends on your coverage; the case does not say "
                  "(insurance.status).", ["45 CFR 149.410"])
    if care.emergency:
        ctx.value("federal.nsa.emergency_balance_billing_banned", on)
        net = " even though it is out of your network" if acct.provider.in_network is False else ""
        return _p(ctx, "NSA", law_name, True,
                  f"This was emergency care: {acct.provider.name} may not bill you more than your in-network "
                  f"cost sharing{net}.")
    if acct.provider.in_network is False and care.facility_in_network:
        ctx.value("federal.nsa.non_emergency_at_in_network_facility_banned", on)
        return _p(ctx, "NSA", law_name, True,
                  f"{acct.provider.name} is out of network but treated you at an in-network facility: it may bill only "
                  f"in-network cost sharing unless you signed a valid notice-and-consent form (never allowed for "
                  f"emergency, anesthesia, radiology, pathology, lab and similar services).")
    if care.emergency is None:
        return _p(ctx, "NSA", law_name, None,
                  "The No Surprises Act protects emergency care and out-of-network care at in-network facilities; the "
                  "case does not say if this was an emergency (accounts[].care.emergency).", ["45 CFR 149.410"])
    return _p(ctx, "NSA", law_name, False,
              "This was scheduled care from a provider you chose, not at an in-network facility by an out-of-network "
              "provider: the No Surprises Act's balance-billing ban does not reach it.", ["45 CFR 149.410", "45 CFR 149.420"])


def _state(ctx: Context, sol: dict[str, Any]) -> dict[str, Any]:
    st = ctx.case.patient.state
    base = f"states.{st.lower()}.collection"
    parts = []
    if sol.get("years"):
        parts.append(f"a {sol['years']}-year limit to sue on this debt ({sol['status'].replace('_', ' ')}, "
                     f"ends {sol['expires']})")
    for key, words in (("interest_cap", "interest on medical debt is capped at {percent}% ({applies_to})"),
                       ("collection_wait", "no {blocks} for {days} days after the first bill ({applies_to})"),
                       ("notice_before_collection", "{who} must give {days} days' written notice before {before}"),
                       ("garnishment", "{text}"), ("liens", "{text}")):
        path = f"{base}.{key}"
        if path not in ctx.law:
            continue
        try:
            dv = ctx.law.at(path, ctx.as_of)
        except KeyError:  # not yet in force on the as-of date
            continue
        ctx.used.append(dv)
        if dv.value is None:
            continue
        v = dv.value if isinstance(dv.value, dict) else {"text": dv.value}
        v = {k: (" or ".join(x.replace("_", " ") for x in val) if isinstance(val, list) else
                 str(val).replace("_", " ")) for k, val in v.items()}
        text = words.format(**v)
        parts.append(text[:1].lower() + text[1:])
    name = NAMES[st]
    if parts:
        why = f"{name} law: " + "; ".join(parts) + "."
    else:
        why = f"No {name} law specific to medical-debt collection was found."
    none_found = [k for k in ("interest_cap", "collection_wait", "notice_before_collection", "garnishment", "liens")
                  if f"{base}.{k}" in ctx.law and not ctx.law.parameter(f"{base}.{k}").in_force(ctx.as_of)]
    if none_found:
        why += " No specific rule found for: " + ", ".join(k.replace("_", " ") for k in none_found) + "."
    return _p(ctx, f"STATE.{st}", f"{name} debt-collection law", True, why, sol.get("citations", []))
