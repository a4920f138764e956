"""A rich Table of Text cells, drawn as rich draws it in half the time.

rich's Table measures and renders every cell through its general machinery (a Padding around each cell,
Measurement, render_lines twice, styles applied line by line), twice over when the table is wider than the
terminal: a 300-line bill's findings (about 360 rows) took 0.15 CPU s of the audit's 0.7. `QuickTable(table)`
computes the same column widths (rich's own rules: each cell's longest word and longest line, the columns'
max_width, rich's collapse when too wide) and wraps each cell with rich's own Text.wrap, then writes the
lines, borders and title once. The same characters in the same styles as `table` itself
(tests/cli/test_quick_table.py draws both); anything it was not written for (another padding, footers, lines
between rows, row styles, cells that are not Text ...) is drawn by rich's Table itself."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

try:  # rich's own width reduction (a private module): without it, rich's Table draws every table
    from rich._ratio import ratio_reduce
except ImportError:  # pragma: no cover - a rich that moved it
    ratio_reduce = None


def _simple(table: Table) -> bool:
    """Whether the table uses only what QuickTable draws (rich's defaults, a title and Text cells)."""
    return (table.show_header and not table.show_footer and table.show_edge and not table.show_lines
            and not table.leading and tuple(table.padding) == (0, 1, 0, 1) and not table.collapse_padding
            and table.pad_edge and not table.expand and table.width is None and table.min_width is None
            and table.box is not None and not table.row_styles and table.style in (None, "", "none")
            and table.border_style in (None, "", "none")
            and not table.caption and not table.highlight and not any(r.end_section for r in table.rows)
            and all(c.width is None and c.min_width is None and c.style in (None, "", "none") and not c.highlight
                    and c.vertical == "top" and isinstance(c.header, str) and not c.footer
                    and all(isinstance(cell, Text) for cell in c._cells) for c in table.columns))


def _text_range(text: Text) -> tuple[int, int]:
    """Text.__rich_measure__: (longest word, longest line) in cells."""
    plain = text.plain
    lines = plain.splitlines()
    widest = max(map(cell_len, lines)) if lines else 0
    words = plain.split()
    return (max(map(cell_len, words)) if words else widest), widest


@lru_cache(maxsize=4096)
def _padded_range(rng: tuple[int, int], max_width: int) -> tuple[int, int]:
    """Measurement.get of Padding(text, (0, 1)) at `max_width`, as rich computes it (its normalize and
    with_maximum steps in turn), for a text whose Text.__rich_measure__ is `rng`."""
    def normalize(lo: int, hi: int) -> tuple[int, int]:
        lo = min(max(0, lo), hi)
        return max(0, lo), max(0, max(lo, hi))

    if max_width < 1:
        return 0, 0
    if max_width - 2 < 1:
        lo, hi = max_width, max_width
    else:
        lo, hi = normalize(*rng)
        lo, hi = min(lo, max_width), min(hi, max_width)
        lo, hi = (0, 0) if hi < 1 else normalize(lo, hi)
        lo, hi = min(lo + 2, max_width), min(hi + 2, max_width)
    lo, hi = normalize(lo, hi)
    lo, hi = min(lo, max_width), min(hi, max_width)
    return (0, 0) if hi < 1 else normalize(lo, hi)


class QuickTable:
    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.table.__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        if ratio_reduce is None or not _simple(table) or not table.columns:
            yield from table.__rich_console__(console, options)
            return
        columns = table.columns
        headers = [console.render_str(c.header, markup=options.markup, highlight=False) for c in columns]
        ranges = [[_text_range(t) for t in (h, *c._cells)] for h, c in zip(headers, columns)]
        extra_width = len(columns) + 1  # the edges and the dividers
        widths = self._widths(ranges, options.max_width - extra_width)
        if widths is None or min(widths) < 3:  # a column too narrow for its padding: rich's own drawing
            yield from table.__rich_console__(console, options)
            return
        render_options = options.update(width=sum(widths) + extra_width, highlight=False, height=None)
        if table.title:
            title = console.render_str(table.title, style=Style.pick_first(table.title_style, "table.title"),
                                       highlight=False) if isinstance(table.title, str) else table.title
            yield from console.render(title, options=render_options.update(justify=table.title_justify))
        yield from self._rows(console, render_options, widths, headers)

    def _widths(self, ranges: list[list[tuple[int, int]]], max_width: int) -> list[int] | None:
        """rich.table.Table._calculate_column_widths for a table that does not expand."""
        def measure(i: int, width: int) -> Measurement:
            if width < 1:
                return Measurement(0, 0)
            cells = [_padded_range(r, width) for r in ranges[i]]
            m = Measurement(max(c[0] for c in cells), max(c[1] for c in cells)).with_maximum(width)
            col = self.table.columns[i]
            return m.clamp(None, None if col.max_width is None else col.max_width + 2)

        widths = [measure(i, max_width).maximum or 1 for i in range(len(ranges))]
        if sum(widths) > max_width:
            widths = Table._collapse_widths(widths, [not c.no_wrap for c in self.table.columns], max_width)
            if sum(widths) > max_width:
                widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
            widths = [measure(i, w).maximum or 0 for i, w in enumerate(widths)]
        return widths

    def _rows(self, console: Console, options: ConsoleOptions, widths: list[int], headers: list[Text]):
        table = self.table
        box = table.box.substitute(options, safe=table.safe_box if table.safe_box is not None else console.safe_box)
        border = Style.null()
        new_line = Segment.line()
        yield Segment(box.get_top(widths), border)
        yield new_line
        header_style = console.get_style(table.header_style or "")
        columns = table.columns
        rows = [headers, *zip(*(c._cells for c in columns))]
        last_row = len(rows) - 1
        for index, row in enumerate(rows):
            header = index == 0
            cells = [self._cell(console, text, width, column,
                                header_style + console.get_style(column.header_style) if header else None)
                     for text, width, column in zip(row, widths, columns)]
            height = max(map(len, cells))
            for cell, width, column in zip(cells, widths, columns):
                if len(cell) < height:
                    style = header_style + console.get_style(column.header_style) if header else None
                    blank = [[Segment(" " * width, style)]] * (height - len(cell))
                    cell[:] = blank + cell if header else cell + blank  # a header sits at the bottom
            left, right, divider = ((box.head_left, box.head_right, box.head_vertical) if header else
                                    (box.foot_left, box.foot_right, box.foot_vertical) if index == last_row else
                                    (box.mid_left, box.mid_right, box.mid_vertical))
            left, right, divider = Segment(left, border), Segment(right, border), Segment(divider, border)
            for n in range(height):
                yield left
                for i, cell in enumerate(cells):
                    if i:
                        yield divider
                    yield from cell[n]
                yield right
                yield new_line
            if header:
                yield Segment(box.get_row(widths, "head", edge=True), border)
                yield new_line
        yield Segment(box.get_bottom(widths), border)
        yield new_line

    @staticmethod
    def _cell(console: Console, text: Text, width: int, column, style: Style | None) -> list[list[Segment]]:
        """A cell's lines, each `width` wide: one space, the wrapped text, spaces, one space."""
        inner = width - 2
        justify = text.justify or column.justify or "default"
        plain = text.plain
        pad = Segment(" ", style)
        if (justify == "left" or (justify == "right" and not plain[-1:].isspace())) \
                and "\n" not in plain and "\t" not in plain and cell_len(plain) <= inner:
            # one line that fits (most cells but the problem's): what Text.wrap returns is the text itself, filled
            # to the width by spaces in its own style (before it when right-justified, after it when left-justified)
            segments = list(text.render(console))
            fill = inner - cell_len(plain)
            if fill:
                spaces = Segment(" " * fill, console.get_style(text.style or ""))
                segments = [spaces, *segments] if justify == "right" else [*segments, spaces]
            segments = Segment.adjust_line_length(segments, inner, pad=True)
            return [[pad, *(Segment.apply_style(segments, style) if style else segments), pad]]
        lines = text.wrap(console, inner, justify=justify, overflow=text.overflow or column.overflow or "fold",
                          tab_size=(console.tab_size if text.tab_size is None else text.tab_size) or 8,
                          no_wrap=text.no_wrap if text.no_wrap is not None else bool(column.no_wrap))
        out = []
        for line in lines or [Text("")]:
            segments = Segment.adjust_line_length(list(line.render(console)), inner, pad=True)
            if style:
                segments = list(Segment.apply_style(segments, style))
            out.append([pad, *segments, pad])
        return out
