"""The HTML report of a review: one self-contained page a patient can open and print."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from ..law.unconfirmed import explain
from ..util import dollars

_env = Environment(
    loader=PackageLoader("billadvocate.report", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["dollars"] = dollars
_env.filters["unconfirmed_law"] = explain  # which unconfirmed value, and what was searched


def render_html(result) -> str:
    """The review as a standalone HTML page (no scripts, no external resources)."""
    return _env.get_template("report.html").render(r=result, data=result.to_json())
