"""Tradelines from a file: a CSV (one row per tradeline), or a credit report PDF's text.

CSV columns (headers matched case-insensitively, common variants accepted): bureau, furnisher, account,
medical, original_amount, balance, status, first_delinquency, reported, paid_on. A bad cell is one
BadInput naming the row and the column, e.g. `tradelines.csv: row 3, column balance: 'abc' is not ...`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import BadInput
from ..ingest.values import parse_date, parse_money
from ..model import Tradeline
from ..util import atomic_write

FIELDS = ("bureau", "furnisher", "account", "medical", "original_amount", "balance", "status",
          "first_delinquency", "reported", "paid_on")
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "bureau": ("bureau", "credit bureau", "cra", "agency", "reporting agency"),
    "furnisher": ("furnisher", "creditor", "company", "collector", "account name", "furnisher name",
                  "collection agency", "name"),
    "account": ("account", "case account", "account id"),
    "medical": ("medical", "is medical", "medical debt", "type"),
    "original_amount": ("original amount", "original_amount", "original balance", "high balance",
                        "amount placed", "original"),
    "balance": ("balance", "current balance", "amount owed", "balance owed"),
    "status": ("status", "payment status", "account status"),
    "first_delinquency": ("first delinquency", "first_delinquency", "date of first delinquency", "dofd",
                          "delinquency date"),
    "reported": ("reported", "date reported", "first reported", "date assigned", "date placed",
                 "date opened", "opened"),
    "paid_on": ("paid on", "paid_on", "date paid", "paid date", "date closed"),
}
_ALIASES = {alias: canon for canon, aliases in HEADER_ALIASES.items() for alias in aliases}
BUREAUS = {"equifax": "equifax", "experian": "experian", "transunion": "transunion", "trans union": "transunion",
           "tu": "transunion", "eq": "equifax", "efx": "equifax", "ex": "experian", "exp": "experian"}
STATUS_WORDS = {"unpaid": "unpaid", "open": "unpaid", "collection": "unpaid", "in collection": "unpaid",
                "past due": "unpaid", "delinquent": "unpaid", "charged off": "unpaid", "charge off": "unpaid",
                "paid": "paid", "paid collection": "paid", "paid in full": "paid", "closed paid": "paid",
                "settled": "settled", "settled for less": "settled", "paid settled": "settled",
                "settled for less than full balance": "settled"}
YES = {"yes", "y", "true", "1", "medical", "x"}
NO = {"no", "n", "false", "0", "non-medical", "nonmedical", "other"}


def _squeeze(text: str) -> str:
    return re.sub(r"[\s_.:#]+", " ", str(text or "").strip().lower()).strip()


def bureau_of(value: Any, *, file: str | None, where: str) -> str:
    key = _squeeze(value)
    if key in BUREAUS:
        return BUREAUS[key]
    raise BadInput(f"{value!r} is not a credit bureau: use equifax, experian or transunion",
                   file=file, where=where)


def status_of(value: str, *, file: str | None, where: str) -> str:
    key = _squeeze(value)
    if not key:
        return "unpaid"
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    raise BadInput(f"{value!r} is not a status: use unpaid, paid or settled", file=file, where=where)


def medical_of(value: str, *, file: str | None, where: str) -> bool:
    key = _squeeze(value)
    if not key or key in YES or "medical" in key and "non" not in key:
        return True
    if key in NO:
        return False
    raise BadInput(f"{value!r}: write yes or no", file=file, where=where)


def tradeline_from_fields(fields: dict[str, str], *, file: str | None, where: str,
                          default_bureau: str | None = None) -> Tradeline:
    """One tradeline from text cells; the first bad cell raises BadInput at `where, column NAME`."""

    def at(name: str) -> str:
        return f"{where}, column {name}"

    data: dict[str, Any] = {}
    raw_bureau = fields.get("bureau") or default_bureau
    if not raw_bureau:
        raise BadInput("no bureau: add a bureau column (equifax, experian or transunion) or pass --bureau",
                       file=file, where=at("bureau"))
    data["bureau"] = bureau_of(raw_bureau, file=file, where=at("bureau"))
    furnisher = (fields.get("furnisher") or "").strip()
    if not furnisher:
        raise BadInput("no furnisher: name the company that reports the debt", file=file, where=at("furnisher"))
    data["furnisher"] = furnisher
    if (fields.get("account") or "").strip():
        data["account"] = fields["account"].strip()
    data["medical"] = medical_of(fields.get("medical", ""), file=file, where=at("medical"))
    data["status"] = status_of(fields.get("status", ""), file=file, where=at("status"))
    for name in ("original_amount", "balance"):
        try:
            value = parse_money(fields.get(name))
        except ValueError:
            raise BadInput(f"{fields.get(name)!r} is not an amount of money (write it like 420.00)",
                           file=file, where=at(name))
        if value is not None and value < 0:
            raise BadInput(f"{fields.get(name)!r} cannot be negative", file=file, where=at(name))
        data[name] = value
    for name in ("first_delinquency", "reported", "paid_on"):
        try:
            data[name] = parse_date(fields.get(name))
        except ValueError as e:
            raise BadInput(str(e), file=file, where=at(name))
    try:
        return Tradeline.model_validate(data)
    except ValidationError as e:  # pragma: no cover - every field was checked above
        err = e.errors()[0]
        raise BadInput(err.get("msg", "invalid"), file=file, where=at(".".join(map(str, err["loc"]))))


def read_tradelines_csv(path: str | Path, *, default_bureau: str | None = None) -> list[Tradeline]:
    """Tradelines from a CSV file; rows are numbered as a spreadsheet shows them (header = row 1)."""
    path = Path(path)
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("is not a text CSV file", file=file)
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise BadInput("the file is empty", file=file)
    mapping: dict[int, str] = {}
    for i, header in enumerate(rows[0]):
        canon = _ALIASES.get(_squeeze(header))
        if canon and canon not in mapping.values():
            mapping[i] = canon
    if "furnisher" not in mapping.values():
        raise BadInput(f"no furnisher column among the headers {rows[0]}: name one 'furnisher' (or creditor)",
                       file=file, where="row 1")
    if "bureau" not in mapping.values() and not default_bureau:
        raise BadInput("no bureau column: add one (equifax, experian or transunion) or pass --bureau",
                       file=file, where="row 1")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        fields = {canon: row[i] if i < len(row) else "" for i, canon in mapping.items()}
        out.append(tradeline_from_fields(fields, file=file, where=f"row {n}", default_bureau=default_bureau))
    if not out:
        raise BadInput("no tradelines: the file has a header row only", file=file)
    return out


def read_tradelines(path: str | Path, *, default_bureau: str | None = None) -> list[Tradeline]:
    """Tradelines from a CSV, or from a credit report PDF whose text reads cleanly."""
    path = Path(path)
    if not path.is_file():
        raise BadInput("no such file", file=str(path))
    if path.stat().st_size == 0:
        raise BadInput("the file is empty", file=str(path))
    if path.suffix.lower() == ".pdf":
        from .pdf_text import read_report_pdf

        return read_report_pdf(path, default_bureau=default_bureau)
    if path.suffix.lower() in (".csv", ".txt", ".tsv", ""):
        return read_tradelines_csv(path, default_bureau=default_bureau)
    raise BadInput(f"cannot read {path.suffix} files as a credit report: use a CSV or a PDF", file=str(path))


def write_tradelines_csv(tradelines: list[Tradeline], path: str | Path) -> Path:
    """Write tradelines as a CSV this module reads back (to correct what was read from a PDF)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    for tl in tradelines:
        d = tl.model_dump(mode="json")
        w.writerow(["" if d.get(k) is None else ("yes" if d[k] is True else "no" if d[k] is False else d[k])
                    for k in FIELDS])
    return atomic_write(path, buf.getvalue())
