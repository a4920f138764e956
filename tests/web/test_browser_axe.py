"""axe-core on the patient path (the start page, every intake step, the results, the letters and a
letter), at 1280 and 390 px (and in Spanish at 390 px): no serious or critical violation. axe-core is the axe.min.js that the
axe-playwright-python wheel ships (no network at run time); it is injected into each page with the
page's Content-Security-Policy bypassed for the test only. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import pytest

from tests.web.browser import browser, serve_one_patient, shot  # noqa: F401  (fixture)
from tests.web.test_smoke import HAS_LETTERS

PASSWORD = "correct horse battery 11"
BLOCKING = ("serious", "critical")


def axe_source() -> str:
    try:
        from importlib.resources import files

        return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("axe-playwright-python (which ships axe-core) is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_one_patient(tmp_path_factory, "axe-home", username="pat", password=PASSWORD,
                                 example="er-visit-nonprofit", patient="Rosa Delgado", account_number="AXE-1")


def patient_path(case_id: int) -> list[str]:
    base = f"/cases/{case_id}"
    steps = [f"{base}/intake/{s}/" for s in ("you", "household", "insurance", "bill", "collector", "credit")]
    letters = [f"{base}/letters/", f"{base}/letters/validation_request/?account=er-visit"] if HAS_LETTERS else []
    return ["/", "/start/", *steps, f"{base}/", *letters, f"{base}/log/", f"{base}/reminders/",
            f"{base}/documents/"]


def violations(page, source: str) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=source)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


@pytest.mark.parametrize("width,lang", [(1280, "en"), (390, "en"), (390, "es")])
def test_the_patient_path_has_no_serious_or_critical_axe_violation(server, browser, width, lang):  # noqa: F811
    source = axe_source()
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{server.url}/login/")
    found = {"/login/": violations(page, source)}
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.url}/**")
    if lang == "es":
        context.add_cookies([{"name": "django_language", "value": "es", "url": server.url}])
    for path in patient_path(server.case_id):
        response = page.goto(f"{server.url}{path}")
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        found[path] = violations(page, source)
        if lang == "es":
            assert page.get_attribute("html", "lang") == "es", path
        shot(page, f"axe-{width}-{lang}-{path.strip('/').replace('/', '-').split('?')[0] or 'home'}")
    bad = {path: v for path, v in found.items() if v}
    assert not bad, "\n".join(f"{path}: {v['impact']} {v['id']} ({v['help']}): {v['nodes']}"
                              for path, vs in bad.items() for v in vs)
    context.close()


def test_axe_finds_a_serious_violation_where_there_is_one(browser):  # noqa: F811
    """The check above can fail: a button with no name and an unlabelled field are reported."""
    page = browser.new_page(bypass_csp=True)
    page.set_content('<html lang="en"><body><main><h1>x</h1><button><img src="data:,"></button>'
                     '<input type="text"></main></body></html>')
    found = {v["id"] for v in violations(page, axe_source())}
    assert {"button-name", "label"} <= found, found
    page.close()
