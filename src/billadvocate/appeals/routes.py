"""The appeal route of each plan type and its deadlines, from the law data (federal/appeals.yaml).

Every period is counted from the date printed on the denial notice. Where the law counts from the
day the notice was received, the notice's own date is used (an earlier day, so never a late
deadline), except Original Medicare, whose rule presumes receipt 5 days after the notice's date.
A plan type the case does not give gets the earliest deadline any plan could set, and the question
"who issued your insurance card?".
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from ..law import law
from ..model import Deadline

PLAN_TYPES = ("aca_individual", "employer_fully_insured", "employer_self_funded", "grandfathered",
              "medicare_original", "medicare_advantage", "medicaid", "medicaid_managed_care", "other")
ACA_ERISA = ("aca_individual", "employer_fully_insured", "employer_self_funded")
WHO_ISSUED = "Who issued your insurance card: an employer's plan, a plan you bought yourself, Medicare, " \
             "a Medicare Advantage plan, or Medicaid? Set insurance.plan_type in the case."
WHO_ISSUED_BY_STATUS = {
    "medicare": "Is your Medicare card the red, white and blue Original Medicare card, or a card from a Medicare "
                "Advantage plan (a private company)? Set insurance.plan_type in the case.",
    "qmb": "Is your Medicare card the red, white and blue Original Medicare card, or a card from a Medicare "
           "Advantage plan (a private company)? Set insurance.plan_type in the case.",
    "medicaid": "Does your Medicaid card come from the state, or from a Medicaid health plan (a private company)? "
                "Set insurance.plan_type in the case.",
}
NOTICE_DATE = "What date is printed on the insurer's denial letter? Set accounts[{i}].denial_notice_date."

REGULATOR = {
    "aca_individual": "your state's department of insurance",
    "employer_fully_insured": "your state's department of insurance and the U.S. Department of Labor "
                              "(Employee Benefits Security Administration, 1-866-444-3272)",
    "employer_self_funded": "the U.S. Department of Labor (Employee Benefits Security Administration, 1-866-444-3272)",
    "grandfathered": "your state's department of insurance (or the U.S. Department of Labor for an employer's plan)",
    "medicare_original": "Medicare (1-800-MEDICARE)",
    "medicare_advantage": "Medicare (1-800-MEDICARE)",
    "medicaid": "your state's Medicaid agency",
    "medicaid_managed_care": "your state's Medicaid agency",
}

STEPS = {
    "aca_individual": ["Appeal to the plan in writing (internal appeal).",
                       "If the plan says no again, ask for an external review by an independent reviewer "
                       "(your state's process or the federal one); the plan must follow its decision."],
    "employer_fully_insured": ["Appeal to the plan in writing (internal appeal).",
                               "If the plan says no again, ask for an external review under your state's "
                               "process; the plan must follow its decision."],
    "employer_self_funded": ["Appeal to the plan in writing (internal appeal).",
                             "If the plan says no again, ask the plan for an external review under the "
                             "federal process; after that you may sue under ERISA."],
    "grandfathered": ["Appeal to the plan in writing by the deadline its denial letter gives.",
                      "A grandfathered plan may have no external review: ask the plan and your state's "
                      "department of insurance."],
    "medicare_original": ["Ask the Medicare contractor named on your Medicare Summary Notice for a "
                          "redetermination.",
                          "If it says no, ask for a reconsideration by an independent contractor (QIC), then "
                          "a hearing."],
    "medicare_advantage": ["Ask the Medicare Advantage plan to reconsider its decision.",
                           "If the plan says no again, it must send the case to an independent reviewer "
                           "on its own.",
                           "If the independent reviewer says no, ask for a hearing before a judge (ALJ), then the "
                           "Medicare Appeals Council, then a federal court."],
    "medicaid": ["Ask your state for a fair hearing by the date on the notice."],
    "medicaid_managed_care": ["Appeal to the Medicaid plan first, by the date on its notice.",
                              "If the plan says no again, ask your state for a fair hearing."],
    "unknown": ["Find out who issued your insurance card: the route and the deadline depend on it.",
                "Meanwhile, appeal in writing to the plan before the earliest deadline below."],
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later; with no such day (October 30 + 4 months), the first day of the
    following month, as 45 CFR 147.136(d)(2)(i) counts."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    if day.day <= monthrange(year, month)[1]:
        return date(year, month, day.day)
    return date(year + (month == 12), month % 12 + 1, 1)


@dataclass
class Used:
    """The law values a deadline rests on: their citations, and whether any is unconfirmed."""

    citations: list[str]
    unconfirmed: bool = False

    def value(self, path: str, on: date):
        v = law().at(path, on)
        self.citations += [c for c in v.citations if c not in self.citations]
        self.unconfirmed = self.unconfirmed or v.unconfirmed
        return v.value


def _dl(kind: str, day: date, why: str, used: Used, *, unconfirmed: bool = False) -> Deadline:
    return Deadline(kind=kind, date=day, why=why, citations=list(used.citations),
                    unconfirmed=used.unconfirmed or unconfirmed)


def appeal_deadline(plan_type: str | None, notice: date, *, label: str = "") -> Deadline | None:
    """The first deadline of the route: the internal appeal, Medicare redetermination, Medicare
    Advantage reconsideration or fair hearing request; None where federal law sets no period."""
    used = Used([])
    what = f" {label}" if label else ""
    if plan_type in ACA_ERISA:
        days = used.value("federal.appeals.internal_appeal_days", notice)
        return _dl("APPEAL_DUE", notice + timedelta(days=days),
                   f"Last day to appeal the denial{what} to the plan: the law gives at least {days} days from "
                   f"receiving the denial, counted here from the date on the notice ({notice}).", used)
    if plan_type == "medicare_original":
        days = used.value("federal.appeals.medicare.redetermination_days", notice)
        grace = used.value("federal.appeals.medicare.receipt_presumed_days", notice)
        return _dl("MEDICARE_REDETERMINATION_DUE", notice + timedelta(days=grace + days),
                   f"Last day to ask Medicare for a redetermination{what}: {days} days from receiving the "
                   f"notice, which Medicare presumes is {grace} days after its date ({notice}).", used)
    if plan_type == "medicaid_managed_care" and law().parameter(
            "federal.appeals.medicaid.managed_care_appeal_days").in_force(notice):
        days = used.value("federal.appeals.medicaid.managed_care_appeal_days", notice)
        return _dl("APPEAL_DUE", notice + timedelta(days=days),
                   f"Last day to appeal the denial{what} to the Medicaid plan: {days} days from the date on the "
                   f"notice ({notice}). After the plan decides, you may ask your state for a fair hearing.", used)
    if plan_type in ("medicare_advantage", "medicaid_managed_care", "other", None):
        days = used.value("federal.appeals.medicare_advantage.reconsideration_days", notice)
        if plan_type == "medicare_advantage":
            why = (f"Last day to ask the Medicare Advantage plan to reconsider{what}: {days} days from the "
                   f"date on the notice ({notice}).")
            return _dl("APPEAL_DUE", notice + timedelta(days=days), why, used)
        why = (f"Until the plan type is known{what}: {days} days from the date on the notice ({notice}), the "
               f"shortest period of Medicare Advantage and Medicaid plans (employer and marketplace plans allow "
               f"more). A state's Medicaid fair hearing can allow fewer days: the notice itself gives your "
               f"deadline. Appeal by this day to be safe.")
        return _dl("APPEAL_DUE", notice + timedelta(days=days), why, used, unconfirmed=True)
    if plan_type == "medicaid":
        days = used.value("federal.appeals.medicaid.fair_hearing_max_days", notice)
        return _dl("FAIR_HEARING_DUE", notice + timedelta(days=days),
                   f"The latest day your state may allow to ask for a fair hearing{what}: at most {days} days "
                   f"from the date the notice was mailed ({notice}). Your state may allow fewer days: the "
                   f"notice gives the exact date.", used, unconfirmed=True)
    return None  # grandfathered: the plan's documents set the period


def decision_deadline(plan_type: str | None, sent: date) -> Deadline | None:
    """When the plan must decide an appeal of a bill for care already given (post-service)."""
    if plan_type not in ACA_ERISA:
        return None
    used = Used([])
    days = used.value("federal.appeals.decision_days.post_service", sent)
    return _dl("APPEAL_DECISION_DUE", sent + timedelta(days=days),
               f"The plan must decide your appeal within {days} days of receiving it (one level of appeal; "
               f"half that for each of two levels); counted from the day you sent it ({sent}).", used)


def external_review_deadline(plan_type: str | None, final: date) -> Deadline | None:
    if plan_type not in ACA_ERISA:
        return None
    used = Used([])
    months = used.value("federal.appeals.external_review_months", final)
    return _dl("EXTERNAL_REVIEW_DUE", add_months(final, months),
               f"Last day to ask for an external review: {months} months from receiving the plan's final "
               f"denial, counted here from its date ({final}).", used)
