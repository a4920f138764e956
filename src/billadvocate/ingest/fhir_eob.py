"""FHIR R4 ExplanationOfBenefit (CMS Blue Button 2.0, CARIN Blue Button, Synthea) -> the canonical Eob.

Accepts one ExplanationOfBenefit resource or a Bundle of them (searchset, transaction, collection).
Amounts come from `adjudication` (per item and per claim) and `total`, recognised by their category
codes: the generic HL7/CARIN codes (submitted, eligible, benefit, deductible, coinsurance, copay,
memberliability, noncovered, priorpayerpaid, paidtoprovider ...) and Blue Button's own variables
(line_sbmtd_chrg_amt, rev_cntr_tot_chrg_amt ...), the specific one winning when both are given.
Network status, denial and adjustment reasons come from the CARIN discriminators.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import BadInput
from . import carc
from .eob_model import Adjustment, Eob, EobClaim, EobLine
from .progress import steps

CENT = Decimal("0.01")
ZERO = Decimal(0)

# Blue Button variable (last part of the code URL) -> canonical amount; None: ignore (a rate, a count)
BLUE_BUTTON = {
    "line_sbmtd_chrg_amt": "billed", "rev_cntr_tot_chrg_amt": "billed", "clm_tot_chrg_amt": "billed",
    "nch_carr_clm_sbmtd_chrg_amt": "billed", "tot_rx_cst_amt": "billed",
    "line_alowd_chrg_amt": "allowed", "nch_carr_clm_alowd_amt": "allowed",
    "line_nch_pmt_amt": "paid", "rev_cntr_pmt_amt_amt": "paid", "clm_pmt_amt": "paid", "cvrd_d_plan_pd_amt": "paid",
    "line_prvdr_pmt_amt": "paidtoprovider", "rev_cntr_prvdr_pmt_amt": "paidtoprovider",
    "line_bene_pmt_amt": "paidtopatient", "rev_cntr_bene_pmt_amt": "paidtopatient",
    "line_bene_ptb_ddctbl_amt": "deductible", "rev_cntr_cash_ddctbl_amt": "deductible",
    "rev_cntr_blood_ddctbl_amt": "deductible",
    "line_coinsrnc_amt": "coinsurance", "rev_cntr_coinsrnc_wge_adjstd_c": "coinsurance",
    "rev_cntr_rdcd_coinsrnc_amt": None, "gdc_blw_oopt_amt": None, "gdc_abv_oopt_amt": None,
    "rev_cntr_ptnt_rspnsblty_pmt": "memberliability", "ptnt_pay_amt": "memberliability",
    "line_bene_prmry_pyr_pd_amt": "priorpayerpaid", "rev_cntr_1st_msp_pd_amt": "priorpayerpaid",
    "rev_cntr_2nd_msp_pd_amt": "priorpayerpaid", "othr_troop_amt": "priorpayerpaid", "plro_amt": "priorpayerpaid",
    "lics_amt": "discount", "rptd_gap_dscnt_num": "discount",
    "rev_cntr_ncvrd_chrg_amt": "noncovered", "rev_cntr_rate_amt": None, "line_prcsg_ind_cd": None,
}
# Blue Button claim-level benefitBalance.financial variables -> canonical amount
BLUE_BUTTON_BALANCE = {
    "nch_bene_ip_ddctbl_amt": "deductible", "nch_bene_ptb_ddctbl_amt": "deductible",
    "nch_bene_blood_ddctbl_lblty_am": "deductible", "carr_clm_cash_ddctbl_apld_amt": "deductible",
    "nch_bene_pta_coinsrnc_lblty_amt": "coinsurance", "nch_bene_ptb_coinsrnc_amt": "coinsurance",
    "clm_op_prvdr_pmt_amt": "paidtoprovider", "nch_clm_prvdr_pmt_amt": "paidtoprovider",
    "clm_op_bene_pmt_amt": "paidtopatient", "nch_clm_bene_pmt_amt": "paidtopatient",
    "nch_carr_clm_alowd_amt": "allowed", "nch_carr_clm_sbmtd_chrg_amt": "billed",
}
# generic HL7 / CARIN adjudication codes -> canonical amount
GENERIC = {
    "submitted": "billed", "eligible": "allowed", "allowed": "allowed", "benefit": "paid",
    "paidtoprovider": "paidtoprovider", "paidtopatient": "paidtopatient", "deductible": "deductible",
    "coinsurance": "coinsurance", "copay": "copay", "memberliability": "memberliability",
    "noncovered": "noncovered", "priorpayerpaid": "priorpayerpaid", "discount": "discount",
    "drugcost": "billed", "paidbypatient": "paidbypatient",
}
# amounts that become adjustments: (group, reason, words)
AS_ADJUSTMENT = {
    "noncovered": ("OA", "96", "not covered by the plan"),
    "priorpayerpaid": ("OA", "23", "paid by an earlier payer"),
    "discount": ("CO", "45", "discount under the plan's contract"),
}
DISCRIMINATORS = {"denialreason", "adjustmentreason", "benefitpaymentstatus", "billingnetworkstatus",
                  "renderingnetworkstatus", "inoutnetwork", "allowedunits", "adjudicationamounttype"}


def read_fhir_eob(path, *, text: str | None = None) -> Eob:
    """Read a FHIR ExplanationOfBenefit (or a Bundle holding some) from a JSON file."""
    from .detect import load_json, read_text

    file = str(path)
    data = load_json(read_text(path) if text is None else text, file=file)
    return read_fhir_data(data, file=file)


def read_fhir_data(data: Any, *, file: str) -> Eob:
    if not isinstance(data, dict) or "resourceType" not in data:
        raise BadInput("this JSON is not a FHIR resource: an EOB file holds an ExplanationOfBenefit "
                       "or a Bundle of them", file=file)
    kind = data.get("resourceType")
    if kind == "ExplanationOfBenefit":
        resources, index = [data], {}
    elif kind == "Bundle":
        entries = [e for e in data.get("entry") or [] if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
        resources = [e["resource"] for e in entries if e["resource"].get("resourceType") == "ExplanationOfBenefit"]
        if not resources:
            kinds = sorted({str(e["resource"].get("resourceType")) for e in entries})
            raise BadInput(f"this FHIR Bundle holds no ExplanationOfBenefit (it holds: {', '.join(kinds) or 'nothing'})",
                           file=file)
        index = _bundle_index(entries)
    else:
        raise BadInput(f"this JSON is a FHIR {kind}, not an ExplanationOfBenefit", file=file)
    eob = Eob(source=file, format="fhir")
    with steps("Reading EOBs", len(resources)) as advance:
        for i, resource in enumerate(resources):
            where = f"ExplanationOfBenefit {resource.get('id') or i + 1}"
            try:
                eob.claims.append(_claim(resource, index, eob))
            except (TypeError, ValueError, AttributeError, KeyError, InvalidOperation) as e:
                raise BadInput(f"unexpected content ({type(e).__name__}: {e})", file=file, where=where)
            advance(1)
    payers = {c.payer for c in eob.claims if c.payer}
    eob.payer = payers.pop() if len(payers) == 1 else None
    return eob


def _bundle_index(entries: list[dict]) -> dict[str, dict]:
    index: dict[str, dict] = {}
    for e in entries:
        r = e["resource"]
        if e.get("fullUrl"):
            index[str(e["fullUrl"])] = r
        if r.get("id"):
            index[f"{r.get('resourceType')}/{r['id']}"] = r
    return index


def _resolve(ref: Any, resource: dict, index: dict) -> dict | None:
    if not isinstance(ref, dict):
        return None
    target = ref.get("reference")
    if isinstance(target, str):
        if target.startswith("#"):
            for c in resource.get("contained") or []:
                if isinstance(c, dict) and c.get("id") == target[1:]:
                    return c
        elif target in index:
            return index[target]
    return None


def _display(ref: Any, resource: dict, index: dict) -> str | None:
    """A reference's name: its display, the referenced resource's name, or its identifier."""
    if not isinstance(ref, dict):
        return None
    if ref.get("display"):
        return str(ref["display"])
    target = _resolve(ref, resource, index)
    if target:
        name = target.get("name")
        if isinstance(name, str):
            return name
        if isinstance(name, list) and name and isinstance(name[0], dict):
            n = name[0]
            return n.get("text") or " ".join([*(n.get("given") or []), n.get("family") or ""]).strip() or None
    ident = ref.get("identifier")
    if isinstance(ident, dict) and ident.get("value"):
        return str(ident["value"])
    return None


def _codes(concept: Any) -> list[str]:
    """Every code of a CodeableConcept, as the last part of its URL ('.../line_nch_pmt_amt' -> that)."""
    if not isinstance(concept, dict):
        return []
    return [str(c.get("code")).rstrip("/").rsplit("/", 1)[-1] for c in concept.get("coding") or []
            if isinstance(c, dict) and c.get("code") is not None]


def _first_code(concept: Any) -> tuple[str | None, str | None, str]:
    """(code, system, display) of a CodeableConcept's first coding."""
    if not isinstance(concept, dict):
        return None, None, ""
    for c in concept.get("coding") or []:
        if isinstance(c, dict) and c.get("code"):
            return str(c["code"]), c.get("system"), str(c.get("display") or concept.get("text") or "")
    return None, None, str(concept.get("text") or "")


