"""`billadvocate letter` and `billadvocate packet`, and the letters `review --out` writes."""

from __future__ import annotations

import io
import shutil

import yaml
from docx import Document
from pypdf import PdfReader

from ..conftest import EXAMPLES

JANE = EXAMPLES / "er-visit-nonprofit" / "case.yaml"
MARCUS = EXAMPLES / "uninsured-outpatient" / "case.yaml"


def pdf_text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_letter_writes_a_pdf_named_by_its_extension(cli, tmp_path):
    out = tmp_path / "dispute.pdf"
    r = cli("letter", "dispute", JANE, "-o", out)
    assert r.code == 0, r.err
    text = pdf_text(out)
    assert "Jane Doe" in text and "ABC Recovery" in text and "ABC-554120" in text
    assert "15 U.S.C. 1692g(b)" in text and "$5,010.00" in text


def test_letter_in_spanish_as_docx_and_txt(cli, tmp_path):
    r = cli("letter", "billing_dispute", JANE, "--lang", "es", "--format", "docx", "-o", tmp_path / "l.docx")
    assert r.code == 0, r.err
    doc = Document(str(tmp_path / "l.docx"))
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Errores de facturación en la cuenta VGH-2025-98741" in text and "Atentamente," in text
    r = cli("letter", "fap_application", JANE, "--account", "er-visit", "-o", tmp_path / "fap.txt")
    assert r.code == 0, r.err
    assert "Application for financial assistance" in (tmp_path / "fap.txt").read_text()


def test_a_letter_missing_a_fact_names_the_field_and_writes_nothing(cli, tmp_path):
    case = yaml.safe_load(JANE.read_text())
    del case["accounts"][0]["collector"]["address"]
    shutil.copytree(JANE.parent / "bills", tmp_path / "bills")
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case))
    out = tmp_path / "v.pdf"
    r = cli("letter", "validation_request", path, "-o", out)
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "accounts[0].collector.address" in lines[0], r.err
    assert "Traceback" not in r.err and not out.exists()


def test_a_letter_needing_an_absent_engine_result_says_which_fact(cli, tmp_path):
    r = cli("letter", "credit_dispute", MARCUS, "-o", tmp_path / "c.pdf")
    assert r.code == 2 and "credit_report.tradelines" in r.err
    r = cli("letter", "cease", MARCUS, "-o", tmp_path / "c.pdf")
    assert r.code == 2 and "accounts[0].collector" in r.err


def test_unknown_account_is_bad_input(cli, tmp_path):
    r = cli("letter", "hardship", MARCUS, "--account", "nope", "-o", tmp_path / "h.pdf")
    assert r.code == 2 and "--account 'nope'" in r.err and "mri" in r.err


def test_packet_has_cover_letters_findings_log_and_evidence(cli, tmp_path):
    out = tmp_path / "packet.pdf"
    r = cli("packet", JANE, "-o", out)
    assert r.code == 0, r.err
    text = pdf_text(out)
    for part in ("Case packet", "Jane Doe", "VGH-2025-98741", "$4,830.00", "Letters in this packet",
                 "Dispute of a debt", "Audit findings", "BILL.DUPLICATE", "Log of contacts",
                 "voicemail before 8 am", "Evidence to attach", "bills/er-itemized.csv"):
        assert part in text, part
    n = len(PdfReader(str(out)).pages)
    assert f"Page {n} of {n}" in text


def test_review_out_writes_the_letters_the_case_needs_and_records_them(cli, tmp_path):
    r = cli("review", JANE, "--out", tmp_path, "--json")
    assert r.code == 0, r.err
    letters = r.json()["accounts"][0]["letters"]
    types = {entry["type"] for entry in letters}
    assert {"dispute", "billing_dispute", "fap_application"} <= types
    assert "validation_request" not in types  # the dispute asks for validation; period is over
    for entry in letters:
        assert entry["why"]
        assert {f.rsplit(".", 1)[1] for f in entry["files"]} == {"pdf", "docx"}
        for f in entry["files"]:
            assert (tmp_path / f).is_file()
    assert (tmp_path / "packet.pdf").is_file()
    report = (tmp_path / "report.html").read_text()
    assert 'href="letters/er-visit-dispute.pdf"' in report and 'href="packet.pdf"' in report


def test_review_out_for_the_uninsured_example(cli, tmp_path):
    r = cli("review", MARCUS, "--out", tmp_path, "--json")
    assert r.code == 0, r.err
    types = {e["type"] for e in r.json()["accounts"][0]["letters"]}
    assert "billing_dispute" in types
    assert not types & {"dispute", "validation_request", "cease"}  # no collector holds the bill
    data = io.BytesIO((tmp_path / "letters" / "mri-billing_dispute.pdf").read_bytes())
    assert "FRC-771204" in " ".join((p.extract_text() or "") for p in PdfReader(data).pages)


def test_a_spanish_reader_gets_spanish_copies_beside_the_english_letters(cli, tmp_path):
    case = yaml.safe_load(MARCUS.read_text())
    case["patient"]["language"] = "es"
    shutil.copytree(MARCUS.parent / "bills", tmp_path / "bills")
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case))
    out = tmp_path / "out"
    r = cli("review", path, "--out", out, "--json")
    assert r.code == 0, r.err
    entry = next(e for e in r.json()["accounts"][0]["letters"] if e["type"] == "billing_dispute")
    assert sorted(entry["files"]) == ["letters/mri-billing_dispute.docx", "letters/mri-billing_dispute.es.docx",
                                      "letters/mri-billing_dispute.es.pdf", "letters/mri-billing_dispute.pdf"]
    assert "Errores de facturación" in pdf_text(out / "letters" / "mri-billing_dispute.es.pdf")
    assert "Billing errors" in pdf_text(out / "letters" / "mri-billing_dispute.pdf")
    assert "Expediente del caso" in pdf_text(out / "packet.es.pdf")
    assert "Case packet" in pdf_text(out / "packet.pdf")
