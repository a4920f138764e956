"""The appeals section of the review: the HTML report (English and Spanish) and the text output show
each denied claim with who must act, where its appeal stands, its next deadline and its letter; the
later levels' deadlines read in Spanish."""

from __future__ import annotations

from datetime import date

from billadvocate.appeals.levels import Decision, expedited_decision, medicare_next
from billadvocate.casefile import load_case
from billadvocate.report import render_html, spanish
from billadvocate.review import review_case
from tests.appeals.test_appeal_letters import _case, _event
from tests.conftest import run_cli


def test_the_html_report_shows_each_denial_its_route_deadline_and_letter(tmp_path):
    result = review_case(load_case(_case(tmp_path, plan_type="employer_fully_insured")))
    html = render_html(result)
    section = html[html.index("Insurance denials and appeals"):]
    section = section[:section.index("</table>")]
    assert "C-1002" in section and "$610.00" in section and "PR-96" in section
    assert "2027-04-18" in section and "Last day to appeal" in section  # 180 days from 2026-10-20
    assert "Appeal of an insurance denial" in section and "an appeal to the plan" in section
    assert "C-1001" in section and "none: not owed" in section  # the CO-18 line is the provider's
    assert "APPEAL_DUE" not in section and "insurer_appeal" not in section  # words, never ids


def test_the_spanish_report_shows_the_same_denials_in_spanish(tmp_path):
    result = review_case(load_case(_case(tmp_path, plan_type="medicare_original", member_id="1EG4-TE5-MK73")))
    html = render_html(result, lang="es")
    section = html[html.index("Negaciones del seguro y apelaciones"):]
    section = section[:section.index("</table>")]
    assert "C-1002" in section and "2027-02-22" in section and "Último día para apelar ante Medicare" in section
    assert "Apelación a Medicare" in section and "una apelación ante el plan" in section


def test_a_later_medicare_level_shows_in_the_report(tmp_path):
    path = _case(tmp_path, _event("2026-11-20", "insurer", "redetermination_decision", "denied"),
                 plan_type="medicare_original", member_id="1EG4-TE5-MK73")
    html = render_html(review_case(load_case(path), as_of=date(2026, 11, 28)))
    assert "a reconsideration by the QIC" in html and "2027-05-24" in html and "denied" in html


def test_the_text_review_lists_the_denials(tmp_path):
    r = run_cli("review", str(_case(tmp_path, plan_type="employer_self_funded")), "--as-of", "2026-11-28")
    assert r.code == 0, r.err
    text = " ".join(r.out.split())
    assert "Insurance denials and appeals" in text and "Claim C-1002" in text
    assert "next deadline 2027-04-18" in text and "letter: insurer_appeal" in text


def test_the_later_levels_and_the_urgent_appeal_read_in_spanish():
    for level, words in (("internal", "CMS-20033"), ("reconsideration", "OMHA-100"), ("alj", "DAB-101")):
        _, d, _ = medicare_next(Decision(level, date(2026, 6, 1), "denied"), 610.0)
        es = spanish.deadline(d)
        assert words in es["why"] and "2026-06-01" in es["why"] and "días" in es["why"]
        assert "_" not in es["what"] and es["what"] != d.kind
    es = spanish.deadline(expedited_decision(date(2026, 4, 1)))
    assert "72 horas" in es["why"] and "2026-04-01" in es["why"]


def test_the_fair_hearing_after_a_medicaid_plan_reads_in_spanish_as_at_least():
    from billadvocate.appeals import route
    from tests.appeals.test_levels import _account, _decision, _denial

    r = route("medicaid_managed_care", _denial(), _account(_decision("appeal_decision")), date(2026, 6, 1))
    due = next(d for d in r["deadlines"] if d["kind"] == "FAIR_HEARING_DUE")
    es = spanish.deadline(due)
    assert "al menos 90 días" in es["why"] and "2026-06-01" in es["why"]
