"""Sample documents made on the fly for the reader tests and benchmarks (no binary fixtures needed)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

DESCRIPTIONS = ["CBC W/AUTO DIFF", "COMPREHENSIVE METABOLIC PANEL", "CHEST X-RAY 2 VIEWS",
                "IV PUSH SINGLE DRUG", "ONDANSETRON HCL INJ 1MG", "ECG TRACING"]
CODES = ["85025", "80053", "71046", "96374", "J2405", "93005"]


def itemized_pdf(path: Path, *, pages: int = 2, rows_per_page: int = 20, wrap_every: int = 7,
                 password: str | None = None) -> dict:
    """Write a multi-page itemized bill PDF; return what it holds (lines, total, wrapped lines)."""
    from fpdf import FPDF

    pdf = FPDF(format="letter", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    n = 0
    total = Decimal(0)
    wrapped: dict[int, str] = {}
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_xy(40, 30)
        pdf.cell(300, 12, "Valley General Hospital - Itemized Statement")
        pdf.set_xy(40, 44)
        pdf.cell(300, 12, "Account VGH-2025-98741   Patient: Jane Doe")
        y = 80
        for x, text in ((40, "Date"), (110, "Code"), (160, "Description"), (430, "Qty"), (480, "Amount")):
            pdf.set_xy(x, y)
            pdf.cell(60, 12, text)
        y += 16
        for _ in range(rows_per_page):
            n += 1
            amount = Decimal(10 + (n * 37) % 900) + Decimal("0.50")
            total += amount
            k = n % len(CODES)
            for x, text in ((40, f"03/{1 + n % 28:02d}/2025"), (110, CODES[k]), (160, DESCRIPTIONS[k]),
                            (430, "1"), (480, f"{amount:,.2f}")):
                pdf.set_xy(x, y)
                pdf.cell(60, 12, text)
            y += 12
            if n % wrap_every == 0:
                pdf.set_xy(160, y)
                pdf.cell(200, 12, "continued description text")
                wrapped[n] = f"{DESCRIPTIONS[k]} continued description text"
                y += 12
        if page == pages:
            for label, value in (("TOTAL CHARGES", total), ("INSURANCE PAYMENT", Decimal("-100.00")),
                                 ("BALANCE DUE", total - 100)):
                pdf.set_xy(160, y + 6)
                pdf.cell(200, 12, label)
                pdf.set_xy(480, y + 6)
                pdf.cell(60, 12, f"{value:,.2f}")
                y += 14
        pdf.set_xy(40, 750)
        pdf.cell(300, 12, f"Page {page} of {pages}")
        pdf.set_xy(300, 750)
        pdf.cell(300, 12, "Questions? Call 559-555-0100")
    pdf.output(str(path))
    if password:
        encrypt_pdf(path, password)
    return {"lines": n, "total": total, "wrapped": wrapped}


def encrypt_pdf(path: Path, password: str) -> None:
    """Protect a PDF with a password, in place."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.encrypt(password)
    with open(path, "wb") as f:
        writer.write(f)


def bill_image(path: Path, lines: list[str], size=(1000, 600)) -> Path:
    """A 'photo' of printed text lines (black on white), for the OCR tests."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=28)
    for i, text in enumerate(lines):
        draw.text((40, 40 + i * 50), text, fill="black", font=font)
    img.save(path)
    return path


def big_835(path: Path, *, target_bytes: int = 10_000_000) -> int:
    """A synthetic X12 835 of about `target_bytes`; returns the number of claims."""
    isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~\n"
    head = ("GS*HP*S*R*20240101*1200*1*X*005010X221A1~\nST*835*0001~\nBPR*I*0*C*CHK************20240105~\n"
            "TRN*1*12345*1512345678~\nN1*PR*ACME HEALTH PLAN~\nN1*PE*CITY CLINIC*XX*1234567893~\n")
    claim = ("LX*{n}~\nCLP*C{n}*1*300.00*200.00*50.00*12*P{n}~\nNM1*QC*1*DOE*JANE****MI*M{n}~\n"
             "DTM*232*20240102~\nSVC*HC:99213:25*200.00*150.00**1~\nDTM*472*20240102~\nCAS*PR*1*30.00**2*20.00~\n"
             "CAS*CO*45*0.00~\nAMT*B6*200.00~\nSVC*HC:85025*100.00*50.00**1~\nDTM*472*20240102~\nCAS*CO*45*50.00~\n"
             "AMT*B6*50.00~\n")
    parts = [isa, head]
    size = len(isa) + len(head)
    n = 0
    while size < target_bytes:
        n += 1
        block = claim.format(n=n)
        parts.append(block)
        size += len(block)
    segments = sum(p.count("~") for p in parts) - 1  # from ST on
    parts.append(f"SE*{segments}*0001~\nGE*1*1~\nIEA*1*000000001~\n")
    path.write_text("".join(parts))
    return n


def notice_pdf(path: Path, lines: list[str], password: str | None = None) -> Path:
    """Write a one-page PDF with these lines of text (a collector's notice made to order)."""
    from fpdf import FPDF

    pdf = FPDF(format="letter", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for i, text in enumerate(lines):
        pdf.set_xy(40, 40 + 14 * i)
        pdf.cell(500, 12, text)
    pdf.output(str(path))
    if password:
        encrypt_pdf(path, password)
    return path
