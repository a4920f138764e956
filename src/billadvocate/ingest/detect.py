"""Which reader a file needs, from its content first and its extension second."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import BadInput

# formats: what each reader is called on the command line (--format)
BILL_FORMATS = ("csv", "xlsx", "pdf", "image", "x12-837", "synthea-ledger")
EOB_FORMATS = ("x12-835", "fhir", "csv-eob", "synthea-ledger-eob", "synthea-claims", "pdf-eob", "image-eob")
# bill formats that also hold what the insurer paid: read_eob reads them as this EOB format
EOB_VIEW = {"synthea-ledger": "synthea-ledger-eob", "pdf": "pdf-eob", "image": "image-eob"}
# a debt collector's validation notice (PDF): neither a bill nor an EOB, read by `read_any`
NOTICE_FORMAT = "validation-notice"
FORMATS = (*BILL_FORMATS, *EOB_FORMATS, NOTICE_FORMAT)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


def read_text(path: str | Path) -> str:
    """A text file as str: UTF-8 (with or without BOM), else Windows-1252."""
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def check_file(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise BadInput("no such file", file=str(path))
    if not path.is_file():
        raise BadInput("is a folder, not a file", file=str(path))
    if path.stat().st_size == 0:
        raise BadInput("the file is empty", file=str(path))
    return path


def _x12_transaction(head: str) -> str | None:
    m = re.search(r"ST.(835|837)", head[:4000])
    if m:
        return m.group(1)
    m = re.search(r"GS.(HP|HC)", head[:4000])
    return {"HP": "835", "HC": "837"}.get(m.group(1)) if m else None


EOB_CSV_HINTS = ("allowed", "paid", "plan paid", "insurer paid", "insurance paid", "patient responsibility",
                 "you owe", "your responsibility", "member responsibility", "deductible", "coinsurance",
                 "copay", "plan discount", "network")


def detect_format(path: str | Path) -> str:
    """One of FORMATS, from the first bytes of the file (and the extension when the bytes agree)."""
    path = check_file(path)
    with open(path, "rb") as f:
        head = f.read(8192)
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if path.suffix.lower() in (".xlsx", ".xlsm") or b"xl/" in head or b"[Content_Types].xml" in head:
            return "xlsx"
        raise BadInput("a ZIP archive that is not an Excel workbook (.xlsx)", file=str(path))
    if head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff" or head[:4] in (b"II*\x00", b"MM\x00*") \
            or head[:2] == b"BM" or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BadInput("an old Excel (.xls) or Word file: save it as .xlsx or .csv", file=str(path))
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t")
    if text.startswith("ISA"):
        tx = _x12_transaction(text)
        if tx == "835":
            return "x12-835"
        if tx == "837":
            return "x12-837"
        raise BadInput("an X12 file that is neither an 835 (EOB) nor an 837 (claim)", file=str(path))
    if text.startswith("{") or text.startswith("["):
        return "fhir"
    if "\x00" in text:
        raise BadInput("a binary file of a kind billadvocate cannot read (readable: CSV, XLSX, PDF, "
                       "JPEG/PNG, X12 835/837, FHIR JSON)", file=str(path))
    first = text.splitlines()[0] if text.splitlines() else ""
    from .synthea_csv import looks_like_claims, looks_like_ledger

    if looks_like_ledger(first):
        return "synthea-ledger"
    if looks_like_claims(first):
        return "synthea-claims"
    first = first.lower()
    if any(h in first for h in EOB_CSV_HINTS) and not _is_bill_header(first):
        return "csv-eob"
    return "csv"


def _is_bill_header(first_line: str) -> bool:
    """A bill CSV with a 'paid' column is still a bill when it has no EOB-only columns."""
    eob_only = ("allowed", "patient responsibility", "plan paid", "insurer paid", "insurance paid",
                "you owe", "your responsibility", "member responsibility", "deductible", "coinsurance")
    return not any(h in first_line for h in eob_only)


def is_eob_format(fmt: str) -> bool:
    return fmt in EOB_FORMATS


def load_json(text: str, *, file: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInput(f"not valid JSON: {e.msg}", file=file, where=f"line {e.lineno}, column {e.colno}")
    except RecursionError:
        raise BadInput("is nested far deeper than any real document: check that it is the right file", file=file)
