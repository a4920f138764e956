"""In a real browser: the intake's bill step offers the CMS hospitals as the name is typed, and the
pick fills in the hospital's CMS number (CCN). Skipped cleanly where no chromium binary exists."""

from __future__ import annotations

import pytest

from tests.web.browser import browser, serve_one_patient, shot  # noqa: F401  (fixture)

PASSWORD = "hospital search 9 long"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_one_patient(tmp_path_factory, "e2e-hospital-home", username="hpat", password=PASSWORD,
                                 example="uninsured-outpatient", patient="Hal Search", account_number="E2E-H1")


def test_typing_the_name_offers_the_hospital_and_the_pick_fills_its_ccn(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill("hpat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(f"{server.url}/cases/{server.case_id}/intake/bill/?account=new")
    name = page.get_by_label("Who sent the bill (hospital, doctor, lab)")
    name.press_sequentially("Mayo Clinic Rochester", delay=20)
    first = page.locator("#hospital-choices option").first
    first.wait_for(state="attached", timeout=15000)  # (the CSP forbids wait_for_function's eval)
    assert first.get_attribute("value") == "MAYO CLINIC HOSPITAL ROCHESTER"
    assert "MN" in first.get_attribute("label") and "CCN 240010" in first.get_attribute("label")
    name.fill("MAYO CLINIC HOSPITAL ROCHESTER")  # what choosing the offered option does
    assert page.get_by_label("Hospital's CMS number (CCN), if you know it").input_value() == "240010"
    assert "bound by IRS 501(r)" in page.locator("p[aria-live=polite]").inner_text()
    shot(page, "patient-hospital-search")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(f"{server.url}/cases/{server.case_id}/intake/collector/?account=bill-1")  # the next step
    page.goto(f"{server.url}/cases/{server.case_id}/intake/bill/?account=bill-1")  # the bill just saved
    assert page.get_by_label("Hospital's CMS number (CCN), if you know it").input_value() == "240010"
    page.close()
