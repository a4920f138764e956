"""A consumer Explanation of Benefits (the insurer's statement to its member), as a text PDF or a scan.

The common insurer layouts print one table of services under a header naming, in some order, what the
provider billed, what the plan allowed, what was saved (the network discount), what the plan paid and
what the member owes ("Provider billed / Plan allowed / Amount saved / Plan paid / You owe"; "Amount
billed / Allowed amount / Your plan paid / Your responsibility" ...). A row is a date of service, the
service (a HCPCS/CPT code when printed) and one amount per column, in the header's order. Such a
document is an EOB, never a bill: its rows are not charges. The note says which layout matched.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .eob_model import Adjustment, Eob, EobClaim, EobLine
from .text_table import TextLine
from .values import parse_date

# what a column holds -> the words insurers print for it (longest first within a kind)
COLUMNS = {
    "billed": ("provider billed", "amount billed", "billed amount", "amount charged", "provider charged", "billed"),
    "allowed": ("plan allowed", "allowed amount", "amount allowed", "approved amount", "plan approved", "allowed"),
    "saved": ("amount saved", "you saved", "network savings", "plan discount", "network discount", "discount",
              "savings"),
    "paid": ("your plan paid", "plan paid", "paid by plan", "plan's share", "plan pays", "plan payment"),
    "owe": ("you owe", "what you owe", "amount you owe", "your responsibility", "patient responsibility",
            "your share", "you may owe"),
    "deductible": ("deductible",),
    "copay": ("copay", "co-pay"),
    "coinsurance": ("coinsurance",),
}
_AMOUNT = re.compile(r"\(?-?\$?\d[\d,]*\.\d{2}\)?")
_DATE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{2,4})\b")
# a HCPCS/CPT code; not only at a word's start: OCR runs it into the words before ('Bloodtest85025')
_CODE = re.compile(r"(?<![0-9])([A-Z]\d{4}|\d{4}[0-9A-Z])(?![0-9A-Z])")
_CLAIM = re.compile(r"\bclaim\s*(?:number|no\.?|#|id)\s*:?\s*([A-Z0-9-]{4,})", re.I)
_PROVIDER = re.compile(r"\bprovider\s*:\s*(.+)$", re.I)


def _header(text: str) -> list[str] | None:
    """The columns a header line names, in its order, or None when it is not an EOB header. Spaces are
    ignored: OCR of a photo runs words together ('Providerbilled', 'Am ountsaved')."""
    low = "".join(text.lower().split())
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, words in COLUMNS.items():
        for w in words:
            w = w.replace(" ", "")
            i = low.find(w)
            if i >= 0 and not any(a <= i < b for a, b in taken):
                found.append((i, kind))
                taken.append((i, i + len(w)))
                break
    kinds = {k for _, k in found}
    if "billed" in kinds and ("owe" in kinds or "paid" in kinds) and len(kinds) >= 3:
        return [k for _, k in sorted(found)]
    return None


def _money(token: str) -> Decimal:
    negative = token.startswith("(") or token.startswith("-")
    value = Decimal(token.strip("()-$").replace(",", ""))
    return -value if negative else value


def looks_like_consumer_eob(lines: list[TextLine]) -> bool:
    return any(_header(ln.text) for ln in lines)


def read_consumer_eob(lines: list[TextLine], *, file: str, format: str) -> Eob | None:
    """The EOB in these text lines, or None when no consumer EOB header is found."""
    columns = None
    header_text = ""
    claim = EobClaim(claim_id="EOB")
    for ln in lines:
        text = ln.text.strip()
        if columns is None:
            m = _CLAIM.search(text)
            if m:
                claim.claim_id = m.group(1)
            m = _PROVIDER.search(text)
            if m and not claim.provider:
                claim.provider = m.group(1).strip()
            columns = _header(text)
            header_text = text if columns else ""
            continue
        date_m = _DATE.match(text)
        amounts = _AMOUNT.findall(text)
        if not date_m or len(amounts) < len(columns):
            continue
        values = dict(zip(columns, (_money(a) for a in amounts[-len(columns):])))
        middle = text[date_m.end():text.find(amounts[-len(columns)])].strip()
        code = _CODE.search(middle.upper())
        try:
            when = parse_date(date_m.group(1))
        except ValueError:
            continue
        line = EobLine(line=len(claim.lines) + 1, date=when, date_end=when, code=code.group(1) if code else None,
                       description=middle, billed=values.get("billed"), allowed=values.get("allowed"),
                       paid=values.get("paid"), patient_responsibility=values.get("owe"),
                       deductible=values.get("deductible"), copay=values.get("copay"),
                       coinsurance=values.get("coinsurance"))
        if values.get("saved"):
            line.adjustments.append(Adjustment(group="CO", reason="45", amount=abs(values["saved"]),
                                               meaning="plan discount"))
        claim.lines.append(line)
    if columns is None:
        return None
    eob = Eob(source=file, format=format)
    if claim.lines:
        dates = [ln.date for ln in claim.lines if ln.date]
        claim.start, claim.end = (min(dates), max(dates)) if dates else (None, None)
        for field in ("billed", "allowed", "paid", "patient_responsibility"):
            got = [getattr(ln, field) for ln in claim.lines if getattr(ln, field) is not None]
            setattr(claim, field, sum(got, Decimal(0)) if got else None)
        claim.status = "processed"
        eob.claims = [claim]
    eob.notes.append(f"read as a consumer EOB (layout: {header_text}; columns in order: {' / '.join(columns)}); "
                     "its rows are services the plan processed, not charges")
    return eob
