"""Issue 18 in a real browser, at 1280 and 390 px: a patient with a collector's letter enters it,
a letter that lacks a fact sends them to that field, Back then Save keeps one case, a date in the
future is refused next to its field, the calendar downloads. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import pytest

from tests.web.browser import browser, serve_one_patient, shot  # noqa: F401  (fixture)
from tests.web.test_smoke import HAS_LETTERS

PASSWORD = "correct horse battery 9"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_one_patient(tmp_path_factory, "finish-home", username="pat", password=PASSWORD,
                                 example="er-visit-nonprofit", patient="Rosa Delgado", account_number="FIN-1")


def login(page, server):
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.url}/**")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_missing_fact_leads_to_its_field_and_the_calendar_downloads(server, browser, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    login(page, server)
    base = f"{server.url}/cases/{server.case_id}"
    # the collector's address is taken off: the letters to the collector now lack it
    page.goto(f"{base}/intake/collector/?account=er-visit")
    page.get_by_label("The collector's mailing address").fill("")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(f"{base}/")
    if HAS_LETTERS:
        page.goto(f"{base}/letters/validation_request/?account=er-visit")
        alert = page.get_by_role("alert").inner_text()
        assert "The collector's mailing address" in alert and "accounts[" not in alert
        shot(page, f"finish-{width}-letter-needs")
        page.get_by_role("link", name="Add it now").click()
        page.wait_for_url("**/intake/collector/?account=er-visit#id_collector_address")
        page.get_by_label("The collector's mailing address").fill("PO Box 9, Austin, TX 78701")
        page.get_by_role("button", name="Save and continue").click()
        page.goto(f"{base}/letters/validation_request/?account=er-visit")
        assert page.locator("pre.script").count() == 1
    # a date in the future is refused next to its field
    page.goto(f"{base}/intake/bill/?account=er-visit")
    page.get_by_label("Date of care (first day)").fill("2099-01-01")
    page.get_by_role("button", name="Save and continue").click()
    assert "in the future" in page.locator("#id_care_start_error").inner_text()
    shot(page, f"finish-{width}-future-date")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scroll"
    for step in ("collector/?account=er-visit", "credit/", "bill/?account=er-visit"):
        page.goto(f"{base}/intake/{step}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), step
        shot(page, f"finish-{width}-{step.split('/')[0]}")
    # the calendar
    page.goto(f"{base}/reminders/")
    with page.expect_download() as dl:
        page.get_by_role("link", name="Add these dates to my calendar (.ics)").click()
    assert b"BEGIN:VCALENDAR" in open(dl.value.path(), "rb").read()
    shot(page, f"finish-{width}-reminders")
    context.close()


def test_back_then_save_on_the_first_step_keeps_one_case(server, browser):  # noqa: F811
    page = browser.new_page()
    login(page, server)
    page.goto(f"{server.url}/start/")
    page.get_by_label("Your full name").fill("Ana Back")
    page.get_by_label("State you live in").select_option("TX")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/intake/household/")
    first = page.url
    page.go_back()
    page.get_by_label("Your full name").fill("Ana Back-Again")
    page.get_by_label("State you live in").select_option("TX")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/intake/household/")
    assert page.url == first, "the same case, not a second one"
    page.goto(first.replace("/household/", "/you/"))
    assert page.get_by_label("Your full name").input_value() == "Ana Back-Again"
    page.close()


@pytest.mark.skipif(not HAS_LETTERS, reason="letters are not part of this build")
def test_a_credit_report_line_leads_to_a_bureau_letter_sent_once_on_a_double_click(server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    login(page, server)
    base = f"{server.url}/cases/{server.case_id}"
    page.goto(f"{base}/intake/credit/")
    page.get_by_label("Equifax").check()
    page.get_by_label("Who reports it (the name on the report)").fill("Old Medical Collections LLC")
    page.get_by_label("Balance the report shows ($)").fill("0")
    page.get_by_label("Original amount ($)").fill("310")
    page.get_by_label("Paid", exact=True).check()
    page.get_by_label("Date of first delinquency").fill("2024-01-15")
    page.get_by_label("Date paid, if paid").fill("2024-06-01")
    page.get_by_role("button", name="Add this account").click()
    assert "Old Medical Collections LLC" in page.locator("main").inner_text()
    shot(page, "finish-390-credit-added")
    page.goto(f"{base}/letters/")
    page.locator("a[href*='credit_dispute/?bureau=transunion']").click()
    page.wait_for_selector("pre.script")
    page.get_by_label("Tracking number").fill("9400 2222")
    page.get_by_role("button", name="Mark as sent").dblclick()
    page.wait_for_load_state("networkidle")
    page.goto(f"{base}/log/")
    assert page.locator("main").inner_text().count("9400 2222") == 1
    shot(page, "finish-390-bureau-letter-logged")
    context.close()
