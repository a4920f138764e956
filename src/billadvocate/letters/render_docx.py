"""A letter as DOCX with python-docx: the same document model as the PDF, with a PAGE field in
the footer and fixed document properties so the same case gives the same file."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .document import Bullets, Heading, Letter, Paragraph, Table, printable


def _field(run, code: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) into a run."""
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _footer(doc, label: str) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = label.partition("{n}")
    middle, _, after = rest.partition("{total}")
    p.add_run(before)
    _field(p.add_run(), "PAGE")
    p.add_run(middle)
    _field(p.add_run(), "NUMPAGES")
    p.add_run(after)


def add_table(doc, t: Table) -> None:
    doc.add_paragraph().add_run(t.title).bold = True
    table = doc.add_table(rows=1, cols=len(t.columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, t.columns):
        cell.text = ""
        cell.paragraphs[0].add_run(str(name)).bold = True
    align = t.align or ["L"] * len(t.columns)
    for r in t.rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, r)):
            cell.text = str(value)
            if align[i] == "R":
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def render_docx(letter: Letter, *, as_of: date | None = None) -> bytes:
    letter = printable(letter)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Georgia"
    style.font.size = Pt(11)
    when = as_of or date(2000, 1, 1)
    props = doc.core_properties
    props.title, props.author, props.language = letter.title, "billadvocate", letter.lang
    props.created = props.modified = datetime(when.year, when.month, when.day)
    props.last_modified_by = "billadvocate"
    props.revision = 1
    _footer(doc, letter.labels["page"])
    if letter.delivery:
        doc.add_paragraph().add_run(letter.delivery.upper()).bold = True
    doc.add_paragraph("\n".join(letter.sender))
    doc.add_paragraph(letter.date)
    doc.add_paragraph("\n".join(letter.recipient))
    refs = doc.add_paragraph()
    for i, (k, v) in enumerate(letter.references):
        refs.add_run(f"{k}: ").bold = True
        refs.add_run(v + ("\n" if i < len(letter.references) - 1 else ""))
    doc.add_paragraph().add_run(letter.subject).bold = True
    doc.add_paragraph(letter.salutation)
    for b in letter.body:
        if isinstance(b, Paragraph):
            doc.add_paragraph(b.text)
        elif isinstance(b, Heading):
            doc.add_paragraph().add_run(b.text).bold = True
        elif isinstance(b, Bullets):
            for item in b.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(b, Table):
            add_table(doc, b)
    doc.add_paragraph(letter.closing)
    doc.add_paragraph("\n\n" + "_" * 32)
    sig = doc.add_paragraph()
    sig.add_run(letter.labels["signature"] + "\n").italic = True
    sig.add_run("\n".join(letter.signature))
    if letter.enclosures:
        doc.add_paragraph().add_run(letter.labels["enclosures"] + ":").bold = True
        for e in letter.enclosures:
            doc.add_paragraph(e, style="List Bullet")
    for t in letter.attachments:
        doc.add_page_break()
        add_table(doc, t)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip_times(buf.getvalue(), when)


def _fixed_zip_times(data: bytes, when: date) -> bytes:
    """The same letter gives the same bytes: every zip member stamped with the letter's date."""
    out = io.BytesIO()
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