def _money(value: Any) -> Decimal | None:
    if not isinstance(value, dict) or value.get("value") is None:
        return None
    v = value["value"]
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise ValueError(f"amount {v!r} is not a number")
    return Decimal(str(v)).quantize(CENT)


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    return date.fromisoformat(value[:10])


def _amounts(adjudications: Any, table: dict = BLUE_BUTTON) -> tuple[dict[str, Decimal], list[Adjustment], dict[str, list[str]]]:
    """Canonical amounts, reason adjustments, and discriminator reasons of an adjudication list."""
    specific: dict[str, Decimal] = {}
    generic: dict[str, Decimal] = {}
    adjustments: list[Adjustment] = []
    flags: dict[str, list[str]] = {}
    for adj in adjudications or []:
        if not isinstance(adj, dict):
            continue
        codes = _codes(adj.get("category"))
        amount = _money(adj.get("amount"))
        reason_code, reason_system, reason_text = _first_code(adj.get("reason"))
        for c in codes:
            if c in DISCRIMINATORS and reason_code:
                flags.setdefault(c, []).append(reason_code)
        if reason_code and "adjustmentreason" in codes or (reason_system or "").endswith("claim-adjustment-reason-codes"):
            adjustments.append(Adjustment(reason=reason_code, amount=amount or ZERO,
                                          meaning=carc.reason_meaning(reason_code) if not reason_text else reason_text))
        if amount is None:
            continue
        bb = [table[c] for c in codes if c in table]
        if bb:
            if bb[0] is not None:
                specific[bb[0]] = specific.get(bb[0], ZERO) + amount
            continue
        for c in codes:
            if c in GENERIC:
                generic[GENERIC[c]] = generic.get(GENERIC[c], ZERO) + amount
                break
    merged = {**generic, **specific}
    for key, (group, reason, words) in AS_ADJUSTMENT.items():
        if merged.get(key):
            adjustments.append(Adjustment(group=group, reason=reason, amount=merged[key],
                                          group_meaning=carc.group_meaning(group), meaning=words))
    return merged, adjustments, flags


