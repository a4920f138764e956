"""The results page in Spanish beyond the plan: each finding's plain Spanish title and explanation,
each deadline's Spanish title and reason; in English the findings are unchanged and a deadline shows
its plain title, never its kind id."""

from __future__ import annotations

import html

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


def test_engine_prose_not_yet_in_spanish_is_marked_english_on_a_spanish_page(world, client_as):
    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{world.case_a.pk}/"})
    page = c.get(f"/cases/{world.case_a.pk}/").content.decode()
    result = _review(world.case_a)
    offer = result.accounts[0].offer or {}
    assert offer.get("no_offer") or offer.get("advice")
    text = html.escape(offer.get("no_offer") or offer.get("advice"), quote=True)
    assert f'<span lang="en">{text}</span>' in page or f'<p lang="en">{text}</p>' in page
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
