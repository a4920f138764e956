"""Where the money goes, as an inline SVG bar chart: billed, fair, and what you can pay.

No script, no external resource; labelled for screen readers (role="img", <title>, <desc>) and
drawn with colours that keep a 4.5:1 contrast against white for the text.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from ..util import dollars

COLOURS = ["#8a1c1c", "#1d5c2e", "#1f4e79", "#5b3a87"]  # dark enough for white labels


def money_chart(bars: list[tuple[str, Decimal | float | None]], *, title: str, width: int = 560) -> str:
    """A horizontal bar chart of labelled dollar amounts (bars without an amount are left out)."""
    bars = [(label, Decimal(str(v))) for label, v in bars if v is not None]
    if not bars:
        return ""
    top = max((v for _, v in bars), default=Decimal(0)) or Decimal(1)
    row, label_w, gap = 34, 190, 8
    plot_w = width - label_w - 110
    height = row * len(bars) + gap
    desc = "; ".join(f"{label}: {dollars(v)}" for label, v in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(bars):
        y = gap + i * row
        w = max(2, int(plot_w * float(value / top)))
        colour = COLOURS[i % len(COLOURS)]
        parts.append(f'<text x="0" y="{y + 18}" font-size="14" fill="#111">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="24" fill="{colour}" rx="3"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 18}" font-size="14" fill="#111">'
                     f'{escape(dollars(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
