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


TIME_BARRED = """\
billadvocate: 1
as_of: 2026-12-04
patient: {name: Ana Ruiz, address: "1 Main St, Austin, TX 78701", state: TX}
household: {size: 2, annual_income: 30000, monthly_expenses: 2200}
insurance: {status: uninsured}
accounts:
  - id: old-er
    provider: {name: Old Town Clinic, kind: physician}
    care: {start: 2019-03-01, end: 2019-03-01}
    first_bill_date: 2019-04-01
    balance: 3200
    collector: {name: Midland Credit, address: "PO Box 1, San Diego, CA 92101", kind: debt_buyer}
"""


def test_a_time_barred_debt_shows_no_offer_and_no_plan_numbers(web, tmp_path, client_as):
    from billadvocate.store import cases as store
    from tests.web.conftest import make_user

    (tmp_path / "case.yaml").write_text(TIME_BARRED)
    user = make_user("ana", "client")
    row = store.import_case(tmp_path / "case.yaml", user=user)
    row.assigned_to.add(user)
    page = client_as(user).get(f"/cases/{row.pk}/").content.decode()
    assert "What to do first" in page and "Do not pay or sign anything" in page
    assert "open at" not in page and "a month for" not in page
    assert "Do not offer or pay money on this bill now" in page
    assert "Do not start a payment plan on this bill now" in page
