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
from datetime import timedelta

from .levels import (LEVEL_WORDS, advantage_next, decisions, expedited_decision, expedited_external_decision,
                     final_internal_denial, medicare_next, sent)
from .routes import (ACA_ERISA, NOTICE_DATE, PLAN_TYPES, REGULATOR, STEPS, WHO_ISSUED, WHO_ISSUED_BY_STATUS, Used,
                     _dl, appeal_deadline, decision_deadline, external_review_deadline)

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
        "fees and no credit reporting on the denied amount until {until} decides; and offer no settlement "
        "or payment plan on the denied amount before then.")


# CO reasons a provider may try to shift to a patient who signed a waiver or an agreement to pay beforehand
# (necessity, experimental, level or number of services, prior authorization); not duplicates or bundling
WAIVABLE = frozenset({"15", "39", "50", "55", "56", "57", "62", "150", "151", "152", "167", "197", "198"})


def provider_backstop(known_type: str | None, denial: Denial, account, notice: date | None, label: str
                      ) -> Deadline | None:
    """A denial the provider must write off (a CO code) while the provider still asks for the money (a balance,
    or a collector): the plan's appeal deadline is kept, in case the provider says the patient agreed to pay
    for the service, so that right is not lost while the patient waits for a write-off."""
    collects = account.collector is not None or (account.balance is not None and account.balance > 0)
    waivable = any(r.group == "CO" and (r.code or "") in WAIVABLE for r in denial.reasons)
    if not collects or not waivable or notice is None:
        return None
    first = appeal_deadline(known_type, notice, label=label)
    if first is None:
        return None
    who = denial.provider or account.provider.name
    return first.model_copy(update={"why": first.why + (
        f" You are not liable for this denial ({who} must write it off), but {who} still asks for the money: keep "
        "this date in case it says you agreed in writing to pay, and appeal to the plan by then if the bill is "
        "not written off.")})


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
    label = f"of claim {denial.claim_id}"
    if denial.who == "provider":
        out["open"], out["stage"], out["next_due"] = False, None, None
        backstop = provider_backstop(known_type, denial, account, notice, label)
        if backstop is not None:
            out["deadlines"], out["_deadlines"] = [backstop.model_dump(mode="json")], [backstop]
            out["backstop"] = backstop.why
        return out
    logged = decisions(account, known_type)
    out["decisions"] = [d.to_json() for d in logged]
    out["urgent"] = bool(account.denial_urgent)
    last = logged[-1] if logged else None
    if last is not None and last.outcome == "approved":  # the denial was reversed: nothing left to appeal
        out.update(open=False, stage="approved", deadlines=[], _deadlines=[], next_due=None)
        out["won"] = (f"{LEVEL_WORDS[last.level].capitalize()} of {last.day} reversed the denial of claim "
                      f"{denial.claim_id}: ask the provider to bill the plan again; you may be charged no more "
                      "than your share under the plan.")
        return out
    deadlines: list[Deadline] = []
    if notice is not None:
        first = appeal_deadline(known_type, notice, label=label)
        if first is not None:
            deadlines.append(first)
    sent_day = sent(account, "internal") or sent(account, "fair_hearing")
    urgent = out["urgent"] and known_type in (*ACA_ERISA, "medicare_advantage")
    if sent_day is not None:
        d = expedited_decision(sent_day, known_type) if urgent else decision_deadline(known_type, sent_day)
        if d is not None:
            deadlines.append(d)
    later = _later_stage(known_type, logged, account, denial, label)
    if later is not None:
        stage, due, note = later
        out["stage"] = stage
        if due is not None:
            deadlines.append(due)
        if urgent and stage == "external_review" and (ext := sent(account, "external_review")):
            deadlines.append(expedited_external_decision(ext))
        out["deadlines"] = [d.model_dump(mode="json") for d in deadlines]
        out["_deadlines"] = deadlines
        if note:
            out["next_note"] = note
        out["next_due"] = due.model_dump(mode="json") if due is not None else None
        out["open"] = due.date >= as_of if due is not None else stage in ("independent_review",)
        until = "the court" if stage == "judicial_review" else "the plan"  # after the Council: the lawsuit
        out["hold"] = HOLD.format(who=denial.provider or account.provider.name, until=until) if out["open"] else None
        if due is not None and not out["open"] and stage == "external_review":
            out["late"] = (f"The last day to ask for an external review of claim {denial.claim_id} "
                           f"({due.date}) has passed.")
        elif due is not None and not out["open"]:
            out["late"] = (f"The last day for the next step on claim {denial.claim_id} ({due.date}, "
                           f"{STAGE_WORDS[stage]}) has passed. Ask whether it will still be taken for a good reason.")
        return out
    out["deadlines"] = [d.model_dump(mode="json") for d in deadlines]
    out["_deadlines"] = deadlines
    out["stage"] = "internal"
    if urgent and known_type == "medicare_advantage":
        out["expedited"] = ("Your care is urgent: ask the Medicare Advantage plan for an expedited (fast) "
                            "reconsideration, decided within 72 hours; a doctor's support makes the plan grant it.")
    elif urgent:
        out["expedited"] = ("Your care is urgent: ask the plan for an expedited appeal, decided within 72 hours, and "
                            "at the same time for an expedited external review by an independent reviewer.")
    first = next((d for d in deadlines if d.kind not in ("APPEAL_DECISION_DUE", "EXTERNAL_REVIEW_DUE")), None)
    waiting = next((d for d in deadlines if d.kind == "APPEAL_DECISION_DUE"), None)
    out["next_due"] = (waiting or first).model_dump(mode="json") if (waiting or first) else None
    out["open"] = sent_day is not None or first is None or first.date >= as_of
    if out["open"]:
        who = denial.provider or account.provider.name
        if account.collector is not None:
            who += f" and {account.collector.name}, which is collecting it,"
        out["hold"] = HOLD.format(who=who, until="the plan")
    else:
        when = ("may have passed (counted from the date of the care, as the date on the denial letter is not "
                "known)" if notice_from == "assumed" else "has passed")
        out["late"] = (f"The last day to appeal claim {denial.claim_id} ({first.date}) {when}. Ask the plan "
                       "whether it will still take the appeal for a good reason (Medicare and many plans can "
                       "extend the time), and ask the provider for an itemized bill to check the charges.")
    return out


