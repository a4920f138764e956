"""Synthea's CSV export: claims_transactions.csv (a ledger per claim line) and claims.csv (status per payer).

claims_transactions.csv has one row per transaction. Rows of a claim are ordered by CHARGEID (the
file itself interleaves claims); a CHARGE row opens a line, and the rows after it, up to the next
CHARGE, settle that line: PAYMENT (COPAY from the patient; any other method from whoever holds the
balance then), ADJUSTMENT (the payer's reduction), TRANSFEROUT/TRANSFERIN (the balance moves to the
secondary insurer, TRANSFERTYPE 2, or to the patient, p). The CHARGE row says who holds the balance
first (1: the primary insurer, p: the patient, when uninsured). OUTSTANDING is what is left unpaid
after each row (Synthea's data dictionary, CSV-File-Data-Dictionary "Claims Transactions").

Read as a bill, the ledger gives the charge lines and what it states: payments, adjustments and the
balance still unpaid. Read as an EOB (`--eob`), it gives per claim and line what the insurers paid
and what fell to the patient (copay and the rest). claims.csv has no amounts charged, only each
payer's status (BILLED or CLOSED) and what is still owed to the primary and secondary insurer and
by the patient (OUTSTANDING1/2/P): it is read as an EOB of those statuses and balances.
Synthea codes services in SNOMED CT, not CPT/HCPCS, so code-based audit rules find nothing there.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..errors import BadInput
from ..model import Bill, Line
from .eob_model import Adjustment, Eob, EobClaim, EobLine
from .values import exact_decimal

ZERO = Decimal(0)
LEDGER_COLUMNS = ("CLAIMID", "CHARGEID", "PATIENTID", "TYPE", "AMOUNT", "METHOD", "FROMDATE", "TODATE",
                  "PROCEDURECODE", "UNITS", "NOTES", "UNITAMOUNT", "TRANSFERTYPE", "PAYMENTS", "ADJUSTMENTS",
                  "TRANSFERS", "OUTSTANDING")
CLAIMS_COLUMNS = ("Id", "PATIENTID", "PROVIDERID", "SERVICEDATE", "STATUS1", "STATUS2", "STATUSP",
                  "OUTSTANDING1", "OUTSTANDING2", "OUTSTANDINGP")
TYPES = ("CHARGE", "PAYMENT", "ADJUSTMENT", "TRANSFERIN", "TRANSFEROUT")
_HOLDERS = {"1": "the primary insurer", "2": "the secondary insurer", "p": "the patient"}
_CLAIM_KIND = {"1": "professional", "2": "institutional"}  # HEALTHCARECLAIMTYPEID
_SNOMED_NOTE = ("Synthea codes services in SNOMED CT, not CPT/HCPCS: the code-based audit rules "
                "(NCCI, MUE, fee schedule) do not apply to these lines")


def looks_like_ledger(header: str) -> bool:
    """Synthea's own column names (the reader then says which of the others are missing)."""
    return {"CLAIMID", "CHARGEID"} <= _names(header)


def looks_like_claims(header: str) -> bool:
    names = _names(header)
    return "Id" in names and bool(names & {"STATUS1", "STATUSP", "OUTSTANDINGP", "PRIMARYPATIENTINSURANCEID"})


def _names(header: str) -> set[str]:
    return {h.strip() for h in header.strip().lstrip("\ufeff").split(",")}


