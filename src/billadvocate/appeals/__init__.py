"""Insurer denials: for every denied claim on an account's EOBs, who must act, the appeal route of
the plan type, its deadline, and the hold the bill side must wait for (issue 21).

`review_denials(case, review, as_of)` fills `AccountReview.appeals` (one dict per denial), adds the
deadlines (APPEAL_DUE, MEDICARE_REDETERMINATION_DUE, FAIR_HEARING_DUE, APPEAL_DECISION_DUE,
EXTERNAL_REVIEW_DUE) and the notes. Nothing is guessed: a plan type or notice date the case does not
give is asked in words, and the deadline is computed meanwhile from the earliest possible date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Deadline
from .denials import Denial, denials
from .routes import (NOTICE_DATE, PLAN_TYPES, REGULATOR, STEPS, WHO_ISSUED, WHO_ISSUED_BY_STATUS,
                     appeal_deadline, decision_deadline, external_review_deadline)

__all__ = ["PLAN_TYPES", "review_denials", "denials", "appeal_deadline"]

WHO_WORDS = {
    "patient": "yours to appeal: the plan refused to pay for a reason you can contest",
    "provider": "the provider's to fix: under a contractual-obligation (CO) code you are not liable, and the "
                "provider must write it off or correct the claim and send it again",
    "coordination": "the plan thinks another insurer should pay first: tell the plan about any other "
                    "coverage (or that you have none), then ask it to process the claim again",
    "unknown": "the reason code is not one we know: ask the plan what it means, and appeal before the "
               "deadline to keep your right",
}
HOLD = ("While the appeal is open, ask {who} in writing to hold the account: no collection, no late "
        "fees and no credit reporting on the denied amount until the plan decides; and offer no settlement "
        "or payment plan on the denied amount before then.")


def _appeal_sent(account) -> date | None:
    """The day the patient logged sending the insurer appeal (the event log), if any."""
    days = [e.at if isinstance(e.at, date) and not hasattr(e.at, "hour") else e.at.date()
            for e in account.events if e.from_ == "patient" and e.type == "insurer_appeal"]
    return min(days) if days else None


def route(plan_type: str | None, denial: Denial, account, as_of: date, index: int = 0, *,
          status: str | None = None) -> dict[str, Any]:
    """One denial's route: who acts, the steps, the notice date used, the deadlines, the questions
    (`status`, the case's insurance.status, narrows the question about the plan type)."""
    questions = []
    known_type = plan_type if plan_type in PLAN_TYPES and plan_type != "other" else None
    if known_type is None and denial.who != "provider":
        questions.append(WHO_ISSUED_BY_STATUS.get(status or "", WHO_ISSUED))
    notice, notice_from = account.denial_notice_date, "case"
    if notice is None:
        notice, notice_from = denial.notice_date, "eob"
    if notice is None:
        notice, notice_from = denial.service_date, "assumed"  # the earliest a claim's denial can be dated
        if denial.who != "provider":
            questions.append(NOTICE_DATE.replace("{i}", str(index)))
    out: dict[str, Any] = {
        "claim_id": denial.claim_id, "payer": denial.payer, "provider": denial.provider,
        "service_date": denial.service_date.isoformat() if denial.service_date else None,
        "amount": float(denial.amount), "source": denial.source,
        "reasons": [r.to_json() for r in denial.reasons] or [{"code": "none given", "meaning": "no reason code "
                                                               "on the EOB", "who": "unknown"}],
        "who": denial.who, "who_words": WHO_WORDS[denial.who],
        "plan_type": known_type, "route": STEPS[known_type or "unknown"],
        "regulator": REGULATOR.get(known_type or "", "your state's department of insurance"),
        "notice_date": notice.isoformat() if notice else None, "notice_date_from": notice_from,
        "deadlines": [], "questions": questions, "hold": None,
    }
    if denial.who == "provider":
        out["open"], out["stage"] = False, None
        return out
    deadlines: list[Deadline] = []
    label = f"of claim {denial.claim_id}"
    if notice is not None:
        first = appeal_deadline(known_type, notice, label=label)
        if first is not None:
            deadlines.append(first)
    sent = _appeal_sent(account)
    if sent is not None and (d := decision_deadline(known_type, sent)):
        deadlines.append(d)
    if account.final_denial_date and (d := external_review_deadline(known_type, account.final_denial_date)):
        deadlines.append(d)
    out["deadlines"] = [d.model_dump(mode="json") for d in deadlines]
    out["_deadlines"] = deadlines
    external = next((d for d in deadlines if d.kind == "EXTERNAL_REVIEW_DUE"), None)
    out["stage"] = "external_review" if external is not None else "internal"
    if external is not None:  # the plan's final denial is logged: the internal appeal is over
        out["open"] = external.date >= as_of
        out["hold"] = HOLD.format(who=denial.provider or account.provider.name) if out["open"] else None
        if not out["open"]:
            out["late"] = (f"The last day to ask for an external review of claim {denial.claim_id} "
                           f"({external.date}) has passed.")
        return out
    first = next((d for d in deadlines if d.kind not in ("APPEAL_DECISION_DUE", "EXTERNAL_REVIEW_DUE")), None)
    out["open"] = sent is not None or first is None or first.date >= as_of
    if out["open"]:
        who = denial.provider or account.provider.name
        if account.collector is not None:
            who += f" and {account.collector.name}, which is collecting it,"
        out["hold"] = HOLD.format(who=who)
    else:
        when = ("may have passed (counted from the date of the care, as the date on the denial letter is not "
                "known)" if notice_from == "assumed" else "has passed")
        out["late"] = (f"The last day to appeal claim {denial.claim_id} ({first.date}) {when}. Ask the plan "
                       "whether it will still take the appeal for a good reason (Medicare and many plans can "
                       "extend the time), and ask the provider for an itemized bill to check the charges.")
    return out


def review_denials(case, review, as_of: date) -> None:
    """Fill review.appeals from the account's EOBs; add the deadlines and the notes."""
    found = denials(review.eobs)
    plan_type = case.insurance.plan_type if case.insurance else None
    index = case.accounts.index(review.account) if review.account in case.accounts else 0
    status = case.insurance.status if case.insurance else None
    appeals = []
    for d in found:
        r = route(plan_type, d, review.account, as_of, index, status=status)
        review.deadlines.extend(r.pop("_deadlines", []))
        appeals.append(r)
    review.appeals = appeals
    if any(a["who"] == "provider" for a in appeals):
        owed = sum(a["amount"] for a in appeals if a["who"] == "provider")
        review.notes.append(f"${owed:,.2f} was denied by the plan with a contractual-obligation code: you are not "
                            f"liable for it; ask {review.account.provider.name} to write it off or correct the "
                            "claim and send it to the plan again.")
    routed = [a for a in appeals if a["who"] != "provider"]
    for a in routed:
        if a.get("late"):
            review.notes.append(a["late"])
    holds = [a["hold"] for a in routed if a["hold"]]
    if holds:
        review.notes.append(holds[0])
    for q in dict.fromkeys(q for a in routed for q in a["questions"]):
        review.notes.append(q)
