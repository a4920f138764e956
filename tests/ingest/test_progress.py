"""Long reading work draws a progress bar only when the shell asks for one (a terminal, not --json)."""

from __future__ import annotations

import io

from rich.console import Console

from billadvocate.ingest.progress import show_progress, steps


def test_no_bar_unless_asked():
    with steps("Reading", 10) as advance:
        advance(5)  # nothing to draw, nothing raised


def test_a_bar_on_a_terminal():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    with show_progress(console):
        with steps("OCR of scanned pages", 3) as advance:
            for _ in range(3):
                advance(1)
    assert "OCR of scanned pages" in out.getvalue()
