"""The appeal's log and its later levels: what the patient sent, what each level decided, and the
next level's deadline counted from the decision logged (issue 21).

The case file logs an appeal as events: the patient's letter (`from: patient`, `type` one of
SENT_TYPES) and each decision (`type` one of DECISION_TYPES, with `outcome` denied, approved or
partly_approved). A denial at one level starts the next level's clock:
Original Medicare's reconsideration by a QIC (180 days, 42 CFR 405.962), a hearing before an
Administrative Law Judge (60 days, 42 CFR 405.1014), the Medicare Appeals Council (60 days,
42 CFR 405.1102), then a lawsuit in federal district court (60 days from receiving the Council's
decision, presumed 5 days after its date, 42 CFR 405.1130 and 405.1136(c)); a plan's final internal denial
starts the external review's four months.
A Medicare Advantage plan's upheld reconsideration goes to the independent review entity (IRE) on its
own; the IRE's decision (logged as `reconsideration_decision`: the IRE is Medicare's Part C
reconsideration contractor) starts the ALJ hearing's 60 days (42 CFR 422.602), then the Council's
(422.608) and the federal court (422.612), as in Original Medicare.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..law import law
from ..model import Deadline
from .routes import Used, _dl

# what the patient sends, by level (the letter types, and the forms Medicare names for its later levels)
SENT_TYPES = {
    "insurer_appeal": "internal", "medicare_redetermination": "internal", "fair_hearing_request": "fair_hearing",
    "external_review_request": "external_review", "medicare_reconsideration": "reconsideration",
    "alj_hearing_request": "alj", "council_review_request": "council",
}
# what a level decided: the event's type names the level
DECISION_TYPES = {
    "appeal_decision": "internal", "redetermination_decision": "internal",
    "reconsideration_decision": "reconsideration", "alj_decision": "alj", "council_decision": "council",
    "external_review_decision": "external_review", "fair_hearing_decision": "fair_hearing",
}
LEVEL_WORDS = {
    "internal": "the plan's decision on the appeal", "reconsideration": "the QIC's reconsideration",
    "independent_review": "the independent review entity's decision",
    "alj": "the Administrative Law Judge's decision", "council": "the Medicare Appeals Council's decision",
    "external_review": "the external review's decision", "fair_hearing": "the fair hearing's decision",
}


def _day(at: date | datetime) -> date:
    return at.date() if isinstance(at, datetime) else at


@dataclass(frozen=True)
class Decision:
    level: str
    day: date
    outcome: str | None  # denied | approved | partly_approved (None: not said; read as denied)
    note: str | None = None

    def to_json(self) -> dict:
        return {"level": self.level, "date": self.day.isoformat(), "outcome": self.outcome or "denied",
                "words": LEVEL_WORDS[self.level]}


def decisions(account, plan_type: str | None = None) -> list[Decision]:
    """The decisions logged on the account, oldest first; for a Medicare Advantage plan a
    reconsideration is the independent review entity's (the plan's own is its appeal decision)."""
    out = [Decision(DECISION_TYPES[e.type], _day(e.at), e.outcome, e.note) for e in account.events
           if e.from_ != "patient" and e.type in DECISION_TYPES]
    if plan_type == "medicare_advantage":
        out = [Decision("independent_review", d.day, d.outcome, d.note) if d.level == "reconsideration" else d
               for d in out]
    return sorted(out, key=lambda d: d.day)


def sent(account, level: str = "internal") -> date | None:
    """The first day the patient logged sending a request at this level, if any."""
    days = [_day(e.at) for e in account.events
            if e.from_ == "patient" and SENT_TYPES.get(e.type or "") == level]
    return min(days) if days else None


def final_internal_denial(account) -> date | None:
    """The plan's final internal denial: the case's final_denial_date, or the last internal decision
    logged as a denial; both given, the earlier (its four months end first)."""
    logged = [d.day for d in decisions(account) if d.level == "internal" and d.outcome != "approved"]
    days = [d for d in (account.final_denial_date, max(logged) if logged else None) if d is not None]
    return min(days) if days else None


def medicare_next(decision: Decision, amount: float, *, label: str = "") -> tuple[str, Deadline | None, str | None]:
    """Original Medicare: after a level's denial, the next stage, its deadline and a note."""
    used = Used([])
    what = f" {label}" if label else ""
    d = decision.day
    if decision.level == "internal":
        days = used.value("federal.appeals.medicare.reconsideration_days", d)
        grace = used.value("federal.appeals.medicare.reconsideration_receipt_presumed_days", d)
        return "medicare_reconsideration", _dl("MEDICARE_RECONSIDERATION_DUE",
            d + timedelta(days=grace + days),
            f"Last day for the Qualified Independent Contractor (QIC) to receive your request for a "
            f"reconsideration{what}: {days} days from receiving the redetermination, presumed {grace} days after "
            f"its date ({d}). Use form CMS-20033 or a letter, sent to the QIC named on the notice.", used), None
    if decision.level == "reconsideration":
        days = used.value("federal.appeals.medicare.alj_hearing_days", d)
        note = None
        aic = law().parameter("federal.appeals.medicare.alj_amount_in_controversy_usd")
        if aic.in_force(d):
            least = used.value("federal.appeals.medicare.alj_amount_in_controversy_usd", d)
            if amount < least:
                note = (f"A hearing before a judge needs at least ${least:,.0f} still in dispute; this claim is "
                        f"${amount:,.2f}: claims can be added together to reach it, or the QIC's decision stands.")
        return "alj_hearing", _dl("ALJ_HEARING_DUE",
            d + timedelta(days=days),
            f"Last day to ask for a hearing before an Administrative Law Judge{what}: {days} days from receiving "
            f"the QIC's reconsideration, counted here from its date ({d}). Use form OMHA-100, sent to the office "
            f"the notice names.", used), note
    if decision.level == "alj":
        days = used.value("federal.appeals.medicare.council_review_days", d)
        grace = used.value("federal.appeals.medicare.council_receipt_presumed_days", d)
        return "council_review", _dl("COUNCIL_REVIEW_DUE",
            d + timedelta(days=grace + days),
            f"Last day to ask the Medicare Appeals Council to review the judge's decision{what}: {days} days from "
            f"receiving it, presumed {grace} days after its date ({d}). Use form DAB-101.", used), None
    if decision.level == "council":
        return _court(decision, amount, what, "federal.appeals.medicare.judicial_review_days",
                      "federal.appeals.medicare.judicial_review_amount_in_controversy_usd")
    return "internal", None, None


