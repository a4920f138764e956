"""A debt collector's validation notice (Regulation F model form B-1, English or Spanish) as PDF.

The PDF's text layer is laid out again in columns (like `pdftotext -layout`): the model form puts the
itemization in a left column and the dispute rights in a right one, and plain text extraction runs
the two together. `parse_notice_text` reads that text: the collector's name, mailing address and
phone, the creditor, the account and reference numbers, the itemization date and amount, interest,
fees, payments and credits since, the current amount and the dispute-by date. It checks that
owed + interest + fees - payments = the current amount, and lists the validation information of
12 CFR 1006.34(c) the notice does not state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from ..errors import BadInput
from ..model import ValidationNotice
from ..util import dollars

# the notice's own headings, English and Spanish (model form B-1 and its Spanish version)
NOTICE_MARK = re.compile(r"total amount of the debt now|monto total de la deuda ahora|is a debt collector\b|"
                         r"es un cobrador de deudas", re.I)
RIGHT_COLUMN = re.compile(r"How can you dispute the debt\?|¿Cómo puede disputar la deuda\?", re.I)
TEAR_OFF = re.compile(r"How do you want to respond\?|¿Cómo desea responder\?", re.I)
CELL = re.compile(r"\S+(?: \S+)*")  # cells of a laid-out line are two or more spaces apart

MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
DATE_EN = rf"(?:{'|'.join(MONTHS_EN)}) \d{{1,2}}, \d{{4}}"
DATE_ES = rf"\d{{1,2}} de (?:{'|'.join(MONTHS_ES)}|setiembre) del? \d{{4}}"
DATE = rf"(?:{DATE_EN}|{DATE_ES})"
AMOUNT = r"[+–-]?\s*\$\s*(\d[\d,]*(?:\.\d\d)?)"

# field -> label before its amount (English | Spanish), read from the left column
AMOUNTS = {
    "interest": r"charged this amount in interest:|cobr[óo] esta cantidad en inter[ée]s:",
    "fees": r"charged this amount in fees:|cobr[óo] esta cantidad en cargos:",
    "payments": r"paid or were credited this amount(?: toward the debt:)?|"
                r"se le abon[óo] esta cantidad a(?: la deuda:)?",
    "amount": r"total amount of the debt now:|monto total de la deuda ahora:",
}
ITEMIZATION = re.compile(rf"(?:as of ({DATE}), you owed:|hasta el ({DATE}), usted deb[íi]a:)\s*{AMOUNT}", re.I)
DISPUTE_BY = re.compile(rf"(?:write to us|escr[íi]banos) (?:by|antes del?) ({DATE})", re.I)
CREDITOR = re.compile(r"(?:a debt that you owe to|una deuda que usted tiene con) (?:(?:el|la) )?(.+?)\.(?:\s|$)", re.I)
ACCOUNT = re.compile(r"(?:account number|n[úu]mero de cuenta) ([A-Za-z0-9][\w*#-]*\w)", re.I)
REFERENCE = re.compile(r"(?:Reference|Referencia):\s*([A-Za-z0-9][\w-]*)", re.I)
NAME = re.compile(r"^\s*(\S.{0,80}?) (?:is a debt collector|es un cobrador de deudas)\b", re.I)
PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b")

# what 12 CFR 1006.34(c)(2) requires, for the fields this reader looks for
REQUIRED = (
    ("collector_name", "the debt collector's name", "12 CFR 1006.34(c)(2)(i)"),
    ("address", "the debt collector's mailing address", "12 CFR 1006.34(c)(2)(i)"),
    ("creditor_account", "the account number", "12 CFR 1006.34(c)(2)(iv)"),
    ("creditor", "the name of the creditor the debt is owed to now", "12 CFR 1006.34(c)(2)(v)"),
    ("itemization_date", "the itemization date", "12 CFR 1006.34(c)(2)(vi)"),
    ("itemization_amount", "the amount of the debt on the itemization date", "12 CFR 1006.34(c)(2)(vii)"),
    ("interest", "the interest since the itemization date", "12 CFR 1006.34(c)(2)(viii)"),
    ("fees", "the fees since the itemization date", "12 CFR 1006.34(c)(2)(viii)"),
    ("payments", "the payments and credits since the itemization date", "12 CFR 1006.34(c)(2)(viii)"),
    ("amount", "the current amount of the debt", "12 CFR 1006.34(c)(2)(ix)"),
    ("dispute_by", "the date the validation period ends (dispute by)", "12 CFR 1006.34(c)(3)(i)"),
)


@dataclass
class NoticeRead:
    """What was read from a validation notice: the collector, the notice's fields, what is missing."""

    source: str
    notice: ValidationNotice
    collector_name: str | None = None
    address: str | None = None
    phone: str | None = None
    language: str = "en"
    format: str = "validation-notice"
    arithmetic: str | None = None  # the check of owed + interest + fees - payments = total, in words
    adds_up: bool | None = None
    missing: list[str] = field(default_factory=list)  # "what (citation)"
    notes: list[str] = field(default_factory=list)

    def case_collector(self) -> dict:
        """The `collector:` block of a case file, as read."""
        out = {"name": self.collector_name, "address": self.address, "phone": self.phone,
               "account_number": self.notice.reference,
               "validation_notice": self.notice.model_dump(mode="json", exclude_none=True)}
        return {k: v for k, v in out.items() if v is not None}

    def to_json(self) -> dict:
        return {"kind": "validation_notice", "source": self.source, "format": self.format,
                "language": self.language, "collector": self.case_collector(), "arithmetic": self.arithmetic,
                "adds_up": self.adds_up, "missing": self.missing, "notes": self.notes}