def _apply(target: EobClaim | EobLine, amounts: dict[str, Decimal]) -> None:
    target.billed = amounts.get("billed", target.billed)
    target.allowed = amounts.get("allowed", target.allowed)
    if "paid" in amounts:
        target.paid = amounts["paid"]
    elif "paidtoprovider" in amounts or "paidtopatient" in amounts:
        target.paid = amounts.get("paidtoprovider", ZERO) + amounts.get("paidtopatient", ZERO)
    for key in ("deductible", "coinsurance", "copay"):
        if key in amounts:
            setattr(target, key, amounts[key])
    if "memberliability" in amounts:
        target.patient_responsibility = amounts["memberliability"]
    elif any(k in amounts for k in ("deductible", "coinsurance", "copay")):
        target.patient_responsibility = sum((amounts.get(k, ZERO) for k in ("deductible", "coinsurance", "copay")), ZERO)


def _network(flags: dict[str, list[str]]) -> bool | None:
    for key in ("benefitpaymentstatus", "billingnetworkstatus", "renderingnetworkstatus", "inoutnetwork"):
        for v in flags.get(key, []):
            if v.lower() in ("innetwork", "in-network", "in"):
                return True
            if v.lower() in ("outofnetwork", "out-of-network", "out"):
                return False
    return None


