"""The itemized bill as CSV (spec/case-format.md): one row per charge line, headers mapped by name.

Rows that state the bill's own total, payments, adjustments or balance (no date, no code, and a
description such as "TOTAL CHARGES" or "PAYMENT - INSURANCE"; or a UB-04's revenue code 0001, the
total charge line) are kept as what the bill states, not taken as charges, so the audit can check
the arithmetic.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

from ..errors import BadInput
from ..model import Bill, Line
from .text_table import NOT_CHARGE_WHY, credit_kind
from .values import clean_code, parse_date, parse_modifiers, parse_money, parse_units

# canonical column -> header variants (compared lower-case, spaces/punctuation squeezed)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "line": ("line", "line no", "line number", "line #", "ln", "item", "item no", "#", "seq"),
    "date": ("date", "svc date", "service date", "date of service", "dos", "from date",
             "service from", "posting date", "trans date", "date from"),
    "code": ("code", "cpt", "hcpcs", "cpt/hcpcs", "cpt code", "hcpcs code", "cpt/hcpcs code",
             "procedure", "procedure code", "proc code", "cpt hcpcs", "cpt4", "service code"),
    "revenue_code": ("revenue code", "rev code", "rev", "revenue", "rev cd", "ub code"),
    "description": ("description", "desc", "service", "service description", "item description",
                    "charge description", "procedure description", "details"),
    "units": ("units", "qty", "quantity", "unit", "count", "days", "svc units"),
    "unit_price": ("unit price", "price", "rate", "unit charge", "unit cost", "price each"),
    "charge": ("charge", "charges", "amount", "total", "total charge", "line total", "billed",
               "amount billed", "billed amount", "gross charge", "charge amount", "ext amount"),
    "modifiers": ("modifiers", "modifier", "mod", "mods", "modifier 1"),
    "ndc": ("ndc", "ndc code", "drug code"),
    "provider": ("provider", "rendering provider", "npi", "physician", "doctor", "rendering npi"),
    "claim_id": ("claim", "claim id", "claim number", "claim no"),
    "ms_drg": ("drg", "ms-drg", "ms drg", "msdrg", "drg code", "ms-drg code"),  # the stay's MS-DRG
}
_ALIAS_TO_CANONICAL = {alias: canon for canon, aliases in HEADER_ALIASES.items() for alias in aliases}

_SUMMARY_PATTERNS = {
    "stated_total": re.compile(r"^\s*(total|total charges|grand total|charges total|sub ?total)\b", re.I),
    "payments": re.compile(r"^\s*(payment|payments|pmt|insurance payment|patient payment|paid)\b", re.I),
    "adjustments": re.compile(r"^\s*(adjustment|adjustments|adj|contractual|discount|write[- ]?off)\b", re.I),
    "stated_balance": re.compile(r"^\s*(balance|balance due|amount due|patient balance|total due|you owe)\b", re.I),
}


def _squeeze(header: str) -> str:
    return re.sub(r"[\s_.]+", " ", header.strip().lower()).strip()


def map_headers(headers: list[str], *, file: str) -> dict[int, str]:
    """Column index -> canonical name. Needs at least a charge column and a code or description."""
    mapping: dict[int, str] = {}
    for i, h in enumerate(headers):
        canon = _ALIAS_TO_CANONICAL.get(_squeeze(h or ""))
        if canon and canon not in mapping.values():
            mapping[i] = canon
    found = set(mapping.values())
    if "charge" not in found:
        raise BadInput(
            f"no charge column among the headers {headers}: name one 'charge' (or Amount, Charges)",
            file=file, where="line 1")
    if not found & {"code", "description", "revenue_code"}:
        raise BadInput(
            "no code or description column: add 'code' (CPT/HCPCS) or 'description'",
            file=file, where="line 1")
    return mapping




TOTAL_CHARGE = "0001"  # NUBC UB-04 revenue code 0001: total charge (the bill's sum, not a service)


def _summary_kind(fields: dict[str, str]) -> str | None:
    if not fields.get("code") and clean_code(fields.get("revenue_code")) in (TOTAL_CHARGE, TOTAL_CHARGE[1:]):
        return "stated_total"  # a UB-04's total line (revenue code 0001), dated or not
    if fields.get("code") or fields.get("revenue_code"):
        return None
    text = fields.get("description", "") or fields.get("line", "")
    if not fields.get("date"):
        for kind, rx in _SUMMARY_PATTERNS.items():
            if rx.match(text):
                return kind
    # a payer's row on a provider's bill, often with its posting date ("03/10 MEDICARE PAYMENT", "INSURANCE PAID",
    # "CONTRACTUAL ADJUSTMENT", "SELF PAY TRANSFER"): a payment, an adjustment or no amount of the bill, never a charge
    return credit_kind(text)


def read_csv_text(text: str, *, file: str) -> Bill:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise BadInput("the file is empty: export the itemized bill with a header row", file=file)
    return read_rows(rows, file=file, format="csv")


def find_header_row(rows: list[list[str]], *, file: str, limit: int = 25) -> int:
    """The index of the first row that maps as a bill header (title rows above it are skipped)."""
    first_error: BadInput | None = None
    for i, row in enumerate(rows[:limit]):
        try:
            map_headers([str(c or "") for c in row], file=file)
            return i
        except BadInput as e:
            first_error = first_error or e
    raise first_error or BadInput("no header row", file=file)


def read_rows(rows: list[list[str]], *, file: str, format: str, row_offset: int = 0) -> Bill:
    """Rows of cells (first row the header) -> Bill. Used by the CSV and XLSX readers."""
    rows = [[str(c).strip() if c is not None else "" for c in r] for r in rows]
    mapping = map_headers(rows[0], file=file)
    bill = Bill(source=file, format=format)
    lines: list[Line] = []
    summary: dict[str, Decimal] = {}
    for row_no, row in enumerate(rows[1:], start=2 + row_offset):
        fields = {canon: (row[i].strip() if i < len(row) else "") for i, canon in mapping.items()}
        where = f"row {row_no}"
        kind = _summary_kind(fields)
        drg = (fields.get("ms_drg") or "").strip().upper().removeprefix("MS-DRG").removeprefix("DRG").strip()
        if drg and bill.ms_drg is None:
            if not (drg.isdigit() and len(drg) <= 3):
                raise BadInput(f"{fields['ms_drg']!r} is not an MS-DRG (three digits, e.g. 871)", file=file,
                               where=f"{where}, column drg")
            bill.ms_drg = drg.zfill(3)
        try:
            if kind == "not_charge":
                bill.notes.append(f"{where}: a row that is not a charge was left out: "
                                  f"{fields.get('description') or fields.get('line')!r} ({NOT_CHARGE_WHY})")
                continue
            if kind:
                amount = parse_money(fields.get("charge"))
                if amount is not None:
                    summary[kind] = summary.get(kind, Decimal(0)) + abs(amount)
                continue
            charge = parse_money(fields.get("charge"))
            if charge is None:
                raise BadInput("the charge is blank: every line needs its amount", file=file,
                               where=f"{where}, column charge")
            code_text = fields.get("code") or ""
            modifiers = parse_modifiers(fields.get("modifiers"))
            if "-" in code_text and not modifiers:  # '99285-25': code with its modifier
                code_text, _, mod = code_text.partition("-")
                modifiers = parse_modifiers(mod)
            line_no = fields.get("line")
            lines.append(Line(
                line=int(line_no) if line_no and line_no.isdigit() else len(lines) + 1,
                date=_field(parse_date, fields, "date", file, where),
                code=clean_code(code_text),
                revenue_code=clean_code(fields.get("revenue_code")),
                description=fields.get("description", ""),
                units=_field(parse_units, fields, "units", file, where),
                unit_price=_field(parse_money, fields, "unit_price", file, where),
                charge=charge,
                modifiers=modifiers,
                ndc=fields.get("ndc") or None,
                provider=fields.get("provider") or None,
                claim_id=fields.get("claim_id") or None,
            ))
        except ValueError as e:
            raise BadInput(str(e), file=file, where=f"{where}, column charge")
    numbers = [ln.line for ln in lines]
    if len(set(numbers)) != len(numbers):
        dup = next(n for n in numbers if numbers.count(n) > 1)
        raise BadInput(f"line number {dup} appears twice: each line needs its own number", file=file)
    bill.lines = lines
    for kind, amount in summary.items():
        setattr(bill, kind, amount)
    return bill


def _field(parse, fields: dict[str, str], name: str, file: str, where: str):
    try:
        return parse(fields.get(name))
    except ValueError as e:
        raise BadInput(str(e), file=file, where=f"{where}, column {name}")


def read_csv_bill(path: str | Path) -> Bill:
    path = Path(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # not text in any encoding a bill comes in: say so, not "internal error"
        raise BadInput("is not a text file: a bill CSV is text (save the spreadsheet as CSV)", file=str(path))
    return read_csv_text(text, file=str(path))
