"""Charge lines from the text lines of a printed bill (a PDF's text layer, or OCR of a scan).

A printed bill is a table: date, code, description, (units, unit price,) amount. Each text line is
cut into items at its money amounts (some bills run several items into one line); an item is a
charge, a stated total, a payment, an adjustment or a balance. What it keeps:
- the table region: after a header row ("Description ... Charges") up to the balance row, on every
  page, so the remittance coupon and the messages are not taken as charges;
- page headers and footers repeated on every page are dropped before reading;
- a description wrapped onto the next line is joined to its charge;
- dates given once for a block ("Date of Service: 2024-10-15", "07/01/2020 to") apply to the lines
  under them;
- totals, payments, adjustments and balances as the bill states them (never as charges).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..errors import BadInput
from ..facility_name import facility_in_heading
from ..model import Bill, Line
from .values import parse_date, parse_money
from .year_less import BillDates

MONEY = re.compile(r"(?<![\w/.-])(?:\(\s*-?\$?\s?\d[\d,]*\.\d{2}\s*\)|-?\$\s?\d[\d,]*(?:\.\d{2})?|-?\d{1,3}(?:,\d{3})+\.\d{2}-?|-?\d+\.\d{2}-?)(?![\w%/])(?:\s?CR\b)?")
DATE = re.compile(r"^(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{2,4})\b")
ANY_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})")
CODE = re.compile(r"^(\d{4}[0-9A-Z]|[A-Z]\d{4})(?:-([0-9A-Z]{2}(?:-[0-9A-Z]{2})*))?\b")
CODE_ANYWHERE = re.compile(r"(?<![\w.,$/-])(\d{4}[0-9A-Z]|[A-Z]\d{4})(?:-([0-9A-Z]{2}(?:-[0-9A-Z]{2})*))?(?![\w.,/])")
REVENUE = re.compile(r"^(0\d{3})(?=[A-Za-z\s]|$)")
WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d)", re.I)
UNITS = re.compile(r"(?:^|\s)(?:x\s?)?(\d{1,4}(?:\.\d+)?)\s*$", re.I)
# "Ceftriaxone 250mg x4" on a bill without a units column: the count the description gives ("x4", "X 2";
# never "4X4" gauze, whose x sits between digits)
TIMES = re.compile(r"(?<![\w.])x\s?(\d{1,3})\s*$", re.I)
PAGE_MARK = re.compile(r"^\s*(page\s*\d+(\s*(of|/)\s*\d+)?|\d+\s*(of|/)\s*\d+|-\s*\d+\s*-)\s*$", re.I)
HEADER_WHAT = re.compile(r"description|\bservices?\b|\bitem\b|\bprocedure\b", re.I)
HEADER_AMOUNT = re.compile(r"\b(charges?|amount|total|billed|price)\b", re.I)
# an amount with a letter or two inside ('1,69f.00', '0.0O'): OCR misread a digit
SUSPECT_AMOUNT = re.compile(r"^-?\$?(?=\d)(?=(?:[^A-Za-z]*[A-Za-z]){1,2}[^A-Za-z]*$)(?=(?:\D*\d){2})[\dA-Za-z][\dA-Za-z,.]*[.,][\dA-Za-z]{2}$")
ITEMIZED = re.compile(r"^\s*itemi[sz]ed charges\s*$", re.I)
KINDS = (  # order matters: "Total Payments" is a payment, "Total Charges" a total
    ("stated_balance", re.compile(r"(balance|amount due|patient due|you owe|total due|pay this amount|due from patient)\b", re.I)),
    # a row that moves the balance or splits it, neither a charge nor a credit: a transfer between who owes it, an
    # insurance estimate, a refund, the patient's share as the plan split it, a balance sent to bad debt
    ("not_charge", re.compile(r"\btransfer(?:red)?\s+(?:to|from)\s+(?:ins\b|insurance|self[- ]?pay|patient|guarantor|"
                              r"primary|secondary|tertiary|medicare|medicaid|bad debt)|\bself[- ]?pay\s+transfer|"
                              r"\b(?:estimated|expected|pending)\s+(?:ins\b|insurance)|\binsurance\s+estimate|\brefund|"
                              r"^\W*(?:deductible|co-?insurance|co-?pay(?:ment)?)\W*$|\bbad\s+debt", re.I)),
    ("payments", re.compile(r"(payments?|\bpaid|\bpmt|remittance)\b|\b(?:paymt|pymt|pymnt|remit|receipts?|reimbursement)\b|"
                            r"\binsurance\s+applied\b|\bco-?pay\s+(?:collected|received)\b", re.I)),
    ("adjustments", re.compile(r"(adjustments?|\badj\b|discounts?|write[- ]?offs?|contractual|allowance)|"
                               r"\bcredit\b(?!\s*card)|\bcharity\b|\bfinancial\s+assistance\b|\bsequestration\b|"
                               r"\brecoup(?:ment)?\b|\b(?:hmo|ppo|epo|pos|ins|mcr|mcd|contract|prompt\s+pay|self[- ]?pay|"
                               r"uninsured)\s+disc\b", re.I)),
    # OCR often drops the space: 'TOTALCHARGES'
    ("stated_total", re.compile(r"^\W*(total|sub ?total|grand ?total)(\b|(?=charges|amount))|\btotal ?(hospital |patient )?charges\b", re.I)),
)
_ADJUSTMENTS = dict(KINDS)["adjustments"]


def credit_kind(text: str) -> str | None:
    """What a row without a code is when its words name a payer or a credit: 'not_charge' (a transfer, an estimate,
    a refund, the patient's share as the plan split it), 'adjustments' or 'payments'; None: none of them."""
    kinds = dict(KINDS)
    return next((k for k in ("not_charge", "adjustments", "payments") if kinds[k].search(text)), None)


NOT_CHARGE_WHY = "a transfer between who owes the balance, an estimate, a refund or the patient's share as the plan split it"

# Regulation F model validation notice (12 CFR 1006 App. B, Model Form B-1), English and Spanish
VALIDATION_NOTICE = re.compile(r"total amount of the debt now|monto total de la deuda ahora", re.I)


def refuse_validation_notice(lines: list, file: str) -> None:
    """A debt collector's validation notice itemizes a debt, not services: refuse to read it as a bill."""
    if any(VALIDATION_NOTICE.search(ln.text) for ln in lines):
        raise BadInput("this is a debt collector's validation notice (Regulation F, 12 CFR 1006.34), not an "
                       "itemized bill: see what it says with `billadvocate read FILE`, enter it under collector: "
                       "validation_notice: in the case, and ask the provider for the itemized bill", file=file)


@dataclass
class TextLine:
    text: str
    page: int = 1
    x0: float = 0.0
    top: float = 0.0
    height: float = 10.0
    confidence: float | None = None  # OCR confidence, 0..1


@dataclass
class _Reading:
    bill: Bill
    has_units_column: bool = False
    stated: dict[str, list[Decimal]] = field(default_factory=dict)  # rows that say "Total ..."
    items: dict[str, list[Decimal]] = field(default_factory=dict)  # individual payments/adjustments
    context_date: object = None
    last: Line | None = None
    last_text: TextLine | None = None


def is_header(text: str) -> bool:
    """A table header row: names what was done and what it cost, and holds no amount."""
    if MONEY.search(text):
        return False
    return bool(ITEMIZED.match(text) or (HEADER_WHAT.search(text) and HEADER_AMOUNT.search(text)))


def drop_repeated(lines: list[TextLine]) -> tuple[list[TextLine], list[str]]:
    """Remove page headers and footers: text repeated on most pages, and 'Page N of M' marks."""
    pages = {ln.page for ln in lines}
    dropped: list[str] = []
    if len(pages) >= 2:
        per_text = Counter(t for _, t in {(ln.page, _norm(ln.text)) for ln in lines})
        repeated = {t for t, n in per_text.items() if n >= max(2, (len(pages) + 1) // 2)}
        # a repeated table header stays: it opens the table region on each page
        repeated = {t for t in repeated if not is_header(t)}
        kept = [ln for ln in lines if _norm(ln.text) not in repeated or MONEY.search(ln.text)]
        dropped = sorted({_norm(ln.text) for ln in lines} - {_norm(ln.text) for ln in kept})
        lines = kept
    return [ln for ln in lines if not PAGE_MARK.match(ln.text)], dropped


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _split_items(text: str) -> list[tuple[str, list[str]]]:
    """'85025 CBC $45.00 80053 CMP $65.00' -> [('85025 CBC', ['$45.00']), ('80053 CMP', ['$65.00'])]."""
    items: list[tuple[str, list[str]]] = []
    pos = 0
    for m in MONEY.finditer(text):
        before = text[pos:m.start()].strip(" :\t")
        if before or not items:
            items.append((before, [m.group()]))
        else:  # only an amount after the previous amount: unit price then line total
            items[-1][1].append(m.group())
        pos = m.end()
    return items


def _kind(text: str) -> str | None:
    if CODE.match(text) or REVENUE.match(text):
        return None
    for kind, rx in KINDS:
        if rx.search(text):
            return kind
    return None


def _money(token: str) -> Decimal | None:
    t = token.replace(" ", "").replace("$", "")
    try:
        return parse_money(t)
    except ValueError:
        return None


def read_text_lines(lines: list[TextLine], bill: Bill) -> Bill:
    """Fill `bill` with the charge lines and stated amounts found in `lines`."""
    if bill.provider_name is None:  # read before repeated page headings are dropped: the name is one
        bill.provider_name = facility_in_heading(_heading(lines))
    lines, dropped = drop_repeated(lines)
    if dropped:
        bill.notes.append(f"ignored {len(dropped)} header/footer line(s) repeated on every page")
    r = _Reading(bill=bill)
    has_header = any(is_header(ln.text) for ln in lines)
    in_table = not has_header
    page = None
    for ln in lines:
        text = " ".join(ln.text.split())
        if ln.page != page:
            page, r.last, r.last_text = ln.page, None, None
            in_table = in_table if not has_header else False
        if is_header(text):
            in_table = True
            r.has_units_column = r.has_units_column or bool(re.search(r"\b(qty|quantity|units?)\b", text, re.I))
            r.last = None
            continue
        if not in_table:
            _context_date(r, text)
            continue
        text = WEEKDAY.sub("", text)
        items = _split_items(text)
        if not items and any(SUSPECT_AMOUNT.match(t) for t in text.split()):
            bill.notes.append(f"page {ln.page}: a line whose amount could not be read was skipped: {text!r}")
            continue
        if not items:
            if not _context_date(r, text) and not _continuation(r, ln, text) and (
                    REVENUE.match(text) or CODE.match(text)):
                bill.notes.append(f"page {ln.page}: a line with a code but no readable amount was skipped: {text!r}")
            continue
        for item_text, amounts in items:
            if _read_item(r, ln, item_text, amounts) == "stated_balance" and has_header:
                in_table = False
        r.last_text = ln
    _settle(r)
    return bill


STATEMENT_DATE = re.compile(r"\b(statement|billing|print) ?date\s*:?\s*" + ANY_DATE.pattern, re.I)


def _stay(lines: list[TextLine]) -> tuple[list[str], list[str]]:
    """The admission and discharge dates a hospital statement's heading gives ('Admission Date: 12/30/2023
    Discharge Date: 01/02/2024', or a table row under 'ADMISSION DATE  DISCHARGE DATE  PRINT DATE'), and its
    print or statement date when that heading's table names one after them: ([admission, discharge], [print])."""
    for i, ln in enumerate(lines):
        head = ln.text.upper()
        a, d = head.find("ADMI"), head.find("DISCHARGE")
        if a < 0 or d < a:
            continue
        for row in [ln, *[x for x in lines[i + 1:i + 4] if x.page == ln.page]]:
            found = ANY_DATE.findall(row.text)
            if len(found) >= 2:
                printed = found[2:3] if row is not ln and re.search(r"PRINT|STATEMENT", head[d:]) else []
                return found[:2], printed
    return [], []


def bill_dates(lines: list[TextLine]) -> BillDates:
    """The bill's own dates in `lines`: its first and last date of service (its lines', its stay's admission and
    discharge), and the first day it posts a payment or adjustment on ('Fri 12/22/2023 Payments -1,958.25') or
    its statement or print date, if earlier."""
    served = [ln.date for ln in read_text_lines(lines, Bill(source="", format="pdf")).lines if ln.date]
    stay, printed = _stay(lines)
    for text in stay:
        try:
            served.append(parse_date(text))
        except ValueError:
            continue
    served.sort()
    after: list[tuple[date, str]] = []
    for ln in lines:
        text = WEEKDAY.sub("", " ".join(ln.text.split()))
        m = DATE.match(text)
        if m and _kind(text[m.end():].strip()) in ("payments", "adjustments"):
            after.append((m.group(1), "payment posted on"))
        for label, day in STATEMENT_DATE.findall(text):
            after.append((day, f"{label.lower()} date"))
    after += [(day, "print date") for day in printed]
    days = []
    for text, what in after:
        try:
            days.append((parse_date(text), what))
        except ValueError:
            continue
    first = min(days, default=None)
    return BillDates(first=served[0] if served else None, last=served[-1] if served else None,
                     posted=first[0] if first else None, posted_as=first[1] if first else "payment posted on")


def _heading(lines: list[TextLine]) -> list[str]:
    """The first page's lines above its charges: up to the table's header or the first amount."""
    first = min((ln.page for ln in lines), default=None)
    heading = []
    for ln in lines:
        if ln.page != first or is_header(ln.text) or MONEY.search(ln.text):
            break
        heading.append(ln.text)
    return heading


def _context_date(r: _Reading, text: str) -> bool:
    m = DATE.match(text) or (re.search(r"date of service|service date|dos\b", text, re.I) and ANY_DATE.search(text))
    if not m:
        return False
    try:
        r.context_date = parse_date(m.group(1))
    except ValueError:
        return False
    return True


def _continuation(r: _Reading, ln: TextLine, text: str) -> bool:
    """A text-only line right under a charge: its description wrapped."""
    prev, prev_ln = r.last, r.last_text
    if prev is None or prev_ln is None or ln.page != prev_ln.page or REVENUE.match(text) or CODE.match(text):
        return False
    close = ln.top - prev_ln.top <= 1.8 * max(prev_ln.height, 1)
    if close and not text.isupper() or close and ln.x0 > prev_ln.x0 + 15:
        prev.description = f"{prev.description} {text}".strip()
        r.last_text = ln
        return True
    return False


def _read_item(r: _Reading, ln: TextLine, text: str, amounts: list[str]) -> str | None:
    values = [v for v in (_money(a) for a in amounts) if v is not None]
    if not values:
        return None
    amount = values[-1]
    line_date = None
    m = DATE.match(text)
    if m:
        try:
            line_date = parse_date(m.group(1))
        except ValueError:
            line_date = None
        text = text[m.end():].strip()
        text = re.sub(r"^(to|-)\s*\S+\s*", "", text) if re.match(r"^(to|-)\s*\d", text) else text
    kind = _kind(text)
    if kind == "not_charge":
        r.bill.notes.append(f"a row that is not a charge was left out: {f'{text} {amounts[-1]}'!r} ({NOT_CHARGE_WHY})")
        r.last = None
        return kind
    if kind == "payments" and _ADJUSTMENTS.search(text):  # "Payments and Adjustments": both, already itemised
        r.items.setdefault("credits_total", []).append(abs(amount))
        r.last = None
        return kind
    if kind:
        bucket = r.stated if re.match(r"^\W*total", text, re.I) or kind in ("stated_total", "stated_balance") else r.items
        bucket.setdefault(kind, []).append(abs(amount))
        r.last = None
        return kind
    if not text and line_date is None:  # an amount alone under the charges: a total without its label
        r.items.setdefault("bare_total", []).append(abs(amount))
        return None
    code = revenue = None
    modifiers: list[str] = []
    m = REVENUE.match(text)
    if m:
        revenue, text = m.group(1), text[m.end():].strip()
    m = CODE.match(text) or CODE_ANYWHERE.search(text)
    if m:
        code, text = m.group(1), f"{text[:m.start()]} {text[m.end():]}".strip()
        modifiers = m.group(2).split("-") if m.group(2) else []
    units = Decimal(1)
    unit_price = values[-2] if len(values) >= 2 else None
    if r.has_units_column or unit_price is not None:
        mu = UNITS.search(text)
        if mu:
            units, text = Decimal(mu.group(1)), text[:mu.start()].strip()
    elif (mt := TIMES.search(text)) and int(mt.group(1)) > 1:
        # the description's count, kept in the description too: a price per billing unit (a drug's
        # 250 mg) is then compared for all of them, never overstated by the count
        units = Decimal(mt.group(1))
        r.bill.notes.append(f"line {len(r.bill.lines) + 1}: {units} units read from {mt.group().strip()!r} in the "
                            "description (the bill has no units column); check them against the bill")
    if amount < 0:  # a credit line with no words saying so
        r.items.setdefault("adjustments", []).append(abs(amount))
        return "adjustments"
    line = Line(line=len(r.bill.lines) + 1, date=line_date or r.context_date, code=code, revenue_code=revenue,
                description=" ".join(text.split()), units=units, charge=amount, unit_price=unit_price, modifiers=modifiers)
    r.bill.lines.append(line)
    r.last = line
    return None


def _settle(r: _Reading) -> None:
    bill = r.bill
    for kind in ("stated_total", "payments", "adjustments", "stated_balance"):
        stated, items = r.stated.get(kind, []), r.items.get(kind, [])
        if stated:
            setattr(bill, kind, stated[0])
            others = sorted({v for v in stated[1:] if v != stated[0]})
            if others:
                bill.notes.append(f"the bill states more than one {kind.replace('stated_', '')}: "
                                  f"{stated[0]} used; also {', '.join(map(str, others))}")
        elif items:
            setattr(bill, kind, sum(items, Decimal(0)))
    if bill.stated_total is None and r.items.get("bare_total"):
        bill.stated_total = r.items["bare_total"][-1]
        bill.notes.append(f"an amount without a label under the charges ({bill.stated_total}) was taken as the bill's total")
