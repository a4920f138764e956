"""QuickTable draws a table of findings with the same characters in the same styles as rich's Table draws
it (cli/quick_table.py): at every width, with and without colour, for messages with long words, wide
(CJK) characters, brackets, several lines, and the dim note of an unconfirmed legal value."""

from __future__ import annotations

import io
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from billadvocate.cli.human import findings_table
from billadvocate.cli.quick_table import QuickTable
from billadvocate.model import Finding


def drawn(renderable, width: int, color: bool) -> tuple[str, list[str]]:
    """What the console prints, and each character's style as the terminal codes it turns into."""
    c = Console(file=io.StringIO(), width=width, color_system="truecolor" if color else None, force_terminal=color,
                highlight=False, emoji=False, soft_wrap=False, legacy_windows=False)
    styles = [(seg.style or Style.null()).render("x", color_system=ColorSystem.TRUECOLOR)
              for seg in c.render(renderable, c.options) for _ in seg.text]
    c.print(renderable)
    return c.file.getvalue(), styles


def same_as_rich(table: QuickTable, width: int) -> None:
    for color in (False, True):
        quick_text, quick_styles = drawn(table, width, color)
        rich_text, rich_styles = drawn(table.table, width, color)
        if not color:
            assert quick_text == rich_text
        assert quick_styles == rich_styles


words = st.text(st.sampled_from("abcdefghij [/]:;$.,-") | st.sampled_from(["é", "漢", "字", "\n"]),
                min_size=0, max_size=30)
findings = st.lists(st.builds(
    Finding, rule=st.just("X"), severity=st.sampled_from(["high", "medium", "low", "info"]),
    lines=st.lists(st.integers(1, 400), max_size=12), amount=st.decimals(0, 100000, places=2),
    message=st.lists(words, min_size=1, max_size=12).map(" ".join),
    unconfirmed=st.booleans()), min_size=0, max_size=6)


@settings(max_examples=150, deadline=None)
@given(findings, st.booleans(), st.integers(min_value=8, max_value=160))
def test_findings_are_drawn_as_rich_draws_them(found, with_lines, width):
    same_as_rich(findings_table("Findings", found, with_lines=with_lines), width)


def test_a_long_message_and_many_lines_at_common_widths():
    f = [Finding(rule="X", severity="high", lines=list(range(1, 60)), amount=Decimal("1234.56"),
                 message="SERVICE 23 (29881) is billed for 3 units on 2025-03-24 " * 5 + "x" * 90, unconfirmed=True),
         Finding(rule="Y", severity="info", message="", amount=Decimal(0))]
    for width in (20, 40, 80, 100, 120, 200):
        same_as_rich(findings_table("Findings", f), width)


def test_what_it_was_not_written_for_is_drawn_by_rich():
    t = Table(title="t", show_lines=True)
    t.add_column("a")
    t.add_row(Text("one"))
    t.add_row("[bold]two[/]")
    same_as_rich(QuickTable(t), 30)