def _denials(flags: dict[str, list[str]], adjustments: list[Adjustment]) -> list[str]:
    reasons = [f"denial reason {r}" for r in flags.get("denialreason", []) if r not in ("0", "N/A", "")]
    reasons += [f"{a.reason}: {a.meaning}" for a in adjustments if a.reason and carc.appealable(a.reason)]
    return reasons


TOTAL_CHARGE = "0001"  # NUBC UB-04 revenue code 0001: total charge (the claim's sum, on its last line)


def _line(item: dict, n: int) -> EobLine:
    code, system, display = _first_code(item.get("productOrService"))
    if code == "not-applicable":
        code, system = None, None
    modifiers = [m for mod in item.get("modifier") or [] for m in _codes(mod)]
    if code is None and modifiers and len(modifiers[0]) == 5:  # Blue Button outpatient: HCPCS in modifier
        code, system, modifiers = modifiers[0], "hcpcs", modifiers[1:]
    revenue, _, revenue_text = _first_code(item.get("revenue"))
    period = item.get("servicedPeriod") if isinstance(item.get("servicedPeriod"), dict) else {}
    start = _date(item.get("servicedDate")) or _date(period.get("start"))
    quantity = item.get("quantity")
    units = _money(quantity) if isinstance(quantity, dict) else None
    line = EobLine(line=int(item.get("sequence") or n), code=code, code_system=_system_name(system),
                   revenue_code=revenue if revenue and revenue.isdigit() else None,
                   modifiers=modifiers,
                   description=display or revenue_text, date=start,
                   date_end=_date(period.get("end")) or start, units=units)
    amounts, adjustments, flags = _amounts(item.get("adjudication"))
    if "billed" not in amounts and isinstance(item.get("net"), dict):
        amounts["billed"] = _money(item["net"])
    _apply(line, amounts)
    line.adjustments = adjustments
    reasons = _denials(flags, adjustments)
    if "denied" in [v.lower() for v in flags.get("benefitpaymentstatus", [])] or (
            reasons and line.billed and line.billed > 0 and not line.paid):
        line.denied, line.denial_reasons = True, reasons or ["the plan marked this service denied"]
    return line


def _system_name(system: str | None) -> str | None:
    if not system:
        return None
    s = system.lower()
    for word, name in (("hcpcs", "HC"), ("cpt", "HC"), ("ndc", "N4"), ("snomed", "SNOMED"), ("rxnorm", "RXNORM"),
                       ("cvx", "CVX"), ("cdt", "AD"), ("ada", "AD")):
        if word in s:
            return name
    return system


def _claim_id(resource: dict) -> str:
    idents = [i for i in resource.get("identifier") or [] if isinstance(i, dict) and i.get("value")]
    for i in idents:
        if "uc" in _codes(i.get("type")) or str(i.get("system", "")).endswith("clm_id"):
            return str(i["value"])
    if idents:
        return str(idents[0]["value"])
    return str(resource.get("id") or "unknown")