def _date(text: str | None) -> date | None:
    if not text:
        return None
    t = text.lower()
    m = re.fullmatch(r"([a-z]+) (\d{1,2}), (\d{4})", t)
    if m:
        month, day, year = MONTHS_EN.index(m.group(1)) + 1, int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2}) de ([a-z]+) del? (\d{4})", t)
        if not m:
            return None
        name = "septiembre" if m.group(2) == "setiembre" else m.group(2)
        month, day, year = MONTHS_ES.index(name) + 1, int(m.group(1)), int(m.group(3))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _money(text: str) -> Decimal:
    return Decimal(text.replace(",", "") or "0")


def _columns(lines: list[str]) -> tuple[str, str, list[str]]:
    """(left column text, right column text, header lines): the body of the model form is in two columns."""
    start = next((i for i, ln in enumerate(lines) if RIGHT_COLUMN.search(ln)), None)
    if start is None:
        whole = " ".join(lines)
        return whole, whole, lines
    split = RIGHT_COLUMN.search(lines[start]).start()
    end = next((i for i in range(start, len(lines)) if TEAR_OFF.search(lines[i])), len(lines))
    left, right = [], []
    for ln in lines[start:end]:
        for m in CELL.finditer(ln):
            (left if m.start() < split - 1 else right).append(m.group())
    return " ".join(left), " ".join(right), lines[:start]


def _address(header: list[str], name: str | None) -> str | None:
    """The lines under the collector's name at the top left, down to the phone or web address."""
    first = [(m.start(), m.group()) for ln in header if (m := CELL.search(ln))]
    at = next((i for i, (_, cell) in enumerate(first) if name and cell == name), None)
    if at is None:
        return None
    margin = first[at][0]
    parts = []
    for pos, cell in first[at + 1:]:
        if abs(pos - margin) > 2:  # the addressee's column
            continue
        if PHONE.search(cell) or re.search(r"www\.|https?:|@|reference|referencia", cell, re.I):
            break
        parts.append(cell)
    return ", ".join(parts) or None


