"""A printed remittance advice (an 835 printed on paper, often stapled behind a hospital statement).

A page is a remittance when it has a service-line header naming the charges, the allowed or
reimbursed amount and the adjustment reason (e.g. "REV DATE HCPCS ... CHARGES ALLOW/REIM GC RSN
AMOUNT"). Each service row reads: revenue code, date, [HCPCS, modifiers, units], charge, allowed,
[group code], reason code, adjustment amount. The claim's own totals are printed as "AMOUNT=LABEL"
(7258.50=REPORTED, 1958.25=NET REIM AMT), and are checked against the rows.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .eob_model import Eob, EobClaim, EobLine, coded_adjustment, denial_reasons, is_denial, patient_split
from .text_table import TextLine
from .values import parse_date
from .year_less import BillDates, year_of

ZERO = Decimal(0)
_AMOUNT = r"-?\d[\d,]*\.\d{2}"
HEADER = re.compile(r"\bcharges?\b.*\ballow(?:ed)?\b.*\b(?:gc|grp|rsn|rc|reason)\b", re.I)
ROW = re.compile(rf"^(?P<rev>\d{{4}})\s+(?P<date>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\s+(?P<mid>.*?)\s*"
                 rf"(?P<charge>{_AMOUNT})\s+(?P<allowed>{_AMOUNT})\s+(?:(?P<group>[A-Za-z0-9]{{2}})\s+)?"
                 rf"(?P<reason>[A-Z]?\d{{1,3}})\s+(?P<amount>{_AMOUNT})(?:\s+(?P<remarks>.*))?$")
STATED = re.compile(rf"({_AMOUNT})\s*=\s*([A-Z][A-Z0-9/ ]*[A-Z])")
HCPCS = re.compile(r"^[A-Z0-9]\d{3}[A-Z0-9]$")
GROUPS = ("CO", "PR", "OA", "PI", "CR")
# printed labels of the claim totals -> what they are
LABELS = {"REPORTED": "billed", "ALLOW/REIM": "allowed", "NET REIM AMT": "paid"}


def remittance_pages(lines: list[TextLine]) -> list[int]:
    """The pages that hold a printed remittance's service lines."""
    return sorted({ln.page for ln in lines if HEADER.search(ln.text)})


def _money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _label(text: str) -> str:
    return " ".join(text.upper().replace("0", "O").split())  # OCR reads O as 0 in labels ('ALL0W/REIM')


def read_remittance(lines: list[TextLine], *, file: str, format: str, dates: BillDates | None = None) -> Eob:
    """An Eob from the text lines of the remittance pages (one claim per page). A service date printed
    without its year takes it from `dates`, the bill's own (see year_less.py), when one year fits."""
    eob = Eob(source=file, format=format)
    for page in remittance_pages(lines):
        on_page = [ln for ln in lines if ln.page == page]
        said = len(eob.notes)
        claim = _claim(on_page, page, eob.notes, dates or BillDates())
        if claim.lines:
            header = next(" ".join(ln.text.split()) for ln in on_page if HEADER.search(ln.text))
            eob.notes.insert(said, f"page {page}: read as a printed remittance advice (the insurer's 835 on paper; "
                                   f"layout: {header}); its rows are services the plan processed, not charges")
            eob.claims.append(claim)
        if eob.payer is None and claim.payer:
            eob.payer = claim.payer
    if eob.claims:
        eob.payment_total = sum((c.paid or ZERO for c in eob.claims), ZERO)
    return eob


def _claim(lines: list[TextLine], page: int, notes: list[str], dates: BillDates) -> EobClaim:
    stated: dict[str, Decimal] = {}
    claim_id = None
    for ln in lines:
        for amount, label in STATED.findall(ln.text):
            name = LABELS.get(_label(label))
            if name and name not in stated:
                stated[name] = _money(amount)
        m = re.search(r"CLM\s*#?\s*:?\s*([A-Z0-9-]*\d[A-Z0-9-]*)", ln.text)
        if m and claim_id is None:
            claim_id = m.group(1)
    top = lines[:next((i for i, ln in enumerate(lines) if HEADER.search(ln.text)), len(lines))]
    payer = next((ln.text.strip(" =-*") for ln in top if re.fullmatch(r"[=\-*\s]*[A-Z][A-Z .&,']{5,}", ln.text)), None)
    claim = EobClaim(claim_id=claim_id or f"remittance page {page}", payer=payer)
    printed: list[str] = []  # each line's date as printed ('11/09', '11/09/2023')
    for ln in lines:
        m = ROW.match(" ".join(ln.text.split()))
        if m:
            claim.lines.append(_line(m, len(claim.lines) + 1, page, notes))
            printed.append(m.group("date"))
    _date_lines(claim, printed, dates, page, notes)
    _settle(claim, stated, page, notes)
    return claim


