"""A letter as plain text: wrapped at 78 columns, tables as aligned columns (also the golden form)."""

from __future__ import annotations

import textwrap

from .document import Bullets, Heading, Letter, Paragraph, Table, printable

WIDTH = 78


def table_text(t: Table, width: int = WIDTH) -> list[str]:
    """Columns sized to their content; the widest column wraps to fit the page."""
    cols = len(t.columns)
    sizes = [max(len(str(r[i])) for r in [t.columns, *t.rows]) for i in range(cols)]
    # a column narrows to fit the page, never below its longest word: no word is cut in two
    floor = [max((len(w) for r in [t.columns, *t.rows] for w in str(r[i]).split()), default=1) for i in range(cols)]
    room = width - 2 * (cols - 1)
    while sum(sizes) > room:
        wide = [i for i in range(cols) if sizes[i] > floor[i]]
        if not wide:
            break  # a line a little wider than the page rather than a word cut in two
        i = max(wide, key=lambda j: sizes[j])
        sizes[i] -= 1
    align = t.align or ["L"] * cols

    def row_lines(cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(str(c), sizes[i], break_on_hyphens=False, break_long_words=False) or [""] for i, c in enumerate(cells)]
        out = []
        for k in range(max(len(w) for w in wrapped)):
            parts = []
            for i, w in enumerate(wrapped):
                cell = w[k] if k < len(w) else ""
                parts.append(cell.rjust(sizes[i]) if align[i] == "R" else cell.ljust(sizes[i]))
            out.append("  ".join(parts).rstrip())
        return out

    lines = [t.title, *row_lines(t.columns), "  ".join("-" * s for s in sizes)]
    for r in t.rows:
        lines += row_lines(r)
    return lines


def render_txt(letter: Letter) -> str:
    letter = printable(letter)
    out: list[str] = []
    if letter.delivery:
        out += [letter.delivery.upper(), ""]
    out += [*letter.sender, "", letter.date, "", *letter.recipient, ""]
    out += [f"{k}: {v}" for k, v in letter.references]
    out += ["", f"{letter.subject}", "", letter.salutation, ""]
    for b in letter.body:
        if isinstance(b, Paragraph):
            out += textwrap.wrap(b.text, WIDTH, break_on_hyphens=False, break_long_words=False)
        elif isinstance(b, Heading):
            out += [b.text.upper()]
        elif isinstance(b, Bullets):
            for item in b.items:
                out += textwrap.wrap(item, WIDTH, break_on_hyphens=False, break_long_words=False, initial_indent="  - ",
                                     subsequent_indent="    ")
        elif isinstance(b, Table):
            out += table_text(b)
        out.append("")
    out += [letter.closing, "", "", "_" * 32, *letter.signature, ""]
    if letter.enclosures:
        out += [f"{letter.labels['enclosures']}:", *(f"  - {e}" for e in letter.enclosures), ""]
    for t in letter.attachments:
        out += ["", *table_text(t), ""]
    return "\n".join(out).rstrip() + "\n"