def parse_notice_text(text: str, *, file: str = "") -> NoticeRead:
    """Read a validation notice from its laid-out text (columns two or more spaces apart)."""
    lines = [ln.rstrip() for ln in text.replace("\r", "").replace("\f", "\n").split("\n")]
    flat = re.sub(r"\s+", " ", " ".join(lines))
    if not NOTICE_MARK.search(flat):
        raise BadInput("not a debt collector's validation notice: none of its headings ('... is a debt "
                       "collector', 'Total amount of the debt now') was found", file=file)
    left, right, header = _columns(lines)
    left, right = re.sub(r"\s+", " ", left), re.sub(r"\s+", " ", right)
    spanish = bool(re.search(r"es un cobrador de deudas|monto total de la deuda", flat, re.I))

    values: dict = {}
    notes: list[str] = []
    for key, label in AMOUNTS.items():
        m = re.search(rf"(?:{label})\s*{AMOUNT}", left, re.I) or re.search(rf"(?:{label})\s*{AMOUNT}", flat, re.I)
        if m:
            values[key] = _money(m.group(1))
    m = ITEMIZATION.search(left) or ITEMIZATION.search(flat)
    if m:
        values["itemization_amount"] = _money(m.group(3))
        stated = m.group(1) or m.group(2)
        values["itemization_date"] = _date(stated)
        if values["itemization_date"] is None:
            notes.append(f"the itemization date '{stated}' is not a real date")
    m = DISPUTE_BY.search(right) or DISPUTE_BY.search(flat)
    if m:
        values["dispute_by"] = _date(m.group(1))
        if values["dispute_by"] is None:
            notes.append(f"the dispute-by date '{m.group(1)}' is not a real date")
    if m := CREDITOR.search(flat):
        values["creditor"] = m.group(1).strip()
    if m := ACCOUNT.search(left) or ACCOUNT.search(flat):
        values["creditor_account"] = m.group(1)
    if m := REFERENCE.search(flat):
        values["reference"] = m.group(1)
    amounts = ("itemization_amount", "interest", "fees", "payments", "amount")
    if not any(values.get(k) is not None for k in amounts):
        raise BadInput("a validation notice without amounts: neither the amount on the itemization date nor the "
                       "current amount of the debt could be read", file=file)
    try:
        notice = ValidationNotice(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as e:
        err = e.errors()[0]
        raise BadInput(f"an amount or date the notice states cannot be used ({err['msg']})", file=file,
                       where=".".join(map(str, err["loc"])))
    name = next((m.group(1).strip() for ln in lines if (m := NAME.search(ln))), None)
    phone = m.group(0) if (m := PHONE.search("\n".join(header))) else None
    read = NoticeRead(source=file, notice=notice, collector_name=name, address=_address(header, name),
                      phone=phone, language="es" if spanish else "en", notes=notes)
    _check_arithmetic(read)
    got = {**notice.model_dump(), "collector_name": read.collector_name, "address": read.address}
    read.missing = [f"{what} ({cite})" for key, what, cite in REQUIRED if got.get(key) is None]
    notice.not_stated = [key for key, _, _ in REQUIRED if got.get(key) is None]
    return read


def _check_arithmetic(read: NoticeRead) -> None:
    n = read.notice
    if n.itemization_amount is None or n.amount is None:
        return
    expected = n.itemization_amount + (n.interest or 0) + (n.fees or 0) - (n.payments or 0)
    sums = (f"{dollars(n.itemization_amount)} + {dollars(n.interest or 0)} interest + {dollars(n.fees or 0)} fees"
            f" - {dollars(n.payments or 0)} payments and credits = {dollars(expected)}")
    read.adds_up = expected == n.amount
    if read.adds_up:
        read.arithmetic = f"{sums}, the total the notice states"
    else:
        read.arithmetic = f"{sums}, but the notice states a total of {dollars(n.amount)}"
        read.notes.append(f"the itemization does not add up: {read.arithmetic} (a difference of "
                          f"{dollars(abs(n.amount - expected))}); ask the collector to explain it")


def layout_text(page) -> str:
    """A pdfplumber page's words laid out in columns, like `pdftotext -layout` (cells 2+ spaces apart)."""
    words = sorted(page.extract_words(x_tolerance=1.5, y_tolerance=2), key=lambda w: (w["top"], w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(w["top"] - rows[-1][0]["top"]) <= 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        line, last = "", None
        for w in row:
            if last is not None and w["x0"] - last["x1"] <= 6:
                line += " " + w["text"]
            else:
                col = int(w["x0"] / 4)
                line = line + " " * max(col - len(line), 3 if line else 0) + w["text"]
            last = w
        out.append(line)
    return "\n".join(out)


def notice_pdf_text(path: Path) -> str:
    from .pdf_bill import _open

    pdf = _open(path)
    try:
        return "\n\f\n".join(layout_text(page) for page in pdf.pages if page.chars)
    finally:
        pdf.close()


def looks_like_notice(path: Path) -> bool:
    """Whether a PDF's first page with text is a validation notice (for detecting it from the content)."""
    from .pdf_bill import _open

    pdf = _open(path)
    try:
        page = next((p for p in pdf.pages if p.chars), None)
        return bool(page and NOTICE_MARK.search(re.sub(r"\s+", " ", page.extract_text() or "")))
    finally:
        pdf.close()


def read_validation_notice(path: str | Path) -> NoticeRead:
    """Read a debt collector's validation notice from a PDF with a text layer."""
    path = Path(path)
    file = str(path)
    text = notice_pdf_text(path)
    if not text.strip():
        raise BadInput("the PDF has no text layer: a scanned validation notice cannot be read yet; enter its "
                       "amounts under collector: validation_notice: in the case", file=file)
    return parse_notice_text(text, file=file)
