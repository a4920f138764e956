"""Which laws protect the patient on this account, and why (or why not), in plain words.

Each protection is {"id", "law", "applies": true|false|null, "why", "citations", "unconfirmed"};
`applies` is null when a fact the answer needs is missing, and `why` names that fact.
"""

from __future__ import annotations

from typing import Any

from ..states import NAMES
from .context import Context, possessive
from .disputes import patient_disputes, what_a_dispute_does

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
               f"collecting its own bill: complaints about {possessive(p.name)} own conduct go to state law and, for a nonprofit "
               f"hospital, IRS 501(r).")
        why += "".join(" " + what_a_dispute_does(ctx, d) for d in patient_disputes(ctx))
        cap = ctx.value("federal.fdcpa.damages.individual_max")
        why += (f" If {c.name} broke these laws, a lawsuit can recover your actual damages, attorney's fees and "
                f"statutory damages of up to ${cap:,.0f} per lawsuit (a cap for the whole case, not an amount per "
                f"violation).")
        out.append(_p(ctx, "FDCPA", "Fair Debt Collection Practices Act and Regulation F", True, why,
                      ["15 U.S.C. 1692a(6)", "12 CFR 1006.2(i)", "15 U.S.C. 1692k(a)(2)(A)"]))
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
                      f"whether it is. Check its IRS Form 990 or its financial-assistance policy.",
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
        if c and c.kind == "debt_buyer":  # a buyer owns the debt: it does not collect "for" the hospital
            held = (f" {c.name} bought the debt: selling it was itself an extraordinary collection action unless the "
                    f"sale contract forbids the buyer such actions (26 CFR 1.501(r)-6(b)(1)(i)), and the hospital "
                    f"answers for what the buyer does to collect it.")
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
    from .state_protections import state_protections  # wages that cannot be garnished, Rosenthal (state units)

    out += state_protections(ctx, _p)
    # the patient has died, or someone else is dealing with the debt: who must pay, first (family_liability.py)
    from .family_liability import LAW_NAME, who_pays

    ctx.used.clear()
    found = who_pays(ctx)
    if found is not None:
        out.insert(0, _p(ctx, LAW_NAME[0], LAW_NAME[1], True if found.not_liable else None, found.why))
    return out


def _nsa(ctx: Context) -> dict[str, Any]:
    """The No Surprises Act where it applies and nowhere else (nsa_scope.py says why for each case)."""
    from .nsa_scope import nsa_protection

    return _p(ctx, "NSA", "No Surprises Act", *nsa_protection(ctx))


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
        if dv.value is None:  # searched, nothing found: named below in words, not a law this rests on
            continue
        ctx.used.append(dv)
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
