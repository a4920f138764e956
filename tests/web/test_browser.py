"""End to end in a real browser (Debian's chromium through Playwright), against `billadvocate
serve`: a patient from login through the intake to a downloaded, sent letter and a logged call;
an advocate through the dashboard, search and a case. Screenshots go to test-artifacts/web/.
Skipped cleanly where no chromium binary exists."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from tests.web.browser import browser, serve, shot  # noqa: F401  (fixture)
from tests.web.conftest import import_example, make_user
from tests.web.test_smoke import HAS_LETTERS

PATIENT_PASSWORD = "correct horse battery 7"
ADVOCATE_PASSWORD = "advocate staple 2 long"


def seed(s) -> None:
    make_user("pat", "client", password=PATIENT_PASSWORD)
    advocate = make_user("ada", "advocate", password=ADVOCATE_PASSWORD)
    for i, (name, patient) in enumerate([("er-visit-nonprofit", "Rosa Delgado"),
                                         ("uninsured-outpatient", "Sam Whitfield")]):
        case = import_example(name, patient=patient, account_number=f"E2E-{i}")
        case.assigned_to.add(advocate)
    other = import_example("er-visit-nonprofit", patient="Hidden Person", account_number="E2E-HIDDEN")
    assert other.pk


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve(tmp_path_factory, "e2e-home", seed)


def login(page, server, username, password):
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_the_first_run_printed_how_to_log_in_and_the_admin_can(server, browser):  # noqa: F811
    out = server.output()
    assert "user name: admin" in out and f"127.0.0.1:{server.port}" in out.replace("localhost", "127.0.0.1")
    page = browser.new_page()
    login(page, server, "admin", server.admin_password())
    page.wait_for_url(f"{server.url}/dashboard/")
    shot(page, "admin-dashboard")
    page.close()


def test_a_patient_goes_from_intake_to_a_downloaded_and_sent_letter(server, browser, tmp_path):  # noqa: F811
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    login(page, server, "pat", PATIENT_PASSWORD)
    page.wait_for_url(f"{server.url}/")
    shot(page, "patient-01-home")
    page.get_by_role("link", name="Start with my bill").click()

    # step 1: who you are
    page.get_by_label("Your full name").fill("Maria Santos")
    page.get_by_label("Your mailing address").fill("40 Oak Ave, Fresno, CA 93701")
    page.get_by_label("State you live in").select_option("CA")
    shot(page, "patient-02-you")
    page.get_by_role("button", name="Save and continue").click()
    # step 2: household
    page.get_by_label("People in your household").fill("3")
    page.get_by_label("Household income per year, before taxes ($)").fill("38000")
    page.get_by_label("Essential costs per month ($)").fill("2600")
    page.get_by_label("Savings you could use ($)").fill("500")
    page.get_by_role("button", name="Save and continue").click()
    # step 3: insurance
    page.get_by_label("No insurance").check()
    page.get_by_role("button", name="Save and continue").click()
    # step 4: the bill, typed in (with a line billed twice)
    page.get_by_label("Who sent the bill (hospital, doctor, lab)").fill("Fresno Community Hospital")
    page.get_by_label("Is it a nonprofit hospital?").select_option("yes")
    page.get_by_label("Billing office address").fill("PO Box 7, Fresno, CA 93702")
    page.get_by_label("Account number on the bill").fill("FCH-2026-1234")
    page.get_by_label("Amount they ask for now ($)").fill("1890.00")
    page.get_by_label("Date of care (first day)").fill("2026-09-10")
    page.get_by_label("Last day of care (discharge)").fill("2026-09-10")
    page.get_by_label("Was it an emergency?").select_option("yes")
    page.get_by_label("Or type the bill's lines").fill(
        "2026-09-10, 99284, ER visit level 4, 1, 1450.00\n"
        "2026-09-10, 85025, CBC blood count, 1, 220.00\n"
        "2026-09-10, 85025, CBC blood count, 1, 220.00\n")
    shot(page, "patient-03-bill")
    page.get_by_role("button", name="Save and continue").click()
    # step 5: the collector's letter (its validation notice)
    page.get_by_label("Name of the collection agency").fill("ABC Recovery")
    page.get_by_label("A collection agency").check()
    page.get_by_label("The collector's mailing address").fill("PO Box 9, Austin, TX 78701")
    page.get_by_label("The collector's reference or account number").fill("ABC-554120")
    page.get_by_label("Amount the letter says you owe now ($)").fill("1890.00")
    shot(page, "patient-03b-collector")
    page.get_by_role("button", name="Save and continue").click()

    # the results
    page.wait_for_url("**/cases/*/")
    body = page.locator("main").inner_text()
    assert "What is wrong with the bill" in body and "BILL.DUPLICATE" not in body or "twice" in body
    assert page.locator("svg.chart").count() >= 1
    assert "$1,890.00" in body
    shot(page, "patient-04-results")

    # letters: open one the case needs, edit it, download it, mark it sent
    if HAS_LETTERS:
        page.get_by_role("link", name="Letters").first.click()
        shot(page, "patient-05-letters")
        page.locator("a", has_text="dispute").first.click()
        page.wait_for_selector("pre.script")
        text = page.get_by_label("The letter's text")
        text.fill(text.input_value() + "\n\nI can be reached at the address above. (edited in the browser)")
        page.get_by_role("button", name="Save changes").click()
        assert "edited in the browser" in page.locator("pre.script").inner_text()
        with page.expect_download() as dl:
            page.get_by_role("link", name="Download PDF").click()
        pdf = tmp_path / "letter.pdf"
        dl.value.save_as(pdf)
        assert pdf.read_bytes().startswith(b"%PDF")
        with page.expect_download() as dl:
            page.get_by_role("link", name="Download Word (DOCX)").click()
        docx = tmp_path / "letter.docx"
        dl.value.save_as(docx)
        assert docx.read_bytes()[:2] == b"PK"
        page.get_by_label("Tracking number").fill("9400 1000 0000 0000 0001")
        page.get_by_role("button", name="Mark as sent").click()
        assert "Marked as sent" in page.locator("main").inner_text()
        shot(page, "patient-06-letter-sent")

    # the log: the letter is there; add a call in a few keystrokes
    page.get_by_role("link", name="Log", exact=True).click()
    if HAS_LETTERS:
        assert "9400 1000 0000 0000 0001" in page.locator("main").inner_text()
    page.get_by_label("What was said or promised").fill("Collector called, said they would pause collection")
    page.get_by_label("What was said or promised").press("Enter")
    assert "Added to the log" in page.locator("main").inner_text()
    assert "pause collection" in page.locator("table").inner_text()
    shot(page, "patient-07-log")
    page.get_by_role("link", name="Reminders").click()
    shot(page, "patient-08-reminders")
    context.close()


def test_an_advocate_works_through_the_dashboard(server, browser):  # noqa: F811
    page = browser.new_page()
    login(page, server, "ada", ADVOCATE_PASSWORD)
    page.wait_for_url(f"{server.url}/dashboard/")
    page.get_by_role("button", name="Recompute every case's deadlines").click()
    rows = page.locator("tbody tr")
    assert rows.count() > 0
    dates = [rows.nth(i).locator("time").get_attribute("datetime") for i in range(rows.count())]
    assert dates == sorted(dates), "soonest first"
    text = page.locator("main").inner_text()
    assert "Rosa Delgado" in text and "Hidden Person" not in text
    shot(page, "advocate-01-dashboard")
    page.get_by_role("link", name="Cases").click()
    page.get_by_label("Search cases").fill("Whitfield")
    page.get_by_role("button", name="Search").click()
    assert "Sam Whitfield" in page.locator("table").inner_text()
    assert "Rosa Delgado" not in page.locator("table").inner_text()
    shot(page, "advocate-02-search")
    page.get_by_role("link", name="Sam Whitfield").first.click()
    assert "What is wrong with the bill" in page.locator("main").inner_text()
    shot(page, "advocate-03-case")
    page.close()


def test_the_keyboard_alone_can_log_in_and_skip_to_the_content(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(f"{server.url}/login/")
    assert page.evaluate("document.activeElement.name") == "username", "the login form starts focused"
    page.keyboard.type("pat")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type(PATIENT_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login/" not in url)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]")
    assert focused == ["A", "Skip to the content"], focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_every_field_on_every_patient_page_has_a_label(server, browser):  # noqa: F811
    page = browser.new_page()
    login(page, server, "pat", PATIENT_PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    case_url = page.url.rstrip("/")
    for path in ("", "/log", "/reminders", "/documents", "/letters", "/intake/you", "/intake/household",
                 "/intake/insurance", "/intake/bill"):
        page.goto(f"{case_url}{path}/")
        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden' && e.type !== 'submit')
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
            .map(e => e.name)""")
        assert unlabelled == [], (path, unlabelled)
    page.close()
