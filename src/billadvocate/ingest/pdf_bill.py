"""Itemized bills as PDF: the text layer through pdfplumber, scanned pages through OCR.

Pages with a text layer are read as positioned text lines (see text_table.py for how charges,
totals, wrapped descriptions and repeated headers are told apart). Pages without one are scans:
they go to OCR (the `ocr` extra) when it is installed, else the reader says how to get it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput
from ..model import Bill
from .eob_model import Eob
from .printed_eob import read_remittance, remittance_pages
from .progress import steps
from .text_table import TextLine, bill_dates, read_text_lines, refuse_validation_notice


def _open(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    file = str(path)
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # parses the page tree: broken files fail here
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise BadInput("the PDF is password-protected: open it, print it to a new PDF without a "
                       "password (or type the password into your viewer and save a copy), then try again", file=file)
    except PDFSyntaxError as e:
        raise BadInput(f"not a readable PDF ({e})", file=file)
    except Exception as e:  # pdfminer raises many types for broken files  # noqa: BLE001
        causes = [e, *getattr(e, "args", ())]
        if any("password" in type(c).__name__.lower() or "encrypt" in type(c).__name__.lower() for c in causes):
            raise BadInput("the PDF is password-protected: save a copy without a password, then try again", file=file)
        raise BadInput(f"not a readable PDF ({type(e).__name__})", file=file)


def page_lines(page) -> list[TextLine]:
    """A pdfplumber page's text as positioned lines."""
    out = []
    for ln in page.extract_text_lines(layout=False, strip=True, return_chars=False):
        text = ln.get("text", "").strip()
        if text:
            out.append(TextLine(text=text, page=page.page_number, x0=float(ln["x0"]), top=float(ln["top"]),
                                height=float(ln["bottom"] - ln["top"])))
    return out


@dataclass
class PdfText:
    """The positioned text of every page, from the text layer or OCR, and what reading it noticed."""

    lines: list[TextLine]
    format: str  # pdf | pdf-ocr (every page scanned)
    notes: list[str]
    corrections: list[str]  # amounts OCR misread and read again
    ocr_confidence: float | None = None


def pdf_text(path: Path) -> PdfText:
    """Every page's text lines: the text layer where there is one, else OCR (the `ocr` extra)."""
    file = str(path)
    text = PdfText(lines=[], format="pdf", notes=[], corrections=[])
    scanned: list[int] = []
    pdf = _open(path)
    try:
        with steps("Reading PDF pages", len(pdf.pages)) as advance:
            for page in pdf.pages:
                try:
                    page_text = page_lines(page) if page.chars else []
                except Exception as e:  # noqa: BLE001 - a broken page: say which, keep the others
                    text.notes.append(f"page {page.page_number}: could not be read ({type(e).__name__})")
                    page_text = []
                if page_text:
                    text.lines.extend(page_text)
                elif page.images or not page.chars:
                    scanned.append(page.page_number)
                advance(1)
    finally:
        pdf.close()
    if scanned:
        from .ocr import ocr_pdf_pages

        ocr_lines, confidence = ocr_pdf_pages(path, scanned, file=file, corrections=text.corrections)
        text.lines.extend(ocr_lines)
        text.format = "pdf-ocr" if len(scanned) == bill_pages(path) else "pdf"
        text.ocr_confidence = confidence
        text.notes.append(f"page(s) {', '.join(map(str, scanned))} read by OCR "
                          f"(mean confidence {confidence:.0%}): check the amounts against the paper")
    if not text.lines:
        raise BadInput("the PDF has no text to read (no text layer, and OCR found nothing)", file=file)
    text.lines.sort(key=lambda ln: (ln.page, ln.top, ln.x0))
    return text


def read_pdf_bill(path: str | Path) -> Bill | Eob:
    """Read an itemized bill from a PDF (text layer, or OCR for scanned pages). Pages that are the
    insurer's printed remittance are not read as charges: `read_pdf_eob` reads them. A consumer EOB
    (the insurer's statement to its member: billed / allowed / saved / paid / you owe) is read as
    the EOB it is, never as a bill."""
    path = Path(path)
    return bill_from_text(pdf_text(path), str(path))


