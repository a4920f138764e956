"""STATE.<XX>.<NAME>: state charity-care laws, decided from the dated law data.

Each state's `law/parameters/states/<xx>/charity_care.yaml` holds one block per program: `program`
(who it covers: which providers, which patients, how the tier set is chosen) and `tiers` (income
limits as % of the poverty guideline, each with the share taken off, or a price cap). The law in
force on the date of care applies (else the as-of date). A fact the decision needs but the case
lacks makes the answer null and names the fact; when every tier set gives the same answer the
missing tier does not matter.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ...law import law
from . import pct, program

INSURED = {"insured", "medicare", "medicaid", "qmb"}
VARIANT_FACT = {"tier": "tier", "rural": "rural"}


def _variant_key(by: str | None, sit) -> str | None:
    if by is None:
        return "all"
    if by == "tier":
        return None if sit.tier is None else f"tier_{sit.tier}"
    if by == "rural":
        return None if sit.rural is None else ("rural" if sit.rural else "urban")
    raise ValueError(f"unknown variant_by {by!r} in charity-care law data")


def _place(tiers: list[dict], fpl: Decimal) -> tuple[bool, dict | None]:
    """The first tier whose limit the income is at or below ('not more than'), or below where the row
    says `limit_inclusive: false` (a law that reads 'less than')."""
    for t in tiers:
        if t["up_to_fpl"] is None:
            return True, t
        limit = Decimal(str(t["up_to_fpl"]))
        if fpl <= limit if t.get("limit_inclusive", True) else fpl < limit:
            return True, t
    return False, None


def _band(tier: dict) -> str:
    return ("at or below " if tier.get("limit_inclusive", True) else "below ") + f"{tier['up_to_fpl']}%"


def _patients(rule: dict, sit, who: str) -> tuple[bool | None, str]:
    """Does the law cover this patient? (True/False, or None when insurance status is unknown)."""
    kind = rule.get("patients", "any")
    if kind == "any":
        return True, ""
    if sit.insurance is None:
        return None, sit.fact("insurance")
    if sit.insurance == "uninsured":
        return True, "uninsured"
    if kind == "uninsured":
        return False, f"it covers uninsured patients only, and the case says {sit.insurance}"
    if kind == "uninsured_or_high_costs":
        limit = Decimal(str(rule.get("high_costs_percent", 10)))
        if sit.balance is None or sit.annual_income is None:
            missing = sit.fact("balance") if sit.balance is None else sit.fact("annual_income")
            return None, f"{missing} (insured patients qualify only with high medical costs)"
        if sit.balance * 100 > limit * sit.annual_income:
            return True, (f"high medical costs: the ${sit.balance:,.2f} owed is more than {limit}% of "
                          f"the household's ${sit.annual_income:,.0f} income")
        return False, (f"insured patients qualify only with high medical costs (more than {limit}% of "
                       f"income); ${sit.balance:,.2f} is not more than {limit}% of ${sit.annual_income:,.0f}")
    raise ValueError(f"unknown patients rule {kind!r} in charity-care law data")


def evaluate(slug: str, prefix: str, sit, on: date) -> dict[str, Any] | None:
    rules = law()
    try:
        p = rules.at(f"{prefix}.{slug}.program", on)
    except KeyError:
        return None  # not yet in force for this care
    rule = p.value
    used = [p]
    pid, name = rule["id"], rule["name"]
    citations = list(p.citations)
    who = sit.provider_name or "the provider"
    extra = {"window": rule.get("window"), "documents": rule.get("documents", []),
             "law_date": p.start.isoformat()}
    if rule.get("any_time"):  # no application deadline under this state's law (the plan shows none)
        extra["any_time"] = True

    def answer(eligible, why, discount=0, missing=None, **more):
        return program(pid, name, eligible=eligible, why=why, citations=citations, discount=discount,
                       unconfirmed=any(v.unconfirmed for v in used), missing=missing,
                       notes=[v.note for v in used if v.unconfirmed and v.note], **extra, **more)

    # 1. the provider
    allowed = ("hospital", "physician") if rule.get("providers") == "hospital_and_professionals" else ("hospital",)
    if sit.kind not in (None, *allowed):
        return answer(False, f"{name} covers hospitals; {who} is recorded as provider kind '{sit.kind}' "
                             + (f"(set {sit.fact('kind')}: hospital if the bill is from a hospital)." if sit.words is None
                              else "(if the bill is from a hospital, say so in the case)."))
    missing: list[str] = []
    if rule.get("providers") == "nonprofit_hospital":
        if sit.nonprofit is False:
            return answer(False, f"{name} binds nonprofit hospitals; {who} is recorded as for-profit.")
        if sit.nonprofit is None:
            missing.append(sit.fact("nonprofit"))
    if rule.get("residents_only") and sit.state != sit.law_state:
        return answer(False, f"{name} covers {sit.law_state} residents; the patient lives in {sit.state}.")
    settings = rule.get("settings")
    if settings:
        if sit.setting is None:
            missing.append(sit.fact("setting"))
        elif sit.setting not in settings:
            return answer(False, f"{name} covers {' or '.join(settings)} care; this care was {sit.setting}.")
    # 2. the patient
    covered, reason = _patients(rule, sit, who)
    if covered is False:
        return answer(False, f"{name}: {reason}.")
    if covered is None:
        missing.append(reason)
    # 3. income against the tier sets
    variants = {k: rules.at(f"{prefix}.{slug}.tiers.{k}", on) for k in rules.children(f"{prefix}.{slug}.tiers")}
    needs_income = any(t["up_to_fpl"] is not None for v in variants.values() for t in v.value)
    if sit.fpl_percent is None and needs_income:
        missing.append(sit.income_fact())
        return answer(None, f"Cannot decide without {sit.said(missing)}.", discount=None, missing=missing)
    fpl = sit.fpl_percent if sit.fpl_percent is not None else Decimal(0)
    key = _variant_key(rule.get("variant_by"), sit)
    chosen = {key: variants[key]} if key is not None else variants
    if key is not None and key not in variants:
        raise ValueError(f"{prefix}.{slug}: no tier set {key!r}")
    results = {k: _place(v.value, fpl) for k, v in chosen.items()}
    used += list(chosen.values())
    for v in chosen.values():
        citations += v.citations
    outcomes = {(ok, None if t is None else (t.get("discount"), t.get("charge_cap"))) for ok, t in results.values()}
    if len(outcomes) > 1:
        fact = sit.fact(VARIANT_FACT[rule["variant_by"]])
        missing.append(fact)
        detail = "; ".join(f"{k.replace('_', ' ')}: " + (_describe(t) if ok else "not eligible")
                           for k, (ok, t) in results.items())
        return answer(None, f"Income is {fpl}% of the poverty guideline; the answer depends on "
                            f"{sit.said([fact])} ({detail}).", discount=None, missing=missing)
    ok, tier = next(iter(results.values()))
    label = "" if key in (None, "all") else f" ({key.replace('_', ' ')} hospital)"
    if not ok:
        rows = [t for v in chosen.values() for t in v.value if t["up_to_fpl"] is not None]
        last = max(rows, key=lambda t: Decimal(str(t["up_to_fpl"])))
        if not last.get("limit_inclusive", True):  # 'less than': income at the limit is already out
            return answer(False, f"Income is {fpl}% of the poverty guideline; the law covers incomes "
                                 f"{_band(last)}{label} only.")
        return answer(False, f"Income is {fpl}% of the poverty guideline, above the law's limit of "
                             f"{Decimal(str(last['up_to_fpl']))}%{label}.")
    if tier["up_to_fpl"] is None:
        why = f"No income limit{label}: {_describe(tier)}."
    else:
        why = f"Income is {fpl}% of the poverty guideline, {_band(tier)}{label}: {_describe(tier)}."
    if reason and covered:
        why += f" Covered as {reason}."
    if missing:
        return answer(None, why + f" Still needed: {', '.join(missing)}.", discount=None, missing=missing)
    return answer(True, why, discount=tier.get("discount"), charge_cap=tier.get("charge_cap"))


def _describe(tier: dict) -> str:
    d, cap = tier.get("discount"), tier.get("charge_cap")
    if d is not None and cap:
        return f"{pct(d)} off ({cap})"
    if d is not None:
        if float(d) == 1:
            return "free care"
        return f"at least {pct(d)} off" if tier.get("at_least") else f"{pct(d)} off"
    return f"price capped: {cap}"


def state_programs(sit, as_of: date) -> list[dict[str, Any]]:
    """Every charity-care program of the state whose law applies, in force on the care date."""
    prefix = f"states.{sit.law_state.lower()}.charity_care"
    slugs = sorted({k.split(".", 1)[0] for k in law().children(prefix)})
    on = sit.care_date or as_of
    return [r for r in (evaluate(s, prefix, sit, on) for s in slugs) if r is not None]
