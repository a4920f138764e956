"""MEDICAID.BALANCE_BILL, MEDICARE.QMB_BILLED, MEDICARE.LIMITING_CHARGE and EOB.OOP_MAX_EXCEEDED."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billadvocate.audit.engine import connect, run_rules
from billadvocate.audit.rules import eob_oop_max_exceeded, medicaid_balance_bill, medicare_limiting_charge, \
    medicare_qmb_billed
from billadvocate.audit.tables import bills_table, eobs_table, lines_table
from billadvocate.ingest.eob_model import Eob, EobClaim
from billadvocate.model import Bill

from .support import AS_OF, D1, line


def run(rule, *lines, facts=None, eobs=None, **bill_fields):
    bill = Bill(source="b.csv", lines=list(lines), **{k: Decimal(str(v)) for k, v in bill_fields.items()})
    con = connect(lines_table([(bill.source, ln) for ln in lines]), bills_table([bill], facts or {}),
                  eobs_table(eobs, [bill]) if eobs else None, as_of=AS_OF)
    try:
        return run_rules(con, as_of=AS_OF, rules=[rule.RULE])
    finally:
        con.close()


def eob(*claims):
    return Eob(source="e.csv", format="csv", claims=[
        EobClaim(claim_id=f"C{i}", start=D1, patient_responsibility=Decimal(str(resp)),
                 deductible=None if ded is None else Decimal(str(ded)), status="processed")
        for i, (resp, ded) in enumerate(claims)])


@pytest.mark.parametrize("status,fires", [("medicaid", True), ("insured", False), ("uninsured", False)])
def test_medicaid_balance_bill_puts_the_whole_balance_at_stake_without_an_eob(status, fires):
    fs = run(medicaid_balance_bill, line(1, charge="900.00"), facts={"insurance_status": status, "balance": "640.00"})
    assert bool(fs) is fires
    if fires:
        assert fs[0].amount == Decimal("640.00") and fs[0].severity == "high"
        assert "42 CFR 447.15" in " ".join(fs[0].citations) and "Medicaid" in fs[0].message


def test_medicaid_keeps_the_cost_sharing_the_medicaid_eob_states():
    (f,) = run(medicaid_balance_bill, line(1, charge="900.00"), facts={"insurance_status": "medicaid",
                                                                      "balance": "640.00"}, eobs=[eob((4, None))])
    assert f.amount == Decimal("636.00") and "$4.00" in f.message


def test_medicaid_asking_only_the_copay_is_not_flagged():
    assert run(medicaid_balance_bill, line(1, charge="900.00"), facts={"insurance_status": "medicaid",
                                                                      "balance": "4.00"}, eobs=[eob((4, None))]) == []


def test_qmb_owes_no_medicare_cost_sharing_at_all():
    (f,) = run(medicare_qmb_billed, line(1, charge="300.00"), facts={"insurance_status": "qmb", "balance": "38.00"})
    assert f.amount == Decimal("38.00") and "1396a(n)(3)(B)" in f.citations[0]
    assert run(medicare_qmb_billed, line(1, charge="300.00"), facts={"insurance_status": "qmb", "balance": "0"}) == []
    assert run(medicare_qmb_billed, line(1, charge="300.00"),
               facts={"insurance_status": "medicare", "balance": "38.00"}) == []


def medicare_amount(code="99213"):
    """The fee-schedule amount the audit finds for one unit of the code (national, on D1)."""
    bill = Bill(source="x", lines=[line(1, code=code, charge="1000.00")])
    con = connect(lines_table([("x", bill.lines[0])]), bills_table([bill], {"setting": "professional"}), as_of=AS_OF)
    try:
        return con.execute("SELECT medicare FROM line_benchmarks").fetchone()[0]
    finally:
        con.close()


def test_limiting_charge_is_109_25_percent_of_the_fee_schedule_amount_at_the_cent():
    m = medicare_amount()
    limit = Decimal(str(round(m * 95 / 100 * 115 / 100, 2)))  # 109.25% of the amount
    facts = {"insurance_status": "medicare", "medicare_participating": False, "setting": "professional",
             "provider_kind": "physician"}
    assert run(medicare_limiting_charge, line(1, code="99213", charge=str(limit)), facts=facts) == []
    (f,) = run(medicare_limiting_charge, line(1, code="99213", charge=str(limit + Decimal("10.00"))), facts=facts)
    assert f.amount == Decimal("10.00") and f.lines == [1] and "109.25%" in f.message
    assert any("414.48" in c for c in f.citations) and any("414.48" in c for c in f.citations[3:])  # law data cited


def test_participating_provider_balance_above_the_approved_amount():
    m = medicare_amount()
    facts = {"insurance_status": "medicare", "medicare_participating": True, "setting": "professional",
             "provider_kind": "physician", "balance": str(Decimal(str(m)) + 50)}
    (f,) = run(medicare_limiting_charge, line(1, code="99213", charge="400.00"), facts=facts)
    assert f.amount == Decimal("50.00") and "participates" in f.message
    facts["balance"] = str(round(m * 0.2, 2))  # the 20% coinsurance: fine
    assert run(medicare_limiting_charge, line(1, code="99213", charge="400.00"), facts=facts) == []


def test_limiting_charge_needs_the_participation_status_and_skips_hospitals():
    facts = {"insurance_status": "medicare", "setting": "professional", "provider_kind": "physician"}
    assert run(medicare_limiting_charge, line(1, code="99213", charge="900.00"), facts=facts) == []
    facts.update(medicare_participating=False, provider_kind="hospital")
    assert run(medicare_limiting_charge, line(1, code="99213", charge="900.00"), facts=facts) == []


@pytest.mark.parametrize("oop,fires", [("7000.00", True), ("7500.00", False), ("7499.99", False), ("7499.98", True)])
def test_oop_max_against_the_eobs(oop, fires):
    fs = run(eob_oop_max_exceeded, line(1, charge="20000.00"), facts={"insurance_status": "insured", "oop_max": oop},
             eobs=[eob((5000, None), (2500, None))])
    fs = [f for f in fs if "out-of-pocket maximum" in f.message]
    assert bool(fs) is fires
    if fires:
        assert fs[0].amount == Decimal("7500.00") - Decimal(oop)


def test_deductible_applied_above_the_plan_deductible():
    (f,) = run(eob_oop_max_exceeded, line(1, charge="5000.00"),
               facts={"insurance_status": "insured", "plan_deductible": "1500.00"},
               eobs=[eob((1200, 1200), (900, 800))])
    assert f.amount == Decimal("500.00") and "deductible" in f.message


HOSPITAL = {"nonprofit": True, "provider_kind": "hospital", "fap_agb_percent": 38,
            "fap_free_fpl": 200, "fap_discount_fpl": 400}


@pytest.mark.parametrize("fpl,amount", [("153.73", "4830.00"), ("200.00", "4830.00"), ("200.01", "3903.52")])
def test_over_agb_in_the_free_tier_puts_the_whole_balance_in_dispute(fpl, amount):
    from billadvocate.audit.rules import irs501r_over_agb
    (f,) = run(irs501r_over_agb, line(1, charge="6296.00"), facts={**HOSPITAL, "fpl_percent": fpl, "balance": 4830},
               payments="1466.00")
    assert f.amount == Decimal(amount)
    assert ("free care" in f.message) is (fpl != "200.01")
    assert "at most its AGB" not in f.message or fpl == "200.01"
