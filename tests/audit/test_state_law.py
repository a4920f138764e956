"""audit/state_law.py: a finding a state's own law also forbids names that law (California's Medi-Cal bar)."""

from datetime import date
from decimal import Decimal

from billadvocate.audit.state_law import with_state_law
from billadvocate.model import Finding

BILLED = Finding(rule="MEDICAID.BALANCE_BILL", severity="high", amount=Decimal("640"),
                 message="You have Medicaid: ... yet the bill asks $640.00", citations=["42 CFR 447.15"])


def test_california_names_its_medi_cal_law_next_to_the_federal_rule():
    (f,) = with_state_law([BILLED], "CA", date(2026, 3, 14))
    assert f.message.endswith("; Medi-Cal law forbids it too (Cal. Welf. & Inst. Code 14019.4 and 22 CCR 51002(a))")
    assert f.citations[0] == "42 CFR 447.15" and any("51002(a)" in c for c in f.citations)
    assert any("14019.4" in c for c in f.citations) and f.amount == Decimal("640")


def test_a_state_without_its_own_rule_and_other_findings_are_left_alone():
    assert with_state_law([BILLED], "TX", date(2026, 3, 14)) == [BILLED]
    other = BILLED.model_copy(update={"rule": "EOB.PATIENT_RESP"})
    assert with_state_law([other], "CA", date(2026, 3, 14)) == [other]