def _court(decision: Decision, amount: float, what: str, days_key: str, aic_key: str
           ) -> tuple[str, Deadline, str | None]:
    """After the Council: the lawsuit in federal district court, 60 days from receiving its decision, presumed
    5 days after its date (42 CFR 405.1130, 405.1136(c); 422.612(c) for Medicare Advantage), and a note when
    less than the year's amount in controversy is in dispute (405.1136(a)(1), 422.612(b))."""
    used = Used([])
    d = decision.day
    days = used.value(days_key, d)
    grace = used.value("federal.appeals.medicare.judicial_review_receipt_presumed_days", d)
    note = None
    if law().parameter(aic_key).in_force(d):
        least = used.value(aic_key, d)
        if amount < least:
            note = (f"A lawsuit in federal court needs at least ${least:,.0f} still in dispute; this claim is "
                    f"${amount:,.2f}: claims can be added together to reach it, or the Medicare Appeals Council's "
                    "decision stands.")
    return "judicial_review", _dl("JUDICIAL_REVIEW_DUE", d + timedelta(days=grace + days),
        f"Last day to file a lawsuit in federal district court against the Medicare Appeals Council's decision{what}: "
        f"{days} days from receiving it, presumed {grace} days after its date ({d}). This is a lawsuit, not a letter: "
        "see a lawyer now (legal aid, or a lawyer who handles Medicare appeals); the Council's notice says how to "
        "file.", used), note


