"""The case's dates in the patient's words: what each deadline kind means, which dates are still
to act on and which are history (a legal date that has passed is not an overdue to-do), and the
calendar file to download."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from ..store import models as m

KIND_WORDS = {
    "VALIDATION_PERIOD_END": _("Last day to dispute the debt with the collector (validation period)"),
    "FAP_APPLICATION_END": _("Last day to apply for the hospital's financial assistance"),
    "ECA_EARLIEST": _("Earliest day the hospital may take serious collection actions"),
    "NSA_DISPUTE_END": _("Last day to start a No Surprises Act dispute of the bill"),
    "FCRA_REINVESTIGATION_DUE": _("The credit bureau must answer your dispute by this day"),
    "SOL_EXPIRES": _("The time to sue you on this debt runs out"),
    "FDCPA_CLAIM_END": _("Last day to sue the collector for breaking the law"),
    "ANSWER_DUE": _("Last day to answer the lawsuit in court"),
    "APPEAL_DUE": _("Last day to appeal the insurance denial"),
    "MEDICARE_REDETERMINATION_DUE": _("Last day to ask Medicare to look at the denied claim again"),
    "FAIR_HEARING_DUE": _("Latest day to ask for a Medicaid fair hearing (the notice may give an earlier one)"),
    "APPEAL_DECISION_DUE": _("The plan must decide your appeal by this day"),
    "EXTERNAL_REVIEW_DUE": _("Last day to ask for an independent review of the plan's final denial"),
    "REMINDER": _("Your reminder"),
}


def kind_words(kind: str) -> str:
    """A deadline kind in words; a state's own kind (STATE.XX.NAME) and unknown ones stay readable."""
    if kind in KIND_WORDS:
        return str(KIND_WORDS[kind])
    if kind.startswith("STATE."):
        return str(_("A date set by your state's law"))
    from ..report.spanish import DEADLINE_KINDS, deadline_title, kind_key

    if kind_key(kind) in DEADLINE_KINDS:  # a newer kind (e.g. the later appeal levels): the report's plain title
        from django.utils.translation import get_language

        return deadline_title(kind, "es" if (get_language() or "").startswith("es") else "en")
    return kind.replace("_", " ").capitalize()


def _spanish_why(d: m.Deadline) -> str:
    from ..report import spanish

    account = d.account
    names = {"provider": account.provider_name, "collector": account.collector_name} if account else {}
    return spanish.deadline({"kind": d.kind, "why": d.why or "", "date": d.date}, names)["why"]


def split(items: list[m.Deadline], today: date) -> tuple[list[m.Deadline], list[m.Deadline]]:
    """(to do, history): done items and the engines' dates that have passed are history; a
    reminder a person set stays to do until it is marked done."""
    from django.utils.translation import get_language

    todo, history = [], []
    in_spanish = (get_language() or "").startswith("es")
    for d in items:
        d.words = kind_words(d.kind)
        if in_spanish and d.source == m.Deadline.ENGINE:  # the engines' reasons, in Spanish
            d.why_es = _spanish_why(d)
        past_legal_date = d.source == m.Deadline.ENGINE and d.date < today
        (history if d.done_at or past_legal_date else todo).append(d)
    history.sort(key=lambda d: d.date, reverse=True)
    return todo, history
