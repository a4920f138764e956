"""The words that must stay (EOB, FAP, AGB, ...) are explained in plain words, in English and Spanish, at the
end of the report and the web results page: only the ones the page uses."""

from __future__ import annotations

import re

from billadvocate import load_case, review_case
from billadvocate.report import render_html
from billadvocate.report.glossary import TERMS, used

from ..conftest import EXAMPLES


def _glossary(page: str) -> str:
    i = page.index('class="glossary"')
    return page[i:page.index("</section>", i)]


def test_every_term_has_its_english_and_spanish_meaning():
    for term, (pattern, en, es) in TERMS.items():
        assert re.compile(pattern) and len(en) > 40 and len(es) > 40, term


def test_only_the_words_a_text_uses_are_explained():
    assert [t for t, _ in used("Your EOB shows $0; the hospital's AGB is 40%.")] == ["EOB", "AGB"]
    assert used("Nothing to explain here.") == []
    assert [t for t, _ in used("El plazo para demandar terminó.", "es")] == ["plazo para demandar"]


def test_the_report_ends_with_the_words_it_uses_in_both_languages():
    result = review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"))
    en = _glossary(render_html(result))
    assert "<h2>Words used here</h2>" in en and "<dt>EOB</dt>" in en and "<dt>AGB</dt>" in en
    assert "a ceiling, not what you must pay" in en
    es = _glossary(render_html(result, "es"))
    assert "<h2>Palabras que se usan aquí</h2>" in es and "Explicación de Beneficios" in es
    assert "Words used" not in es


def test_the_text_review_ends_with_the_words_it_uses(cli):
    out = cli("review", EXAMPLES / "er-visit-nonprofit" / "case.yaml").out
    assert "Words used here" in out and "  AGB: Amounts generally billed" in out