def _date_lines(claim: EobClaim, printed: list[str], dates: BillDates, page: int, notes: list[str]) -> None:
    """Each line's service date: as printed when it has a year, else with the year the bill's dates give."""
    year_less: dict[str, date | str] = {}
    for ln, text in zip(claim.lines, printed):
        if text.count("/") == 2:
            try:
                ln.date = parse_date(text)
            except ValueError:
                notes.append(f"page {page}, service line {ln.line}: the date {text!r} could not be read")
            continue
        if text not in year_less:
            month, day = (int(p) for p in text.split("/"))
            year_less[text] = year_of(month, day, dates)
        if isinstance(year_less[text], date):
            ln.date = year_less[text]
    if year_less:
        _year_less_note(year_less, dates, page, notes)
    dated = sorted(ln.date for ln in claim.lines if ln.date)
    if dated and len(dated) == len(claim.lines):
        claim.start, claim.end = dated[0], dated[-1]


def _year_less_note(year_less: dict[str, date | str], dates: BillDates, page: int, notes: list[str]) -> None:
    shown = list(year_less)  # as printed, first seen first
    head = f"page {page}: service dates are printed without a year ({', '.join(shown)})"
    found = sorted({d.year for d in year_less.values() if isinstance(d, date)})
    years = f"the year {found[0]} is" if len(found) == 1 else f"the years {' and '.join(map(str, found))} are"
    parts = [f"{years} taken from {dates.said()}"] if found else []
    reasons = list(dict.fromkeys(w for w in year_less.values() if isinstance(w, str)))
    for why in reasons:
        which = [t for t in shown if year_less[t] == why]
        lines = "the lines" if not found and len(reasons) == 1 else f"the line(s) of {', '.join(which)}"
        parts.append(f"{lines} are kept without a date: {why}")
    notes.append(f"{head}; {'; '.join(parts)}")


def _line(m: re.Match, n: int, page: int, notes: list[str]) -> EobLine:
    mid = m.group("mid").split()
    code = mid.pop(0) if mid and HCPCS.match(mid[0]) and any(c.isdigit() for c in mid[0]) else None
    units = Decimal(mid.pop()) if mid and mid[-1].isdigit() else Decimal(1)
    modifiers = [t for t in mid if re.fullmatch(r"[A-Z0-9]{2}", t)]
    group = (m.group("group") or "").upper().replace("0", "O") or None
    if group not in GROUPS:
        notes.append(f"page {page}, service line {n}: the group code (CO, PR, OA ...) could not be read; "
                     f"the adjustment is kept with reason {m.group('reason')} only")
        group = None
    allowed = _money(m.group("allowed"))
    adjustment = coded_adjustment(group, m.group("reason"), _money(m.group("amount")))
    line = EobLine(line=n, code=code, code_system="HC" if code else None, modifiers=modifiers,
                   revenue_code=m.group("rev"), units=units, billed=_money(m.group("charge")), allowed=allowed,
                   adjustments=[adjustment],
                   remarks=(m.group("remarks") or "").split())
    ded, coins, copay, other, _ = patient_split(line.adjustments)
    line.deductible, line.coinsurance, line.copay, line.other_patient = ded, coins, copay, other
    line.patient_responsibility = ded + coins + copay + other
    line.paid = allowed - line.patient_responsibility  # the plan pays what it allows less the patient's share
    if is_denial(line.billed, line.paid, line.adjustments):
        line.denied, line.denial_reasons = True, denial_reasons(line.adjustments)
    return line


def _settle(claim: EobClaim, stated: dict[str, Decimal], page: int, notes: list[str]) -> None:
    lines = claim.lines
    sums = {name: sum((getattr(ln, name) or ZERO for ln in lines), ZERO)
            for name in ("billed", "allowed", "paid", "deductible", "coinsurance", "copay", "other_patient",
                         "patient_responsibility")}
    for name, value in sums.items():
        setattr(claim, name, value)
    for name, value in stated.items():
        if not lines:
            setattr(claim, name, value)
        elif sums[name] != value:
            notes.append(f"page {page}: the service lines add up to {sums[name]:,.2f} {name}, but the remittance "
                         f"states {value:,.2f}; the stated amount is used")
            setattr(claim, name, value)
    if lines and stated:
        said = ", ".join(f"{name} {value:,.2f}" for name, value in stated.items() if sums[name] == value)
        if said:
            notes.append(f"page {page}: the {len(lines)} service lines add up to what the remittance states ({said})")
    denied = sum(1 for ln in lines if ln.denied)
    claim.status = ("denied" if lines and denied == len(lines) else "partly_denied" if denied else "processed")
    claim.denied = claim.status == "denied"
    claim.status_text = {"denied": "denied", "partly_denied": "some services denied"}.get(claim.status, "processed")
