"""X12 interchanges: separators from the ISA header, the envelope checks, and one pass over the segments.

Separators are read from the fixed-width ISA segment (element separator at position 4, component
separator at 105, segment terminator at 106). A file that ends before its IEA trailer, or whose
segments do not split on the declared terminator, is refused with one clear line. The 835 and 837
readers share everything here: `open_interchange` checks the envelope and the transaction type,
`walk` splits each segment once and hands it to the reader's handler for its id (ST/SE counted here).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..errors import BadInput
from .progress import steps
from .values import exact_decimal

_SEGMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{1,2}$")
Handler = Callable[[list[str], int], None]  # (elements, segment number); elements[0] is the id
PROGRESS_EVERY = 5000  # segments per progress step


@dataclass
class Interchange:
    file: str
    chunks: list[str]  # the raw segments, split on the terminator (line breaks removed)
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

    def error(self, problem: str, number: int, seg_id: str) -> BadInput:
        return BadInput(problem, file=self.file, where=where(number, seg_id))

    def money(self, value: str, number: int, seg_id: str, name: str) -> Decimal | None:
        """An X12 decimal amount ('945', '-9.00'); '' -> None."""
        cached = _AMOUNTS.get(value)
        if cached is not None:
            return cached
        return _parse_once(_AMOUNTS, value, exact_decimal, lambda: self.error(
            f"{name} {value!r} is not an amount", number, seg_id))

    def date(self, value: str, number: int, seg_id: str) -> date | None:
        """CCYYMMDD (or YYMMDD in old files) -> date; '' -> None."""
        cached = _DATES.get(value)
        if cached is not None:
            return cached
        return _parse_once(_DATES, value, _date, lambda: self.error(
            f"{value!r} is not a date (CCYYMMDD)", number, seg_id))

    def period(self, value: str, qualifier: str, number: int, seg_id: str) -> tuple[date | None, date | None]:
        """A DTP value with its format qualifier: D8 'CCYYMMDD' or RD8 'CCYYMMDD-CCYYMMDD'."""
        if qualifier == "RD8" or "-" in value:
            start, _, end = value.partition("-")
            return self.date(start, number, seg_id), self.date(end, number, seg_id)
        d = self.date(value, number, seg_id)
        return d, d

    def version_note(self) -> str | None:
        if self.version and not self.version.startswith("00501"):
            return (f"X12 version {self.version} (older than 5010): read with the 5010 layout; check the "
                    "amounts against the paper")
        return None


_AMOUNTS: dict[str, Decimal] = {}  # amounts and dates repeat: parse each text once
_DATES: dict[str, date] = {}


def _parse_once(cache: dict, value: str, parse, error: Callable[[], BadInput]):
    """The parsed value of `value` ('' -> None), kept in `cache`; the error when it does not parse."""
    text = value.strip()
    if not text:
        return None
    result = parse(text)
    if result is None:
        raise error()
    if len(cache) < 100_000:
        cache[value] = result
    return result


def _date(text: str) -> date | None:
    if text.isdigit() and len(text) in (6, 8):
        try:
            if len(text) == 8:
                return date(int(text[:4]), int(text[4:6]), int(text[6:]))
            year = int(text[:2])
            return date(2000 + year if year < 50 else 1900 + year, int(text[2:4]), int(text[4:]))
        except ValueError:
            return None
    return None


def where(number: int, seg_id: str) -> str:
    return f"segment {number} ({seg_id})"


def looks_like_x12(head: str) -> bool:
    return head.lstrip("\ufeff \r\n\t").startswith("ISA")


def load(path, text: str | None, *, transaction: str, what: str) -> Interchange:
    """Read the file (unless its text is given) and open its interchange, which must hold `transaction`."""
    file = str(path)
    if text is None:
        from .detect import read_text

        text = read_text(path)
    ic = open_interchange(text, file=file)
    if ic.transaction != transaction:
        raise BadInput(f"this X12 file is a {ic.transaction}, not {what}", file=file)
    return ic


def _separators(text: str, file: str) -> tuple[str, str, str]:
    """(element separator, component separator, segment terminator) from the ISA header."""
    isa = "segment 1 (ISA)"
    if len(text) < 4:
        raise BadInput("truncated X12 interchange: the file ends inside the ISA header", file=file, where=isa)
    element_sep = text[3]
    if element_sep.isalnum() or element_sep.isspace():
        raise BadInput("malformed ISA header: the 4th character must be the element separator", file=file, where=isa)
    # ISA is fixed-width (106 characters), but tolerate padding mistakes: the component separator is
    # the one character after the 16th element separator, and the segment terminator follows it.
    pos = 3
    for _ in range(15):
        pos = text.find(element_sep, pos + 1)
        if pos < 0:
            raise BadInput("truncated X12 interchange: the ISA header has fewer than 16 elements",
                           file=file, where=isa)
    if pos + 2 >= len(text):
        raise BadInput("truncated X12 interchange: the file ends inside the ISA header", file=file, where=isa)
    component_sep, terminator = text[pos + 1], text[pos + 2]
    if terminator.isalnum() or terminator == element_sep:
        raise BadInput(f"wrong segment terminator {terminator!r} after the ISA header: X12 segments end "
                       "with a character such as '~'", file=file, where=isa)
    return element_sep, component_sep, terminator


_HIDDEN_IDS = r"(GS|ST|SE|GE|IEA|BPR|CLP|CLM|SVC|SV1|SV2|NM1|HL)"


def _check_hidden_terminators(text: str, element_sep: str, component_sep: str, terminator: str, file: str) -> None:
    """Another terminator inside a segment, followed by a segment id: the declared one is wrong."""
    suspects = [c for c in "~'!|\r\n" if c not in (element_sep, component_sep, terminator) and c in text]
    for brk in "\n\r":  # line breaks that all follow a terminator are only layout: no need to search
        if brk in suspects and text.count(brk) == text.count(terminator + brk) + text.count(terminator + "\r\n") * (brk == "\n"):
            suspects.remove(brk)
    if not suspects:
        return
    hidden = re.compile("(?<![" + re.escape(terminator + "\r\n") + "])[" + re.escape("".join(suspects))
                        + r"]\s*" + _HIDDEN_IDS + re.escape(element_sep))
    found = hidden.search(text)
    if found:
        before = text[:found.start()].count(terminator) + 1
        raise BadInput(f"wrong segment terminator: the ISA header declares {terminator!r}, but segments "
                       f"also end with {found.group()[0]!r} (found {text[found.start():found.start() + 30]!r})",
                       file=file, where=f"segment {before}")


def open_interchange(text: str, *, file: str) -> Interchange:
    """Check an X12 file's envelope and split it into raw segments; BadInput when it is broken.

    The segments themselves are split into elements once, by `walk`, as the reader goes."""
    text = text.lstrip("\ufeff \r\n\t")
    if not text:
        raise BadInput("the file is empty", file=file)
    if not text.startswith("ISA"):
        raise BadInput("not an X12 file: it must start with an ISA segment", file=file, where="segment 1")
    element_sep, component_sep, terminator = _separators(text, file)
    _check_hidden_terminators(text, element_sep, component_sep, terminator, file)
    for brk in "\r\n":  # line breaks are never data in X12 (unless one is the terminator)
        if brk != terminator and brk in text:
            text = text.replace(brk, "")
    chunks = text.split(terminator)
    if any(pad in text for pad in (terminator + " ", terminator + "\t", " " + terminator, "\t" + terminator)):
        chunks = [c.strip(" \t") for c in chunks]  # rare: spaces around the terminators
    while chunks and not chunks[-1].strip():
        chunks.pop()
    ic = Interchange(file=file, chunks=chunks, element_sep=element_sep, component_sep=component_sep,
                     segment_term=terminator)
    second = next((c for c in chunks[1:] if c.strip()), "")
    if second.strip().split(element_sep)[0] != "GS":
        raise BadInput(f"wrong segment terminator: the ISA header declares {terminator!r} but no GS "
                       "segment follows it", file=file, where="segment 2")
    last_id = chunks[-1].strip().split(element_sep)[0]
    if last_id != "IEA":
        number = sum(1 for c in chunks if c.strip())
        raise BadInput(f"truncated X12 interchange: it ends at segment {number} ({last_id[:3]}) without the "
                       "IEA trailer; ask for the complete file", file=file, where=f"segment {number}")
    ic.version = _element(second, element_sep, 8)
    st = next((c for c in chunks if c.lstrip(" \t").startswith("ST" + element_sep)), None)
    if st is None:
        raise BadInput("the interchange holds no transaction (no ST segment)", file=file)
    ic.transaction = _element(st, element_sep, 1)
    return ic


def _element(chunk: str, sep: str, i: int) -> str:
    parts = chunk.strip().split(sep)
    return parts[i] if i < len(parts) else ""


@contextmanager
def _no_gc_pauses():
    """Reading builds hundreds of thousands of small acyclic objects: the cyclic collector would
    rescan them all again and again (more than half the time of a large 835), and finds nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > 50_000 and gc.get_freeze_count() == 0:
            # a large read: move what was built straight to the oldest generation (freeze, then unfreeze
            # into it); re-enabling would otherwise first rescan all of it as young objects (~0.3 s for
            # 10 MB). Small reads leave the generations alone.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def walk(ic: Interchange, handlers: dict[str, Handler], label: str) -> None:
    """One pass over the segments: split each into elements, check the ST/SE envelope, and call the
    handler for its id. Segments are numbered from 1 in file order, as the messages say."""
    sep = ic.element_sep
    chunks = ic.chunks if "" not in ic.chunks else [c for c in ic.chunks if c]
    state = {"open_st": 0}  # segment number of the open ST, 0 when none

    def envelope(then: Handler | None) -> Handler:
        def check(el: list[str], number: int) -> None:
            state["open_st"] = _envelope(ic, el, number, state["open_st"])
            if then is not None:
                then(el, number)
        return check

    # segment id -> what to do with it; ids not seen yet are checked once, then looked up
    dispatch: dict[str, Handler] = {seg_id: envelope(handlers.get(seg_id)) for seg_id in _ENVELOPE}
    with _no_gc_pauses(), steps(label, len(chunks) // PROGRESS_EVERY + 1) as advance:
        for block in range(0, len(chunks), PROGRESS_EVERY):
            for number, chunk in enumerate(chunks[block:block + PROGRESS_EVERY], start=block + 1):
                el = chunk.split(sep)
                handler = dispatch.get(el[0])
                if handler is None:
                    handler = _first_seen(ic, el, number, chunk, handlers, dispatch)
                handler(el, number)
            advance(1)


def _skip(el: list[str], number: int) -> None:
    return None


def _first_seen(ic: Interchange, el: list[str], number: int, chunk: str, handlers: dict[str, Handler],
                dispatch: dict[str, Handler]) -> Handler:
    """Check a segment id the first time it appears; what to do with segments of that id."""
    seg_id = el[0].strip()
    if not _SEGMENT_ID.match(seg_id):
        raise BadInput(f"wrong segment terminator: the ISA header declares {ic.segment_term!r}, but "
                       f"the text after it does not split into segments (found {chunk[:30]!r})",
                       file=ic.file, where=f"segment {number}")
    if seg_id != el[0]:  # ' CLP': padded, read as CLP
        el[0] = seg_id
        return dispatch.get(seg_id) or handlers.get(seg_id) or _skip
    dispatch[seg_id] = handlers.get(seg_id) or _skip
    return dispatch[seg_id]


_ENVELOPE = frozenset(("ST", "SE", "GE", "IEA"))


def _envelope(ic: Interchange, el: list[str], number: int, open_st: int) -> int:
    """Check one ST/SE/GE/IEA segment against the open transaction; the new open ST number."""
    seg_id = el[0]
    if seg_id == "ST":
        if open_st:
            raise ic.error("truncated transaction: a new ST begins before the SE of the previous one", number, seg_id)
        return number
    if seg_id == "SE":
        if not open_st:
            raise ic.error("SE without ST", number, seg_id)
        count = el[1] if len(el) > 1 else ""
        actual = number - open_st + 1
        if count.isdigit() and int(count) != actual:
            ic.notes.append(f"segment {number} (SE): declares {count} segments, found {actual}")
        return 0
    if open_st:  # GE or IEA inside a transaction
        raise ic.error(f"truncated transaction: {seg_id} comes before the SE of the transaction started at "
                       f"segment {open_st}", number, seg_id)
    return 0


def get(el: list[str], i: int) -> str:
    return el[i] if i < len(el) else ""


def name_of(el: list[str]) -> str:
    """NM1/N1 name: organisation name, or 'FIRST LAST'."""
    if el[0] == "N1":
        return get(el, 2).strip()
    last, first = get(el, 3).strip(), get(el, 4).strip()
    return f"{first} {last}".strip() if first else last
