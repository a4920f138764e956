"""The financial-assistance screen is not the hospital's decision: the finding says the patient is likely
eligible and what follows if the hospital approves the application, never 'you qualify' or 'you owe'; the
call scripts say it as the patient's belief and application, apart from the errors on the bill; and the No
Surprises Act's limit is what may be charged, never a debt ('you owe only ...')."""

from __future__ import annotations

import re
from decimal import Decimal

import yaml

from billadvocate import load_case, review_case
from billadvocate.model import Finding
from billadvocate.negotiate import agree_findings
from tests.conftest import EXAMPLES

ASSISTANCE = "IRS501R.OVER_AGB"
DECIDED = re.compile(r"(?<!believe )(?<!if )\bI qualify\b|\bwho qualifies\b")


def _offer(owed: str, asked: str = "4830.00") -> dict:
    step = ("The hospital's financial-assistance policy (IRS 501(r)): 60% off the $4,830.00 charged to you = "
            "$1,932.00")
    return {"fair": {"capped_by": "assistance", "assistance": {"id": "FEDERAL.501R"}, "owed": float(owed),
                     "asked": float(asked), "steps": [{"kind": "cap", "step": step}]}}


def _finding() -> Finding:
    return Finding(rule=ASSISTANCE, severity="high", amount=Decimal("4830.00"), citations=["26 U.S.C. 501(r)(5)"],
                   message="At 153.73% of the poverty guideline the hospital's own policy gives free care")


def test_free_care_is_likely_and_follows_the_hospitals_approval():
    f = agree_findings([_finding()], _offer("0"))[0]
    assert f.message == ("You are likely eligible for free care under the hospital's financial-assistance policy: if "
                         "the hospital approves your application you owe nothing, so the whole $4,830.00 asked is in "
                         "dispute")
    assert f.amount == Decimal("4830.00")


def test_a_discount_is_likely_and_names_what_may_be_charged_not_a_debt():
    f = agree_findings([_finding()], _offer("1932.00"))[0]
    assert f.message.startswith("You are likely eligible under the hospital's financial-assistance policy: if the "
                                "hospital approves your application you may be charged at most $1,932.00, not the "
                                "$4,830.00 asked (60% off")
    assert "You qualify" not in f.message and "owe" not in f.message
    assert f.amount == Decimal("2898.00")


