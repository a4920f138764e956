"""Readers: one per format, each turning a document into the canonical model or a BadInput.

`read_bill(path)` reads an itemized bill (CSV, XLSX, PDF, scan or photo, X12 837) into a Bill;
`read_eob(path)` reads an Explanation of Benefits (X12 835, FHIR ExplanationOfBenefit, EOB CSV)
into an Eob; `read_document(path)` reads either, choosing by the file's content; `read_any(path)`
also reads a debt collector's validation notice (a PDF). Synthea's
claims_transactions.csv is both: a ledger of charges and payments (a Bill), and what the insurers
paid (an Eob, through `read_eob`). `--format` on the
command line (`format=` here) forces a reader.
"""

from __future__ import annotations

import csv
import functools
import importlib
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..errors import BadInput
from ..model import EARLIEST_DATE, LARGEST_NUMBER, LATEST_DATE, Bill, check_sane
from .detect import (BILL_FORMATS, EOB_FORMATS, EOB_VIEW, FORMATS, NOTICE_FORMAT, check_file, detect_format,
                     is_eob_format)
from .eob_model import Adjustment, Eob, EobClaim, EobLine

# format -> "module:function"; imported on use so a missing optional package only matters when needed
_READERS = {
    "csv": "csv_bill:read_csv_bill",
    "xlsx": "xlsx_bill:read_xlsx",
    "pdf": "pdf_bill:read_pdf_bill",
    "image": "ocr:read_image_bill",
    "x12-837": "x12_837:read_837",
    "x12-835": "x12_835:read_835",
    "fhir": "fhir_eob:read_fhir_eob",
    "csv-eob": "csv_eob:read_csv_eob",
    "synthea-ledger": "synthea_csv:read_ledger_bill",
    "synthea-ledger-eob": "synthea_csv:read_ledger_eob",
    "synthea-claims": "synthea_csv:read_claims_eob",
    "pdf-eob": "pdf_bill:read_pdf_eob",
    "image-eob": "ocr:read_image_eob",
}

__all__ = ["Adjustment", "Bill", "Eob", "EobClaim", "EobLine", "FORMATS", "read_bill", "read_eob",
           "read_document", "read_any", "detect_format", "detect_bill_format"]


