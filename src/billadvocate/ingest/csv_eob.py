"""EOB exports as CSV (insurer portals, spreadsheets): one row per service, grouped into claims.

Headers are matched by name, case-insensitively, with the common variants insurers use ("Plan
Paid", "You Owe", "Amount Billed", "In Network"). Rows without a claim id are grouped by date and
provider. A row whose status reads "denied" (or "not covered", "rejected") is a denied line. A row
with no date and no service that reads "Total" is taken as the export's own total, not a service.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

from ..errors import BadInput
from . import carc
from .eob_model import Adjustment, Eob, EobClaim, EobLine
from .values import parse_date, parse_modifiers, parse_money, parse_units

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "claim_id": ("claim", "claim id", "claim number", "claim no", "claim #", "reference", "claim ref"),
    "date": ("date", "service date", "date of service", "dos", "svc date", "from date", "visit date", "date(s) of service"),
    "provider": ("provider", "provider name", "doctor", "facility", "rendering provider", "billed by", "provided by"),
    "patient": ("patient", "patient name", "member", "member name", "for"),
    "service": ("service", "description", "service description", "services", "procedure description", "type of service"),
    "code": ("code", "cpt", "hcpcs", "procedure code", "cpt code", "service code", "cpt/hcpcs", "procedure"),
    "modifiers": ("modifier", "modifiers", "mod"),
    "units": ("units", "qty", "quantity"),
    "billed": ("billed", "amount billed", "billed amount", "charges", "charge", "provider charges", "total charges",
               "amount charged", "submitted", "submitted charges"),
    "allowed": ("allowed", "allowed amount", "amount allowed", "plan allowed", "approved amount", "eligible amount",
                "negotiated rate", "covered amount"),
    "paid": ("paid", "insurer paid", "plan paid", "plan pays", "insurance paid", "amount paid", "paid by plan",
             "paid to provider", "benefit paid", "your plan paid", "payer paid", "plan payment"),
    "discount": ("discount", "plan discount", "network discount", "savings", "adjustment", "adjustments", "contractual"),
    "not_covered": ("not covered", "non covered", "noncovered", "amount not covered"),
    "deductible": ("deductible", "applied to deductible", "deductible amount"),
    "coinsurance": ("coinsurance", "co-insurance", "coinsurance amount"),
    "copay": ("copay", "co-pay", "copayment", "copay amount"),
    "patient_responsibility": ("patient responsibility", "you owe", "your responsibility", "member responsibility",
                               "you may owe", "amount you owe", "patient owes", "your cost", "what you owe",
                               "patient resp", "member owes", "patient balance"),
    "status": ("status", "claim status", "processing status"),
    "network": ("network", "in network", "network status", "in-network", "network tier"),
    "reason": ("reason", "reason code", "adjustment reason", "remark", "remarks", "carc", "denial reason", "notes"),
    "payer": ("payer", "insurer", "plan", "insurance", "health plan"),
    "processed": ("date processed", "processed", "processed date", "processed on", "notice date", "date of notice",
                  "decision date", "date decided"),
}
_ALIASES = {a: canon for canon, aliases in HEADER_ALIASES.items() for a in aliases}
_MONEY = ("billed", "allowed", "paid", "discount", "not_covered", "deductible", "coinsurance", "copay",
          "patient_responsibility")
_DENIED = re.compile(r"\b(denied|deny|rejected|not covered|declined)\b", re.I)
_TOTAL = re.compile(r"^\s*(total|totals|grand total)\b", re.I)


def _squeeze(h: str) -> str:
    return re.sub(r"[\s_.]+", " ", (h or "").strip().lower()).replace("($)", "").strip()


def _network(text: str) -> bool | None:
    t = text.strip().lower()
    if not t:
        return None
    if t in ("yes", "y", "true", "in", "in network", "in-network", "innetwork", "participating", "par", "tier 1"):
        return True
    if t in ("no", "n", "false", "out", "out of network", "out-of-network", "outofnetwork", "non-participating", "nonpar"):
        return False
    return None


def read_csv_eob(path: str | Path, *, text: str | None = None) -> Eob:
    """Read an EOB CSV export into an Eob (claims grouped by claim id, else by date and provider)."""
    from .detect import read_text

    file = str(path)
    text = read_text(path) if text is None else text
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    if not rows:
        raise BadInput("the file is empty", file=file)
    return read_eob_rows(rows, file=file, format="csv-eob")


def read_eob_rows(rows: list[list[str]], *, file: str, format: str) -> Eob:
    mapping: dict[int, str] = {}
    for i, h in enumerate(rows[0]):
        canon = _ALIASES.get(_squeeze(str(h)))
        if canon and canon not in mapping.values():
            mapping[i] = canon
    found = set(mapping.values())
    if not found & {"paid", "allowed", "patient_responsibility"}:
        raise BadInput(f"no EOB columns among the headers {rows[0]}: an EOB export needs at least one of "
                       "'paid' (plan paid), 'allowed' or 'patient responsibility' (you owe)", file=file, where="line 1")
    if "billed" not in found and "paid" not in found:
        raise BadInput("no 'billed' column: name the provider's charge column 'billed'", file=file, where="line 1")
    eob = Eob(source=file, format=format)
    claims: dict[str, EobClaim] = {}
    networks: dict[str, set[bool]] = {}  # the network markers each claim's rows carry
    stated_total: Decimal | None = None
    for row_no, row in enumerate(rows[1:], start=2):
        f = {canon: (str(row[i]).strip() if i < len(row) and row[i] is not None else "") for i, canon in mapping.items()}
        where = f"row {row_no}"
        if not f.get("date") and not f.get("code") and _TOTAL.match(f.get("service") or f.get("claim_id") or f.get("provider") or ""):
            stated_total = _money(f, "paid", file, where)
            continue
        amounts = {k: _money(f, k, file, where) for k in _MONEY}
        try:
            service_date = parse_date(f.get("date"))
            units = parse_units(f.get("units")) if f.get("units") else None
        except ValueError as e:
            raise BadInput(str(e), file=file, where=f"{where}, column date")
        try:
            processed = parse_date(f.get("processed")) if f.get("processed") else None
        except ValueError as e:
            raise BadInput(str(e), file=file, where=f"{where}, column processed")
        key = f.get("claim_id") or f"{service_date or ''}|{f.get('provider', '')}"
        claim = claims.get(key)
        if claim is None:
            claim = claims[key] = EobClaim(claim_id=f.get("claim_id") or f"row-{row_no}", provider=f.get("provider") or None,
                                           patient=f.get("patient") or None, payer=f.get("payer") or None)
        code_text = f.get("code") or ""
        modifiers = parse_modifiers(f.get("modifiers"))
        if "-" in code_text and not modifiers:
            code_text, _, mod = code_text.partition("-")
            modifiers = parse_modifiers(mod)
        line = EobLine(line=len(claim.lines) + 1, date=service_date, date_end=service_date,
                       code=code_text.strip().upper() or None, modifiers=modifiers,
                       description=f.get("service", ""), units=units,
                       billed=amounts["billed"], allowed=amounts["allowed"], paid=amounts["paid"],
                       deductible=amounts["deductible"], coinsurance=amounts["coinsurance"], copay=amounts["copay"],
                       patient_responsibility=amounts["patient_responsibility"])
        if line.patient_responsibility is None and any(v is not None for v in (line.deductible, line.coinsurance, line.copay)):
            line.patient_responsibility = sum((v or Decimal(0) for v in (line.deductible, line.coinsurance, line.copay)), Decimal(0))
        if amounts["discount"]:
            line.adjustments.append(Adjustment(group="CO", reason="45", amount=abs(amounts["discount"]),
                                               group_meaning=carc.group_meaning("CO"), meaning="plan discount"))
        if amounts["not_covered"]:
            line.adjustments.append(Adjustment(group="OA", reason="96", amount=abs(amounts["not_covered"]),
                                               group_meaning=carc.group_meaning("OA"), meaning=carc.reason_meaning("96")))
        reason = f.get("reason") or ""
        status = f.get("status") or ""
        for code in re.findall(r"\b(?:(CO|PR|OA|PI|CR)[- ]?)(\d{1,3}|[A-Z]\d{1,2})\b", f"{reason} {status}".upper()):
            line.adjustments.append(Adjustment(group=code[0], reason=code[1], amount=Decimal(0),
                                               group_meaning=carc.group_meaning(code[0]),
                                               meaning=carc.reason_meaning(code[1])))
        if _DENIED.search(status) or (_DENIED.search(reason) and not line.paid):
            line.denied = True
            line.denial_reasons = [f"{a.key}: {a.meaning}" for a in line.adjustments if a.reason] or [reason or status]
        net = _network(f.get("network") or "")
        if net is not None:
            networks.setdefault(claim.claim_id, set()).add(net)
            claim.in_network = net if len(networks[claim.claim_id]) == 1 else None  # in and out: unknown
        claim.status_text = claim.status_text or status
        claim.processed = claim.processed or processed
        claim.lines.append(line)
    if not claims:
        raise BadInput("the EOB export has a header but no service rows", file=file)
    for claim in claims.values():
        _total_claim(claim)
        if len(networks.get(claim.claim_id, ())) > 1:
            eob.notes.append(f"claim {claim.claim_id}: its rows say both in and out of network, so its network "
                             "status is read as unknown; check it with the plan")
    eob.claims = list(claims.values())
    payers = {c.payer for c in eob.claims if c.payer}
    eob.payer = payers.pop() if len(payers) == 1 else None
    if stated_total is not None:
        eob.payment_total = stated_total
    return eob


def _money(f: dict[str, str], name: str, file: str, where: str) -> Decimal | None:
    try:
        return parse_money(f.get(name))
    except ValueError as e:
        raise BadInput(str(e), file=file, where=f"{where}, column {name}")


def _total_claim(claim: EobClaim) -> None:
    lines = claim.lines
    for name in ("billed", "allowed", "paid", "deductible", "coinsurance", "copay", "patient_responsibility"):
        values = [getattr(ln, name) for ln in lines if getattr(ln, name) is not None]
        setattr(claim, name, sum(values, Decimal(0)) if values else None)
    dates = [ln.date for ln in lines if ln.date]
    claim.start, claim.end = (min(dates), max(dates)) if dates else (None, None)
    denied = [ln for ln in lines if ln.denied]
    if denied and len(denied) == len(lines):
        claim.status, claim.denied = "denied", True
    elif denied:
        claim.status = "partly_denied"
    else:
        claim.status = "processed"
