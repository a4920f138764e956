"""Upload first: the start page takes the bill (a file or a photo) with who you are; what was read
from it fills the bill's page to confirm, and saving that page ties the file to the bill."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import EXAMPLES, shared


def _start(c, **files):
    return c.post("/start/", {"name": "Maria Santos", "state": "CA", "language": "en", **files})


def _pat(client_as):
    from tests.web.conftest import make_user

    user = make_user("pat", "client")
    return user, client_as(user)


def test_a_bill_uploaded_on_the_start_page_fills_the_bill_page_and_joins_the_bill_when_saved(web, client_as):
    from billadvocate.store import models as m

    pdf = shared("sample_bills", "er-visit-with-cpt.pdf").read_bytes()
    user, c = _pat(client_as)
    page = c.get("/start/", follow=True).content.decode()
    assert 'name="bill_file"' in page and page.index('name="bill_file"') < page.index('name="name"')  # first
    r = _start(c, bill_file=SimpleUploadedFile("scan.pdf", pdf, content_type="application/pdf"))
    case = m.Case.objects.get(created_by=user)
    assert r.status_code == 302 and r["Location"] == f"/cases/{case.pk}/intake/bill/"
    assert case.accounts.count() == 0 and case.documents.count() == 0  # kept until the bill is saved
    page = c.get(r["Location"]).content.decode()
    assert "We read your bill: 4 lines, $1,040.00 in charges." in page
    assert 'name="balance" value="1040.00"' in page
    assert 'name="care_start" value="2024-10-15"' in page and 'name="care_end" value="2024-10-15"' in page
    r = c.post(r["Location"], {"provider_name": "Valley General Hospital", "provider_kind": "hospital",
                               "balance": "1040.00", "care_start": "2024-10-15", "care_end": "2024-10-15"})
    assert r.status_code == 302
    account = case.accounts.get()
    docs = list(case.documents.all())
    assert [(d.role, d.account_id) for d in docs] == [("bill", account.pk)]
    assert docs[0].path.endswith(".pdf") and docs[0].read["lines"] == 4
    page = c.get(f"/cases/{case.pk}/intake/bill/?account={account.key}").content.decode()
    assert "We read your bill" not in page


def test_a_photo_that_cannot_be_read_is_kept_and_the_page_says_to_type_it(web, client_as):
    from billadvocate.store import models as m

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    user, c = _pat(client_as)
    r = _start(c, bill_file=SimpleUploadedFile("IMG_1.png", png, content_type="image/png"))
    case = m.Case.objects.get(created_by=user)
    page = c.get(r["Location"]).content.decode()
    assert "its lines could not be read. Type what it says below" in page
    r = c.post(r["Location"], {"provider_name": "Valley Clinic", "provider_kind": "physician", "balance": "80"})
    assert r.status_code == 302
    assert [d.path.endswith(".png") for d in case.documents.filter(role="bill")] == [True]


def test_a_file_that_is_not_a_bill_is_refused_on_the_start_page_and_no_case_is_made(web, client_as):
    from billadvocate.store import models as m

    user, c = _pat(client_as)
    r = _start(c, bill_file=SimpleUploadedFile("bill.pdf", b"<html><script>x</script>", content_type="application/pdf"))
    assert r.status_code == 200 and not m.Case.objects.filter(created_by=user).exists()


def test_starting_without_a_bill_goes_on_to_the_household(web, client_as):
    _user, c = _pat(client_as)
    r = _start(c)
    assert r.status_code == 302 and r["Location"].endswith("/intake/household/")


def test_a_photo_is_read_in_the_background_and_the_bill_page_shows_how_far_then_fills_in(web, client_as, monkeypatch,
                                                                                           tmp_path):
    import re
    import time

    pdfium = __import__("pytest").importorskip("pypdfium2")
    __import__("pytest").importorskip("rapidocr_onnxruntime")
    from billadvocate.store import models as m
    from billadvocate.web import bill_first

    page = pdfium.PdfDocument(str(shared("sample_bills", "er-visit-with-cpt.pdf")))[0]
    photo = tmp_path / "IMG_3001.png"
    page.render(scale=2).to_pil().save(photo)  # the real bill, as a phone photo of it
    monkeypatch.setattr(bill_first, "WAIT_SECONDS", 0.0)  # the start page does not wait for the OCR
    user, c = _pat(client_as)
    r = _start(c, bill_file=SimpleUploadedFile("IMG_3001.png", photo.read_bytes(), content_type="image/png"))
    assert r.status_code == 302 and r["Location"].endswith("/intake/bill/")
    first = c.session[bill_first.SESSION][str(m.Case.objects.get(created_by=user).pk)]
    assert first["read"] is None
    page = c.get(r["Location"]).content.decode()
    assert "We are reading your bill" in page and 'id="bill-reading-progress"' in page
    status = r["Location"] + "reading/"
    assert c.get(status).json()["reading"] is True
    started = time.monotonic()
    bill_first.start_reading(first["sha256"], first["extension"]).join(120)
    ocr_seconds = time.monotonic() - started
    assert c.get(status).json() == {"reading": False, "done": 0, "total": 0}
    page = c.get(r["Location"]).content.decode()
    assert re.search(r"We read your bill: \d+ lines, \$[\d,.]+ in charges", page), page
    assert 'name="balance" value="1040.00"' in page  # the total the photo states
    read = c.session[bill_first.SESSION][str(m.Case.objects.get(created_by=user).pk)]["read"]
    started = time.monotonic()
    r = c.post(r["Location"], {"provider_name": "Valley General Hospital", "provider_kind": "hospital",
                               "balance": "1040.00", "care_start": "2024-10-15", "care_end": "2024-10-15"})
    saving = time.monotonic() - started
    assert r.status_code == 302
    (doc,) = m.Case.objects.get(created_by=user).documents.filter(role="bill")
    assert doc.read == read["document"] and doc.read["lines"] == read["lines"]  # what the background read found
    assert saving < max(1.5, ocr_seconds / 4), (saving, ocr_seconds)  # saving did not OCR the photo again


def test_finished_reads_kept_in_memory_are_bounded(web, monkeypatch):
    from billadvocate.store import blobs
    from billadvocate.web import bill_first

    bill = (EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text()
    monkeypatch.setattr(bill_first, "KEEP_READS", 2)
    monkeypatch.setattr(bill_first, "_reads", {})
    shas = []
    for n in range(5):
        stored = blobs.put_bytes((bill + "\n" * n).encode())  # five files, one bill
        blobs.settle([stored.sha256])
        bill_first.start_reading(stored.sha256, "csv").join(30)
        shas.append(stored.sha256)
    assert all(bill_first._reads[s]["read"]["lines"] > 0 for s in shas[-3:])
    assert len(bill_first._reads) == 3 and shas[0] not in bill_first._reads
