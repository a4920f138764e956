"""A letter (or several, for the packet) as PDF with fpdf2: page numbers, signature block,
tables with repeated headings, and the embedded Unicode font."""

from __future__ import annotations

from datetime import date, datetime, timezone

from fpdf import FPDF
from fpdf.fonts import FontFace

from .document import Bullets, Heading, Letter, Paragraph, Table, printable
from .fonts import FAMILY, add_fonts

LINE = 5.2  # mm per line of body text


class LetterPDF(FPDF):
    """A4-free US Letter pages, with 'Page n of N' at the foot of every page."""

    def __init__(self, page_label: str = "Page {n} of {total}", as_of: date | None = None):
        super().__init__(orientation="P", unit="mm", format="Letter")
        self.page_label = page_label
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        add_fonts(self)
        self.set_font(FAMILY, size=11)
        when = as_of or date(2000, 1, 1)
        self.set_creation_date(datetime(when.year, when.month, when.day, tzinfo=timezone.utc))
        self.set_creator("billadvocate")
        self.alias_nb_pages("{nb}")

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, size=8.5)
        self.set_text_color(90)
        self.cell(0, 5, self.page_label.format(n=self.page_no(), total="{nb}"), align="C")
        self.set_text_color(0)


def _para(pdf: FPDF, text: str, *, style: str = "", size: float = 11, after: float = 2.5) -> None:
    pdf.set_font(FAMILY, style=style, size=size)
    pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(after)


def draw_table(pdf: FPDF, t: Table, *, size: float = 9) -> None:
    pdf.set_font(FAMILY, style="B", size=10)
    pdf.multi_cell(0, LINE, t.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(FAMILY, size=size)
    widths = t.widths or [1] * len(t.columns)
    align = t.align or ["L"] * len(t.columns)
    with pdf.table(col_widths=tuple(widths), text_align=tuple(align), line_height=4.4,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232)),
                   repeat_headings=1, padding=1) as table:
        table.row([str(c) for c in t.columns])
        for r in t.rows:
            table.row([str(c) for c in r])
    pdf.ln(3)


def draw_letter(pdf: LetterPDF, letter: Letter) -> None:
    """Add one letter to `pdf`, starting on a new page."""
    pdf.add_page()
    if letter.delivery:
        _para(pdf, letter.delivery.upper(), style="B", size=9.5, after=3)
    pdf.set_font(FAMILY, size=10.5)
    for line in letter.sender:
        pdf.cell(0, 4.8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 4.8, letter.date, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in letter.recipient:
        pdf.cell(0, 4.8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for key, value in letter.references:
        pdf.set_font(FAMILY, style="B", size=10.5)
        pdf.cell(pdf.get_string_width(key + ": ") + 1, 4.8, key + ":")
        pdf.set_font(FAMILY, size=10.5)
        pdf.cell(0, 4.8, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _para(pdf, letter.subject, style="B", after=3)
    _para(pdf, letter.salutation, after=2)
    for block in letter.body:
        if isinstance(block, Paragraph):
            _para(pdf, block.text)
        elif isinstance(block, Heading):
            _para(pdf, block.text, style="B")
        elif isinstance(block, Bullets):
            pdf.set_font(FAMILY, size=11)
            for item in block.items:
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(4, LINE, "•")
                pdf.multi_cell(0, LINE, item, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            pdf.ln(1.7)
        elif isinstance(block, Table):
            draw_table(pdf, block)
    if pdf.will_page_break(40):
        pdf.add_page()
    _para(pdf, letter.closing, after=12)
    pdf.set_draw_color(60)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + 70, y)
    pdf.ln(1.5)
    pdf.set_font(FAMILY, size=8.5)
    pdf.cell(0, 4, letter.labels["signature"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=11)
    for line in letter.signature:
        pdf.cell(0, LINE, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    if letter.enclosures:
        _para(pdf, letter.labels["enclosures"] + ":", style="B", size=10, after=0.5)
        pdf.set_font(FAMILY, size=10)
        for e in letter.enclosures:
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 4.8, "– " + e, new_x="LMARGIN", new_y="NEXT")
    for t in letter.attachments:
        pdf.add_page()
        draw_table(pdf, t)


def render_pdf(letter: Letter, *, as_of: date | None = None) -> bytes:
    letter = printable(letter)
    pdf = LetterPDF(letter.labels["page"], as_of=as_of)
    pdf.set_title(f"{letter.title}: {letter.subject}")
    pdf.set_lang(letter.lang)
    draw_letter(pdf, letter)
    return bytes(pdf.output())
