"""Speed of the money engine: assistance programs and offer/plan for many households.

Prints the time per household for `assistance()` (every program of the state), for offer + plan,
and for what is owed + the fair amount of a 20-line bill, as ratios against a baseline measured in the same run (one poverty
guideline lookup), so results compare across machines.

    PYTHONPATH=src python benchmarks/money.py [N]
"""

from __future__ import annotations

import sys
import time
from datetime import date
from decimal import Decimal

from billadvocate.assist import Situation, assistance
from billadvocate.assist.poverty import guideline
from billadvocate.model import Account, Household
from billadvocate.negotiate.offer import make_offer
from billadvocate.negotiate.plan import payment_plan

STATES = ["CA", "WA", "CO", "IL", "OR", "MD", "CT", "NY", "NJ", "RI", "ME", "NV", "TX", "AK", "HI"]
ON = date(2026, 11, 28)


def timed(fn, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    return (time.perf_counter() - start) / n


def main(n: int) -> None:
    guideline("CA", 1, ON)  # load the law once, outside the timings
    base = timed(lambda i: guideline(STATES[i % len(STATES)], 1 + i % 8, ON), n)

    def one_assist(i):
        st = STATES[i % len(STATES)]
        sit = Situation(state=st, household_size=1 + i % 8, annual_income=Decimal(15000 + 97 * i % 90000),
                        insurance="uninsured", kind="hospital", nonprofit=True, tier=1 + i % 2, rural=bool(i % 3))
        assistance(state=st, household_size=sit.household_size, annual_income=sit.annual_income, as_of=ON, situation=sit)

    acct = Account.model_validate({"id": "a", "provider": {"name": "P", "kind": "hospital", "state": "CO"},
                                   "balance": 5000, "first_bill_date": "2024-01-01",
                                   "collector": {"name": "C", "kind": "debt_buyer", "purchase_price": 100}})
    hh = Household(size=3, annual_income=42000, monthly_expenses=2900, liquid_assets=4000)
    fair = {"fair_amount": 2400.0, "before_assistance": 2400.0, "why": ["x"]}

    def one_money(i):
        make_offer(account=acct, household=hh, fair=fair, sol={"time_barred": bool(i % 2)}, as_of=ON)
        payment_plan(account=acct, household=hh, programs=[{"id": "STATE.CO.HOSPITAL_DISCOUNTED_CARE", "eligible": True}],
                     amount=Decimal(2400), state="CO", as_of=ON)

    from billadvocate.audit import AuditResult
    from billadvocate.model import Finding, Line
    from billadvocate.negotiate.fair import fair_amount

    lines = [Line(line=k, charge=Decimal(100 + 10 * k), code="99213") for k in range(1, 21)]
    audit = AuditResult(lines=lines, total_charges=sum((ln.charge for ln in lines), Decimal(0)), findings=[],
                        benchmarks={k: {"medicare": 50.0, "fair": 50.0, "basis": "medicare"} for k in range(1, 11)})
    dup = Finding(rule="BILL.DUPLICATE", severity="high", lines=[19, 20], amount=Decimal(290), message="dup")
    sit = Situation(state="CO", household_size=3, annual_income=Decimal(42000), insurance="uninsured",
                    kind="hospital", nonprofit=True)
    programs = assistance(state="CO", household_size=3, annual_income=Decimal(42000), as_of=ON, situation=sit)

    def one_fair(i):
        fair_amount(account=acct, audit=audit, findings=[dup], bills=[], assistance=programs, insurance="uninsured")

    a = timed(one_assist, n)
    m = timed(one_money, n)
    f = timed(one_fair, n)
    print(f"baseline (one guideline lookup): {base * 1e6:8.1f} us")
    print(f"assistance, all programs:        {a * 1e6:8.1f} us  = {a / base:6.1f} x baseline")
    print(f"offer + plan:                    {m * 1e6:8.1f} us  = {m / base:6.1f} x baseline")
    print(f"what is owed + fair amount (20 lines): {f * 1e6:8.1f} us  = {f / base:6.1f} x baseline")
    print(f"households per second (assistance + offer + plan): {1 / (a + m):,.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
