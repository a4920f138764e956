"""Upload first, in a real browser on a phone (390 px): the patient starts with the bill's PDF, the
bill's page comes back filled with what was read, and saving it goes on to the collector's page.
Screenshots go to test-artifacts/web/."""

from __future__ import annotations

from tests.conftest import shared
from tests.web.browser import browser, shot  # noqa: F401  (fixture)
from tests.web.test_browser import PATIENT_PASSWORD, login, server  # noqa: F401  (fixture)

PHONE = {"width": 390, "height": 844}


def test_a_patient_starts_with_the_bill_on_a_phone_and_confirms_what_was_read(server, browser):  # noqa: F811
    bill = shared("sample_bills", "er-visit-with-cpt.pdf")
    page = browser.new_page(viewport=PHONE)
    login(page, server, "pat", PATIENT_PASSWORD)
    page.wait_for_url(f"{server.url}/")
    page.get_by_role("link", name="Start with my bill").click()
    page.get_by_label("Start with your bill: upload it or take a photo of it (optional)").set_input_files(str(bill))
    page.get_by_label("State you live in").select_option("CA")
    shot(page, "phone-bill-first-01-start")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/intake/bill/")
    assert "We read your bill: 4 lines, $1,040.00 in charges." in page.inner_text("main")
    assert page.get_by_label("Amount they ask for now ($)").input_value() == "1040.00"
    assert page.get_by_label("Date of care (first day)").input_value() == "2024-10-15"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, "phone-bill-first-02-read")
    page.get_by_label("Who sent the bill (hospital, doctor, lab)").fill("Valley General Hospital")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/intake/collector/**")
    page.close()


def test_a_photo_of_the_bill_is_read_while_the_page_waits_and_fills_in_by_itself(server, browser, tmp_path):  # noqa: F811
    import pytest

    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("rapidocr_onnxruntime")
    photo = tmp_path / "IMG_3002.png"
    pdfium.PdfDocument(str(shared("sample_bills", "er-visit-with-cpt.pdf")))[0].render(scale=2).to_pil().save(photo)
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    login(page, server, "pat", PATIENT_PASSWORD)
    page.wait_for_load_state("networkidle")
    page.goto(f"{server.url}/start/")  # a second case of the same patient
    page.get_by_label("Start with your bill: upload it or take a photo of it (optional)").set_input_files(str(photo))
    page.get_by_label("State you live in").select_option("CA")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/intake/bill/")
    shot(page, "phone-bill-first-03-photo")
    # read within the start page's wait, or followed by the page until it reloads filled in
    page.get_by_text("We read your bill:").wait_for(timeout=90_000)
    assert page.get_by_label("Amount they ask for now ($)").input_value() == "1040.00"
    assert errors == []
    shot(page, "phone-bill-first-04-photo-read")
    page.close()