class _Rows:
    """The rows of a Synthea CSV, with typed access that names the file, line and column on failure."""

    def __init__(self, path, text: str | None, required: tuple[str, ...], what: str):
        from .detect import read_text

        self.file = str(path)
        text = read_text(path) if text is None else text
        reader = csv.reader(io.StringIO(text))
        try:
            header = next(reader, None)
            if header is None or not any(h.strip() for h in header):
                raise BadInput(f"the file is empty: a Synthea {what} export starts with its header row",
                               file=self.file)
            self.columns = {h.strip().lstrip("\ufeff"): i for i, h in enumerate(header)}
            missing = [c for c in required if c not in self.columns]
            if missing:
                raise BadInput(f"missing column {', '.join(missing)}: a Synthea {what} export has "
                               f"{', '.join(required)}", file=self.file, where="line 1")
            self.rows = [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]
        except csv.Error as e:
            raise BadInput(f"not a readable CSV ({e})", file=self.file, where=f"line {reader.line_num}")
        if not self.rows:
            raise BadInput(f"the Synthea {what} export has a header but no rows", file=self.file, where="line 2")

    def text(self, row: list[str], column: str) -> str:
        i = self.columns.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    def error(self, line: int, column: str, problem: str) -> BadInput:
        return BadInput(problem, file=self.file, where=f"line {line}, column {column}")

    def money(self, line: int, row: list[str], column: str) -> Decimal | None:
        value = self.text(row, column)
        amount = exact_decimal(value) if value else None
        if value and amount is None:
            raise self.error(line, column, f"{value!r} is not an amount")
        return amount

    def date(self, line: int, row: list[str], column: str) -> date | None:
        value = self.text(row, column)
        if not value:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise self.error(line, column, f"{value!r} is not a date (Synthea writes 2014-05-06T08:34:30Z)")

    def units(self, line: int, row: list[str], column: str) -> Decimal:
        amount = self.money(line, row, column)
        if amount is not None and amount < 0:
            raise self.error(line, column, f"{amount} units: units cannot be negative")
        return Decimal(1) if amount is None else amount


@dataclass
class _LedgerLine:
    """One charge line of the ledger and how it was settled."""

    claim_id: str
    patient: str
    line_no: int  # the CHARGE row's line in the file
    charge: Decimal
    date: date | None
    date_end: date | None
    code: str | None
    description: str
    units: Decimal
    unit_price: Decimal | None
    holder: str  # who holds the balance: 1, 2 or p
    provider: str | None
    member_id: str | None
    insurer_paid: Decimal = ZERO
    patient_paid: Decimal = ZERO
    copay: Decimal = ZERO
    adjusted: Decimal = ZERO
    outstanding: Decimal = ZERO
    adjustments: list[Decimal] = field(default_factory=list)


def _ledger(path, text: str | None) -> tuple[_Rows, list[_LedgerLine]]:
    rows = _Rows(path, text, LEDGER_COLUMNS, "claims_transactions")
    by_claim: dict[str, list[tuple[int, int, list[str]]]] = {}
    for line, row in rows.rows:
        claim = rows.text(row, "CLAIMID")
        if not claim:
            raise rows.error(line, "CLAIMID", "the claim id is blank")
        charge_id = rows.text(row, "CHARGEID")
        if not charge_id.isdigit():
            raise rows.error(line, "CHARGEID", f"{charge_id!r} is not a transaction number")
        by_claim.setdefault(claim, []).append((int(charge_id), line, row))
    lines: list[_LedgerLine] = []
    for claim, txs in by_claim.items():
        current: _LedgerLine | None = None
        for _, line, row in sorted(txs, key=lambda t: t[0]):
            kind = rows.text(row, "TYPE").upper()
            if kind not in TYPES:
                raise rows.error(line, "TYPE", f"{kind!r} is not a transaction type ({', '.join(TYPES)})")
            if kind == "CHARGE":
                current = _charge(rows, line, row, claim)
                lines.append(current)
            elif current is None:
                raise rows.error(line, "TYPE", f"a {kind} row of claim {claim} comes before any CHARGE of that claim")
            else:
                _settle(rows, line, row, kind, current)
            outstanding = rows.money(line, row, "OUTSTANDING")
            if outstanding is not None:
                current.outstanding = outstanding
    return rows, lines


