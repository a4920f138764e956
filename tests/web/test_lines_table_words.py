"""The bill's line-by-line table names each line's problems in plain words (English or Spanish), never by
the rule's id (issue 18: no rule ids in patient-facing text)."""

from __future__ import annotations

import re

RULE_ID = re.compile(r"\b(?:BILL|EOB|NSA|IRS501R|MEDICAID|MEDICARE|STATE)\.[A-Z][A-Z_.]+")


def _lines_table(page: str) -> str:
    start = page.index("The bill, line by line") if "The bill, line by line" in page else page.index("La factura")
    return page[start:page.index("</table>", start)]


def test_the_english_lines_table_has_no_rule_ids(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    table = _lines_table(page)
    assert "<td>" in table
    assert not RULE_ID.search(table), RULE_ID.search(table)
    assert re.search(r"<td>[A-Z][a-z][^<]{10,}</td></tr>", table), "no problem named in words"


def test_the_results_page_explains_the_words_it_uses(world, client_as):
    page = client_as(world.client_a).get(f"/cases/{world.case_a.pk}/").content.decode()
    i = page.index('class="glossary"')
    assert i < page.index("</main>")
    words = re.findall(r"<dt>([^<]+)</dt>", page[i:])
    assert words and all(w.split()[0] in page[:i] or w in page[:i] for w in words), words