def _reader(fmt: str, path: Path | None = None):
    if fmt == NOTICE_FORMAT:
        raise BadInput("a debt collector's validation notice is neither a bill nor an EOB: see what it says with "
                       "`billadvocate read FILE`, and enter it under collector: validation_notice: in the case",
                       file=str(path) if path else None)
    target = _READERS.get(fmt)
    if target is None:
        raise BadInput(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    module, _, name = target.partition(":")
    try:
        mod = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as e:
        raise BadInput(f"reading {fmt} files needs a module that is not installed ({e.name})")
    return getattr(mod, name)


def detect_bill_format(path: Path) -> str:
    """Kept for callers of the foundation: the format a bill file is in."""
    return detect_format(path)


def read_document(path: str | Path, *, format: str | None = None) -> Bill | Eob:
    """Read any supported document: a Bill or an Eob, depending on what the file holds."""
    path = check_file(path)
    fmt = format or detect_format(path)
    return _read(fmt, path)


def read_any(path: str | Path, *, format: str | None = None):
    """A Bill, an Eob, or a debt collector's validation notice (a NoticeRead), chosen by the content."""
    path = check_file(path)
    fmt = format or detect_format(path)
    if fmt == "pdf" and not format:
        from .validation_notice import looks_like_notice

        fmt = NOTICE_FORMAT if looks_like_notice(path) else fmt
    if fmt == NOTICE_FORMAT:
        from .validation_notice import read_validation_notice

        return read_validation_notice(path)
    return read_document(path, format=fmt)


# a bill is read alone from a case file's bill:, a stored case's document and the web's upload (`audit` reads either
# kind itself): where each takes an EOB instead
GIVE_AS_EOB = ("give it as the EOB instead: under eob: in the case file, `--as eob` when adding it to a stored case "
               "(billadvocate case add-document)")


def read_bill(path: str | Path, *, format: str | None = None) -> Bill:
    """Read an itemized bill (or an 837 claim) from any supported format."""
    path = check_file(path)
    fmt = format or detect_format(path)
    if is_eob_format(fmt):
        raise BadInput(f"this is an EOB ({fmt}), not a bill: {GIVE_AS_EOB}", file=str(path))
    result = _read(fmt, path)
    if isinstance(result, Eob):
        kind = "an EOB (the insurer's statement of what it paid)" if result.format in ("pdf-eob", "image-eob") \
            else "an EOB export"
        raise BadInput(f"this is {kind}, not a bill: {GIVE_AS_EOB}", file=str(path))
    for ln in result.lines:
        _sane_values(ln, path, f"line {ln.line}")
    return result


def _read(fmt: str, path: Path):
    try:
        return _reader(fmt, path)(path)
    except csv.Error as e:  # e.g. a field over the csv module's 128 KiB limit: no bill has one
        raise BadInput(f"cannot be read as {fmt}: {e}: check that it is the right file", file=str(path))
    except RecursionError:
        raise BadInput("is nested far deeper than any real document: check that it is the right file",
                       file=str(path))


_MAX_UNITS = Decimal(100_000)


@functools.cache
def _checked_fields(model: type) -> tuple[str, ...] | None:
    """The fields of a reader's row model that can hold a number or a date (the ones _sane_values
    checks); None (every field) when the model does not declare its fields."""
    declared = getattr(model, "model_fields", None)
    if not declared:
        return None

    def holds(t) -> bool:  # an annotation that can hold a number or a date; anything unknown counts
        if isinstance(t, type):
            return issubclass(t, (Decimal, date, int, float))
        args = typing.get_args(t)
        return any(holds(a) for a in args) if args else True

    return tuple(name for name, f in declared.items() if holds(f.annotation))


def _sane_values(row, path: Path, where: str) -> None:
    """Refuse a read value no real bill or EOB has (a date in 2999, $1e15, a million units): one line
    naming the file and line, never a number that poisons every sum after it."""
    names = _checked_fields(type(row))
    if names is None or getattr(row, "__pydantic_extra__", None):
        fields = dict(row)
    else:
        values = row.__dict__
        fields = {name: values[name] for name in names if name in values}
    for name, value in fields.items():
        kind = type(value)  # the common cases checked inline: a 10 MB 835 has a million values
        if kind is Decimal:
            if value.is_finite() and -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
                continue
        elif kind is date:
            if EARLIEST_DATE <= value <= LATEST_DATE:
                continue
        elif not isinstance(value, (Decimal, date)):
            continue
        try:
            check_sane(value)
        except ValueError as e:
            raise BadInput(f"{name} {e}", file=str(path), where=where)
    units = getattr(row, "units", None)
    if units is not None and abs(units) > _MAX_UNITS:
        raise BadInput(f"units {units} is more than {_MAX_UNITS:,} units: check the quantity column",
                       file=str(path), where=where)


def read_eob(path: str | Path, *, format: str | None = None) -> Eob:
    """Read an Explanation of Benefits (X12 835, FHIR ExplanationOfBenefit, EOB CSV or XLSX export)."""
    path = check_file(path)
    fmt = format or detect_format(path)
    if fmt == "csv":  # a CSV without EOB columns: read it as an EOB anyway, it will say what is missing
        fmt = "csv-eob"
    fmt = EOB_VIEW.get(fmt, fmt)
    if not is_eob_format(fmt) and fmt != "xlsx":
        raise BadInput(f"this is a {fmt} file, not an EOB: an EOB is an X12 835, a FHIR "
                       "ExplanationOfBenefit (JSON) or an EOB export (CSV, XLSX)", file=str(path))
    result = _read(fmt, path)
    if not isinstance(result, Eob):
        raise BadInput("this looks like an itemized bill, not an EOB: it has no paid, allowed or "
                       "patient-responsibility column", file=str(path))
    for claim in result.claims:
        _sane_values(claim, path, f"claim {claim.claim_id}")
        for ln in claim.lines:
            _sane_values(ln, path, f"claim {claim.claim_id} line {ln.line}")
    return result


# keep the foundation's name for the CSV reader table
BILL_READERS = {fmt: _READERS[fmt] for fmt in BILL_FORMATS}
EOB_READERS = {fmt: _READERS[fmt] for fmt in EOB_FORMATS}
