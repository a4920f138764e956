"""Realistic legal-aid cases (tests/scenarios/cases/<name>/case.yaml) reviewed as a patient would see them:
the review in-process and as JSON, the terminal text through the real CLI, the letters as plain text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from billadvocate import load_case, review_case
from billadvocate.letters import letter_for, render

from ..conftest import run_cli

CASES = Path(__file__).resolve().parent / "cases"
# what a patient must never read: rule ids, data paths into the case file, file paths of the case folder
DATA_PATH = re.compile(r"\b(?:accounts|events|credit_report|tradelines)\[\d*\]|[\w/.-]+\.(?:csv|835|json|yaml)\b")
RULE_ID = re.compile(r"\b(?:REGF|FDCPA|BILL|EOB|NSA|IRS501R|MEDICAID|MEDICARE|STATE|FEDERAL|FCRA|CREDIT)\.[A-Z][A-Z_.]+")


def case_path(name: str) -> Path:
    return CASES / name / "case.yaml"


@lru_cache(maxsize=None)
def review(name: str):
    return review_case(load_case(case_path(name)))


@lru_cache(maxsize=None)
def review_json(name: str) -> dict:
    return review(name).to_json()


@lru_cache(maxsize=None)
def review_text(name: str) -> str:
    res = run_cli("review", case_path(name))
    assert res.code == 0, res.err
    return res.out


def letter(name: str, letter_type: str, lang: str = "en") -> str:
    return render(letter_for(review(name), letter_type, lang=lang), "txt").decode("utf-8")


def flat(text: str) -> str:
    """Text with the terminal's line wrapping undone, so a sentence can be searched whole."""
    return re.sub(r"\s+", " ", text)


def account(name: str) -> dict:
    return review_json(name)["accounts"][0]
