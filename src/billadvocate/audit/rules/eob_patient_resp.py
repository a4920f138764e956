"""The bill asks for more than the EOB says the patient owes for the same claim.

The insurer's Explanation of Benefits states the patient's responsibility (deductible, copay,
coinsurance, non-covered). An in-network provider may not collect more than that; an out-of-network
one may balance-bill only where the No Surprises Act does not protect the patient. Compares the
balance asked (the account's balance, else the bill's stated balance, else its charges less the
payments shown) with the sum of the EOBs' patient responsibility.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="EOB.PATIENT_RESP",
    severity="high",
    summary="the bill asks for more than the EOB's patient responsibility for the same claim",
    citations=[
        "45 CFR 147.136(b) and 29 CFR 2560.503-1(g) (the plan's notice of benefit determination states the patient's share)",
        "The provider's network participation agreement (in-network providers accept the plan's allowed amount)",
    ],
    sql=f"""
        WITH e AS (SELECT source, sum(patient_responsibility) AS owed, count(*) AS claims FROM eobs
                   WHERE level = 'claim' AND patient_responsibility IS NOT NULL GROUP BY source),
        s AS (SELECT source, {no_lines()} AS lines, total FROM bill_sums)
        SELECT b.source, s.lines, e.owed, e.claims,
               CAST(e.claims AS VARCHAR) || CASE WHEN e.claims = 1 THEN ' claim' ELSE ' claims' END AS claims_words,
               coalesce(b.balance, b.stated_balance, s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) AS asked,
               coalesce(b.balance, b.stated_balance, s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) - e.owed AS amount,
               CASE WHEN b.in_network THEN 'high' ELSE 'medium' END AS severity
        FROM bills b JOIN e ON e.source = b.source JOIN s ON s.source = b.source
        WHERE coalesce(b.balance, b.stated_balance, s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) - e.owed > 0.01
    """,
    message="The bill asks {asked}, but the EOB ({claims_words}) says your share is {owed}: {amount} more",
    explanation=("Send the provider a copy of the EOB and ask them to correct the balance to your share. If the "
                 "provider is in your plan's network, it agreed to accept the plan's allowed amount."),
    money_columns=("amount", "asked", "owed"),
    severity_column=True,
    needs=("eobs",),
)
