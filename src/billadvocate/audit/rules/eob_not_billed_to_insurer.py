"""Charges with no EOB at all while the patient is insured: the insurer may never have been billed.

Anti-pattern: an insured patient's bill with no insurance payment or adjustment on it, and no EOB
in the case. Until the claim is filed and processed, nothing is known to be the patient's share,
so the whole bill is at stake. A bill that shows an insurance payment or adjustment, or an account
with an EOB, does not fire.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="EOB.NOT_BILLED_TO_INSURER",
    severity="medium",
    summary="charges with no EOB at all while the patient is insured",
    citations=[
        "45 CFR 147.136 and 29 CFR 2560.503-1 (claims procedures: a claim must be filed and decided before a share is owed)",
        "42 CFR 424.32 and 424.44 (Medicare: providers file the claim, within one year of service)",
    ],
    sql=f"""
        SELECT b.source, {no_lines()} AS lines, s.total AS amount, b.insurance_status AS status,
               CASE b.insurance_status WHEN 'medicare' THEN 'Medicare' WHEN 'medicaid' THEN 'Medicaid'
                    WHEN 'qmb' THEN 'Medicare and the Qualified Medicare Beneficiary program'
                    ELSE 'a health plan' END AS plan
        FROM bills b JOIN bill_sums s ON s.source = b.source
        WHERE b.insurance_status IN ('insured', 'medicare', 'medicaid', 'qmb')
          AND NOT coalesce(b.has_eob, false)
          AND coalesce(b.payments, 0) = 0 AND coalesce(b.adjustments, 0) = 0
    """,
    message=("You have {plan}, but the bill shows no insurance payment and there is no Explanation of Benefits "
             "from your plan: {amount} may never have been billed to your insurance"),
    explanation=("Ask the provider to bill your insurance (give them your plan and member id) and do not pay "
                 "until the insurer's Explanation of Benefits shows your share. Medicare and Medicaid patients "
                 "generally may not be billed for covered care beyond their cost sharing."),
)
