"""Letters: every letter type in English and Spanish, as PDF, DOCX and plain text, and the case
packet that binds them with the cover sheet, findings, contact log and evidence index.

    letter = letter_for(result, "validation_request", account_id="er-visit", lang="es")
    pdf_bytes = render(letter, "pdf", as_of=result.as_of)

Letters are filled from the case and the engines' results (a ReviewResult). A letter whose
needed fact is missing is never produced: `MissingFact` names the case field to fill.
"""

from __future__ import annotations

from datetime import date

from ..errors import BadInput
from .compose import LANGUAGES, build_letter
from .document import Letter
from .facts import BUREAUS, LetterFacts, MissingFact
from .kinds import ORDER as LETTER_TYPES
from .kinds import all_kinds, kind
from .render_docx import render_docx
from .render_pdf import render_pdf
from .render_txt import render_txt

FORMATS = ("pdf", "docx", "txt")


class NotAdvised(BadInput):
    """A letter that could hurt the patient here (actions/safety.py): the CLI says why and exits 2."""

__all__ = ["LETTER_TYPES", "LANGUAGES", "FORMATS", "BUREAUS", "Letter", "MissingFact", "all_kinds",
           "kind", "letter_for", "render", "facts_for", "NotAdvised"]


def facts_for(result, letter_type: str, *, account_id: str | None = None,
              bureau: str | None = None, file: str | None = None) -> LetterFacts:
    """The facts for one letter: the account (the only one, or `account_id`) or, for a credit
    dispute, the bureau (the only one with problems, or `bureau`)."""
    k = kind(letter_type)
    if k.case_level:
        probe = LetterFacts(result, None)
        found = probe.credit_bureaus()
        if bureau is None:
            if len(found) > 1:
                raise BadInput(f"problems were found at {len(found)} bureaus ({', '.join(found)}): "
                               "choose one with --bureau", file=file)
            bureau = found[0] if found else None
        if bureau is None:
            raise MissingFact("the credit_dispute letter needs a credit-report problem found by the "
                              "credit check: add the tradelines to the case file", file=file,
                              where="credit_report.tradelines")
        bureau = bureau.lower()
        if bureau not in BUREAUS:
            raise BadInput(f"--bureau {bureau!r} is not one of {', '.join(BUREAUS)}", file=file)
        return LetterFacts(result, None, bureau=bureau)
    reviews = result.accounts
    if account_id is None:
        if len(reviews) > 1:
            raise BadInput(f"the case has {len(reviews)} accounts: choose one with --account "
                           f"({', '.join(a.account.id for a in reviews)})", file=file)
        return LetterFacts(result, reviews[0])
    for r in reviews:
        if r.account.id == account_id:
            return LetterFacts(result, r)
    raise BadInput(f"--account {account_id!r} is not in the case "
                   f"(ids: {', '.join(a.account.id for a in reviews)})", file=file)


def letter_for(result, letter_type: str, *, account_id: str | None = None, bureau: str | None = None,
               lang: str = "en", file: str | None = None) -> Letter:
    """One letter of the case, in one language; MissingFact or BadInput when it cannot be written."""
    facts = facts_for(result, letter_type, account_id=account_id, bureau=bureau, file=file)
    advice = facts.money_advice
    if advice is not None and not advice.allows(letter_type):
        raise NotAdvised(f"the {letter_type} letter is not written for this account: " + "; ".join(advice.reasons)
                         + " (if you choose to pay anyway, set patient_chose_to_pay: true on the account)", file=file)
    return build_letter(kind(letter_type), facts, lang, file=file)


def render(letter: Letter, fmt: str, *, as_of: date | None = None) -> bytes:
    """The letter as PDF, DOCX or UTF-8 text."""
    if fmt == "pdf":
        return render_pdf(letter, as_of=as_of)
    if fmt == "docx":
        return render_docx(letter, as_of=as_of)
    if fmt == "txt":
        return render_txt(letter).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
