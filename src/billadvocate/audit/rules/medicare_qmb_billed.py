"""A Qualified Medicare Beneficiary (QMB) billed for Medicare cost sharing.

No Medicare provider or supplier may bill a QMB for Medicare's deductible, coinsurance or copay,
whether or not it takes Medicaid; the state pays what it owes, or nothing is owed. Anti-pattern: a
doctor's office bills a QMB the 20% coinsurance after Medicare paid. The whole balance is at stake.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="MEDICARE.QMB_BILLED",
    severity="high",
    summary="a Qualified Medicare Beneficiary billed for Medicare cost sharing",
    citations=[
        "42 U.S.C. 1396a(n)(3)(B) (a QMB has no legal liability for Medicare cost sharing)",
        "42 U.S.C. 1395cc(a)(1)(A) and 1395w-22(k)(3) (Medicare providers, including Medicare Advantage, may not bill it)",
    ],
    sql=f"""
        WITH s AS (SELECT source, {no_lines()} AS lines, total FROM bill_sums)
        SELECT b.source, s.lines,
               coalesce(b.balance, b.stated_balance,
                        s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) AS amount
        FROM bills b JOIN s ON s.source = b.source
        WHERE b.insurance_status = 'qmb'
          AND coalesce(b.balance, b.stated_balance,
                       s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) > 0.01
    """,
    message=("You are a Qualified Medicare Beneficiary: no Medicare provider may bill you Medicare's deductible, "
             "coinsurance or copays, yet the bill asks {amount}"),
    explanation=("Show the provider your Medicare and Medicaid (or QMB) cards and ask it, in writing, to stop "
                 "billing you, to recall the account from any collector and to refund anything you paid. If it "
                 "does not, call 1-800-MEDICARE (1-800-633-4227): Medicare will tell the provider to stop."),
)