def _review(tmp_path=None, **household):
    case = load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    if household:
        data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
        data["household"].update(household)
        (tmp_path / "bill.csv").write_text((EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text())
        data["accounts"][0]["bill"] = ["bill.csv"]
        (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
        case = load_case(tmp_path / "case.yaml")
    return review_case(case).accounts[0]


def _said(r, to: str) -> str:
    s = next(x for x in r.call_scripts if x["to"] == to)
    return " ".join(s["say"] + s["ask"] + s["never_say"])


def test_the_example_states_free_care_as_likely_in_the_findings_and_the_scripts():
    r = _review()
    over = next(f for f in r.findings if f.rule == ASSISTANCE)
    assert over.message.startswith("You are likely eligible for free care")
    provider = _said(r, "provider")
    assert not DECIDED.search(provider) and "I owe nothing" not in provider
    assert "I believe I qualify for free care under your financial-assistance policy, and I am applying" in provider
    # the errors read aloud are billing errors; the assistance is said apart, as the patient's application
    disputed = next(x for x in r.call_scripts if x["to"] == "provider")["say"][1]
    assert "free care" not in disputed and "likely eligible" not in disputed
    errors = [f for f in r.findings if f.rule != ASSISTANCE and f.severity != "info"]
    said_aloud = sum(1 for f in errors if f.message[:50] in disputed)
    assert 0 < said_aloud < len(errors)
    assert disputed.endswith(f" {len(errors) - said_aloud} more problems are in my letter.")
    assert "I am applying for financial assistance" in provider


def test_a_discount_in_the_example_is_likely_too(tmp_path):
    # $80,000 for 3 people is about 293% of the 2026 guideline: the policy's discount, not free care
    r = _review(tmp_path, annual_income=80000)
    over = next(f for f in r.findings if f.rule == ASSISTANCE)
    # California's Medicare cap sets the figure here, so the finding keeps the audit's words: likely too
    assert "likely eligible under the hospital's" in over.message and "if the hospital approves your application you " \
        "may be charged at most" in over.message and "you qualify" not in over.message
    provider = _said(r, "provider")
    assert not DECIDED.search(provider) and "I owe at most" not in provider
    assert "I believe I qualify for a discount under your financial-assistance policy, and I am applying" in provider


def test_the_no_surprises_act_limit_is_what_may_be_charged_never_a_debt():
    r = _review()
    nsa = next(f for f in r.findings if f.rule == "NSA.BALANCE_BILL")
    assert nsa.message.startswith("For emergency care from an out-of-network provider you may be charged no more "
                                  "than your in-network cost sharing; the bill asks $4,830.00")
    insurer = _said(r, "insurer")
    assert "Under the No Surprises Act I may be charged no more than my in-network cost sharing" in insurer
    for to in ("provider", "collector", "insurer"):
        assert "owe only" not in _said(r, to) and "charged only" not in _said(r, to), to


def test_the_offer_and_the_scripts_owe_nothing_only_once_the_hospital_approves():
    """The money engine's figure under free care is what follows the hospital's approval: the offer's line, its
    arithmetic and what the patient says on the phone all say so, and the patient says she is sending the
    application (not 'send the application', an instruction to herself)."""
    r = _review()
    o = r.offer
    assert o["no_offer"] == ("If the hospital approves your application, you owe $0.00: the hospital's "
                             "financial-assistance policy (IRS 501(r)) gives free care at your income; send the "
                             "application, and everything asked is in dispute meanwhile")
    steps = [s["step"] for s in o["steps"]]
    assert not [s for s in steps if re.search(r"(?<!application, )\byou owe \$0\.00", s, re.I)], steps
    assert any(s.endswith("the care should be free. So if the hospital approves your application, you owe $0.00")
               for s in steps), steps
    for to in ("provider", "collector"):
        s = next(x for x in r.call_scripts if x["to"] == to)
        lines = s["say"] + s["ask"]
        assert not [x for x in lines if x.startswith(("I owe", "Nothing is owed"))], (to, lines)
        assert any(x.startswith("If the hospital approves my application, I owe $0.00: ") and
                   "I am sending the application" in x for x in s["say"]), (to, s["say"])
    collector = next(x for x in r.call_scripts if x["to"] == "collector")
    assert any(q.startswith("I am applying for the hospital's financial assistance, which gives free care at my "
                            "income: will you stop collection") for q in collector["ask"]), collector["ask"]


def test_a_discount_owes_at_most_its_figure_only_once_the_hospital_approves(tmp_path):
    """$80,000 for 3 people, no credit report (so no void debt): the policy's 60% off, never above AGB, sets the
    figure, $779.04 (38% of the $5,908.00 of charges left less the $1,466.00 paid); it is owed only once the
    hospital approves the application."""
    data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
    data["household"]["annual_income"] = 80000
    data.pop("credit_report")
    (tmp_path / "bill.csv").write_text((EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text())
    data["accounts"][0]["bill"] = ["bill.csv"]
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    r = review_case(load_case(tmp_path / "case.yaml")).accounts[0]
    assert r.offer["fair"]["capped_by"] == "assistance" and r.offer["owed"] == 779.04
    owed = [s["step"] for s in r.offer["steps"] if s["kind"] == "owed"]
    assert owed == ["If the hospital approves your application, you owe at most $779.04"]
    over = next(f for f in r.findings if f.rule == ASSISTANCE)
    assert over.message.startswith("You are likely eligible under the hospital's financial-assistance policy: if the "
                                   "hospital approves your application you may be charged at most $779.04, not the "
                                   "$4,830.00 asked")


def test_the_billing_office_is_not_told_the_advice_meant_for_the_patient():
    """'get the insurer's EOB to see that amount' is the review's advice to the patient: read aloud to the billing
    office the No Surprises Act item states the limit and what the bill asks, and stops there."""
    disputed = next(x for x in _review().call_scripts if x["to"] == "provider")["say"][1]
    assert ("For emergency care from an out-of-network provider I may be charged no more than my in-network cost "
            "sharing; the bill asks $4,830.00.") in disputed
    assert "get the insurer's EOB" not in disputed and "check that the plan" not in disputed