def _charge(rows: _Rows, line: int, row: list[str], claim: str) -> _LedgerLine:
    amount = rows.money(line, row, "AMOUNT")
    if amount is None:
        raise rows.error(line, "AMOUNT", "a CHARGE row without its amount")
    holder = rows.text(row, "TRANSFERTYPE").lower() or "1"
    if holder not in _HOLDERS:
        raise rows.error(line, "TRANSFERTYPE", f"{holder!r} is not 1, 2 or p")
    return _LedgerLine(
        claim_id=claim, patient=rows.text(row, "PATIENTID"), line_no=line, charge=amount,
        date=rows.date(line, row, "FROMDATE"), date_end=rows.date(line, row, "TODATE"),
        code=rows.text(row, "PROCEDURECODE") or None, description=rows.text(row, "NOTES"),
        units=rows.units(line, row, "UNITS"), unit_price=rows.money(line, row, "UNITAMOUNT"), holder=holder,
        provider=rows.text(row, "PROVIDERID") or None, member_id=rows.text(row, "PATIENTINSURANCEID") or None)


def _settle(rows: _Rows, line: int, row: list[str], kind: str, current: _LedgerLine) -> None:
    if kind == "PAYMENT":
        paid = rows.money(line, row, "PAYMENTS") or ZERO
        if rows.text(row, "METHOD").upper() == "COPAY":
            current.copay += paid
            current.patient_paid += paid
        elif current.holder == "p":
            current.patient_paid += paid
        else:
            current.insurer_paid += paid
    elif kind == "ADJUSTMENT":
        adjusted = rows.money(line, row, "ADJUSTMENTS") or ZERO
        current.adjusted += adjusted
        current.adjustments.append(adjusted)
    elif kind == "TRANSFERIN":
        holder = rows.text(row, "TRANSFERTYPE").lower()
        if holder not in _HOLDERS:
            raise rows.error(line, "TRANSFERTYPE", f"{holder!r} is not 1, 2 or p")
        current.holder = holder


def _patient_share(ln: _LedgerLine) -> Decimal:
    """What fell to the patient: everything not adjusted off or paid by an insurer."""
    return max(ln.charge - ln.adjusted - ln.insurer_paid, ZERO)


def _summary(lines: list[_LedgerLine]) -> list[str]:
    insurer = sum((ln.insurer_paid for ln in lines), ZERO)
    patient = sum((ln.patient_paid for ln in lines), ZERO)
    copay = sum((ln.copay for ln in lines), ZERO)
    claims = len({ln.claim_id for ln in lines})
    patients = len({ln.patient for ln in lines})
    notes = [f"Synthea claims_transactions: {claims} claim(s), {len(lines)} charge line(s); insurers paid "
             f"{insurer:,.2f}, the patient paid {patient:,.2f} (copays {copay:,.2f})", _SNOMED_NOTE]
    if patients > 1:
        notes.append(f"the file holds the claims of {patients} patients (PATIENTID): keep one patient's rows "
                     "to audit one person's bills")
    return notes


def read_ledger_bill(path: str | Path, *, text: str | None = None) -> Bill:
    """claims_transactions.csv as a bill: its charge lines, payments, adjustments and unpaid balance."""
    rows, lines = _ledger(path, text)
    bill = Bill(source=rows.file, format="synthea-ledger")
    bill.lines = [Line(line=i, date=ln.date, code=ln.code, description=ln.description, units=ln.units,
                       charge=ln.charge, unit_price=ln.unit_price, provider=ln.provider, claim_id=ln.claim_id)
                  for i, ln in enumerate(lines, start=1)]
    bill.payments = sum((ln.insurer_paid + ln.patient_paid for ln in lines), ZERO)
    bill.adjustments = sum((ln.adjusted for ln in lines), ZERO)
    bill.stated_balance = sum((ln.outstanding for ln in lines), ZERO)
    bill.notes = _summary(lines)
    bill.patients = len({ln.patient for ln in lines})
    return bill


