"""X12 interchanges: separators from the ISA header, segments, and the envelope checks.

Separators are read from the fixed-width ISA segment (element separator at position 4, component
separator at 105, segment terminator at 106). A file that ends before its IEA trailer, or whose
segments do not split on the declared terminator, is refused with one clear line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ..errors import BadInput

_SEGMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{1,2}$")


@dataclass(slots=True)
class Segment:
    id: str
    elements: list[str]  # elements[0] is the segment id, as in the X12 numbering (CLP01 = [1])
    number: int  # position in the file, from 1

    def get(self, i: int, default: str = "") -> str:
        return self.elements[i] if i < len(self.elements) else default


@dataclass
class Interchange:
    file: str
    segments: list[Segment]
    element_sep: str
    component_sep: str
    segment_term: str
    version: str = ""  # GS08, e.g. 005010X221A1
    transaction: str = ""  # ST01, e.g. 835
    notes: list[str] = field(default_factory=list)

    def components(self, value: str) -> list[str]:
        """Split a composite element, tolerating files that use another common separator."""
        for sep in (self.component_sep, ":", ">", "^", "<"):
            if sep and sep in value:
                return value.split(sep)
        return [value]

    def where(self, seg: Segment) -> str:
        return f"segment {seg.number} ({seg.id})"


def looks_like_x12(head: str) -> bool:
    return head.lstrip("\ufeff \r\n\t").startswith("ISA")


def parse_interchange(text: str, *, file: str) -> Interchange:
    """Split an X12 file into segments after checking its envelope; BadInput when it is broken."""
    text = text.lstrip("\ufeff \r\n\t")
    if not text:
        raise BadInput("the file is empty", file=file)
    if not text.startswith("ISA"):
        raise BadInput("not an X12 file: it must start with an ISA segment", file=file, where="segment 1")
    if len(text) < 4:
        raise BadInput("truncated X12 interchange: the file ends inside the ISA header", file=file,
                       where="segment 1 (ISA)")
    element_sep = text[3]
    if element_sep.isalnum() or element_sep.isspace():
        raise BadInput("malformed ISA header: the 4th character must be the element separator",
                       file=file, where="segment 1 (ISA)")
    # ISA is fixed-width (106 characters), but tolerate padding mistakes: the component separator is
    # the one character after the 16th element separator, and the segment terminator follows it.
    pos, count = 3, 0
    while count < 16:
        pos = text.find(element_sep, pos + 1) if count else 3
        if pos < 0:
            raise BadInput("truncated X12 interchange: the ISA header has fewer than 16 elements",
                           file=file, where="segment 1 (ISA)")
        count += 1
    if pos + 2 >= len(text):
        raise BadInput("truncated X12 interchange: the file ends inside the ISA header", file=file,
                       where="segment 1 (ISA)")
    component_sep = text[pos + 1]
    terminator = text[pos + 2]
    if terminator.isalnum() or terminator == element_sep:
        raise BadInput(f"wrong segment terminator {terminator!r} after the ISA header: X12 segments end "
                       "with a character such as '~'", file=file, where="segment 1 (ISA)")
    raw = text.split(terminator)
    # another terminator inside a segment, followed by a segment id: the declared one is wrong
    others = "".join(c for c in "~'!|\r\n" if c not in (element_sep, component_sep, terminator))
    hidden = re.compile("(?<![" + re.escape(terminator + "\r\n") + "])[" + re.escape(others)
                        + r"]\s*(GS|ST|SE|GE|IEA|BPR|CLP|CLM|SVC|SV1|SV2|NM1|HL)" + re.escape(element_sep))
    found = hidden.search(text)
    if found:
        before = text[:found.start()].count(terminator) + 1
        raise BadInput(f"wrong segment terminator: the ISA header declares {terminator!r}, but segments "
                       f"also end with {found.group()[0]!r} (found {text[found.start():found.start() + 30]!r})",
                       file=file, where=f"segment {before}")
    segments: list[Segment] = []
    for number, chunk in enumerate(raw, start=1):
        chunk = chunk.strip("\r\n\t ")
        if not chunk:
            continue
        elements = chunk.split(element_sep)
        if "\n" in chunk or "\r" in chunk:  # line breaks are never data in X12
            elements = [e.replace("\r", "").replace("\n", "") for e in elements]
        seg_id = elements[0].strip()
        if not _SEGMENT_ID.match(seg_id):
            raise BadInput(f"wrong segment terminator: the ISA header declares {terminator!r}, but the "
                           f"text after it does not split into segments (found {chunk[:30]!r})",
                           file=file, where=f"segment {len(segments) + 1}")
        segments.append(Segment(seg_id, elements, len(segments) + 1))
    if len(segments) < 2 or segments[1].id != "GS":
        raise BadInput(f"wrong segment terminator: the ISA header declares {terminator!r} but no GS "
                       "segment follows it", file=file, where="segment 2")
    if segments[-1].id != "IEA":
        last = segments[-1]
        raise BadInput(f"truncated X12 interchange: it ends at segment {last.number} ({last.id}) "
                       "without the IEA trailer; ask for the complete file", file=file,
                       where=f"segment {last.number}")
    ic = Interchange(file=file, segments=segments, element_sep=element_sep,
                     component_sep=component_sep, segment_term=terminator)
    _check_transactions(ic)
    return ic


def _check_transactions(ic: Interchange) -> None:
    open_st: Segment | None = None
    for seg in ic.segments:
        if seg.id == "GS" and not ic.version:
            ic.version = seg.get(8)
        elif seg.id == "ST":
            if open_st is not None:
                raise BadInput("truncated transaction: a new ST begins before the SE of the previous one",
                               file=ic.file, where=ic.where(seg))
            open_st = seg
            ic.transaction = ic.transaction or seg.get(1)
        elif seg.id == "SE":
            if open_st is None:
                raise BadInput("SE without ST", file=ic.file, where=ic.where(seg))
            count = seg.get(1)
            actual = seg.number - open_st.number + 1
            if count.isdigit() and int(count) != actual:
                ic.notes.append(f"segment {seg.number} (SE): declares {count} segments, found {actual}")
            open_st = None
        elif seg.id in ("GE", "IEA") and open_st is not None:
            raise BadInput(f"truncated transaction: {seg.id} comes before the SE of the transaction "
                           f"started at segment {open_st.number}", file=ic.file, where=ic.where(seg))
    if not ic.transaction:
        raise BadInput("the interchange holds no transaction (no ST segment)", file=ic.file)


_AMOUNTS: dict[str, Decimal] = {}  # amounts repeat: parse each text once


def money(value: str, *, ic: Interchange, seg: Segment, name: str) -> Decimal | None:
    """An X12 decimal amount ('945', '-9.00'); '' -> None."""
    cached = _AMOUNTS.get(value)
    if cached is not None:
        return cached
    text = value.strip()
    if not text:
        return None
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise BadInput(f"{name} {value!r} is not an amount", file=ic.file, where=ic.where(seg))
    if not result.is_finite():
        raise BadInput(f"{name} {value!r} is not an amount", file=ic.file, where=ic.where(seg))
    if len(_AMOUNTS) < 100_000:
        _AMOUNTS[value] = result
    return result


def number(value: str, *, ic: Interchange, seg: Segment, name: str) -> Decimal | None:
    return money(value, ic=ic, seg=seg, name=name)


def x12_date(value: str, *, ic: Interchange, seg: Segment) -> date | None:
    """CCYYMMDD (or YYMMDD in old files) -> date; '' -> None."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit() and len(value) in (6, 8):
        try:
            if len(value) == 8:
                return date(int(value[:4]), int(value[4:6]), int(value[6:]))
            year = int(value[:2])
            return date(2000 + year if year < 50 else 1900 + year, int(value[2:4]), int(value[4:]))
        except ValueError:
            pass
    raise BadInput(f"{value!r} is not a date (CCYYMMDD)", file=ic.file, where=ic.where(seg))


def x12_period(value: str, qualifier: str, *, ic: Interchange, seg: Segment) -> tuple[date | None, date | None]:
    """A DTP value with its format qualifier: D8 'CCYYMMDD' or RD8 'CCYYMMDD-CCYYMMDD'."""
    if qualifier == "RD8" or "-" in value:
        start, _, end = value.partition("-")
        return x12_date(start, ic=ic, seg=seg), x12_date(end, ic=ic, seg=seg)
    d = x12_date(value, ic=ic, seg=seg)
    return d, d


def name_of(seg: Segment) -> str:
    """NM1/N1 name: organisation name, or 'FIRST LAST'."""
    if seg.id == "N1":
        return seg.get(2).strip()
    last, first = seg.get(3).strip(), seg.get(4).strip()
    return f"{first} {last}".strip() if first else last
