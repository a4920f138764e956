"""What the patient owes, in order of the law: the most anyone can ask of them for this care.

    the balance asked
  - lines that should not be billed at all (duplicates, unbundled codes, services not received ...):
    their charge, or for an insured patient with an EOB their own patient share
  capped by public coverage: Medicaid (nominal cost sharing only), a QMB (no Medicare cost
    sharing), Medicare's limiting charge (the audit's MEDICARE.LIMITING_CHARGE lines)
  capped by insurance: the EOB patient responsibility of the claims matched to the bill, less the
    out-of-pocket maximum's excess; the No Surprises Act's in-network cost sharing
  capped by financial assistance: a free tier owes $0; a discount tier owes charges x (1 - discount),
    never more than the hospital's amounts generally billed (AGB is a ceiling, never a concession)
  $0 when state law makes the debt void or uncollectable
  $0 when a bankruptcy discharge the patient logged covers the debt (care before the discharge)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from decimal import Decimal
from typing import Any

from ..util import cents, dollars
from .steps import Steps

# findings that say a price is too high: pricing at a benchmark answers them (negotiate/fair.py)
# (BILL.PRICE_INPATIENT_DRG: a stay far above its MS-DRG payment; the stay is priced at that payment)
PRICE_RULES = {"BILL.PRICE_OUTLIER", "BILL.PRICE_INPATIENT_DRG", "NSA.GFE_EXCEEDED", "IRS501R.OVER_AGB"}
# findings about the balance as a whole, answered by a cap below, never by removing lines
BALANCE_RULES = {"EOB.PATIENT_RESP", "NSA.BALANCE_BILL", "EOB.OOP_MAX_EXCEEDED", "MEDICAID.BALANCE_BILL",
                 "MEDICARE.QMB_BILLED", "EOB.DUPLICATE_CLAIM", "EOB.OUT_OF_NETWORK_ANCILLARY"}
# findings that put the care under the No Surprises Act's in-network cost sharing
NSA_RULES = ("NSA.BALANCE_BILL", "EOB.OUT_OF_NETWORK_ANCILLARY")
# findings whose lines are billed above a legal limit (the excess comes off, the rest stays)
LIMIT_RULES = {"MEDICARE.LIMITING_CHARGE"}
MEDICAID_CITES = ["42 U.S.C. 1396a(a)(25)(C)", "42 CFR 447.15"]
QMB_CITES = ["42 U.S.C. 1396a(n)(3)(B)"]
DISCHARGE_CITES = ["11 U.S.C. 524(a)(2)"]
AGB_CITES = ["26 U.S.C. 501(r)(5)", "26 CFR 1.501(r)-5(a)"]


def voids_debt(rule: str) -> bool:
    """A finding or violation whose id says state law makes the debt void or uncollectable
    (ids ending in .VOID or containing .VOID_ / _VOID, e.g. a state ban whose statute voids it)."""
    return rule.endswith(".VOID") or ".VOID_" in rule or "_VOID" in rule


@dataclass
class Owed:
    amount: Decimal
    billed: Decimal
    asked: Decimal
    paid: Decimal  # what insurance (or anyone) paid, as the bill shows it
    wrong: Decimal  # charges that should not be billed at all
    wrong_lines: set[int]
    removed: Decimal  # what those lines took off the balance (their charge, or their patient share)
    capped_by: str | None  # "medicaid", "qmb", "eob", "nsa", "assistance", "void" ... (the last cap that bit)
    steps: Steps
    program: dict[str, Any] | None = None  # the assistance program that set the figure
    fallback: Decimal | None = None  # what would be owed if the assistance application were denied
    notes: list[str] = field(default_factory=list)


def wrong_lines(findings, charges: dict[int, Decimal]) -> list[tuple[Any, tuple[int, ...], Decimal]]:
    """Findings that take charges off the bill (lines that should not be billed, or billed above a
    legal limit): (finding, lines, dollars), each line counted once at the largest stake on it."""
    best: dict[tuple[int, ...], tuple[Any, Decimal]] = {}
    for f in findings:
        if f.severity == "info" or f.rule in PRICE_RULES | BALANCE_RULES or not f.lines or f.amount <= 0:
            continue
        key = tuple(sorted(f.lines))
        at_most = sum((charges.get(n, Decimal(0)) for n in key), Decimal(0))
        stake = min(Decimal(f.amount), at_most)
        if stake > best.get(key, (None, Decimal(-1)))[1]:
            best[key] = (f, stake)
    return [(f, key, stake) for key, (f, stake) in sorted(best.items())]


def whole_lines(key: tuple[int, ...], stake: Decimal, charges: dict[int, Decimal], whole: set[int]) -> set[int]:
    """The lines of a finding taken off in full: the audit's own answer when it has one, else the
    last lines whose charges the stake covers (a duplicate's copies after the first)."""
    if whole:
        return set(key) & whole
    out, left = set(), stake
    for n in reversed(key):
        if charges.get(n, Decimal(0)) <= left:
            out.add(n)
            left -= charges.get(n, Decimal(0))
    return out


def _eob_line(eobs, m):
    for e in eobs:
        if e.source != m.eob_source:
            continue
        for c in e.claims:
            if c.claim_id == m.claim_id:
                return c, next((el for el in c.lines if el.line == m.eob_line), None)
    return None, None


def patient_share(line: int, charge: Decimal, eobs, eob_match) -> Decimal:
    """The patient's share of one bill line on the EOB: its matched EOB line's patient
    responsibility (0 when the plan denied it as a duplicate), else its part of a claim matched by
    dates, in proportion to its charge; 0 when no EOB claim covers it."""
    if eob_match is None:
        return Decimal(0)
    m = eob_match.for_bill_line(line)
    if m is not None:
        claim, el = _eob_line(eobs, m)
        if el is not None:
            return Decimal(el.patient_responsibility or 0)
    for cm in eob_match.claims:
        if line in cm.bill_lines and cm.billed_on_bill:
            claim = next((c for e in eobs if e.source == cm.eob_source for c in e.claims
                          if c.claim_id == cm.claim_id), None)
            resp = claim.adjudicated_patient_responsibility if claim is not None else None
            if resp:
                return cents(Decimal(resp) * charge / Decimal(cm.billed_on_bill))
    return Decimal(0)


def matched_responsibility(eobs, eob_match, has_bill: bool) -> tuple[Decimal | None, int]:
    """The EOBs' patient responsibility for the claims matched to the bill (all claims when the
    account has EOBs and no bill): (amount, claims), amount None when no claim is matched."""
    if not eobs:
        return None, 0
    claims = [c for e in eobs for c in e.claims if c.status != "reversed"]
    if has_bill:
        ids = {(cm.eob_source, cm.claim_id) for cm in (eob_match.claims if eob_match else [])}
        claims = [c for e in eobs for c in e.claims if (e.source, c.claim_id) in ids and c.status != "reversed"]
    values = [c.adjudicated_patient_responsibility for c in claims if c.adjudicated_patient_responsibility is not None]
    if not values:
        return None, 0
    return sum(values, Decimal(0)), len(values)


def _finding_cites(f) -> list[str]:
    return list(f.citations[:2])


def legal_owed(*, account, audit, findings, bills, insurance: str | None, eobs=(), eob_match=None,
               violations=(), programs: list[dict[str, Any]] | None = None,
               out_of_pocket_max: Decimal | None = None, year_cap: dict[str, Any] | None = None,
               fpl_percent=None) -> Owed:
    """The most the patient can be asked to pay, each cap a step with its citation.

    `year_cap`: {amount, text, citations}, this bill's part of the plan year's out-of-pocket maximum
    once the other bills of the year are counted (negotiate.oop_across_accounts)."""
    steps = Steps()
    has_lines = audit is not None and bool(audit.lines)
    charges = {ln.line: Decimal(ln.charge) for ln in audit.lines} if has_lines else {}
    billed = Decimal(audit.total_charges) if has_lines else Decimal(account.balance or 0)
    paid = sum((Decimal(b.payments) for b in bills if b.payments), Decimal(0)) if has_lines else Decimal(0)
    adjusted = sum((Decimal(b.adjustments) for b in bills if b.adjustments), Decimal(0)) if has_lines else Decimal(0)
    stated = next((Decimal(b.stated_balance) for b in bills if b.stated_balance is not None), None)
    if account.balance is not None:
        asked = Decimal(account.balance)
    elif stated is not None:
        asked = stated
    elif has_lines:
        asked = max(billed - paid - adjusted, Decimal(0))
    else:
        asked = Decimal(0)
    if has_lines:
        steps.add(f"Billed {dollars(billed)}", billed, kind="billed")
        if paid or adjusted:
            steps.add(f"Minus {dollars(paid + adjusted)} insurance paid or adjusted on the bill", billed - paid - adjusted,
                      change=-(paid + adjusted), kind="paid")
    steps.add(f"The balance asked is {dollars(asked)}", asked, kind="asked")
    owed, capped_by = asked, None
    use_eob_shares = insurance in ("insured", "medicare") and bool(eobs) and eob_match is not None
    # 1. lines that should not be billed at all (or above a legal limit)
    wrong_total, removed, wrong_set = Decimal(0), Decimal(0), set()
    whole = set(getattr(audit, "disputed_lines", None) or ()) if has_lines else set()
    for f, key, stake in wrong_lines(findings, charges):
        wrong_total += stake
        wrong_set |= whole_lines(key, stake, charges, whole)
        if use_eob_shares:
            share = sum((patient_share(n, charges.get(n, Decimal(0)), eobs, eob_match) for n in key), Decimal(0))
            take = min(share * stake / max(sum((charges.get(n, Decimal(0)) for n in key), Decimal(0)), Decimal("0.01")),
                       share)
            what = f"its patient share on the EOB, {dollars(take)}"
        else:
            take, what = stake, dollars(stake)
        take = min(cents(take), owed)
        owed -= take
        removed += take
        why = "charged above the legal limit" if f.rule in LIMIT_RULES else "which should not be billed"
        steps.add(f"Minus {what}, {why}: {f.message.rstrip('.')}", owed, _finding_cites(f), change=-take,
                  kind="wrong_line")
    result = Owed(amount=owed, billed=billed, asked=asked, paid=paid, wrong=wrong_total, wrong_lines=wrong_set,
                  removed=removed, capped_by=None, steps=steps)

    def cap(value: Decimal, text: str, cites, by: str) -> None:
        nonlocal owed, capped_by
        value = max(cents(value), Decimal(0))
        if value < owed:
            steps.add(text, value, cites, change=value - owed, kind="cap")
            owed, capped_by = value, by
    # 2. public coverage
    if insurance == "medicaid":
        cost_sharing, _ = matched_responsibility(eobs, eob_match, has_lines)
        keep = cost_sharing or Decimal(0)
        cap(keep, f"Medicaid: a provider that accepted you as a Medicaid patient may bill only Medicaid's "
                  f"cost sharing ({dollars(keep) if cost_sharing is not None else 'a small copay at most'}), "
                  f"so you owe {dollars(keep)}", MEDICAID_CITES, "medicaid")
    elif insurance == "qmb":
        cap(Decimal(0), "As a Qualified Medicare Beneficiary you owe no Medicare deductible, coinsurance or copay "
                        "to any Medicare provider: you owe $0.00", QMB_CITES, "qmb")
    # 3. insurance: the EOB's patient responsibility for the claims on this bill
    if insurance in ("insured", "medicare") and eobs:
        resp, n = matched_responsibility(eobs, eob_match, has_lines)
        if resp is None:
            steps.add("The EOBs in the case match no claim on this bill: ask the insurer for the EOB of these "
                      "services; you owe at most the patient responsibility it shows")
        else:
            # a claim the plan processed twice: its extra copies' patient share is not owed either
            twice = sum((Decimal(f.amount) for f in findings if f.rule == "EOB.DUPLICATE_CLAIM"
                         and f.severity != "info" and f.amount > 0), Decimal(0))
            limit = max(resp - removed - twice, Decimal(0))
            minus = f" less the {dollars(removed)} patient share of the lines that should not be billed" if removed else ""
            if twice:
                minus += f" less the {dollars(twice)} share of claims processed twice"
            cap(limit, f"Your plan's EOB{'s' if n > 1 else ''} put your share at {dollars(resp)} for the "
                       f"{n} claim{'s' if n > 1 else ''} on this bill{minus}: you owe at most {dollars(limit)}",
                ["45 CFR 147.136(b) and 29 CFR 2560.503-1(g) (the EOB states the patient's share)"], "eob")
            result.notes.append("eob")
    for f in findings:
        if f.severity == "info" or f.amount <= 0:
            continue
        if f.rule == "EOB.OOP_MAX_EXCEEDED":
            cap(owed - Decimal(f.amount), f"Minus {dollars(f.amount)} above your plan's out-of-pocket maximum "
                                          "or deductible", _finding_cites(f), "oop_max")
        elif f.rule == "NSA.BALANCE_BILL":
            cap(asked - Decimal(f.amount) - removed, f"No Surprises Act: only in-network cost sharing is owed; "
                f"{dollars(f.amount)} of the balance is a surprise bill", _finding_cites(f), "nsa")
        elif f.rule in LIMIT_RULES and not f.lines:
            cap(asked - Decimal(f.amount) - removed, f"Minus {dollars(f.amount)} above what Medicare allows: "
                f"{f.message.rstrip('.')}", _finding_cites(f), "medicare")
        elif f.rule == "EOB.PATIENT_RESP" and not eobs:
            cap(asked - Decimal(f.amount) - removed, f"The balance is {dollars(f.amount)} above the EOB's patient "
                "responsibility", _finding_cites(f), "eob")
    # in network, or protected by the No Surprises Act: cost sharing never exceeds the plan's maximum
    nsa = any(f.rule in NSA_RULES and f.severity != "info" for f in findings)
    if insurance == "insured" and out_of_pocket_max is not None and (nsa or account.provider.in_network is True):
        why = "the No Surprises Act limits you to in-network cost sharing" if nsa else "the provider is in network"
        cap(Decimal(out_of_pocket_max), f"Your plan's in-network out-of-pocket maximum is {dollars(out_of_pocket_max)} "
                                        f"and {why}: you owe at most {dollars(out_of_pocket_max)} for the year, "
                                        "less what you already paid toward it",
            ["42 U.S.C. 18022(c)(1); 45 CFR 156.130(a)"] + (["45 CFR 149.410(b)"] if nsa else []), "oop_ceiling")
    # the out-of-pocket maximum shared by all the bills of the plan year (allocated in the order of the care)
    if year_cap is not None:
        cap(Decimal(str(year_cap["amount"])), year_cap["text"], year_cap["citations"], "oop_year")
    # 4. financial assistance (the hospital's policy, state charity-care laws)
    best = _assistance(programs or [], account=account, billed=billed, wrong=wrong_total, paid=paid, owed=owed)
    if best is not None:
        value, text, cites, prog = best
        if value < owed:
            result.fallback = owed
            cap(value, text, cites, "assistance")
            result.program = prog
        else:
            steps.add(text + f"; that is not below {dollars(owed)}", None, cites)
    # state laws that cap the price at a multiple of Medicare (Cal. H&S 127405(d), N.J.S.A. 26:2H-12.52)
    for value, text, cites, prog in medicare_caps(programs or [], account=account, audit=audit if has_lines else None,
                                                  wrong_set=wrong_set, paid=paid, fpl=fpl_percent):
        result.notes.append(f"medicare_cap:{prog['id']}")
        if value is None:
            steps.add(text, None, cites)
        elif value < owed:
            if result.fallback is None:
                result.fallback = owed
            cap(value, text, cites, "medicare_cap")
            result.program = prog
        else:
            steps.add(text + f"; that is not below {dollars(owed)}", None, cites)
    for p in programs or []:
        if p["id"] == "MEDICAID" and p["eligible"] is True and owed > 0:
            steps.add(p.get("step") or p["why"], None, p.get("citations", [])[:2], kind="step")
    # 5. void or uncollectable under state law
    for v in [*violations, *findings]:
        if voids_debt(v.rule) and v.severity != "info":
            cap(Decimal(0), f"State law makes this debt void or uncollectable: {v.message.rstrip('.')}",
                v.citations[:2], "void")
            break
    # 6. discharged in bankruptcy: a discharge ends the personal liability for the debts it covers (11 U.S.C. 524)
    discharged = discharge_day(account)
    if discharged is not None:
        cap(Decimal(0), f"A bankruptcy discharge of {discharged} ended your personal liability for this debt, if "
                        f"this care, before it, was among the debts it covered", DISCHARGE_CITES, "discharged")
    result.amount, result.capped_by = owed, capped_by
    return result


def discharge_day(account) -> date | None:
    """The day of the first bankruptcy discharge the patient logged (a `legal_action` of type
    `bankruptcy_discharge`), when this care predates it; else None."""
    days = [e.at.date() if hasattr(e.at, "hour") else e.at for e in account.events
            if e.kind == "legal_action" and e.type == "bankruptcy_discharge" and e.from_ == "patient"]
    care = account.care.start or account.first_bill_date
    if not days or care is None or care >= min(days):
        return None
    return min(days)


@lru_cache(maxsize=None)
def _cap_slugs(prefix: str) -> tuple[str, ...]:
    """The charity-care programs of a state that have a `medicare_cap` row (the law data is static)."""
    from ..law import law

    rules = law()
    return tuple(s for s in sorted({k.split(".", 1)[0] for k in rules.children(prefix)})
                 if f"{prefix}.{s}.medicare_cap" in rules)


def medicare_cap_rule(program: dict[str, Any], on) -> tuple[dict[str, Any], Any] | None:
    """The structured Medicare cap of a state charity-care program (`states.<xx>.charity_care.<slug>.
    medicare_cap`, e.g. California's 127405(d), New Jersey's 26:2H-12.52): (value, dated value) in force
    on `on`, or None when the program has none."""
    pid = str(program.get("id", ""))
    if not pid.startswith("STATE."):
        return None
    prefix = f"states.{pid.split('.')[1].lower()}.charity_care"
    slugs = _cap_slugs(prefix)
    if not slugs:
        return None
    from ..law import law

    rules = law()
    for slug in slugs:
        try:
            if rules.at(f"{prefix}.{slug}.program", on).value.get("id") != pid:
                continue
            dv = rules.at(f"{prefix}.{slug}.medicare_cap", on)
        except KeyError:
            return None
        return (dv.value, dv) if dv.value else None
    return None


def in_band(fpl, rule: dict[str, Any]) -> bool:
    """The income is inside the cap's band: at or below the limit, or below it, as the law words it."""
    if fpl is None:
        return False
    fpl, limit = Decimal(str(fpl)), Decimal(str(rule["fpl_limit"]))
    return fpl <= limit if rule.get("limit_inclusive", True) else fpl < limit


def medicare_caps(programs, *, account, audit, wrong_set: set[int], paid: Decimal, fpl) -> list[tuple]:
    """For each eligible state program with a Medicare cap whose income band holds the patient: (value,
    step text, citations, program), the cap priced line by line from the audit's Medicare amounts (lines
    without one kept at their charge); or (None, note, citations, program) when no line has one."""
    out = []
    if audit is None or not audit.lines:
        return out
    on = account.care.start
    for p in programs:
        if p.get("eligible") is not True:
            continue
        found = medicare_cap_rule(p, on or date.fromisoformat(p.get("law_date") or "2000-01-01"))
        if found is None:
            continue
        rule, dv = found
        pct = Decimal(str(rule["percent_of_medicare"]))
        cites = list(dv.citations[:1])
        band = (f"at or below {rule['fpl_limit']}%" if rule.get("limit_inclusive", True)
                else f"below {rule['fpl_limit']}%")
        if not in_band(fpl, rule):
            if fpl is not None:  # e.g. exactly 500% under New Jersey's "less than 500%"
                out.append((None, f"{p['name']}: its cap of {pct:g}% of Medicare covers incomes {band} of the poverty "
                                  f"guideline; yours is {float(Decimal(str(fpl))):g}%, so it does not apply", cites, p))
            continue
        total, priced, kept, detail = Decimal(0), 0, 0, []
        for ln in audit.lines:
            if ln.line in wrong_set:
                continue
            medicare = (audit.benchmarks or {}).get(ln.line, {}).get("medicare")
            if medicare is None:
                total += Decimal(ln.charge)
                kept += 1
                continue
            at = cents(Decimal(str(medicare)) * pct / 100)
            total += min(at, Decimal(ln.charge))
            priced += 1
            detail.append(f"line {ln.line} {dollars(at)}")
        head = (f"{p['name']}: at your income ({float(Decimal(str(fpl))):g}% of the poverty guideline, {band}) the "
                f"hospital may charge at most {pct:g}% of what Medicare pays")
        if dv.unconfirmed:
            head += " (the statute's own words for this cap are not yet confirmed)"
        if rule.get("greatest_of_government_programs"):
            head += " (the law's cap is the greatest of Medicare, Medi-Cal or another government program the hospital takes part in; Medicare's is the one known here)"
        if not priced:
            out.append((None, head + ": ask the hospital for the Medicare amounts of these services and apply it",
                        cites, p))
            continue
        value = max(total - paid, Decimal(0))
        text = (head + f": {priced} line{'s' if priced > 1 else ''} at {pct:g}% of Medicare ({'; '.join(detail)})"
                + (f", {kept} line{'s' if kept > 1 else ''} with no Medicare amount at {'its' if kept == 1 else 'their'} charge" if kept else "")
                + f" = {dollars(total)}" + (f" less {dollars(paid)} paid" if paid else "")
                + f", so if the hospital approves your application, you owe at most {dollars(value)}")
        out.append((value, text, cites, p))
    return out


def _assistance(programs, *, account, billed, wrong, paid, owed) -> tuple[Decimal, str, list[str], dict] | None:
    """The eligible assistance program that leaves the least to pay, with its step."""
    options = []
    for p in programs:
        if p["eligible"] is not True or p["id"] == "MEDICAID":
            continue
        d = None if p.get("discount") is None else Decimal(str(p["discount"]))
        cites = list(p.get("citations", []))[:2]
        if d is not None and d >= 1:
            options.append((Decimal(0), f"{p['name']}: {p['why'].rstrip('.')}. So if the hospital approves your "
                                        "application, you owe $0.00", cites, p))
            continue
        value, parts = None, []
        if d is not None and d > 0:
            value = cents(owed * (1 - d))
            parts.append(f"{float(d) * 100:g}% off the {dollars(owed)} charged to you = {dollars(value)}")
        agb = p.get("agb_percent")
        if agb is not None:
            ceiling = max(cents((billed - wrong) * Decimal(str(agb)) / 100 - paid), Decimal(0))
            if value is None or ceiling < value:
                parts.append(f"never more than the hospital's amounts generally billed: {float(agb):g}% of "
                             f"{dollars(billed - wrong)}" + (f" less {dollars(paid)} paid" if paid else "")
                             + f" = {dollars(ceiling)}")
                cites = cites + AGB_CITES
                value = ceiling if value is None else min(value, ceiling)
        if value is not None:
            options.append((value, f"{p['name']}: " + "; ".join(parts), cites, p))
    if not options:
        return None
    return min(options, key=lambda o: o[0])
