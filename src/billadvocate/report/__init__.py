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
_env.filters["deadline_title"] = lambda kind: _deadline_title(kind)  # plain words, never the kind id
_env.filters["letter_title"] = lambda t, lang="en": _letter_title(t, lang)
_env.filters["stage_words"] = lambda stage, lang="en": _stage_words(stage, lang)


def _letter_title(letter_type: str | None, lang: str = "en") -> str:
    if not letter_type:
        return ""
    try:
        from ..letters.compose import labels

        return (labels(lang).get("titles") or {}).get(letter_type, letter_type.replace("_", " "))
    except ImportError:  # a build without the letters
        return letter_type.replace("_", " ")


def _stage_words(stage: str | None, lang: str = "en") -> str:
    from .spanish import STAGE_WORDS_ES
    from ..appeals import STAGE_WORDS

    return (STAGE_WORDS_ES if lang == "es" else STAGE_WORDS).get(stage or "", "")


def _deadline_title(kind: str) -> str:
    from .spanish import deadline_title

    return deadline_title(kind)


SEVERITY_ES = {"high": "alta", "medium": "media", "low": "baja", "info": "para su información"}


def render_html(result, lang: str = "en") -> str:
    """The review as a standalone HTML page (no scripts, no external resources). In Spanish (lang="es"):
    what the patient reads first (the plan, the amounts, the findings, the deadlines) in Spanish, and a
    link to the full English report for the rest."""
    if lang != "es":
        return with_glossary(_env.get_template("report.html").render(r=result, data=result.to_json()), "en")
    from ..actions.spanish import in_spanish
    from . import spanish

    try:
        from ..letters.compose import labels

        letter_titles = labels("es").get("titles") or {}
    except ImportError:  # a build without the letters
        letter_titles = {}
    from markupsafe import Markup, escape

    from .spanish_account import PASSED_APPLICATION, account_es

    data = result.to_json()
    # a sentence without Spanish yet stays English, marked for screen readers (WCAG 3.1.2)
    prose = [account_es(a, fallback=lambda text: Markup('<span lang="en">%s</span>') % escape(text))
             for a in data["accounts"]]
    state = result.case.patient.state
    return with_glossary(_env.get_template("report_es.html").render(prose=prose, passed_application=PASSED_APPLICATION,
        r=result, steps=in_spanish(result) if result.actions else [], state_name=spanish.state_name_es(state),
        finding=spanish.finding, deadline=spanish.deadline, severity=SEVERITY_ES, letter_titles=letter_titles,
        who_es=spanish.WHO_ES), "es")


def with_glossary(page: str, lang: str) -> str:
    """The page with its glossary (the words it uses that must stay, in plain words) at the end of its
    main content (before </main>, else </body>)."""
    from markupsafe import escape

    from .glossary import HEADING, used

    end = "</main>" if "</main>" in page else "</body>"
    words = used(page, lang)
    if not words or end not in page:
        return page
    items = "".join(f"<dt>{escape(t)}</dt><dd>{escape(m)}</dd>" for t, m in words)
    block = f'<section class="glossary"><h2>{escape(HEADING[lang])}</h2><dl>{items}</dl></section>\n'
    i = page.rindex(end)
    return page[:i] + block + page[i:]
