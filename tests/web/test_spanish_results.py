"""The results page in Spanish beyond the plan: each finding's plain Spanish title and explanation,
each deadline's Spanish title and reason; in English the findings are unchanged and a deadline shows
its plain title, never its kind id."""

from __future__ import annotations

import html
import re

import pytest

from billadvocate.report import spanish


def _review(case_row):
    from billadvocate.web import casework

    result, problem = casework.try_review(case_row)
    assert result is not None, problem
    return result


def _findings_tables(page: str) -> str:
    return "".join(part.split("</table>")[0] for part in page.split("<table>")[1:] if "<caption" in part[:200])


def test_the_spanish_results_page_shows_findings_and_deadlines_in_spanish(world, client_as):
    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{world.case_a.pk}/"})
    page = html.unescape(c.get(f"/cases/{world.case_a.pk}/").content.decode())
    result = _review(world.case_a)
    shown = 0
    for review in result.accounts:
        for f in review.findings:
            es = spanish.finding(f, "audit")
            assert es["title"] in page and es["explanation"] in page
            assert f.message not in _findings_tables(page)  # the English message is not shown
            shown += 1
        for v in review.violations:
            assert spanish.finding(v, "conduct")["title"] in page
            shown += 1
        for d in review.deadlines:
            assert spanish.DEADLINE_KINDS[spanish.kind_key(d.kind)][1] in page
            assert d.kind not in page and d.why not in page
            shown += 1
    assert shown >= 3
    assert ">alta<" in page or ">media<" in page or ">baja<" in page  # severities in Spanish


def test_the_english_results_page_keeps_english_findings_and_names_each_deadline_plainly(world, client_as):
    page = html.unescape(client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode())
    result = _review(world.case_a)
    deadlines = [d for r in result.accounts for d in r.deadlines]
    assert deadlines
    for d in deadlines:
        assert spanish.deadline_title(d.kind) in page and d.why in page
        assert f"<td>{d.kind}</td>" not in page
    for r in result.accounts:
        for f in r.findings:
            assert f.message in page
            assert spanish.finding(f, "audit")["title"] not in page


def test_the_spanish_reminders_page_gives_each_legal_date_its_spanish_reason(world, client_as):
    from billadvocate.store import models as m

    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{world.case_a.pk}/"})
    c.get(f"/cases/{world.case_a.pk}/")  # the review stores the case's dates
    stored = list(m.Deadline.objects.filter(case=world.case_a, source=m.Deadline.ENGINE))
    assert stored
    page = html.unescape(c.get(f"/cases/{world.case_a.pk}/reminders/").content.decode())
    for d in stored:
        assert d.why not in page, d.kind
        names = {"provider": d.account.provider_name, "collector": d.account.collector_name} if d.account else {}
        assert spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date}, names)["why"] in page


# English words a Spanish sentence never has (names like 'Valley General Hospital' and bill line descriptions
# have none of them); citations (in <small>) stay as the law writes them
ENGLISH = re.compile(r"\b(the|you|your|must|before|after|which|until|this|with|owe|should|does|is|are|and|of)\b")


