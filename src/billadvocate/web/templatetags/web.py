"""Template filters: dollars."""

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
