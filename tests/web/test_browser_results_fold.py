"""The results page's first screen: within the first 900 px, at 1280 and at 390 px wide, a patient sees
the plan (its heading and every numbered step's title) and the amounts (billed, asked for, in dispute).
Screenshots of that first screen go to test-artifacts/web/."""

from __future__ import annotations

import pytest

from tests.web.browser import ARTIFACTS, browser, serve_one_patient  # noqa: F401  (fixture)

PASSWORD = "correct horse battery 13"
FOLD = 900


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_one_patient(tmp_path_factory, "fold-home", username="pat", password=PASSWORD,
                                 example="er-visit-nonprofit", patient="Rosa Delgado", account_number="FOLD-1")


def _bottom(page, selector: str) -> float:
    """How far from the top of the page the element's bottom edge is (px), or inf when it is absent."""
    return page.evaluate("""(sel) => { const e = document.querySelector(sel);
        if (!e) return Infinity; const r = e.getBoundingClientRect(); return r.bottom + window.scrollY; }""",
                         selector)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_first_900_px_show_the_plan_and_the_amounts(server, browser, width, lang):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": FOLD})
    page = context.new_page()
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.url}/**")
    if lang == "es":
        context.add_cookies([{"name": "django_language", "value": "es", "url": server.url}])
    page.goto(f"{server.url}/cases/{server.case_id}/")
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"results-first-screen-{width}-{lang}.png"))  # the first 900 px only
    steps = page.locator(".plan-steps > li")
    assert 1 <= steps.count() <= 7
    where = {"the plan's heading": _bottom(page, "#plan-h"),
             "the last step's title": _bottom(page, ".plan-steps > li:last-child strong"),
             "the amounts": _bottom(page, ".amounts")}
    late = {k: round(v) for k, v in where.items() if v > FOLD}
    assert not late, f"below the first {FOLD} px at {width} px wide: {late}"
    amounts = page.locator(".amounts").inner_text()
    for word in (("Billed", "Asked for now", "$6,296.00", "$4,830.00") if lang == "en" else
                 ("Facturado", "$6,296.00", "$4,830.00")):
        assert word in amounts, (word, amounts)
    first = page.locator(".plan-steps > li:first-child details")
    if width >= 1280:  # a wide screen opens the first step: its reason and its letter show at once
        assert first.get_attribute("open") is not None
    else:  # on a phone a step opens with a tap on its title
        assert first.get_attribute("open") is None
        first.locator("summary").click()
    assert first.locator(".button").first.is_visible()
    context.close()
