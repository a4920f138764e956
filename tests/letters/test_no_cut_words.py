"""Nothing cut mid-word: a narrow table column or a long address wraps between words, never inside one."""

from __future__ import annotations

from billadvocate.letters.document import Table
from billadvocate.letters.render_txt import table_text


def test_a_column_never_narrows_below_its_longest_word():
    long_word = "REGF.COLLECTION_DURING_DISPUTE"
    t = Table("Conduct", ["Problem", "Rule", "Law"],
              [["The collector called at 07:45, before 8:00 in my time zone, three times in one week", long_word,
                "12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)"]])
    lines = table_text(t)
    assert any(long_word in line for line in lines)
    words = {w for r in [t.columns, *t.rows] for cell in r for w in cell.split()}
    printed = {w for line in lines[1:] for w in line.split()} - {"-" * n for n in range(1, 200)}
    assert printed <= words | {"Problem", "Rule", "Law"}, printed - words


def test_a_word_wider_than_the_page_is_kept_whole():
    url = "https://www.example.org/" + "a" * 90
    t = Table("Links", ["Where"], [[url]])
    assert any(url in line for line in table_text(t))
