"""Template filters: dollars, unconfirmed_law, severity."""

from django import template
from django.utils.translation import gettext_lazy

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


SEVERITIES = {"high": gettext_lazy("high"), "medium": gettext_lazy("medium"), "low": gettext_lazy("low"),
              "info": gettext_lazy("for your information")}


@register.filter
def severity(value):
    """A finding's severity in the page's language."""
    return SEVERITIES.get(str(value), value)
