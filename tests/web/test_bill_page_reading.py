"""Upload on the bill's page: a photo or a PDF sent with the bill step is read in the background
(bill_first's reading), the request does not wait for the OCR, the bill's page shows how far the
reading is and fills in what was read once it is done; a failed read shows its one-line problem."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import shared


def _case(client_as):
    from billadvocate.store import models as m
    from tests.web.conftest import make_user

    user = make_user("pat", "client")
    c = client_as(user)
    c.post("/start/", {"name": "Maria Santos", "state": "CA", "language": "en"})
    return c, m.Case.objects.get(created_by=user)


def test_a_photo_sent_on_the_bill_page_is_read_in_the_background_then_fills_the_form(web, client_as, monkeypatch,
                                                                                   tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("rapidocr_onnxruntime")
    from billadvocate.web import bill_first

    page = pdfium.PdfDocument(str(shared("sample_bills", "er-visit-with-cpt.pdf")))[0]
    photo = tmp_path / "IMG_4001.png"
    page.render(scale=2).to_pil().save(photo)
    monkeypatch.setattr(bill_first, "WAIT_SECONDS", 0.0)  # the request does not wait for the OCR
    monkeypatch.setattr(bill_first, "_reads", {})  # this process has not read this photo before
    c, case = _case(client_as)
    url = f"/cases/{case.pk}/intake/bill/"
    r = c.post(url, {"provider_name": "Valley General Hospital", "provider_kind": "hospital",
                     "bill_file": SimpleUploadedFile("IMG_4001.png", photo.read_bytes(), content_type="image/png")})
    account = case.accounts.get()
    assert r.status_code == 302 and r["Location"] == f"{url}?account={account.key}"  # back to see the reading
    (doc,) = case.documents.filter(role="bill")
    assert doc.read is None  # not read during the request
    shown = c.get(r["Location"]).content.decode()
    assert "We are reading your bill" in shown and 'id="bill-reading-progress"' in shown
    status = c.get(f"{url}reading/?account={account.key}").json()
    assert status["reading"] is True
    bill_first.start_reading(doc.sha256, "png").join(180)
    assert c.get(f"{url}reading/?account={account.key}").json()["reading"] is False
    shown = c.get(r["Location"]).content.decode()
    assert re.search(r"We read your bill: \d+ lines, \$[\d,.]+ in charges", shown), shown
    assert 'name="balance" value="1040.00"' in shown  # the total the photo states, filled in
    doc.refresh_from_db()
    assert doc.read["lines"] > 0 and "problem" not in doc.read  # the read is kept with the document


def test_a_photo_that_cannot_be_read_on_the_bill_page_shows_its_problem(web, client_as, monkeypatch):
    from billadvocate.web import bill_first

    monkeypatch.setattr(bill_first, "WAIT_SECONDS", 0.0)
    monkeypatch.setattr(bill_first, "_reads", {})
    c, case = _case(client_as)
    url = f"/cases/{case.pk}/intake/bill/"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 80
    r = c.post(url, {"provider_name": "Valley Clinic", "provider_kind": "physician",
                     "bill_file": SimpleUploadedFile("IMG_2.png", png, content_type="image/png")})
    assert r.status_code == 302
    (doc,) = case.documents.filter(role="bill")
    bill_first.start_reading(doc.sha256, "png").join(60)
    shown = c.get(f"{url}?account={case.accounts.get().key}").content.decode()
    doc.refresh_from_db()
    assert doc.read and doc.read.get("problem")
    assert doc.read["problem"].rstrip(".") in shown.replace("&#x27;", "'").replace("&quot;", '"')


def test_a_pdf_read_within_the_wait_goes_on_as_before(web, client_as):
    c, case = _case(client_as)
    pdf = shared("sample_bills", "er-visit-with-cpt.pdf").read_bytes()
    r = c.post(f"/cases/{case.pk}/intake/bill/", {
        "provider_name": "Valley General Hospital", "provider_kind": "hospital", "balance": "1040.00",
        "bill_file": SimpleUploadedFile("bill.pdf", pdf, content_type="application/pdf")})
    assert r.status_code == 302 and "/intake/collector/" in r["Location"]
    (doc,) = case.documents.filter(role="bill")
    assert doc.read["lines"] == 4


def test_a_bill_photo_sent_on_the_documents_page_is_read_in_the_background_too(web, client_as, monkeypatch):
    from billadvocate.web import bill_first

    monkeypatch.setattr(bill_first, "WAIT_SECONDS", 0.0)
    monkeypatch.setattr(bill_first, "_reads", {})
    c, case = _case(client_as)
    c.post(f"/cases/{case.pk}/intake/bill/", {"provider_name": "Valley Clinic", "provider_kind": "physician"})
    account = case.accounts.get()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 96
    r = c.post(f"/cases/{case.pk}/documents/", {"role": "bill", "account": account.key,
                                                "file": SimpleUploadedFile("IMG_5.png", png, content_type="image/png")})
    assert r.status_code == 302 and r["Location"] == f"/cases/{case.pk}/intake/bill/?account={account.key}"
    (doc,) = case.documents.filter(role="bill")
    bill_first.start_reading(doc.sha256, "png").join(60)
    shown = c.get(r["Location"]).content.decode()
    doc.refresh_from_db()
    assert doc.read["problem"].rstrip(".") in shown.replace("&#x27;", "'").replace("&quot;", '"')


def test_an_eob_photo_sent_on_the_documents_page_is_not_read_during_the_request(web, client_as, monkeypatch):
    # an OCR takes seconds to minutes: the EOB photo is kept unread and the review (which runs in the
    # background for photos) reads it; a photo that cannot be read affects only itself
    from billadvocate.store import cases as store_cases

    def no_reading_here(file, role):
        raise AssertionError(f"the {role} was read during the request")

    monkeypatch.setattr(store_cases, "_read", no_reading_here)
    c, case = _case(client_as)
    c.post(f"/cases/{case.pk}/intake/bill/", {"provider_name": "Valley Clinic", "provider_kind": "physician"})
    account = case.accounts.get()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 96
    r = c.post(f"/cases/{case.pk}/documents/", {"role": "eob", "account": account.key,
                                                "file": SimpleUploadedFile("EOB_1.png", png, content_type="image/png")})
    assert r.status_code == 302
    (doc,) = case.documents.filter(role="eob")
    assert doc.read is None
