"""The results page names each assistance program by its name, in English as in Spanish, never by its
rule id (FEDERAL.501R, STATE.CO.HOSPITAL_DISCOUNTED_CARE)."""

from __future__ import annotations

import html
import re


def test_the_english_results_page_names_each_program_never_its_rule_id(world, client_as):
    from billadvocate.web import casework

    page = html.unescape(client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode())
    result, problem = casework.try_review(world.case_a)
    assert result is not None, problem
    programs = [p for a in result.to_json()["accounts"] for p in a["assistance"]["programs"]]
    assert programs
    for p in programs:
        assert f"<strong>{p['name']}</strong>" in page
        assert not re.search(rf"\b{re.escape(p['id'])}\b", page), p["id"]
