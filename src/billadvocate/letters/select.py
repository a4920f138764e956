"""Which letters a case needs, and why: each letter type's own `when`, checked against the facts.

A type whose reason holds but whose needed fact is missing is not chosen; the account's notes
say which case field would let it be written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..util import atomic_write
from .compose import build_letter
from .facts import LetterFacts, first_missing
from .kinds import all_kinds


@dataclass
class Choice:
    type: str
    why: str
    account_id: str | None = None  # None for the case-level credit disputes
    bureau: str | None = None


def _consider(kind, facts: LetterFacts, notes: list[str]) -> Choice | None:
    why = kind.when(facts)
    if not why:
        return None
    advice = facts.money_advice
    if advice is not None and not advice.allows(kind.type):
        notes.append(f"no {kind.title.lower()} is written: " + "; ".join(advice.reasons) + ".")
        return None
    missing = first_missing(kind.needs, facts)
    if missing is not None:
        # the letter by its title (report/spanish_account.py reads this note back for the Spanish pages)
        notes.append(f'The letter "{kind.title}" would help ({why}), but it needs {missing.what}: '
                     f"add it to the case (field {missing.path(facts)}).")
        return None
    return Choice(kind.type, why, facts.account.id if facts.account else None, facts.bureau)


def choose_letters(result) -> list[Choice]:
    """Every letter the case needs, in the order they should go out."""
    choices: list[Choice] = []
    kinds = all_kinds()
    dead = result.case.patient.died_on is not None  # the letters speak as the patient: only the notice of death
    for review in result.accounts:
        facts = LetterFacts(result, review)
        advice = facts.money_advice
        if advice is not None:
            review.notes += [w for w in advice.warnings if w not in review.notes]  # the patient chose to pay
        if dead:
            from ..rights.family_liability import DEAD_PATIENT_LETTERS

            if DEAD_PATIENT_LETTERS[0] not in review.notes:
                review.notes.append(DEAD_PATIENT_LETTERS[0])
        for k in kinds:
            if dead and k.type != "death_notice":
                continue
            if not k.case_level:
                c = _consider(k, facts, review.notes)
                if c:
                    choices.append(c)
    case_notes = result.accounts[0].notes if result.accounts else []
    for k in kinds:
        if k.case_level and not dead:
            for bureau in LetterFacts(result, None).credit_bureaus():
                c = _consider(k, LetterFacts(result, None, bureau=bureau), case_notes)
                if c:
                    choices.append(c)
    return choices


def attach_letters(result) -> None:
    """Record the chosen letters on the review: AccountReview.letters and, for the per-bureau
    credit disputes, ReviewResult.letters, as {type, why, files} (files filled when written)."""
    for review in result.accounts:
        review.letters = []
    result.letters = []
    by_id = {r.account.id: r for r in result.accounts}
    for c in choose_letters(result):
        entry = {"type": c.type, "why": c.why, "files": []}
        if c.bureau:
            entry["bureau"] = c.bureau
        (by_id[c.account_id].letters if c.account_id else result.letters).append(entry)


def chosen(result) -> list[tuple[dict, LetterFacts]]:
    """The recorded letter entries with the facts to build each one."""
    out = []
    for review in result.accounts:
        out += [(e, LetterFacts(result, review)) for e in review.letters]
    out += [(e, LetterFacts(result, None, bureau=e["bureau"])) for e in getattr(result, "letters", [])]
    return out


def write_letters(result, out_dir: Path, *, formats=("pdf", "docx")) -> list[Path]:
    """Write every chosen letter into out_dir/letters/: in English (the copy to send) and, when
    the patient reads Spanish, in Spanish too (the patient's copy); record the files."""
    from . import kind, render

    langs = ["en"] + (["es"] if result.case.patient.language == "es" else [])
    written: list[Path] = []
    for entry, facts in chosen(result):
        k = kind(entry["type"])
        entry["files"] = []
        for lang in langs:
            letter = build_letter(k, facts, lang)
            for fmt in formats:
                suffix = "" if lang == "en" else f".{lang}"
                path = Path(out_dir) / "letters" / f"{letter.file_stem}{suffix}.{fmt}"
                written.append(atomic_write(path, render(letter, fmt, as_of=result.as_of)))
                entry["files"].append(f"letters/{path.name}")
    return written
