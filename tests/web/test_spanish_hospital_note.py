"""The results page in Spanish says which hospital of the CMS list the case's hospital was taken to be
in Spanish (it showed '"Banner North Colorado Medical Center" is taken to be BANNER NORTH ...' in
English, marked lang="en"); in English the note is unchanged."""

from __future__ import annotations

import html
from pathlib import Path

from .conftest import make_user

CASE = Path(__file__).resolve().parents[1] / "report" / "cases" / "co_hospital" / "case.yaml"


def _page(web, language: str) -> str:
    from django.test import Client

    from billadvocate.store import cases as store

    row = store.import_case(CASE)
    user = make_user(f"client-{language}", "client")
    row.assigned_to.add(user)
    c = Client()
    c.force_login(user)
    c.post("/i18n/setlang/", {"language": language, "next": f"/cases/{row.pk}/"})
    return html.unescape(c.get(f"/cases/{row.pk}/").content.decode())


def test_the_spanish_page_says_which_hospital_was_taken_in_spanish(web):
    page = _page(web, "es")
    assert '"Banner North Colorado Medical Center" se toma como BANNER NORTH COLORADO MEDICAL CENTER' in page
    assert "is taken to be" not in page and "a fact stated in the case wins" not in page


def test_the_english_page_keeps_the_english_note(web):
    assert '"Banner North Colorado Medical Center" is taken to be BANNER NORTH' in _page(web, "en")