def bill_from_text(text: PdfText, file: str) -> Bill | Eob:
    """The bill (or consumer EOB) in a PDF's text, as `read_pdf_bill` reads it."""
    from .consumer_eob import read_consumer_eob

    refuse_validation_notice(text.lines, file)
    if not remittance_pages(text.lines):
        eob = read_consumer_eob(text.lines, file=file, format="pdf-eob")
        if eob is not None and eob.claims:
            eob.notes = [*text.notes, *eob.notes]
            return eob
    bill = Bill(source=file, format=text.format, notes=list(text.notes), ocr_confidence=text.ocr_confidence)
    lines = text.lines
    remits = remittance_pages(lines)
    if remits and len(remits) < len({ln.page for ln in lines}):
        lines = [ln for ln in lines if ln.page not in remits]
        bill.notes.append(remittance_note(file, remits))
    if text.ocr_confidence is not None:
        from .ocr import read_ocr_text

        read_ocr_text(lines, bill, list(text.corrections))
    else:
        read_text_lines(lines, bill)
    if not bill.lines:
        raise BadInput("no charge lines found in the PDF: it may be a summary without a table of charges; "
                       "ask the provider for an itemized bill", file=file)
    return bill


REMITTANCE_NOTE = re.compile(r"^page\(s\) (?P<pages>[\d, ]+): the insurer's remittance advice, not charges")


def remittance_note(file: str, pages: list[int], eobs: list[str] | None = None) -> str:
    """What the bill's note says of its remittance pages: how to audit the bill against them, or, when the
    audit was given EOBs (`eobs`, their files), which remittance it used."""
    head = f"page(s) {', '.join(map(str, pages))}: the insurer's remittance advice, not charges"
    if eobs is None:
        # `--eob` names the same file as the EOB (a PDF's is read from its remittance pages, no --eob-format
        # needed); `audit --format pdf-eob` would read the bill itself as the EOB
        return (f"{head}; to audit the bill against it, give the same file as the EOB too: `billadvocate audit "
                f"{shlex.quote(file)} --eob {shlex.quote(file)}` (in a case file, list it under eob: too; in a "
                "stored case, add it again with `--as eob`)")
    others = [e for e in eobs if not _same_file(e, file)]
    if len(others) < len(eobs):
        return (f"{head}; the bill was audited against it (given as the EOB too)"
                + (f", and against {_names(others)}" if others else ""))
    return f"{head}; it was not used: the bill was audited against the EOB given instead ({_names(others)})"


def _names(files: list[str]) -> str:
    return ", ".join(dict.fromkeys(files))


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def with_eobs_given(bill: Bill, eobs: list[str]) -> Bill:
    """The bill with its remittance-page note saying which remittance the audit used (`eobs`: the files given as
    EOBs), instead of asking for the EOB the user already gave."""
    notes = []
    for n in bill.notes:
        m = REMITTANCE_NOTE.match(n)
        notes.append(remittance_note(bill.source, [int(p) for p in m.group("pages").split(",")], eobs) if m else n)
    bill.notes = notes
    return bill


def read_pdf_eob(path: str | Path) -> Eob:
    """Read the printed remittance advice (EOB) pages of a PDF as an Eob."""
    path = Path(path)
    return eob_from_text(pdf_text(path), str(path))


def eob_from_text(text: PdfText, file: str) -> Eob:
    """The printed remittance (or consumer EOB) in a PDF's text, as `read_pdf_eob` reads it. A service date
    the remittance prints without its year takes it from the bill's pages in the same file."""
    remits = remittance_pages(text.lines)
    bill_lines = [ln for ln in text.lines if ln.page not in remits]
    eob = read_remittance(text.lines, file=file, format="pdf-eob", dates=bill_dates(bill_lines) if remits else None)
    if not eob.claims:
        from .consumer_eob import read_consumer_eob

        eob = read_consumer_eob(text.lines, file=file, format="pdf-eob") or eob
    if not eob.claims:
        raise BadInput("no remittance (EOB) page found in the PDF: no service lines under a header naming the "
                       "charges, the allowed amount and the adjustment reason", file=file)
    on_remittance = [c for c in text.corrections if any(c.startswith(f"page {p}:") for p in remits)]
    eob.notes = [*text.notes, *on_remittance, *eob.notes]
    return eob


def bill_pages(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()
