"""State laws that cap what a hospital may charge at a multiple of Medicare, computed from the audit's
Medicare amounts: California's discount payment patients (Health & Safety Code 127405(d): what a
government program would pay, Medicare here) and New Jersey's uninsured residents below 500% of the
poverty level (N.J.S.A. 26:2H-12.52: 115% of Medicare). Each band is tested at its limit and one cent of
income past it, the limits and percentages read from the shipped law rows, the incomes from the shipped
poverty guideline."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import pytest

from billadvocate.assist import Situation, assistance
from billadvocate.assist.poverty import guideline
from billadvocate.audit import AuditResult
from billadvocate.law import law
from billadvocate.model import Account, Line
from billadvocate.negotiate.fair import fair_amount

ON = date(2026, 11, 28)
D = date(2026, 9, 1)
CHARGES = (Decimal("3000"), Decimal("1200"), Decimal("400"))
MEDICARE = {1: Decimal("800"), 2: Decimal("150")}  # line 3 has no Medicare amount: kept at its charge


def _rule(state: str, slug: str) -> dict:
    return law().at(f"states.{state}.charity_care.{slug}.medicare_cap", D).value


def _income(state: str, fpl: Decimal, *, up: bool) -> Decimal:
    """The yearly income of one person at `fpl`% of the guideline (rounded so fpl_percent reads it)."""
    line = guideline(state, 1, D).amount
    exact = Decimal(line) * fpl / 100
    return exact.quantize(Decimal("1"), rounding=ROUND_CEILING if up else ROUND_FLOOR)


def _case(state: str, income: Decimal):
    acct = Account.model_validate({"id": "a", "balance": sum(CHARGES), "care": {"start": D},
                                   "provider": {"name": "General Hospital", "kind": "hospital", "state": state}})
    lines = [Line(line=i + 1, date=D, code=f"9921{i}", charge=c) for i, c in enumerate(CHARGES)]
    audit = AuditResult(lines=lines, total_charges=sum(CHARGES), findings=[],
                        benchmarks={n: {"medicare": float(m)} for n, m in MEDICARE.items()})
    sit = Situation(state=state, household_size=1, annual_income=income, insurance="uninsured", kind="hospital",
                    care_date=D, provider_state=state)
    assist = assistance(state=state, household_size=1, annual_income=income, as_of=ON, situation=sit)
    return fair_amount(account=acct, audit=audit, findings=[], bills=[], assistance=assist, insurance="uninsured"), assist


def _capped(pct: Decimal) -> Decimal:
    # lines 1 and 2 at pct% of Medicare (never above their charge), line 3 at its charge
    return sum((min((MEDICARE[n] * pct / 100).quantize(Decimal("0.01")), CHARGES[n - 1]) for n in MEDICARE),
               Decimal(0)) + CHARGES[2]


def test_california_caps_a_discount_payment_patient_at_medicare_up_to_the_limit_inclusive():
    rule = _rule("ca", "hospital_fair_pricing")
    assert rule["limit_inclusive"] is True and rule["fpl_limit"] == 400
    pct = Decimal(str(rule["percent_of_medicare"]))
    at = _income("CA", Decimal(rule["fpl_limit"]), up=False)
    f, assist = _case("CA", at)
    assert Decimal(str(assist["fpl_percent"])) <= rule["fpl_limit"]
    # 100% of Medicare: $800 + $150 + the $400 line without a Medicare amount = $1,350
    assert f["owed"] == float(_capped(pct)) == 1350 and f["capped_by"] == "medicare_cap"
    step = next(s for s in f["steps"] if s["kind"] == "cap" and "Medicare" in s["step"])
    assert step["amount"] == 1350 and "127405(d)" in step["citations"][0]
    assert "line 1 $800.00" in step["step"] and "Medi-Cal" in step["step"]
    assert not any("may lower it further" in w for w in f["why"])  # computed, not a hint any more
    over, assist = _case("CA", at + 1)
    assert Decimal(str(assist["fpl_percent"])) > rule["fpl_limit"]
    assert over["owed"] == float(sum(CHARGES)) and over["capped_by"] != "medicare_cap"


def test_new_jersey_caps_an_uninsured_resident_below_500_percent_at_115_percent_of_medicare():
    rule = _rule("nj", "uninsured_charge_cap")
    assert rule["limit_inclusive"] is False and rule["fpl_limit"] == 500
    pct = Decimal(str(rule["percent_of_medicare"]))
    assert pct == 115
    below, assist = _case("NJ", _income("NJ", Decimal(rule["fpl_limit"]), up=False) - 1)
    assert Decimal(str(assist["fpl_percent"])) < 500
    # 115% of $800 = $920, of $150 = $172.50, and the $400 line: $1,492.50
    assert below["owed"] == float(_capped(pct)) == 1492.5 and below["capped_by"] == "medicare_cap"
    assert any("26:2H-12.52" in w and "below 500%" in w for w in below["why"])
    # at exactly 500% the statute's "less than 500%" leaves the patient out
    at, assist = _case("NJ", _income("NJ", Decimal(rule["fpl_limit"]), up=True))
    assert Decimal(str(assist["fpl_percent"])) == 500
    assert at["owed"] == float(sum(CHARGES)) and at["capped_by"] != "medicare_cap"
    # since the tier itself is "less than 500%", the program is not eligible and the assistance screen says why
    cap = next(p for p in assist["programs"] if p["id"] == "STATE.NJ.UNINSURED_CHARGE_CAP")
    assert cap["eligible"] is False and "below 500% only" in cap["why"]
    assert not any("may lower it further" in w for w in at["why"])


@pytest.mark.parametrize("fpl,owed,by", [
    (Decimal(200), 0, "assistance"),               # charity care's free tier
    (Decimal(225), 920, "assistance"),             # 80% off: pays 20% of $4,600 = $920, below 115% of Medicare
    (Decimal(300), 1492.5, "medicare_cap"),        # 20% off leaves $3,680: the Medicare cap ($1,492.50) is lower
])
def test_new_jersey_charity_care_and_the_medicare_cap_the_lower_one_wins(fpl, owed, by):
    f, _ = _case("NJ", _income("NJ", fpl, up=False))
    assert (f["owed"], f["capped_by"]) == (owed, by)


def test_without_medicare_amounts_the_cap_is_asked_for_not_guessed():
    rule = _rule("nj", "uninsured_charge_cap")
    income = _income("NJ", Decimal(rule["fpl_limit"]), up=False) - 1
    acct = Account.model_validate({"id": "a", "balance": 4600, "care": {"start": D},
                                   "provider": {"name": "General Hospital", "kind": "hospital", "state": "NJ"}})
    lines = [Line(line=i + 1, date=D, code=f"9921{i}", charge=c) for i, c in enumerate(CHARGES)]
    audit = AuditResult(lines=lines, total_charges=sum(CHARGES), findings=[], benchmarks={})
    sit = Situation(state="NJ", household_size=1, annual_income=income, insurance="uninsured", kind="hospital",
                    care_date=D, provider_state="NJ")
    assist = assistance(state="NJ", household_size=1, annual_income=income, as_of=ON, situation=sit)
    f = fair_amount(account=acct, audit=audit, findings=[], bills=[], assistance=assist, insurance="uninsured")
    assert f["capped_by"] != "medicare_cap" and f["owed"] == 4600
    assert any("ask the hospital for the Medicare amounts" in w for w in f["why"])
