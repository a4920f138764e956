"""What to do first: the review's ordered `actions` list, each step {kind, account, due, title, why,
letter, script, step}, built from every engine's results and the letters chosen.

Order: a lawsuit's answer always first; then "do not pay" on a time-barred debt; then the itemized-bill
request (no settlement or plan before the bill is known); then every step with a deadline, the soonest
first; then the rest in a fixed order. At most MAX_NUMBERED steps carry a number (`step`); the others
are listed after them. NEGOTIATE and PAYMENT_PLAN appear only where actions/safety.py allows the
letters. Every text here is patient-facing: plain words, no rule ids, no case-file paths.
"""

from __future__ import annotations

from .steps import KINDS, MAX_NUMBERED, plan_actions

__all__ = ["KINDS", "MAX_NUMBERED", "plan_actions", "plan_lines"]


_BY = {"en": "by", "es": "antes del"}


def plan_lines(actions: list[dict], lang: str = "en") -> list[str]:
    """The steps as plain text lines, numbered ones first ('1. Answer the lawsuit (by 2026-12-01)')."""
    out = []
    for a in actions:
        head = f"{a['step']}." if a.get("step") else "-"
        due = f" ({_BY[lang]} {a['due']})" if a.get("due") and a["kind"] != "ANSWER_LAWSUIT" else ""
        out.append(f"{head} {a['title']}{due}: {a['why']}")
    return out
