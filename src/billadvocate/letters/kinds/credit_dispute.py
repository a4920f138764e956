"""Dispute the medical collections a credit bureau should not report, one letter per bureau.

Needed when the credit engine found problems on the credit report (a paid medical collection, one
under the bureaus' threshold, reported too soon or too long, or barred by the patient's state).
Each bureau gets its own letter at its own dispute address (`letters/data/bureaus.yaml`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind
from ..facts import Need

BUREAUS_FILE = Path(__file__).resolve().parent.parent / "data" / "bureaus.yaml"


@lru_cache(maxsize=1)
def bureaus() -> dict:
    """Each bureau's dispute mailing address, with the page it was taken from."""
    return yaml.safe_load(BUREAUS_FILE.read_text(encoding="utf-8"))["bureaus"]


PROBLEMS = Need("credit_report.tradelines", "a credit-report problem found by the credit check "
                "for this bureau", lambda f: f.credit_problems())


def when(f) -> str | None:
    items = f.credit_problems()
    if not items:
        return None
    rules = sorted({x.rule for x, _ in items})
    return f"{len(items)} item(s) on the {f.bureau.title()} report should not be there: " + ", ".join(rules)


def extra(f) -> dict:
    return {"items": f.credit_problems(), "bureau": bureaus()[f.bureau],
            "reinvestigation": f.deadline("FCRA_REINVESTIGATION_DUE")}


KIND = LetterKind(
    type="credit_dispute",
    title="Credit report dispute",
    recipient="bureau",
    summary="Disputes each medical collection a bureau should not report, with the reason and the "
            "rule, and asks for deletion after a reinvestigation; one letter per bureau.",
    citations=("15 U.S.C. 1681i(a)", "15 U.S.C. 1681i(a)(5)"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROBLEMS),
    when=when,
    extra=extra,
    certified=True,
    case_level=True,
)
