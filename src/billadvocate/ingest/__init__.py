"""Readers: one per format, each turning a document into the canonical model or a BadInput.

`read_bill(path)` picks the reader from the file's content and extension.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BadInput
from ..model import Bill
from .csv_bill import read_csv_bill

BILL_READERS = {
    "csv": read_csv_bill,
}


def detect_bill_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "tsv", "txt"):
        return "csv"
    return suffix


def read_bill(path: str | Path, *, format: str | None = None) -> Bill:
    """Read an itemized bill from any supported format."""
    path = Path(path)
    if not path.is_file():
        raise BadInput("no such file", file=str(path))
    if path.stat().st_size == 0:
        raise BadInput("the file is empty", file=str(path))
    fmt = format or detect_bill_format(path)
    reader = BILL_READERS.get(fmt)
    if reader is None:
        known = ", ".join(sorted(BILL_READERS))
        raise BadInput(f"cannot read {fmt!r} files as a bill yet (readable: {known})", file=str(path))
    return reader(path)
