"""The results page opens with the plan: at most seven numbered steps, each with why and its letter,
before the amounts and everything else."""

from __future__ import annotations

import re


def test_the_results_page_opens_with_the_numbered_plan(world, client_as):
    from billadvocate.web import casework

    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "What to do first" in page
    plan = page[page.index("What to do first"):page.index("</ol>", page.index("What to do first"))]
    steps = re.findall(r"<li>", plan)
    result, _ = casework.try_review(world.case_a)
    numbered = [a for a in result.actions if a.get("step")]
    assert 1 <= len(steps) == len(numbered) <= 7
    assert numbered[0]["title"].replace("'", "&#x27;") in plan
    assert page.index("What to do first") < page.index("What is wrong with the bill")
    for a in numbered:
        if a.get("letter"):
            assert f"/cases/{world.case_a.pk}/letters/{a['letter']}/" in plan
    for forbidden in ("accounts[", "events[", "REGF.", "BILL.", "--"):
        assert forbidden not in plan, forbidden
