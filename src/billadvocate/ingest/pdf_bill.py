"""Itemized bills as PDF: the text layer through pdfplumber, scanned pages through OCR.

Pages with a text layer are read as positioned text lines (see text_table.py for how charges,
totals, wrapped descriptions and repeated headers are told apart). Pages without one are scans:
they go to OCR (the `ocr` extra) when it is installed, else the reader says how to get it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BadInput
from ..model import Bill
from .progress import steps
from .text_table import TextLine, read_text_lines


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


def read_pdf_bill(path: str | Path) -> Bill:
    """Read an itemized bill from a PDF (text layer, or OCR for scanned pages)."""
    path = Path(path)
    file = str(path)
    bill = Bill(source=file, format="pdf")
    lines: list[TextLine] = []
    scanned: list[int] = []
    pdf = _open(path)
    try:
        with steps("Reading PDF pages", len(pdf.pages)) as advance:
            for page in pdf.pages:
                try:
                    page_text = page_lines(page) if page.chars else []
                except Exception as e:  # noqa: BLE001 - a broken page: say which, keep the others
                    bill.notes.append(f"page {page.page_number}: could not be read ({type(e).__name__})")
                    page_text = []
                if page_text:
                    lines.extend(page_text)
                elif page.images or not page.chars:
                    scanned.append(page.page_number)
                advance(1)
    finally:
        pdf.close()
    if scanned:
        from .ocr import ocr_pdf_pages

        ocr_lines, confidence = ocr_pdf_pages(path, scanned, file=file)
        lines.extend(ocr_lines)
        bill.format = "pdf-ocr" if len(scanned) == bill_pages(path) else "pdf"
        bill.ocr_confidence = confidence
        bill.notes.append(f"page(s) {', '.join(map(str, scanned))} read by OCR "
                          f"(mean confidence {confidence:.0%}): check the amounts against the paper")
    if not lines:
        raise BadInput("the PDF has no text to read (no text layer, and OCR found nothing)", file=file)
    lines.sort(key=lambda ln: (ln.page, ln.top, ln.x0))
    read_text_lines(lines, bill)
    if not bill.lines:
        raise BadInput("no charge lines found in the PDF: it may be a summary without a table of charges; "
                       "ask the provider for an itemized bill", file=file)
    return bill


def bill_pages(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()