def _results_text(page: str) -> str:
    """What a patient reads of the results page: its main part without citations, tags or the
    language switch."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<small>.*?</small>", " ", main, flags=re.S)
    main = re.sub(r'<span class="cite">.*?</span>', " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("which", ["case_a", "case_b"])
def test_the_spanish_results_page_has_no_english_left_for_the_examples(world, client_as, which):
    row = getattr(world, which)
    owner = world.client_a if which == "case_a" else world.client_b
    c = client_as(owner)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/"})
    page = c.get(f"/cases/{row.pk}/").content.decode()
    assert 'lang="en">' not in page.split("<main", 1)[1], "engine prose still in English (marked lang=en)"
    text = _results_text(page)
    english = sorted({m.group(0) for m in ENGLISH.finditer(text)})
    assert not english, [text[max(0, m.start() - 80):m.end() + 80] for m in ENGLISH.finditer(text)][:5]
    assert not re.search(r"\b[A-Z]{3,}\.[A-Z_]{3,}\b", text), "a rule id shows"
    result = _review(row)
    offer = result.accounts[0].offer or {}
    shown = offer.get("no_offer") or offer.get("advice")
    assert shown and html.escape(shown) not in page and shown not in html.unescape(page)  # said in Spanish


def test_a_sentence_without_spanish_stays_english_marked_for_screen_readers():
    from billadvocate.web.views.case import in_spanish_prose

    account = {"findings": [], "notes": ["A note no table knows yet."], "protections": [
        {"id": "NSA", "law": "No Surprises Act", "why": "Your Good Faith Estimate was $1,200.00."}]}
    out = in_spanish_prose(account)
    assert out["notes"] == ['<span lang="en">A note no table knows yet.</span>']
    assert out["protections"][0]["why"] == "Su Presupuesto de Buena Fe fue de $1,200.00."
    assert out["protections"][0]["law"] == "Ley Sin Sorpresas (No Surprises Act)"
    assert account["notes"] == ["A note no table knows yet."]  # the English review is left as it was


def test_the_english_results_page_marks_nothing_as_english(world, client_as):
    english = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    assert 'lang="en">' not in english.split("<body>")[1]


def test_a_violation_found_many_times_is_listed_once_with_its_count():
    from billadvocate.web.views.case import EXAMPLES_SHOWN, violation_groups

    calls = [{"rule": "REGF.CALL_FREQUENCY", "severity": "medium", "message": f"call {i}", "citations": ["12 CFR"],
              "act_by": f"2027-01-{1 + i % 28:02d}"} for i in range(40)]
    late = {"rule": "REGF.INCONVENIENT_TIME", "severity": "high", "message": "a call at 22:30", "citations": [],
            "act_by": "2027-03-02"}
    groups = violation_groups([*calls, late], in_spanish=False)
    assert [g["rule"] for g in groups] == ["REGF.INCONVENIENT_TIME", "REGF.CALL_FREQUENCY"]  # most serious first
    calling = groups[1]
    assert calling["count"] == 40 and calling["act_by"] == "2027-01-01"  # the most urgent one leads
    assert len(calling["examples"]) == EXAMPLES_SHOWN and calling["more"] == 40 - 1 - EXAMPLES_SHOWN
    assert groups[0]["count"] == 1 and not groups[0]["examples"] and groups[0]["es"] is None
    es = violation_groups([*calls, late], in_spanish=True)
    assert es[1]["es"]["title"] == spanish.rule_table("conduct")["REGF.CALL_FREQUENCY"]["title"]
    # on a Spanish page the other times are their days (the English messages stay out)
    late_calls = [{**late, "message": f"ABC called you at 22:{i:02d} on 2027-03-{1 + i:02d} (America/Chicago time), "
                                      "after 21:00.", "act_by": f"2027-03-{1 + i:02d}"} for i in range(3)]
    times = violation_groups(late_calls, in_spanish=True)[0]["examples"]
    assert times == ["El 2027-03-02 a las 22:01", "El 2027-03-03 a las 22:02"]


def test_the_spanish_speakers_results_page_shows_the_offer_plan_and_protections_in_spanish(web, client_as):
    """A Spanish-speaking patient with an offer, a payment plan and protections (the es_speaker scenario)."""
    from billadvocate.store import cases as store
    from tests.conftest import ROOT
    from tests.web.conftest import make_user

    user = make_user("jose", "client")
    row = store.import_case(ROOT / "tests" / "scenarios" / "cases" / "es_speaker" / "case.yaml", user=user)
    row.assigned_to.add(user)
    c = client_as(user)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/"})
    page = c.get(f"/cases/{row.pk}/").content.decode()
    assert 'lang="en">' not in page.split("<main", 1)[1]
    text = _results_text(page)
    left = [text[max(0, m.start() - 80):m.end() + 80] for m in ENGLISH.finditer(text)]
    assert not left, left[:5]
    account = _review(row).to_json()["accounts"][0]
    assert account["offer"]["reasons"] and account["plan"]["why"] and account["protections"]
    for p in account["protections"]:
        assert p["why"] not in html.unescape(page)
    assert "Ley de Prácticas Justas de Cobro de Deudas" in text and "Ingresos mensuales de" in text
