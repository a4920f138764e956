"""The log form records an appeal's decision (which level decided, upheld / overturned / partly, the
date on the decision): a denial logged as decided starts the next level's clock on the results page."""

from __future__ import annotations

import html

from tests.web.test_denials import _denied_case


def _section(page: str, start: str, end: str | None = "Your deadlines") -> str:
    page = html.unescape(page)
    return page[page.index(start):page.index(end) if end else None]


def _decide(c, row, **fields):
    data = {"account": "er-visit", "kind": "letter", "from_party": "insurer", "note": "",
            "decision": "appeal_decision", "outcome": "denied", "decided_on": "2026-11-20", **fields}
    return c.post(f"/cases/{row.pk}/log/", data)


def test_an_upheld_internal_appeal_logged_on_the_web_starts_the_external_review_clock(world, client_as, tmp_path):
    from billadvocate.store import models as m

    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    c = client_as(world.client_a)
    before = _section(c.get(f"/cases/{row.pk}/").content.decode(), "Insurance denials")
    assert "Now: an appeal to the plan" in before and "external review:" not in before
    r = _decide(c, row)
    assert r.status_code == 302, r.content.decode()[:2000]
    e = m.Event.objects.get(case=row, type="appeal_decision")
    assert (e.from_party, e.extra.get("outcome"), e.at_text[:10]) == ("insurer", "denied", "2026-11-20")
    section = _section(c.get(f"/cases/{row.pk}/").content.decode(), "Insurance denials")
    assert "Now: an external review" in section
    assert "Last day to ask for an independent external review: 2027-03-20" in section  # 4 months from 2026-11-20
    assert f'href="/cases/{row.pk}/letters/external_review_request/"' in section
    log = html.unescape(c.get(f"/cases/{row.pk}/log/").content.decode())
    assert "The plan's decision on my appeal: upheld (still denied)" in log


def test_a_denied_medicare_redetermination_starts_the_reconsideration_clock(world, client_as, tmp_path):
    row = _denied_case(tmp_path, world.client_a, plan_type="medicare_original", member_id="1EG4-TE5-MK73")
    c = client_as(world.client_a)
    r = _decide(c, row, decision="redetermination_decision", decided_on="2026-11-20")
    assert r.status_code == 302
    section = _section(c.get(f"/cases/{row.pk}/").content.decode(), "Insurance denials")
    assert "Now: a reconsideration by the QIC" in section
    assert "2027-05-24" in section  # 2026-11-20 + 5 days presumed receipt + 180 days


def test_an_overturned_appeal_closes_the_denial(world, client_as, tmp_path):
    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    c = client_as(world.client_a)
    assert _decide(c, row, outcome="approved").status_code == 302
    section = _section(c.get(f"/cases/{row.pk}/").content.decode(), "Insurance denials")
    assert "Now: the denial was reversed" in section
    assert "external review:" not in section and "Open the letter" not in section


def test_a_decision_needs_its_outcome_and_its_date_and_an_outcome_needs_its_decision(world, client_as, tmp_path):
    from billadvocate.store import models as m

    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    c = client_as(world.client_a)
    for fields, field, words in (
            ({"outcome": ""}, "outcome", "What did it decide?"),
            ({"decided_on": ""}, "decided_on", "the date on the decision"),
            ({"decision": ""}, "decision", "Which decision is it?"),
            ({"decided_on": "2099-01-01"}, "decided_on", "in the future"),
            ({"detail": "lawsuit"}, "detail", "one or the other")):
        r = _decide(c, row, **fields)
        assert r.status_code == 200, fields
        assert words in html.unescape(r.content.decode()), fields
        assert field in r.context["form"].errors, fields
    assert not m.Event.objects.filter(case=row, type="appeal_decision").exists()


def test_the_decision_fields_read_in_spanish(world, client_as, tmp_path):
    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/log/"})
    page = html.unescape(c.get(f"/cases/{row.pk}/log/").content.decode())
    assert "Si es una decisión sobre una apelación: cuál" in page
    assert "Confirmada: sigue negada" in page
    assert "Fecha de la decisión" in page
    assert _decide(c, row).status_code == 302
    page = html.unescape(c.get(f"/cases/{row.pk}/log/").content.decode())
    assert "La decisión del plan sobre mi apelación: confirmada (sigue negada)" in page


def test_a_medicare_advantage_patient_finds_the_independent_review_entity_s_decision_to_log(world, client_as, tmp_path):
    # the one event type serves Original Medicare's QIC and a Medicare Advantage plan's IRE (42 CFR 422.592)
    row = _denied_case(tmp_path, world.client_a, plan_type="medicare_advantage", member_id="H1234-567")
    c = client_as(world.client_a)
    log = html.unescape(c.get(f"/cases/{row.pk}/log/").content.decode())
    assert ("Reconsideration decision (Medicare's QIC or, for a Medicare Advantage plan, the independent review "
            "entity)") in log
    assert _decide(c, row, decision="reconsideration_decision", decided_on="2026-11-20").status_code == 302
    section = _section(c.get(f"/cases/{row.pk}/").content.decode(), "Insurance denials")
    assert "Now: a hearing before an Administrative Law Judge" in section
    assert "2027-01-24" in section  # 422.602(b): 60 days from receipt, presumed 5 days after 2026-11-20
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/log/"})
    page = html.unescape(c.get(f"/cases/{row.pk}/log/").content.decode())
    assert "en un plan Medicare Advantage, de la entidad de revisión independiente" in page
