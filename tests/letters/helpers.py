"""Review results for the letter tests: the examples as reviewed today, and the examples with
every engine's result filled in by hand (fixed, so golden files do not move when engines change)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate import load_case, review_case
from billadvocate.audit.summary import in_dispute
from billadvocate.letters.select import attach_letters
from billadvocate.model import Deadline, Finding

from ..conftest import EXAMPLES

EXAMPLE_NAMES = ("er-visit-nonprofit", "uninsured-outpatient")


def example_result(name: str):
    return review_case(load_case(EXAMPLES / name / "case.yaml"))


def _f(rule, severity, lines, amount, message, *citations, **extra) -> Finding:
    return Finding(rule=rule, severity=severity, lines=lines, amount=Decimal(amount), message=message,
                   citations=list(citations), **extra)


def full_result(name: str):
    """The example reviewed, with fixed findings and the rights, money and credit results."""
    result = example_result(name)
    a = result.accounts[0]
    if name == "er-visit-nonprofit":
        a.findings = [
            _f("BILL.DUPLICATE", "high", [2, 3], "45.00",
               "CBC W/AUTO DIFF (85025) is billed 2 times on 2025-03-02 for $45.00 each", "NUBC UB-04 billing"),
            _f("BILL.NOT_RECEIVED", "medium", [14], "180.00",
               "line 14 is a service the patient says was never provided", "45 CFR 149.410"),
            _f("NSA.BALANCE_BILL", "high", [], "1450.00",
               "emergency care at an out-of-network hospital billed above in-network cost sharing",
               "45 CFR 149.410(a)"),
        ]
        a.violations = [
            _f("REGF.INCONVENIENT_TIME", "high", [], "0",
               "ABC Recovery called at 07:45 on 2026-10-15, before 8:00 in the patient's time zone",
               "12 CFR 1006.6(b)(1)(i)", "15 U.S.C. 1692c(a)(1)"),
            _f("REGF.COLLECTION_DURING_DISPUTE", "high", [], "0",
               "ABC Recovery threatened legal action on 2026-11-02 after the written dispute of 2026-10-25",
               "15 U.S.C. 1692g(b)"),
        ]
        a.deadlines = [
            Deadline(kind="VALIDATION_PERIOD_END", date=date(2026, 11, 19), why="30 days after receipt",
                     citations=["12 CFR 1006.34(b)(5)"]),
            Deadline(kind="FAP_APPLICATION_END", date=date(2026, 12, 31), why="240 days after the first bill",
                     citations=["26 CFR 1.501(r)-1(b)(3)"]),
        ]
        a.assistance = {"year": 2026, "guideline": 27320.0, "fpl_percent": 153.73, "household_size": 3,
                        "programs": [{"id": "FEDERAL.501R", "eligible": True, "discount": 1.0,
                                      "name": "The hospital's financial-assistance policy (IRS 501(r))",
                                      "why": "income at or under 200% of the guideline: your care should be free",
                                      "citations": ["26 CFR 1.501(r)-4"]},
                                     {"id": "STATE.CA.HOSPITAL_FAIR_PRICING", "eligible": True,
                                      "name": "California Hospital Fair Pricing Act",
                                      "why": "income at or under 400%: price capped"},
                                     {"id": "MEDICAID", "eligible": None, "why": "needs a state check"}]}
        a.offer = {"fair_amount": 1835.4, "opening": 920.0, "target": 1300.0, "walk_away": 1835.4,
                   "why": "AGB of 38% of gross charges, minus the disputed lines",
                   # the hospital's two denials under appeal (below) wait for the plan (negotiate/hold.py)
                   "held_for_appeal": {"amount": 1630.0, "claims": ["C-1003", "C-0990"], "rest": 3200.0,
                                       "why": "The $1,630.00 your plan denied (claims C-1003, C-0990) waits for "
                                              "the plan's decision"}}
        a.plan = {"monthly": 75.0, "months": 13, "amount": 909.38, "why": "a tenth of what is left after essential costs",
                  "citations": ["Cal. Health & Safety Code 127425(i)"]}
        a.appeals = [{"claim_id": "C-1002", "payer": "Blue Valley PPO", "provider": "Valley Radiology Group",
                      "service_date": "2025-03-05", "amount": 610.0, "who": "patient", "open": True,
                      "plan_type": "employer_fully_insured",
                      "reasons": [{"code": "PR-96", "meaning": "non-covered charge", "who": "patient"}],
                      "deadlines": [{"kind": "APPEAL_DUE", "date": "2027-04-18"}]},
                     {"claim_id": "C-1003", "payer": "Blue Valley PPO", "provider": "Valley General Hospital",
                      "service_date": "2025-03-03", "amount": 1250.0, "who": "patient", "open": True,
                      "plan_type": "employer_fully_insured",
                      "reasons": [{"code": "PR-50", "meaning": "not deemed medically necessary by the payer",
                                   "who": "patient"}],
                      "deadlines": [{"kind": "APPEAL_DUE", "date": "2027-04-18"}]}]
        a.appeals.append({"claim_id": "C-0990", "payer": "Blue Valley PPO", "provider": "Valley General Hospital",
                          "service_date": "2025-01-10", "amount": 380.0, "who": "patient", "open": True,
                          "stage": "external_review", "plan_type": "employer_fully_insured",
                          "reasons": [{"code": "PR-96", "meaning": "non-covered charge", "who": "patient"}],
                          "deadlines": [{"kind": "EXTERNAL_REVIEW_DUE", "date": "2027-02-28"}]})
        result.case.accounts[0].final_denial_date = date(2026, 10, 28)
        result.case.insurance.appeals_address = "Appeals Unit, PO Box 500, Fresno, CA 93702"
        result.credit = [
            _f("CREDIT.TOO_SOON", "high", [], "5010.00",
               "Equifax: ABC Recovery reported a medical collection less than a year after delinquency",
               "Equifax, Experian and TransUnion medical-debt policy (2023)"),
            _f("CREDIT.UNDER_500", "high", [], "420.00",
               "Fresno Imaging Associates reports a medical collection of $420.00, under $500",
               "Equifax, Experian and TransUnion medical-debt policy (2023)"),
        ]
    else:
        a.findings = [
            _f("BILL.DUPLICATE", "high", [2, 3], "35.00",
               "ROUTINE VENIPUNCTURE (36415) is billed 2 times on 2026-09-14 for $35.00 each"),
            _f("NSA.GFE_EXCEEDED", "high", [], "1940.00",
               "billed $3,140.00, $1,940.00 above the Good Faith Estimate of $1,200.00",
               "45 CFR 149.620"),
        ]
        a.violations = []
        a.deadlines = [Deadline(kind="NSA_DISPUTE_END", date=date(2027, 2, 2),
                                why="120 days after the first bill", citations=["45 CFR 149.620(a)(2)"])]
        a.assistance = {"year": 2026, "guideline": 15960.0, "fpl_percent": 194.24, "household_size": 1,
                        "programs": [{"id": "STATE.CO.HOSPITAL_DISCOUNTED_CARE", "eligible": False,
                                      "why": "not a hospital"}]}
        a.offer = {"fair_amount": 1200.0, "opening": 800.0, "target": 1000.0, "walk_away": 1200.0,
                   "why": "the Good Faith Estimate"}
        a.plan = {"monthly": 50.0, "months": 24, "why": "what is left after essential costs"}
        result.credit = []
    # the dollars in dispute are the fixed findings' (each line once, whole-bill findings as one), counted by
    # the audit's own summary, with the rules' stake lines (a duplicate's copies after the first)
    if a.audit is not None:
        detailed = [(f, {"stake_lines": f.lines[1:] if len(f.lines) > 1 else f.lines}) for f in a.findings]
        a.audit.in_dispute = in_dispute(a.audit.lines, detailed, a.audit.total_charges)
    attach_letters(result)
    return result


# the letters of one plan type: Jane's fixed results with her plan as Original Medicare or the state's Medicaid
PLAN_LETTERS = {"medicare_redetermination": "medicare_original", "fair_hearing_request": "medicaid",
                "death_notice": None}  # the letters whose example is adapted to them (result_for)


def result_for(name: str, letter_type: str):
    """full_result, with Jane's plan turned into the plan type a Medicare or Medicaid letter is for."""
    result = full_result(name)
    if letter_type == "death_notice":
        return deceased(result)
    plan_type = PLAN_LETTERS.get(letter_type)
    if plan_type is None or name != "er-visit-nonprofit":
        return result
    kind = "MEDICARE_REDETERMINATION_DUE" if plan_type == "medicare_original" else "FAIR_HEARING_DUE"
    result.case.insurance.plan_type = plan_type
    result.case.insurance.member_id = "1EG4-TE5-MK73"
    a = result.accounts[0]
    a.appeals = [{**x, "plan_type": plan_type, "stage": "internal", "notice_date": "2026-10-20",
                  "deadlines": [{"kind": kind, "date": "2027-02-22"}]}
                 for x in a.appeals if x.get("stage", "internal") == "internal"]
    attach_letters(result)
    return result



def deceased(result):
    """full_result with the patient dead: Jane's son handles her estate (California: a child may be liable is not
    confirmed, so he is told he may be); Marcus's cousin, who signed nothing, is not liable (the rights engine's
    answer recomputed for the changed case, the letters chosen again)."""
    from billadvocate.model import Contact, Estate
    from billadvocate.rights import review_rights

    case = result.case
    if case.patient.name == "Jane Doe":
        case.patient.died_on = date(2026, 9, 30)
        case.patient.estate = Estate(court="Fresno County Superior Court", case_number="26PR00123")
        case.contact = Contact(name="Luis Doe", address="40 Olive Ave, Fresno, CA 93701", relationship="child",
                               handles_estate=True, signed_to_pay=False)
    else:
        case.patient.died_on = date(2026, 10, 2)
        case.patient.estate = Estate(representative="Grace Lee", address="9 Pine St, Denver, CO 80203")
        case.contact = Contact(name="Tom Lee", address="77 Elm St, Boulder, CO 80302", relationship="other_relative",
                               signed_to_pay=False)
    for a in result.accounts:
        a.protections = review_rights(case, a.account, result.as_of).protections
    attach_letters(result)
    return result
