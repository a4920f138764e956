"""Tradelines from the text of a consumer credit report PDF, only where it reads reliably.

Reports differ by bureau and by year, so this reader is strict: it reads "Label: value" account
blocks (as in the bureaus' downloadable reports and annualcreditreport.com printouts), and each block
must give the company, an amount and a date. Anything less is refused with a message that says what
was missing and how to type the tradelines into a CSV instead. What was read is always shown back to
the patient for confirmation (`billadvocate credit read FILE`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BadInput
from ..model import Tradeline
from .read import tradeline_from_fields

# label (lower case, squeezed) -> tradeline field
LABELS = {
    "account name": "furnisher", "creditor": "furnisher", "creditor name": "furnisher",
    "collection agency": "furnisher", "furnisher": "furnisher", "company": "furnisher",
    "agency name": "furnisher", "reported by": "furnisher",
    "original amount": "original_amount", "original balance": "original_amount",
    "high balance": "original_amount", "amount placed for collection": "original_amount",
    "balance": "balance", "current balance": "balance", "balance owed": "balance", "amount owed": "balance",
    "status": "status", "account status": "status", "payment status": "status",
    "date of first delinquency": "first_delinquency", "first delinquency": "first_delinquency",
    "date of 1st delinquency": "first_delinquency",
    "date reported": "reported", "date assigned": "reported", "date placed for collection": "reported",
    "date opened": "reported", "first reported": "reported",
    "date paid": "paid_on", "paid on": "paid_on", "date closed": "paid_on",
    "creditor classification": "classification", "account type": "classification", "type": "classification",
    "original creditor": "original_creditor",
}
STARTS = {"furnisher"}
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 /&'().-]{1,40}?)\s*:\s*(.*?)\s*$")
_BUREAU_WORDS = {"equifax": "equifax", "experian": "experian", "transunion": "transunion", "trans union": "transunion"}


def read_pdf_text(path: Path) -> str:
    """The text of every page, or a BadInput when the PDF has none (a scan: type it into a CSV)."""
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            text = "\n".join((page.extract_text() or "") for page in pdf.pages)
    except Exception as e:  # pdfminer raises many kinds on a damaged file
        raise BadInput(f"cannot read this PDF ({type(e).__name__}): is it a credit report PDF?", file=str(path))
    if not text.strip():
        raise BadInput("this PDF has no text (a scan or a photo?): type the collections into a CSV "
                       "(see `billadvocate credit read --help`)", file=str(path))
    return text


def detect_bureau(text: str) -> str | None:
    low = text.lower()
    counts: dict[str, int] = {}
    for word, b in _BUREAU_WORDS.items():
        counts[b] = counts.get(b, 0) + low.count(word)
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def account_blocks(text: str) -> list[dict[str, str]]:
    """'Label: value' lines grouped into accounts; a company label starts a new account."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        label = re.sub(r"\s+", " ", m.group(1).strip().lower())
        name = LABELS.get(label)
        if name is None:
            continue
        value = m.group(2).strip()
        if name in STARTS:
            current = {"furnisher": value}
            blocks.append(current)
        elif current is not None and name not in current:
            current[name] = value
    return blocks


def parse_report_text(text: str, *, file: str, default_bureau: str | None = None) -> list[Tradeline]:
    """Tradelines from a report's text; refuses (BadInput) rather than guess."""
    bureau = default_bureau or detect_bureau(text)
    if bureau is None:
        raise BadInput("cannot tell which bureau this report is from: pass --bureau", file=file)
    blocks = account_blocks(text)
    if not blocks:
        raise BadInput("no accounts found in the text (this report's layout is not one billadvocate reads): "
                       "type the collections into a CSV instead", file=file)
    out = []
    for n, block in enumerate(blocks, start=1):
        where = f"account {n} ({block['furnisher'] or 'no name'})"
        missing = [label for label, keys in (("an amount", ("balance", "original_amount")),
                                             ("a date", ("first_delinquency", "reported")))
                   if not any(block.get(k) for k in keys)]
        if missing or not block["furnisher"]:
            raise BadInput(f"could not read {' or '.join(missing) or 'the company name'} reliably: type the "
                           "collections into a CSV instead", file=file, where=where)
        kind = " ".join([block.get("classification", ""), block.get("original_creditor", "")]).lower()
        status = block.get("status", "").lower()
        block["status"] = ("settled" if "settled" in status else
                           "paid" if "paid" in status and "unpaid" not in status else "unpaid")
        block["medical"] = "yes" if ("medical" in kind or "health" in kind or "hospital" in kind) else "no"
        out.append(tradeline_from_fields(block, file=file, where=where, default_bureau=bureau))
    return out


def read_report_pdf(path: str | Path, *, default_bureau: str | None = None) -> list[Tradeline]:
    path = Path(path)
    return parse_report_text(read_pdf_text(path), file=str(path), default_bureau=default_bureau)
