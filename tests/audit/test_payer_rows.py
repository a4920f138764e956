"""Payer rows on a provider's bill are payments or adjustments, never charges (no false BILL.MATH)."""

from decimal import Decimal

from billadvocate.audit import audit_bills
from billadvocate.ingest.csv_bill import read_csv_text

from .support import AS_OF

# the layout of the shipped ER example (examples/er-visit-nonprofit/bills), with the payer's rows a
# hospital statement shows under the charges, each with its posting date
LEDGER = """Line,Svc Date,Rev Code,CPT/HCPCS,Description,Qty,Unit Price,Amount,Modifiers
1,03/02/2025,0450,99284,ER VISIT LEVEL 4,1,"$1,320.00","$1,320.00",
2,03/02/2025,0300,85025,CBC W/AUTO DIFF,1,$45.00,$45.00,
3,03/02/2025,,,PHARMACY MISC,1,$30.00,$30.00,
,03/10/2025,,,MEDICARE PAYMENT,,,($612.40),
,03/10/2025,,,CONTRACTUAL ADJUSTMENT,,,"($600.00)",
,03/12/2025,,,INSURANCE PAID,,,-100.00,
,,,,SECONDARY PAYER PMT,,,-20.00,
,,,,TOTAL CHARGES,,,"$1,395.00",
,,,,BALANCE DUE,,,$62.60,
"""


def test_payer_rows_are_read_as_payments_and_adjustments():
    bill = read_csv_text(LEDGER, file="ledger.csv")
    assert [ln.description for ln in bill.lines] == ["ER VISIT LEVEL 4", "CBC W/AUTO DIFF", "PHARMACY MISC"]
    assert bill.payments == Decimal("732.40") and bill.adjustments == Decimal("600.00")
    assert bill.stated_total == Decimal("1395.00") and bill.stated_balance == Decimal("62.60")


def test_a_consistent_ledger_with_payer_rows_has_no_math_finding():
    bill = read_csv_text(LEDGER, file="ledger.csv")
    result = audit_bills([bill], facts={}, as_of=AS_OF)
    assert not [f for f in result.findings if f.rule == "BILL.MATH"]
    assert result.total_charges == Decimal("1395.00")
