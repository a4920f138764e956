"""What is owed, in order of the law: assistance tiers, public coverage, the EOB, price yardsticks.

Each case states the arithmetic an advocate would write down; the test checks billadvocate gives it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.assist import Situation, assistance
from billadvocate.audit import AuditResult
from billadvocate.ingest.eob_model import Eob, EobClaim, EobLine
from billadvocate.ingest.match import match
from billadvocate.model import Account, Bill, Fap, Finding, Line
from billadvocate.negotiate.fair import fair_amount
from billadvocate.negotiate.offer import make_offer

ON = date(2026, 11, 28)
D = date(2026, 9, 1)
FAP = {"free_at_or_below_fpl": 200, "discount_at_or_below_fpl": 400, "discount": 0.75, "agb_percent": 32}


def account(balance=12000, fap=FAP, kind="hospital", collector=None, **more):
    data = {"id": "a", "provider": {"name": "General Hospital", "kind": kind, "nonprofit": True, "state": "TX",
                                    "fap": fap}, "balance": balance, "care": {"start": D}, **more}
    if collector:
        data["collector"] = collector
    return Account.model_validate(data)


def lines(*charges):
    return [Line(line=i + 1, date=D, code=f"9921{i}", charge=Decimal(str(c))) for i, c in enumerate(charges)]


def audit_of(ls, findings=(), benchmarks=None):
    total = sum((ln.charge for ln in ls), Decimal(0))
    return AuditResult(lines=ls, total_charges=total, findings=list(findings), benchmarks=benchmarks or {})


def programs_at(income, acct, size=1, insurance="uninsured"):
    p = acct.provider
    sit = Situation(state="TX", household_size=size, annual_income=Decimal(income), insurance=insurance,
                    kind=p.kind, nonprofit=p.nonprofit, fap=p.fap, care_date=D, provider_state="TX")
    return assistance(state="TX", household_size=size, annual_income=Decimal(income), as_of=ON, situation=sit)


def fair(acct, ls, findings=(), assist=None, bills=(), **kw):
    return fair_amount(account=acct, audit=audit_of(ls, findings, kw.pop("benchmarks", None)), findings=list(findings),
                       bills=list(bills), assistance=assist, **kw)


# 2026 guideline for one person: 15,960 (200% = 31,920; 400% = 63,840)
@pytest.mark.parametrize("income,owed", [
    (31920, 0),          # exactly 200%: free care
    (31921, 3000),       # 200.01%: 75% off $12,000 of charges = $3,000, below AGB (32% = $3,840)
    (63840, 3000),       # exactly 400%: still the discount tier
    (63841, 12000),      # 400.01%: not eligible, the charges stand (AGB is no concession either way)
])
def test_tier_boundaries_of_the_hospital_policy(income, owed):
    acct = account()
    f = fair(acct, lines(12000), assist=programs_at(income, acct), insurance="uninsured")
    assert f["owed"] == owed


def test_the_discount_comes_off_the_charges_not_off_the_agb():
    # the case: 75% off $12,000 is $3,000; off the AGB it would wrongly be $960
    acct = account()
    f = fair(acct, lines(12000), assist=programs_at(40000, acct), insurance="uninsured")
    assert f["owed"] == 3000 and f["fair_amount"] == 3000 and f["capped_by"] == "assistance"
    assert any("75% off the $12,000.00 charged to you = $3,000.00" in w for w in f["why"])


def test_agb_is_a_ceiling_when_the_discount_leaves_more():
    acct = account(fap={**FAP, "discount": 0.5})  # 50% off 12,000 = 6,000 > AGB 3,840
    f = fair(acct, lines(12000), assist=programs_at(40000, acct), insurance="uninsured")
    assert f["owed"] == 3840
    assert any("amounts generally billed: 32% of $12,000.00 = $3,840.00" in w and "501(r)(5)" in w for w in f["why"])


def test_free_tier_owes_nothing_and_there_is_no_offer():
    acct = account()
    f = fair(acct, lines(12000), assist=programs_at(20000, acct), insurance="uninsured")
    assert (f["owed"], f["fair_amount"], f["disputed"]) == (0, 0, 12000)
    o = make_offer(account=acct, household=None, fair=f, sol=None, as_of=ON)
    assert o["owed"] == 0 and o["opening"] is None and o["target"] is None and o["walk_away"] is None
    assert "free care at your income" in o["no_offer"] and o["no_offer"].count("\n") == 0


def test_state_charity_care_covers_an_insured_patients_cost_sharing():
    # Washington, a tier-1 hospital: 100% off at or below 300% FPL, for insured patients too
    acct = Account.model_validate({"id": "a", "balance": 1800, "care": {"start": D},
                                   "provider": {"name": "Seattle General", "kind": "hospital", "state": "WA", "tier": 1}})
    sit = Situation(state="WA", household_size=1, annual_income=Decimal(40000), insurance="insured", kind="hospital",
                    tier=1, care_date=D, balance=Decimal(1800), provider_state="WA")
    assist = assistance(state="WA", household_size=1, annual_income=Decimal(40000), as_of=ON, situation=sit)
    wa = next(p for p in assist["programs"] if p["id"].startswith("STATE.WA"))
    assert wa["eligible"] is True and wa["discount"] == 1.0
    bills = [Bill(source="b", lines=lines(6000), payments=Decimal(4200))]
    f = fair(acct, lines(6000), assist=assist, bills=bills, insurance="insured")
    assert f["owed"] == 0 and f["capped_by"] == "assistance"


def test_medicaid_owes_nothing_beyond_cost_sharing():
    f = fair(account(fap=None), lines(900), insurance="medicaid")
    assert f["owed"] == 0 and f["capped_by"] == "medicaid"
    assert any("447.15" in w for w in f["why"])


def test_a_qmb_owes_no_medicare_cost_sharing():
    f = fair(account(balance=180, fap=None, kind="physician"), lines(900), insurance="qmb")
    assert f["owed"] == 0 and any("1396a(n)(3)(B)" in w for w in f["why"])


def test_medicare_limiting_charge_takes_the_excess_off():
    acct = account(balance=300, fap=None, kind="physician")
    over = Finding(rule="MEDICARE.LIMITING_CHARGE", severity="high", lines=[1], amount=Decimal("179.82"),
                   message="Line 1 is charged $300.00; the limiting charge is $120.18",
                   citations=["42 U.S.C. 1395w-4(g)(1)-(2)"])
    f = fair(acct, lines(300), [over], insurance="medicare")
    assert f["owed"] == 120.18 and any("1395w-4(g)" in w and "above the legal limit" in w for w in f["why"])


def eob_for(ls, shares, denied=()):
    claim = EobClaim(claim_id="C1", start=D, status="processed",
                     lines=[EobLine(line=i + 1, date=D, code=ln.code, billed=ln.charge,
                                    patient_responsibility=Decimal(str(s)), denied=(i + 1) in denied)
                            for i, (ln, s) in enumerate(zip(ls, shares))])
    return Eob(source="e.835", format="x12-835", claims=[claim])


def test_insured_owes_at_most_the_eob_patient_responsibility_of_matched_claims():
    ls = lines(2000, 500)
    bill = Bill(source="b", lines=ls)
    e = eob_for(ls, [250, 50])
    f = fair(account(balance=1900, fap=None), ls, bills=[bill], insurance="insured", eobs=[e], eob_match=match([bill], [e]))
    assert f["owed"] == 300 and f["fair_amount"] == 300 and f["capped_by"] == "eob"


def test_insured_without_a_matching_eob_keeps_the_balance_and_says_so():
    ls = lines(2000)
    bill = Bill(source="b", lines=ls)
    other = Eob(source="e.835", format="x12-835", claims=[EobClaim(claim_id="X", start=date(2020, 1, 1), status="processed",
                lines=[EobLine(line=1, date=date(2020, 1, 1), code="70000", billed=Decimal(5), patient_responsibility=Decimal(5))])])
    f = fair(account(balance=1900, fap=None), ls, bills=[bill], insurance="insured", eobs=[other],
             eob_match=match([bill], [other]))
    assert f["owed"] == 1900 and any("match no claim" in w for w in f["why"])


def test_a_duplicate_on_an_insured_bill_takes_its_own_patient_share_away():
    ls = [Line(line=1, date=D, code="85025", charge=Decimal(45)), Line(line=2, date=D, code="85025", charge=Decimal(45)),
          Line(line=3, date=D, code="99285", charge=Decimal(2000))]
    bill = Bill(source="b", lines=ls)
    e = eob_for(ls, [15, 15, 250])
    dup = Finding(rule="BILL.DUPLICATE", severity="high", lines=[1, 2], amount=Decimal(45), message="85025 twice",
                  citations=["CMS Pub. 100-04 ch. 1 sec. 80.3.2.2"])
    f = fair(account(balance=1500, fap=None), ls, [dup], bills=[bill], insurance="insured", eobs=[e],
             eob_match=match([bill], [e]))
    # the EOB's 280 less the duplicate's own 15, not less its 45 charge
    assert f["owed"] == 265
    assert any("its patient share on the EOB, $15.00" in w for w in f["why"])


def test_a_price_only_dispute_is_priced_at_its_yardstick_never_zero():
    ls = lines(2480, 150)
    outlier = Finding(rule="BILL.PRICE_OUTLIER", severity="medium", lines=[1], amount=Decimal(2275.47), message="12x")
    f = fair(account(balance=2630, fap=None, kind="other"), ls, [outlier], insurance="uninsured",
             benchmarks={1: {"medicare": 204.53, "fair": 204.53, "basis": "medicare"}})
    # line 1 at 1.5 x 204.53 = 306.80, line 2 at its charge 150: 456.80
    assert f["fair_amount"] == 456.80 and f["owed"] == 2630
    o = make_offer(account=account(balance=2630, fap=None, kind="other"), household=None, fair=f, sol=None, as_of=ON)
    assert 0 < o["opening"] < o["target"] < o["walk_away"] <= f["fair_amount"]


def test_only_lines_that_should_not_be_billed_go_to_zero():
    ls = lines(300, 300)
    nr = Finding(rule="BILL.NOT_RECEIVED", severity="high", lines=[2], amount=Decimal(300), message="never received")
    f = fair(account(balance=600, fap=None, kind="other"), ls, [nr], insurance="uninsured")
    assert f["owed"] == 300 and f["not_billable"] == 300


def test_a_void_debt_is_owed_nothing_with_its_citation():
    void = Finding(rule="STATE.XX.MEDICAL_DEBT_VOID", severity="high", amount=Decimal(0),
                   message="the debt was reported in violation of the state ban, which voids it",
                   citations=["Example Stat. 1-2-3"])
    f = fair(account(balance=800, fap=None), lines(800), violations=[void], insurance="uninsured")
    assert f["owed"] == 0 and f["capped_by"] == "void" and any("Example Stat. 1-2-3" in w for w in f["why"])


def test_debt_buyer_gets_far_less_than_the_provider_and_the_order_holds():
    f = {"owed": 1000.0, "fair_amount": 1000.0, "before_assistance": 1000.0, "why": ["x"], "steps": []}
    p = make_offer(account=account(balance=1000), household=None, fair=f, sol=None, as_of=ON)
    b = make_offer(account=account(balance=1000, collector={"name": "B", "kind": "debt_buyer", "purchase_price": 30}),
                   household=None, fair=f, sol=None, as_of=ON)
    for o in (p, b):
        assert 0 < o["opening"] < o["target"] < o["walk_away"] <= 1000 and o["owed"] == 1000
    assert b["walk_away"] < p["opening"]


@pytest.mark.parametrize("amount", ["0.05", "1.00", "7.50", "19.99", "20.00"])
def test_small_amounts_still_give_an_ordered_offer_above_zero(amount):
    f = {"owed": float(amount), "fair_amount": float(amount), "before_assistance": float(amount), "why": [], "steps": []}
    o = make_offer(account=account(balance=50, collector={"name": "B", "kind": "debt_buyer"}), household=None,
                   fair=f, sol={"time_barred": True}, as_of=ON)
    assert 0 < o["opening"] < o["target"] < o["walk_away"] <= float(amount)


def test_nsa_protected_care_without_an_eob_is_capped_at_the_out_of_pocket_maximum_and_still_priced():
    nsa = Finding(rule="NSA.BALANCE_BILL", severity="medium", amount=Decimal(0), message="get the EOB",
                  citations=["45 CFR 149.410"])
    acct = Account.model_validate(
        {"id": "a", "balance": 4830, "care": {"start": D, "emergency": True},
         "provider": {"name": "General Hospital", "kind": "hospital", "in_network": False}})
    ls = lines(2000, 2830)
    f = fair(acct, ls, [nsa], insurance="insured", out_of_pocket_max=Decimal(3000),
             benchmarks={1: {"medicare": 100.0, "fair": 100.0, "basis": "medicare"}})
    # at most the 3,000 maximum; priced: line 1 at 150 + line 2 at its 2,830 = 2,980
    assert f["owed"] == 3000 and f["capped_by"] == "oop_ceiling" and f["fair_amount"] == 2980
    assert any("149.410(b)" in w and "out-of-pocket maximum" in w for w in f["why"])


def test_insurance_paid_more_than_the_yardstick_leaves_a_small_amount_not_zero():
    acct = Account.model_validate({"id": "a", "balance": 900, "provider": {"name": "Clinic", "kind": "physician"}})
    ls = lines(1000)
    f = fair(acct, ls, bills=[Bill(source="b", lines=ls, payments=Decimal(100))], insurance="insured",
             benchmarks={1: {"medicare": 40.0, "fair": 40.0, "basis": "medicare"}})
    # yardstick 60 (1.5 x 40) is below the 100 insurance paid: 10% of the 900 owed
    assert f["owed"] == 900 and f["fair_amount"] == 90


def test_a_claim_the_plan_processed_twice_takes_its_patient_share_off_the_eob_figure():
    ls = lines(2000, 500)
    bill = Bill(source="b", lines=ls)
    e = eob_for(ls, [250, 50])
    twice = Finding(rule="EOB.DUPLICATE_CLAIM", severity="medium", amount=Decimal(50), message="claim twice",
                    citations=["45 CFR 147.136"])
    f = fair(account(balance=1900, fap=None), ls, [twice], bills=[bill], insurance="insured", eobs=[e],
             eob_match=match([bill], [e]))
    assert f["owed"] == 250 and any("processed twice" in w for w in f["why"])


def test_a_participating_medicare_provider_may_not_ask_more_than_the_approved_amount():
    acct = account(balance=300, fap=None, kind="physician")
    over = Finding(rule="MEDICARE.LIMITING_CHARGE", severity="high", lines=[], amount=Decimal("190.00"),
                   message="The provider participates in Medicare: the approved amount is $110.00",
                   citations=["42 U.S.C. 1395u(h)(1)"])
    f = fair(acct, lines(300), [over], insurance="medicare")
    assert f["owed"] == 110 and f["capped_by"] == "medicare" and any("1395u(h)(1)" in w for w in f["why"])


def test_out_of_network_ancillary_work_is_no_surprises_protection_not_lines_to_remove():
    # an anesthesiologist out of network at an in-network hospital: billed 3,200, allowed 900 (2,300 at stake)
    oon = Finding(rule="EOB.OUT_OF_NETWORK_ANCILLARY", severity="high", lines=[1], amount=Decimal(2300),
                  message="out of network anesthesia", citations=["45 CFR 149.420(b)"])
    acct = Account.model_validate({"id": "a", "balance": 3200, "care": {"start": D},
                                   "provider": {"name": "Valley Anesthesia", "kind": "physician"}})
    f = fair(acct, lines(3200), [oon], insurance="insured", out_of_pocket_max=Decimal(3000))
    # the line stays (it was given); the No Surprises Act caps the year's share at the 3,000 maximum
    assert f["owed"] == 3000 and f["capped_by"] == "oop_ceiling"
    assert any("No Surprises Act" in w for w in f["why"])
