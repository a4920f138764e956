"""On a phone (390 px wide) nothing scrolls sideways: tables become stacked rows whose cells carry
their column's name, and body text is at least 16 px. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import pytest

from tests.web.browser import browser, shot  # noqa: F401  (fixture)
from tests.web.test_browser import ADVOCATE_PASSWORD, login, server  # noqa: F401  (fixture)

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(server, browser):  # noqa: F811
    page = browser.new_page(viewport=PHONE)
    login(page, server, "ada", ADVOCATE_PASSWORD)
    page.wait_for_url(f"{server.url}/dashboard/")
    yield page
    page.close()


def _case_id(page, server):  # noqa: F811
    page.goto(f"{server.url}/cases/")
    href = page.locator("main a[href^='/cases/']").first.get_attribute("href")
    return href.strip("/").split("/")[1]


@pytest.mark.parametrize("where", ["", "log/", "letters/", "documents/", "reminders/"])
def test_no_case_page_scrolls_sideways_on_a_phone(phone, server, where):  # noqa: F811
    case_id = _case_id(phone, server)
    phone.goto(f"{server.url}/cases/{case_id}/{where}")
    phone.wait_for_load_state("networkidle")
    wide = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, f"phone-case-{where.strip('/') or 'results'}")
    culprits = phone.evaluate("""() => Array.from(document.querySelectorAll('main *'))
        .filter(e => e.getBoundingClientRect().right > %d)
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
                              % PHONE["width"])
    assert wide <= PHONE["width"], f"/cases/{case_id}/{where} is {wide}px wide on a phone: {culprits}"
    size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16


def test_a_stacked_table_row_names_each_cell(phone, server):  # noqa: F811
    phone.goto(f"{server.url}/dashboard/")
    phone.wait_for_load_state("networkidle")
    cell = phone.locator("tbody tr td").first
    assert cell.get_attribute("data-label")
    assert phone.evaluate("getComputedStyle(document.querySelector('tbody tr')).display") == "block"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, "phone-dashboard")
