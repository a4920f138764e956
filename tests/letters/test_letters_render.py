"""Every letter type renders from the example cases in both languages and every format, and the
PDF and DOCX read back hold the names, amounts and citations."""

from __future__ import annotations

import io
import pytest
from docx import Document
from pypdf import PdfReader

from billadvocate.letters import FORMATS, LANGUAGES, LETTER_TYPES, MissingFact, kind, letter_for, render
from billadvocate.util import dollars

from .helpers import EXAMPLE_NAMES, PLAN_LETTERS, full_result, result_for

RESULTS = {name: full_result(name) for name in EXAMPLE_NAMES}


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).split())


def read_back(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return pdf_text(data)
    if fmt == "docx":
        return docx_text(data)
    return " ".join(data.decode("utf-8").split())


def cases():
    for name in EXAMPLE_NAMES:
        for t in LETTER_TYPES:
            yield name, t


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,letter_type", list(cases()))
def test_every_letter_renders_or_names_the_missing_field(name, letter_type, lang, fmt):
    result = result_for(name, letter_type) if letter_type in PLAN_LETTERS else RESULTS[name]
    bureau = "equifax" if letter_type == "credit_dispute" else None
    try:
        letter = letter_for(result, letter_type, bureau=bureau, lang=lang)
    except MissingFact as e:
        # only facts this example lacks (no collector, no credit report, no EOB) may stop a letter
        assert name == "uninsured-outpatient", e.line()
        assert e.where in ("accounts[0].collector", "credit_report.tradelines", "accounts[0].eob",
                           "accounts[0].final_denial_date"), e.line()
        return
    text = read_back(render(letter, fmt, as_of=result.as_of), fmt)
    case = result.case
    account = case.accounts[0]
    assert case.patient.name in text
    writer = case.contact if letter_type == "death_notice" else case.patient  # a dead patient's relative writes
    assert writer.address.split(",")[0] in text and writer.name in text
    assert letter.recipient[0] in text
    assert letter.subject.split(" ")[0] in text
    if letter_type != "credit_dispute":
        assert (account.account_number in text
                or (account.collector and account.collector.account_number in text))
    # the law the letter rests on: every citation it lists is printed in it
    assert set(kind(letter_type).citations) <= set(letter.citations)
    for c in letter.citations:
        if fmt == "txt":  # a wrapped table cell interleaves with its neighbours: check word by word
            assert all(w in text for w in c.split()), (c, letter_type)
        else:
            assert " ".join(c.split()) in text, (c, letter_type)
    if letter.delivery:
        assert letter.delivery.upper() in text


def test_amounts_and_line_numbers_reach_the_dispute_letters():
    result = RESULTS["er-visit-nonprofit"]
    for fmt in ("pdf", "docx"):
        text = read_back(render(letter_for(result, "billing_dispute"), fmt), fmt)
        assert "$45.00" in text and "$180.00" in text and "2, 3" in text
        assert dollars(result.accounts[0].in_dispute) in text
        dispute = read_back(render(letter_for(result, "dispute"), fmt), fmt)
        assert "$5,010.00" in dispute and "$180.00" in dispute  # the notice's amount above the balance


def test_offer_and_plan_numbers_come_from_the_money_engine():
    jane = RESULTS["er-visit-nonprofit"]
    text = read_back(render(letter_for(jane, "settlement_offer"), "pdf"), "pdf")
    assert "$920.00" in text and "$1,300.00" not in text  # the opening, never the target
    marcus = RESULTS["uninsured-outpatient"]
    text = read_back(render(letter_for(marcus, "payment_plan_offer", lang="es"), "docx"), "docx")
    assert "$50.00" in text and "24 meses" in text


def test_spanish_pdf_keeps_its_accents():
    result = RESULTS["er-visit-nonprofit"]
    text = pdf_text(render(letter_for(result, "fap_application", lang="es"), "pdf"))
    assert "Solicito asistencia financiera" in text
    assert "línea federal de pobreza" in text and "28 de noviembre de 2026" in text


def test_credit_dispute_goes_to_each_bureau_at_its_dispute_address():
    result = RESULTS["er-visit-nonprofit"]
    eq = pdf_text(render(letter_for(result, "credit_dispute", bureau="equifax"), "pdf"))
    assert "P.O. Box 740256" in eq and "ABC Recovery" in eq and "1681i(a)" in eq
    ex = pdf_text(render(letter_for(result, "credit_dispute", bureau="experian"), "pdf"))
    assert "P.O. Box 4500" in ex and "Fresno Imaging Associates" in ex and "ABC Recovery" not in ex


def test_a_validation_request_never_acknowledges_the_debt():
    result = RESULTS["er-visit-nonprofit"]
    for lang, denial in (("en", "Nothing in this letter acknowledges that I owe this debt"),
                         ("es", "Nada de lo que digo en esta carta reconoce que yo deba esta deuda")):
        text = read_back(render(letter_for(result, "validation_request", lang=lang), "txt"), "txt")
        assert denial in text
        lowered = text.lower()
        for admission in ("i owe you", "my debt to you", "i acknowledge", "reconozco que debo"):
            assert admission not in lowered


def test_pdf_pages_are_numbered_and_the_signature_block_is_there():
    result = RESULTS["er-visit-nonprofit"]
    reader = PdfReader(io.BytesIO(render(letter_for(result, "cease"), "pdf")))
    n = len(reader.pages)
    assert f"Page {n} of {n}" in (reader.pages[-1].extract_text() or "")
    assert "Signature" in pdf_text(render(letter_for(result, "cease"), "pdf"))


def test_a_long_itemisation_moves_to_an_attachment_table():
    result = full_result("er-visit-nonprofit")
    a = result.accounts[0]
    base = a.findings[0]
    a.findings = [base.model_copy(update={"lines": [i], "message": f"problem on line {i}"})
                  for i in range(1, 13)]
    letter = letter_for(result, "billing_dispute")
    assert letter.attachments and len(letter.attachments[0].rows) == 12
    assert not any(getattr(b, "rows", None) for b in letter.body)  # the body keeps only a pointer
    text = pdf_text(render(letter, "pdf"))
    assert "Attachment A" in text and "problem on line 12" in text


def test_every_type_has_a_unit_with_metadata():
    for t in LETTER_TYPES:
        k = kind(t)
        assert k.type == t and k.title and k.summary and k.needs
        # a payment plan's law (state caps) comes with the money engine's plan, when there is one
        assert k.citations or k.may_cite or t == "payment_plan_offer", f"{t} cites no law"
        assert k.recipient in ("provider", "collector", "holder", "bureau", "insurer", "regulator")


def test_review_chooses_the_letters_each_situation_needs():
    jane = {e["type"] for e in RESULTS["er-visit-nonprofit"].accounts[0].letters}
    assert jane == {"dispute", "billing_dispute", "nsa_dispute", "fap_application", "settlement_offer", "cease",
                    "claim_file_request", "insurer_appeal", "medical_necessity_request",  # three claims denied,
                    "external_review_request"}  # one after the appeal (helpers)
    # Equifax was disputed on 2026-11-05 (the log) and its 30 days have not run out: wait
    assert {(e["type"], e["bureau"]) for e in RESULTS["er-visit-nonprofit"].letters} == {
        ("credit_dispute", "experian")}
    marcus = {e["type"] for e in RESULTS["uninsured-outpatient"].accounts[0].letters}
    # no lump sum for the opening offer (savings $600 < $800): a payment plan instead
    assert marcus == {"billing_dispute", "nsa_dispute", "hardship", "payment_plan_offer"}


def test_a_letter_whose_fact_is_missing_is_not_chosen_and_the_note_says_why():
    result = full_result("er-visit-nonprofit")
    result.case.accounts[0].collector.address = None
    from billadvocate.letters.select import attach_letters

    attach_letters(result)
    types = {e["type"] for e in result.accounts[0].letters}
    assert "dispute" not in types and "cease" not in types and "billing_dispute" in types
    assert any("accounts[0].collector.address" in n for n in result.accounts[0].notes)


def test_a_dispute_the_bureau_left_unanswered_gets_a_follow_up_letter():
    from datetime import date

    from billadvocate import load_case, review_case

    from ..conftest import EXAMPLES

    case = load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    waiting = review_case(case, as_of=date(2026, 12, 1))
    assert "equifax" not in {e["bureau"] for e in waiting.letters}
    late = review_case(case, as_of=date(2026, 12, 20))
    followup = [e for e in late.letters if e["bureau"] == "equifax"]
    assert followup and followup[0]["why"].startswith("follow-up")
    text = render(letter_for(late, "credit_dispute", bureau="equifax"), "txt").decode()
    assert "I have received no answer" in " ".join(text.split())
    assert "November 5, 2026" in " ".join(text.split())


def test_the_same_case_gives_the_same_bytes():
    import time

    result = RESULTS["uninsured-outpatient"]
    letter = letter_for(result, "hardship")
    for fmt in ("pdf", "docx"):
        first = render(letter, fmt, as_of=result.as_of)
        time.sleep(2.1)  # zip members and PDF metadata must not carry the clock
        assert render(letter, fmt, as_of=result.as_of) == first, fmt
