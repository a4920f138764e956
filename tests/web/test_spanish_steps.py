"""The results page's plan in Spanish: a Spanish page shows the steps' Spanish titles and reasons,
an English page the English ones."""

from __future__ import annotations

from billadvocate.actions.spanish import TITLES
from billadvocate.actions.steps import KINDS


def test_the_spanish_results_page_shows_spanish_step_titles(world, client_as):
    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{world.case_a.pk}/"})
    page = c.get(f"/cases/{world.case_a.pk}/").content.decode()
    plan = page.split('id="plan-h"')[1].split("</section>")[0]
    assert any(t in plan for t in TITLES.values()), plan
    assert not any(f"<strong>{t}</strong>" in plan for t in KINDS.values()), plan


def test_the_english_results_page_keeps_english_step_titles(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    plan = page.split('id="plan-h"')[1].split("</section>")[0]
    assert any(t in plan for t in KINDS.values()) and not any(t in plan for t in TITLES.values())
