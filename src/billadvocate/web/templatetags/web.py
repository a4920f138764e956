"""Template filters: dollars, unconfirmed_law."""

from django import template

from ...util import dollars as _dollars

register = template.Library()


@register.filter
def dollars(value):
    """$1,234.50, or '-' when there is no amount."""
    try:
        return _dollars(value)
    except Exception:
        return "-"


@register.filter
def unconfirmed_law(citations):
    """Which unconfirmed legal value a result rests on, and what was searched for it."""
    from ...law.unconfirmed import explain

    return explain(list(citations or []))