def read_ledger_eob(path: str | Path, *, text: str | None = None) -> Eob:
    """claims_transactions.csv as an EOB: per claim and line, what the insurers paid and the patient's share."""
    rows, lines = _ledger(path, text)
    eob = Eob(source=rows.file, format="synthea-ledger-eob", notes=_summary(lines))
    claims: dict[str, EobClaim] = {}
    for ln in lines:
        claim = claims.get(ln.claim_id)
        if claim is None:
            claim = claims[ln.claim_id] = EobClaim(claim_id=ln.claim_id, patient=ln.patient or None,
                                                   provider=ln.provider, member_id=ln.member_id,
                                                   status="processed", status_text="settled in the ledger")
        share = _patient_share(ln)
        claim.lines.append(EobLine(
            line=len(claim.lines) + 1, date=ln.date, date_end=ln.date_end, code=ln.code, code_system="SNOMED",
            description=ln.description, units=ln.units, billed=ln.charge, allowed=ln.charge - ln.adjusted,
            paid=ln.insurer_paid, patient_responsibility=share, copay=ln.copay, other_patient=share - ln.copay,
            adjustments=[Adjustment(amount=a, meaning="adjusted off by the payer (the export gives no reason code)")
                         for a in ln.adjustments]))
        balance = "patient_balance" if ln.holder == "p" else "insurer_balance"
        setattr(claim, balance, (getattr(claim, balance) or ZERO) + ln.outstanding)
    for claim in claims.values():
        _total(claim)
    eob.claims = list(claims.values())
    return eob


def _total(claim: EobClaim) -> None:
    for name in ("billed", "allowed", "paid", "patient_responsibility", "copay", "other_patient"):
        setattr(claim, name, sum((getattr(ln, name) for ln in claim.lines), ZERO))
    dates = [ln.date for ln in claim.lines if ln.date]
    claim.start, claim.end = (min(dates), max(ln.date_end or ln.date for ln in claim.lines if ln.date)) if dates else (None, None)
    claim.patient_balance = claim.patient_balance or ZERO
    claim.insurer_balance = claim.insurer_balance or ZERO


def read_claims_eob(path: str | Path, *, text: str | None = None) -> Eob:
    """claims.csv as an EOB: each claim's status with each payer and what is still owed, as stated."""
    rows = _Rows(path, text, CLAIMS_COLUMNS, "claims")
    eob = Eob(source=rows.file, format="synthea-claims")
    open_claims = 0
    for line, row in rows.rows:
        claim_id = rows.text(row, "Id")
        if not claim_id:
            raise rows.error(line, "Id", "the claim id is blank")
        statuses = {}
        for column, who in (("STATUS1", "primary insurer"), ("STATUS2", "secondary insurer"), ("STATUSP", "patient")):
            status = rows.text(row, column).upper()
            if status and status not in ("BILLED", "CLOSED"):
                raise rows.error(line, column, f"{status!r} is not a claim status (BILLED or CLOSED)")
            if status:
                statuses[who] = status
        owed = {column: rows.money(line, row, column) for column in ("OUTSTANDING1", "OUTSTANDING2", "OUTSTANDINGP")}
        pending = "BILLED" in statuses.values()
        open_claims += pending
        served = rows.date(line, row, "SERVICEDATE")
        eob.claims.append(EobClaim(
            claim_id=claim_id, patient=rows.text(row, "PATIENTID") or None,
            provider=rows.text(row, "PROVIDERID") or None,
            member_id=rows.text(row, "PRIMARYPATIENTINSURANCEID") or None,
            kind=_CLAIM_KIND.get(rows.text(row, "HEALTHCARECLAIMTYPEID1")), start=served, end=served,
            status="pending" if pending else "processed", status_code=" / ".join(statuses.values()) or None,
            status_text="; ".join(f"{who}: {s.lower()}" for who, s in statuses.items()),
            insurer_balance=(owed["OUTSTANDING1"] or ZERO) + (owed["OUTSTANDING2"] or ZERO),
            patient_balance=owed["OUTSTANDINGP"]))
    eob.notes = [f"Synthea claims: {len(eob.claims)} claim(s), {open_claims} still billed (not closed); this "
                 "file states no amounts charged or paid, only statuses and what is still owed "
                 "(claims_transactions.csv has the amounts)", _SNOMED_NOTE]
    return eob
