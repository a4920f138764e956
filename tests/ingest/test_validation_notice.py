"""A debt collector's validation notice (CFPB model form B-1, English and Spanish) read from its PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_any, read_bill, read_document
from billadvocate.ingest.validation_notice import NoticeRead, parse_notice_text
from tests.conftest import shared
from tests.ingest.samples import notice_pdf

D = Decimal
NOTICES = ("debt_collection", "cfpb_model_validation_notice")
EN = "cfpb_debt-collection_model-validation-notice_en"
ES = "cfpb_debt-collection_model-validation-notice_es"
EARLIER = "cfpb_model-debt-collection-validation-notice"


def assert_north_south_group(read: NoticeRead) -> None:
    """The values every sample states (SOURCES.md: the CFPB's filled example)."""
    n = read.notice
    assert read.collector_name == "North South Group"
    assert read.address == "P.O. Box 123456, Pasadena, CA 91111-2222"
    assert read.phone == "(800) 123-4567"
    assert n.creditor == "Bank of Rockville"
    assert n.creditor_account == "123-456-789"
    assert n.reference == "584-345"
    assert n.itemization_date == date(2017, 1, 2)
    assert (n.itemization_amount, n.interest, n.fees, n.payments, n.amount) == (
        D("2234.56"), D("75.00"), D("25.00"), D("50.00"), D("2284.56"))
    assert n.dispute_by == date(2020, 8, 28)
    assert read.adds_up is True
    assert read.arithmetic.startswith("$2,234.56 + $75.00 interest + $25.00 fees - $50.00 payments and credits "
                                      "= $2,284.56")
    assert read.missing == [] and read.notes == []


@pytest.mark.parametrize("name,language", [(EN, "en"), (ES, "es"), (EARLIER, "en")])
def test_each_sample_pdf_is_read_with_its_numbers(name, language):
    read = read_any(shared(*NOTICES, f"{name}.pdf"))
    assert isinstance(read, NoticeRead) and read.format == "validation-notice"
    assert read.language == language
    assert_north_south_group(read)


@pytest.mark.parametrize("name", [EN, ES, EARLIER])
def test_pdftotext_layout_of_each_sample_reads_the_same(name):
    """The same parser on another tool's column layout (pdftotext -layout, made by the data's curator)."""
    path = shared(*NOTICES, f"{name}.txt")
    read = parse_notice_text(path.read_text(), file=str(path))
    assert read.adds_up is True and read.notice.amount == D("2284.56")
    assert_north_south_group(read)


def test_the_format_can_be_forced():
    read = read_any(shared(*NOTICES, f"{ES}.pdf"), format="validation-notice")
    assert read.notice.amount == D("2284.56")


def test_a_total_that_does_not_add_up_is_said():
    text = shared(*NOTICES, f"{EN}.txt").read_text().replace("$ 2,284.56", "$ 2,290.56")
    read = parse_notice_text(text, file="n.txt")
    assert read.adds_up is False and read.notice.amount == D("2290.56")
    assert read.notes == ["the itemization does not add up: $2,234.56 + $75.00 interest + $25.00 fees - $50.00 "
                          "payments and credits = $2,284.56, but the notice states a total of $2,290.56 "
                          "(a difference of $6.00); ask the collector to explain it"]


def test_what_the_notice_leaves_out_is_listed_with_its_paragraph():
    text = shared(*NOTICES, f"{ES}.txt").read_text()
    text = "\n".join(ln for ln in text.split("\n") if "en cargos" not in ln and "Referencia" not in ln)
    read = parse_notice_text(text, file="n.txt")
    assert read.notice.fees is None and read.notice.reference is None
    assert read.missing == ["the fees since the itemization date (12 CFR 1006.34(c)(2)(viii))"]
    assert read.adds_up is False  # 2,234.56 + 75 - 50 is not the 2,284.56 stated


def test_an_unreal_date_is_noted_not_invented():
    text = shared(*NOTICES, f"{EN}.txt").read_text().replace("August 28, 2020", "February 31, 2020")
    read = parse_notice_text(text, file="n.txt")
    assert read.notice.dispute_by is None
    assert "the dispute-by date 'February 31, 2020' is not a real date" in read.notes
    assert "the date the validation period ends (dispute by) (12 CFR 1006.34(c)(3)(i))" in read.missing


def test_a_made_notice_pdf_is_detected_and_read(tmp_path):
    path = notice_pdf(tmp_path / "n.pdf", ["Acme Recovery", "PO Box 9", "Austin, TX 78701", "(512) 555-0100",
                                             "Acme Recovery is a debt collector. We are trying to collect a debt "
                                             "that you owe to City Hospital.",
                                             "As of March 1, 2025, you owed:  $ 1,000.00",
                                             "Total amount of the debt now:  $ 1,000.00"])
    read = read_any(path)
    assert (read.collector_name, read.address, read.phone) == ("Acme Recovery", "PO Box 9, Austin, TX 78701",
                                                               "(512) 555-0100")
    assert read.notice.creditor == "City Hospital" and read.adds_up is True
    assert read.notice.itemization_date == date(2025, 3, 1)
    assert "the account number (12 CFR 1006.34(c)(2)(iv))" in read.missing


@pytest.mark.parametrize("lines,password,words", [
    (["Acme Recovery is a debt collector.", "Call or write to us by August 28, 2026."], None,
     "a validation notice without amounts"),
    (["Acme Recovery is a debt collector.", "Total amount of the debt now:  $ 10.00"], "secret", "password-protected"),
])
def test_bad_notices_are_one_line(tmp_path, lines, password, words):
    path = notice_pdf(tmp_path / "bad.pdf", lines, password)
    with pytest.raises(BadInput, match=words) as e:
        read_any(path, format="validation-notice")
    assert str(path) in e.value.line() and "\n" not in e.value.line()


def test_a_notice_is_not_a_bill_or_eob_for_the_audit():
    path = shared(*NOTICES, f"{EN}.pdf")
    with pytest.raises(BadInput, match="validation notice"):
        read_bill(path)
    with pytest.raises(BadInput, match="neither a bill nor an EOB"):
        read_document(path, format="validation-notice")


def test_text_that_is_no_notice_is_refused():
    with pytest.raises(BadInput, match="not a debt collector's validation notice"):
        parse_notice_text("TOTAL CHARGES 100.00", file="x.txt")