STAGE_WORDS = {
    "internal": "an appeal to the plan", "approved": "the denial was reversed",
    "external_review": "an external review", "medicare_reconsideration": "a reconsideration by the QIC",
    "alj_hearing": "a hearing before an Administrative Law Judge", "council_review": "a review by the Medicare "
    "Appeals Council", "fair_hearing": "a state fair hearing", "independent_review": "the independent review",
    "judicial_review": "a lawsuit in federal court", "closed": "no further appeal",
}


def _later_stage(plan_type, logged, account, denial, label):
    """Past the first level: the stage, its deadline (or None) and a note; None while at the first level."""
    last = logged[-1] if logged else None
    if plan_type in ACA_ERISA:
        if last is not None and last.level == "external_review":
            return "closed", None, (f"The independent reviewer upheld the denial of claim {denial.claim_id} on "
                                    f"{last.day}: the appeals are over"
                                    + (" (under ERISA you may still sue the plan: see a lawyer)." if plan_type != "aca_individual" else "."))
        final = final_internal_denial(account)
        if final is not None and (d := external_review_deadline(plan_type, final)):
            return "external_review", d, None
        return None
    if last is None:
        return None
    if last.level == "fair_hearing":
        return "closed", None, (f"The state's fair hearing upheld the denial of claim {denial.claim_id} on {last.day}: "
                                "its notice says how to ask a state court to review it; legal aid can help.")
    if plan_type == "medicare_original":
        found = medicare_next(last, float(denial.amount), label=label)
        return None if found[0] == "internal" else found
    if plan_type == "medicare_advantage":
        found = advantage_next(last, float(denial.amount), label=label)
        return None if found[0] == "internal" else found
    if plan_type == "medicaid_managed_care" and last.level == "internal":
        used = Used([])
        days = used.value("federal.appeals.medicaid.managed_care_fair_hearing_min_days", last.day)
        return "fair_hearing", _dl("FAIR_HEARING_DUE", last.day + timedelta(days=days),
                                   f"Ask your state for a fair hearing on the Medicaid plan's decision{' ' + label if label else ''}: "
                                   f"every state allows at least {days} days from the date of the plan's notice "
                                   f"({last.day}), and some allow more; the notice gives your exact deadline.", used), None
    return None


def next_letter(a: dict) -> str | None:
    """The letter that takes this denial to its next step (the web's button, the report), if it is open."""
    if not a.get("open"):
        return None
    stage, plan_type = a.get("stage"), a.get("plan_type")
    if stage == "internal":
        return {"medicare_original": "medicare_redetermination", "medicaid": "fair_hearing_request"}.get(
            plan_type or "", "insurer_appeal")
    return {"external_review": "external_review_request", "medicare_reconsideration": "medicare_redetermination",
            "alj_hearing": "medicare_redetermination", "council_review": "medicare_redetermination",
            "fair_hearing": "fair_hearing_request"}.get(stage or "")


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
        r["letter"] = next_letter(r)
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
    for a in routed:
        for key in ("won", "next_note", "expedited"):
            if a.get(key):
                review.notes.append(a[key])
    holds = [a["hold"] for a in routed if a["hold"]]
    if holds:
        review.notes.append(holds[0])
    for q in dict.fromkeys(q for a in routed for q in a["questions"]):
        review.notes.append(q)
