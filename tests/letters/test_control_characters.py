"""Text a user typed reaches letters: control characters in it never break a DOCX or a PDF."""

from __future__ import annotations

import io
import shutil

import docx
import pdfplumber

from tests.conftest import EXAMPLES


def test_a_name_with_control_characters_still_writes_clean_docx_and_pdf(tmp_path, cli):
    case_dir = tmp_path / "case"
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", case_dir)
    text = (case_dir / "case.yaml").read_text()
    (case_dir / "case.yaml").write_text(text.replace('name: Jane Doe', 'name: "Jane\\u0000 Doe\\u000c\\u001b[31m"', 1))
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"letter.{fmt}"
        r = cli("letter", "validation_request", case_dir / "case.yaml", "--format", fmt, "-o", out)
        assert r.code == 0, r.err
        if fmt == "docx":
            body = "\n".join(p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs)
        else:
            with pdfplumber.open(out) as pdf:
                body = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert "Jane Doe[31m" in body.replace("\n", " ") or "Jane Doe" in body
        assert not any(c in body for c in "\x00\x0c\x1b")


def test_printable_keeps_newlines_and_tabs_and_drops_the_rest():
    from billadvocate.letters.document import Paragraph, printable

    assert printable(Paragraph("a\tb\nc\x00d\x1be\x7ff\x85g")).text == "a\tb\ncdefg"
