"""An inpatient stay disputed only for its price against its MS-DRG payment (BILL.PRICE_INPATIENT_DRG):
what is owed stays the balance (a price finding takes no line off), and the fair amount prices the stay
at the DRG payment, operating and capital (computed here from the shipped FY 2026 weights and federal.cms_ipps
rates), times the stated Medicare multiple."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pyarrow.parquet as pq

from billadvocate.audit import AuditResult, audit_bills
from billadvocate.law import law
from billadvocate.model import Account, Bill, Finding, Line
from billadvocate.negotiate.fair import MEDICARE_MULTIPLE, fair_amount
from billadvocate.reference.store import SHIPPED_DIR

START, END = date(2026, 3, 2), date(2026, 3, 6)
CENT = Decimal("0.01")


def drg_payment(drg: str) -> Decimal:
    """weight x (labor + nonlabor) + weight x the capital federal rate, each to the cent."""
    d = pq.read_table(SHIPPED_DIR / "msdrg-2025-10-01.parquet").to_pydict()
    weight = Decimal(str(d["weight"][d["drg"].index(drg)]))
    std = law().parameter("federal.cms_ipps.national_standardized_amounts").at(END).value
    operating = Decimal(str(std["labor_low_wage"])) + Decimal(str(std["nonlabor_low_wage"]))
    capital = Decimal(str(law().parameter("federal.cms_ipps.capital_federal_rate").at(END).value))
    return (weight * operating).quantize(CENT) + (weight * capital).quantize(CENT)


def account(balance):
    return Account.model_validate({"id": "a", "provider": {"name": "City Hospital", "kind": "hospital", "state": "TX"},
                                   "balance": balance, "care": {"start": START, "end": END}})


def stay_lines():
    return [Line(line=1, date=START, revenue_code="0120", description="ROOM AND BOARD", charge=Decimal("29200")),
            Line(line=2, date=START, revenue_code="0250", description="PHARMACY", charge=Decimal("29200"))]


def test_a_drg_price_finding_takes_no_line_off_even_when_it_names_the_stays_lines():
    ls = stay_lines()
    excess = Decimal("58400") - drg_payment("871")
    drg = Finding(rule="BILL.PRICE_INPATIENT_DRG", severity="medium", lines=[1, 2], amount=excess, message="4.5x")
    audit = AuditResult(lines=ls, total_charges=Decimal("58400"), findings=[drg])
    f = fair_amount(account=account(58400), audit=audit, findings=[drg], bills=[], assistance=None,
                    insurance="uninsured")
    assert f["owed"] == 58400 and f["not_billable"] == 0


def test_a_stay_disputed_for_its_price_is_priced_at_its_drg_payment_never_zero():
    bill = Bill(source="stay.csv", ms_drg="871", lines=stay_lines())
    audit = audit_bills([bill], facts={"setting": "inpatient", "care_start": START, "care_end": END},
                        as_of=date(2026, 12, 5))
    findings = [f for f in audit.findings if f.rule == "BILL.PRICE_INPATIENT_DRG"]
    assert findings
    f = fair_amount(account=account(58400), audit=audit, findings=audit.findings, bills=[bill], assistance=None,
                    insurance="uninsured")
    # each line carries half of 1.9425 x 6752.61 + 1.9425 x 524.15 = 13,116.94 + 1,018.16 = 14,135.10,
    # priced at 1.5x: 2 x (7,067.55 x 1.5 = 10,601.33) = 21,202.66
    half = (drg_payment("871") / 2).quantize(CENT)
    expected = 2 * (half * MEDICARE_MULTIPLE).quantize(CENT, ROUND_HALF_UP)
    assert f["owed"] == 58400
    assert Decimal(str(f["fair_amount"])) == expected == Decimal("21202.66")