def _claim(resource: dict, index: dict, eob: Eob) -> EobClaim:
    kind = next((c for c in _codes(resource.get("type")) if c in (
        "professional", "institutional", "pharmacy", "oral", "vision")), None)
    period = resource.get("billablePeriod") if isinstance(resource.get("billablePeriod"), dict) else {}
    insurer = _display(resource.get("insurer"), resource, index)
    if not insurer:
        for ins in resource.get("insurance") or []:
            cov = _resolve(ins.get("coverage"), resource, index) if isinstance(ins, dict) else None
            if cov and cov.get("payor"):
                insurer = _display(cov["payor"][0], resource, index)
            insurer = insurer or (_display(ins.get("coverage"), resource, index) if isinstance(ins, dict) else None)
            if insurer:
                break
    provider = _display(resource.get("provider"), resource, index)
    if not provider or provider.startswith("Practitioner?"):
        provider = _display(resource.get("facility"), resource, index) or provider
    claim = EobClaim(claim_id=_claim_id(resource), payer=insurer, provider=provider, kind=kind,
                     patient=_display(resource.get("patient"), resource, index),
                     start=_date(period.get("start")), end=_date(period.get("end")),
                     processed=_date(resource.get("created")),
                     status_code=str(resource.get("outcome") or resource.get("status") or "") or None)
    claim.lines = [_line(item, n) for n, item in enumerate(resource.get("item") or [], start=1) if isinstance(item, dict)]
    # NUBC revenue code 0001 'Total charge': an institutional claim's total sent as its last item, not a service
    totals = [ln for ln in claim.lines if ln.revenue_code == TOTAL_CHARGE]
    claim.lines = [ln for ln in claim.lines if ln.revenue_code != TOTAL_CHARGE]
    if claim.start is None:
        dates = [ln.date for ln in claim.lines if ln.date]
        claim.start, claim.end = (min(dates), max(dates)) if dates else (None, None)
    if not claim.payer and "bluebutton.cms.gov" in str(resource.get("identifier")):
        claim.payer = "Medicare (CMS Blue Button)"
    amounts, adjustments, flags = _amounts(resource.get("total"))
    header, header_adjustments, header_flags = _amounts(resource.get("adjudication"))
    for key, value in header.items():
        amounts.setdefault(key, value)
    for key, values in header_flags.items():
        flags.setdefault(key, []).extend(values)
    balances = [{"category": f.get("type"), "amount": f.get("usedMoney")}
                for b in resource.get("benefitBalance") or [] if isinstance(b, dict)
                for f in b.get("financial") or [] if isinstance(f, dict) and "usedMoney" in f]
    for key, value in _amounts(balances, BLUE_BUTTON_BALANCE)[0].items():
        amounts.setdefault(key, value)
    line_billed = sum((ln.billed for ln in claim.lines if ln.billed is not None), ZERO)
    for total in totals:  # the total line's charge is the claim's where its `total` does not state one
        if total.billed is not None:
            amounts.setdefault("billed", total.billed)
        if total.billed is not None and total.billed != line_billed and claim.lines:
            eob.notes.append(f"claim {claim.claim_id}: its total charge line (revenue code 0001) states "
                             f"{total.billed:,.2f}, its lines add up to {line_billed:,.2f}")
    if amounts.get("billed") == 0 and line_billed > 0:  # a stated zero total next to charged lines
        eob.notes.append(f"claim {claim.claim_id}: the stated total charge is 0 but the lines add up to "
                         f"{line_billed}; the lines' sum is used")
        del amounts["billed"]
    claim.adjustments = adjustments or header_adjustments
    _apply(claim, _line_sums(claim.lines, amounts))
    if claim.paid is None:
        claim.paid = _money((resource.get("payment") or {}).get("amount"))
    claim.in_network = _network(flags)
    if claim.in_network is None:
        nets = {ln_net for ln_net in (_network_of(i) for i in resource.get("item") or []) if ln_net is not None}
        claim.in_network = nets.pop() if len(nets) == 1 else None
    payment_type = _codes((resource.get("payment") or {}).get("type"))
    denied_lines = [ln for ln in claim.lines if ln.denied]
    if resource.get("status") in ("cancelled", "entered-in-error"):
        claim.status, claim.status_text = "reversed", f"status {resource.get('status')}"
    elif resource.get("outcome") == "queued":
        claim.status, claim.status_text = "pending", "queued: not adjudicated yet"
    elif "denied" in payment_type or "denied" in [v.lower() for v in flags.get("benefitpaymentstatus", [])] or (
            claim.lines and len(denied_lines) == len(claim.lines)):
        claim.status, claim.denied, claim.status_text = "denied", True, "denied"
    elif denied_lines:
        claim.status, claim.status_text = "partly_denied", "some services denied"
    else:
        claim.status = "processed"
        claim.status_text = {"partial": "processed in part", "complete": "processed"}.get(
            str(resource.get("outcome")), "processed")
    return claim


def _network_of(item: Any) -> bool | None:
    if not isinstance(item, dict):
        return None
    return _network(_amounts(item.get("adjudication"))[2])


def _line_sums(lines: list[EobLine], stated: dict[str, Decimal]) -> dict[str, Decimal]:
    """The claim's amounts: as stated in `total`, else the sum of its lines where every line says it."""
    out = dict(stated)
    for key, attr in (("billed", "billed"), ("allowed", "allowed"), ("paid", "paid"), ("deductible", "deductible"),
                      ("coinsurance", "coinsurance"), ("copay", "copay"), ("memberliability", "patient_responsibility")):
        if key in out or key == "paid" and ("paidtoprovider" in out or "paidtopatient" in out):
            continue
        values = [getattr(ln, attr) for ln in lines if getattr(ln, attr) is not None]
        if values:
            out[key] = sum(values, ZERO)
    return out
