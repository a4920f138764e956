"""No results page waits for an OCR: the review runs in a background thread, the page waits a few
seconds for it, and while a photo of a bill is still being read it says so (and asks again by
itself); once the reading is done the results show."""

from __future__ import annotations

import time

import pytest

from tests.conftest import shared


def _photo_of_a_bill(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("rapidocr_onnxruntime")
    page = pdfium.PdfDocument(str(shared("sample_bills", "er-visit-with-cpt.pdf")))[0]
    photo = tmp_path / "IMG_4001.png"
    page.render(scale=2).to_pil().save(photo)
    return photo


def test_the_results_page_says_it_is_reading_instead_of_waiting_for_the_ocr(world, client_as, monkeypatch,
                                                                            tmp_path):
    from billadvocate.store import cases as store
    from billadvocate.web import casework
    from billadvocate.web.views import case as case_view

    photo = _photo_of_a_bill(tmp_path)
    account = world.case_a.accounts.order_by("position").first()
    store.add_document(world.case_a, photo, role="bill", account_key=account.key, read=None)
    monkeypatch.setattr(case_view, "REVIEW_WAIT", 0.0)
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/"
    started = time.monotonic()
    page = c.get(url).content.decode()
    took = time.monotonic() - started
    assert 'id="case-reading"' in page and "We are still reading your documents" in page
    assert "What to do first" not in page and page.count("<h1>") == 1
    running = [t for k, t in casework._running.items() if k[0] == world.case_a.pk]
    assert len(running) == 1
    page = c.get(url).content.decode()  # asking again while it reads starts no second review
    assert 'id="case-reading"' in page
    assert [t for k, t in casework._running.items() if k[0] == world.case_a.pk] == running
    started = time.monotonic()
    running[0].join(300)
    ocr = time.monotonic() - started
    assert took < max(1.5, ocr), (took, ocr)
    page = c.get(url).content.decode()
    assert "What to do first" in page and 'id="case-reading"' not in page


def test_a_review_that_fails_in_the_background_shows_its_problem(web, client_as, monkeypatch):
    from billadvocate.store import cases as store
    from billadvocate.web.views import case as case_view
    from tests.conftest import EXAMPLES
    from tests.web.conftest import make_user

    user = make_user("early", "client")
    row = store.import_case(EXAMPLES / "er-visit-nonprofit")
    row.assigned_to.add(user)
    store.add_document(row, shared("sample_bills", "er-visit-with-cpt.pdf"), role="bill",
                       account_key=row.accounts.first().key)  # a PDF: the review runs in the background
    type(row).objects.filter(pk=row.pk).update(as_of="1990-01-01")  # before the law data begins
    monkeypatch.setattr(case_view, "REVIEW_WAIT", 30.0)
    page = client_as(user).get(f"/cases/{row.pk}/").content.decode()
    assert "The case cannot be reviewed yet" in page


def test_a_typed_or_spreadsheet_bill_is_reviewed_in_the_request(world, client_as, monkeypatch):
    from billadvocate.web import casework
    from billadvocate.web.views import case as case_view

    assert not casework.reads_slowly(world.case_a)  # its bill is a CSV
    monkeypatch.setattr(case_view, "REVIEW_WAIT", 0.0)
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "What to do first" in page and not [k for k in casework._running if k[0] == world.case_a.pk]
