"""A Medicaid patient billed beyond Medicaid's cost sharing for covered care.

A provider that takes part in Medicaid must accept Medicaid's payment plus the plan's own
deductible, coinsurance or copay (nominal, set by the state) as payment in full; it may not bill the
patient the rest. Anti-pattern: a hospital sends a Medicaid patient a $1,200 balance, or sends it to
collections. With the Medicaid EOB the cost sharing it states is kept; without one the whole balance
is at stake. The patient must have shown the card (or been on Medicaid when served): say so.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="MEDICAID.BALANCE_BILL",
    severity="high",
    summary="a Medicaid patient billed beyond Medicaid's cost sharing",
    citations=[
        "42 U.S.C. 1396a(a)(25)(C) (providers may not seek payment from the beneficiary beyond cost sharing)",
        "42 CFR 447.15 (Medicaid providers accept the agency's payment plus cost sharing as payment in full)",
    ],
    sql=f"""
        WITH e AS (SELECT source, sum(patient_responsibility) AS cost_sharing FROM eobs
                   WHERE level = 'claim' AND patient_responsibility IS NOT NULL GROUP BY source),
        s AS (SELECT source, {no_lines()} AS lines, total FROM bill_sums),
        cases AS (
            SELECT b.source, s.lines, e.cost_sharing,
                   coalesce(b.balance, b.stated_balance,
                            s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) AS asked
            FROM bills b JOIN s ON s.source = b.source LEFT JOIN e ON e.source = b.source
            WHERE b.insurance_status = 'medicaid'
        )
        SELECT source, lines, asked, cost_sharing,
               CASE WHEN cost_sharing IS NULL THEN 'no_eob' ELSE 'excess' END AS kind,
               asked - coalesce(cost_sharing, 0) AS amount
        FROM cases
        WHERE asked - coalesce(cost_sharing, 0) > 0.01
    """,
    message={
        "no_eob": ("You have Medicaid: a provider that takes Medicaid may not bill you beyond Medicaid's small "
                   "copay, yet the bill asks {amount}"),
        "excess": ("You have Medicaid: your cost sharing on the Medicaid statement is {cost_sharing}, yet the "
                   "bill asks {asked}: {amount} more than the law allows"),
    },
    explanation=("Send the provider a copy of your Medicaid card and ask it, in writing, to bill Medicaid and to "
                 "take back the account from any collector. A provider that accepted you as a Medicaid patient "
                 "must take Medicaid's payment as payment in full. If it will not, call your state Medicaid "
                 "agency's member line."),
    money_columns=("amount", "asked", "cost_sharing"),
)
