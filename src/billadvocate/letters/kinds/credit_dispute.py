"""Dispute the medical collections a credit bureau should not report, one letter per bureau.

Needed when the credit engine found problems on the credit report (a paid medical collection, one
under the bureaus' threshold, reported too soon or too long, or barred by the patient's state).
Each bureau gets its own letter at its own dispute address (`credit/bureaus.yaml`, shared with
the credit check).
"""

from __future__ import annotations

from functools import lru_cache

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count, rule_names
from ...credit.disputes import bureau_directory
from ..facts import Need


@lru_cache(maxsize=1)
def bureaus() -> dict:
    """Each bureau's dispute mailing address, with the page it was taken from as its citation."""
    directory = bureau_directory()
    src = directory["source"]
    citation = f"{src['title']} ({src['href']}), checked {src['checked']}"
    return {key: {**bureau, "citation": citation} for key, bureau in directory["bureaus"].items()}


PROBLEMS = Need("credit_report.tradelines", "a credit-report problem found by the credit check "
                "for this bureau", lambda f: f.credit_problems(),
                what_es="un problema en el informe de crédito encontrado por la revisión de crédito para esta agencia "
                        "de crédito")


NAMES = {"equifax": "Equifax", "experian": "Experian", "transunion": "TransUnion"}


def earlier(f):
    """The dispute already sent to this bureau, as the credit engine tracks it (sent, due,
    overdue), else as the case log shows it; None when none was sent."""
    for d in getattr(getattr(f.result, "credit_result", None), "disputes", None) or []:
        if getattr(d, "bureau", None) == f.bureau and getattr(d, "sent", None):
            return {"sent": d.sent, "due": getattr(d, "due", None),
                    "overdue": bool(getattr(d, "overdue", False)),
                    "answered": getattr(d, "answered", None)}
    cr = f.case.credit_report
    events = [e for a in f.case.accounts for e in a.events] + (list(cr.events) if cr else [])
    sent = [e for e in events if e.from_ == "patient" and e.type == "credit_dispute"
            and getattr(e, "bureau", None) == f.bureau]
    if sent:
        at = sent[-1].at
        return {"sent": at.date() if hasattr(at, "date") and callable(at.date) else at,
                "due": None, "overdue": False, "answered": None}
    return None


def when(f) -> str | None:
    items = f.credit_problems()
    if not items:
        return None
    name = NAMES[f.bureau]
    before = earlier(f)
    if before is not None and not before["overdue"]:
        return None  # already disputed: wait for the answer (the credit engine tracks the deadline)
    rules = rule_names({x.rule for x, _ in items}).lower()
    if before is not None:
        return (f"follow-up: {name} did not answer the dispute of {before['sent']} by {before['due']}; "
                f"ask it to delete what it could not verify ({rules})")
    return f"{count(len(items), 'problem')} on the {name} report: {rules}"


def extra(f) -> dict:
    before = earlier(f)
    items = f.credit_problems()
    # a paid collection is left out on the bureaus' own policy: the letter encloses what shows the payment
    return {"items": items, "bureau": bureaus()[f.bureau],
            "paid_proof": any(x.rule == "CREDIT.PAID_MEDICAL" for x, _ in items),
            "reinvestigation": f.deadline("FCRA_REINVESTIGATION_DUE") if before is None else None,
            "followup": before if before is not None and before["overdue"] else None}


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