def advantage_next(decision: Decision, amount: float, *, label: str = "") -> tuple[str, Deadline | None, str | None]:
    """Medicare Advantage: after a level's denial, the next stage, its deadline and a note (42 CFR 422.592,
    422.600-422.612)."""
    used = Used([])
    what = f" {label}" if label else ""
    d = decision.day
    ma = "federal.appeals.medicare_advantage."
    if decision.level == "internal":
        return "independent_review", None, (
            "The plan upheld its denial: it must send the case to the independent review entity on its own. "
            "Ask the plan when it sent it, and log the independent review entity's decision when it comes.")
    if decision.level == "independent_review":
        days = used.value(ma + "alj_hearing_days", d)
        presumed = law().parameter(ma + "alj_receipt_presumed_days")
        grace = used.value(ma + "alj_receipt_presumed_days", d) if presumed.in_force(d) else 0  # none before 2017
        note = None
        if law().parameter(ma + "alj_amount_in_controversy_usd").in_force(d):
            least = used.value(ma + "alj_amount_in_controversy_usd", d)
            if amount < least:
                note = (f"A hearing before a judge needs at least ${least:,.0f} still in dispute; this claim is "
                        f"${amount:,.2f}: claims can be added together to reach it, or the independent review "
                        "entity's decision stands.")
        counted = (f"presumed {grace} days after its date ({d})" if grace
                   else f"counted here from its date ({d})")
        return "alj_hearing", _dl("ALJ_HEARING_DUE", d + timedelta(days=grace + days),
            f"Last day to ask for a hearing before an Administrative Law Judge{what}: {days} days from receiving "
            f"the independent review entity's decision, {counted}. Use form OMHA-100, sent to the office the "
            f"decision names.", used), note
    if decision.level == "alj":
        days = used.value(ma + "council_review_days", d)
        grace = used.value("federal.appeals.medicare.council_receipt_presumed_days", d)
        return "council_review", _dl("COUNCIL_REVIEW_DUE", d + timedelta(days=grace + days),
            f"Last day to ask the Medicare Appeals Council to review the judge's decision{what}: {days} days from "
            f"receiving it, presumed {grace} days after its date ({d}). Use form DAB-101.", used), None
    if decision.level == "council":
        return _court(decision, amount, what, ma + "judicial_review_days", ma + "judicial_review_amount_in_controversy_usd")
    return "internal", None, None


def expedited_decision(sent_day: date, plan_type: str | None = None) -> Deadline:
    """An urgent appeal to an ACA or employer plan (or a Medicare Advantage plan's expedited
    reconsideration): decided within 72 hours of its receipt."""
    used = Used([])
    hours = used.value("federal.appeals.medicare_advantage.expedited_reconsideration_hours"
                       if plan_type == "medicare_advantage" else "federal.appeals.decision_days.urgent_hours", sent_day)
    return _dl("APPEAL_DECISION_DUE", sent_day + timedelta(days=-(-hours // 24)),
               f"Your care is urgent: the plan must decide the expedited appeal within {hours} hours of receiving "
               f"it; counted here from the day you sent it ({sent_day}). Call the plan if you have no answer.", used)


def expedited_external_decision(sent_day: date) -> Deadline:
    used = Used([])
    hours = used.value("federal.appeals.expedited_external_review_hours", sent_day)
    return _dl("EXTERNAL_REVIEW_DECISION_DUE", sent_day + timedelta(days=-(-hours // 24)),
               f"Your care is urgent: the independent reviewer must decide the expedited external review within "
               f"{hours} hours of receiving it; counted here from the day you sent the request ({sent_day}).", used)
