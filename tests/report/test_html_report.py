"""The HTML report: a Spanish reader gets report.es.html, whose plan, amounts, findings and deadlines
are in Spanish; the English report names each deadline in plain words (no kind id)."""

from __future__ import annotations

import html
import re

from billadvocate.report import render_html, spanish
from tests.conftest import EXAMPLES


def _result(language: str = "en"):
    from billadvocate.casefile import load_case
    from billadvocate.review import review_case

    case = load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    case = case.model_copy(update={"patient": case.patient.model_copy(update={"language": language})})
    return review_case(case)


def test_the_spanish_report_puts_the_plan_amounts_findings_and_deadlines_in_spanish():
    from billadvocate.actions.spanish import in_spanish

    result = _result("es")
    page = html.unescape(render_html(result, lang="es"))
    assert '<html lang="es">' in page and "Qué hacer primero" in page
    assert page.index("Qué hacer primero") < page.index("Saldo que le piden") < page.index("Qué está mal")
    for step in in_spanish(result):
        assert step["title"] in page
    deadlines = [d for a in result.accounts for d in a.deadlines]
    findings = [(f, "audit") for a in result.accounts for f in a.findings] + [
        (v, "conduct") for a in result.accounts for v in a.violations]
    assert deadlines and findings
    for f, engine in findings:
        assert spanish.finding(f, engine)["title"] in page
        assert f.message not in page
    for d in deadlines:
        assert spanish.deadline_title(d.kind, "es") in page and d.kind not in page and d.why not in page
    assert not re.search(r"\b[A-Z]{3,}\.[A-Z_]{3,}\b", page.split("<body>")[1]), "a rule id shows"


def test_the_english_report_names_each_deadline_plainly_and_keeps_its_english():
    result = _result()
    page = html.unescape(render_html(result))
    assert '<html lang="en">' in page
    for d in (d for a in result.accounts for d in a.deadlines):
        assert f"<td>{d.kind}</td>" not in page and f"<td>{spanish.deadline_title(d.kind)}</td>" in page
    for f in (f for a in result.accounts for f in a.findings):
        assert f.message in page


def test_review_writes_the_spanish_report_for_a_spanish_reader(tmp_path):
    from billadvocate.cli.outputs import write_outputs

    written = {p.name for p in write_outputs(_result("es"), tmp_path)}
    assert {"report.html", "report.es.html"} <= written
    assert "report.es.html" not in {p.name for p in write_outputs(_result("en"), tmp_path / "en")}


def test_a_state_ban_no_statute_confirmed_says_which_value_and_what_was_searched():
    from billadvocate.casefile import load_case
    from billadvocate.review import review_case

    case = load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    mn = case.model_copy(update={"patient": case.patient.model_copy(update={"state": "MN"})})
    page = html.unescape(render_html(review_case(mn)))
    after = " ".join(page.split("MN law bars medical debt from credit reports since", 1)[1].split())[:700]
    assert "(unconfirmed law: Whether MN law bars medical debt" in after, after
    ca = " ".join(html.unescape(render_html(review_case(case))).split())
    assert "(unconfirmed law" not in ca.split("CA law bars medical debt from credit reports since", 1)[1][:400]
