"""Emergency care, or out-of-network care at an in-network facility, billed above in-network cost
sharing (a surprise balance bill).

For an insured patient (not Medicare or Medicaid, which have their own protections), an
out-of-network provider may bill no more than the in-network cost sharing for emergency care, or for
non-emergency care at an in-network facility without valid notice and consent. With an EOB the
cost sharing is known and the excess is at stake; without one the rule says what to ask for, at
medium severity with nothing counted; with the provider's network status unknown it says so at
info severity.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="NSA.BALANCE_BILL",
    severity="high",
    summary="emergency care, or out-of-network care at an in-network facility, billed above in-network cost sharing",
    citations=[
        "Public Health Service Act sec. 2799B-1 and 2799B-2 (42 U.S.C. 300gg-131, 300gg-132)",
        "45 CFR 149.410 (emergency services) and 149.420 (non-participating providers at participating facilities)",
    ],
    sql=f"""
        WITH asked AS (
            SELECT source, {no_lines()} AS lines, total, first_date FROM bill_sums
        ), eob AS (
            SELECT source, sum(patient_responsibility) AS cost_sharing FROM eobs
            WHERE level = 'claim' AND patient_responsibility IS NOT NULL GROUP BY source
        ), cases AS (
            SELECT b.source, k.lines, coalesce(b.balance, b.stated_balance, k.total) AS asked, e.cost_sharing,
                   CASE WHEN b.emergency THEN 'emergency care' ELSE 'care at an in-network facility' END AS care,
                   b.in_network
            FROM bills b JOIN asked k ON k.source = b.source LEFT JOIN eob e ON e.source = b.source
            CROSS JOIN audit_params p
            WHERE b.insurance_status = 'insured'
              AND (k.first_date IS NULL OR k.first_date >= p.nsa_from)
              AND (b.emergency OR b.facility_in_network)
              AND (b.in_network IS NULL OR NOT b.in_network)
        )
        SELECT source, lines, asked, cost_sharing, care,
               CASE WHEN in_network IS NULL THEN 'unknown' WHEN cost_sharing IS NULL THEN 'no_eob' ELSE 'excess' END AS kind,
               CASE WHEN in_network IS NULL THEN 'info' WHEN cost_sharing IS NULL THEN 'medium' ELSE 'high' END AS severity,
               CASE WHEN in_network = false AND cost_sharing IS NOT NULL THEN asked - cost_sharing ELSE 0 END AS amount
        FROM cases
        WHERE in_network IS NULL OR cost_sharing IS NULL OR asked - cost_sharing > 0.01
    """,
    message={
        "excess": ("For {care} from an out-of-network provider the bill asks {asked}, but your in-network cost "
                   "sharing on the EOB is {cost_sharing}: {amount} is a balance bill"),
        "no_eob": ("For {care} from an out-of-network provider you owe only your in-network cost sharing; the "
                   "bill asks {asked}: get the insurer's EOB to see that amount"),
        "unknown": ("Surprise-billing protection for {care} was not checked: whether the provider is in your "
                    "plan's network is unknown (accounts[].provider.in_network)"),
    },
    explanation=("Under the No Surprises Act you pay no more than your in-network cost sharing for emergency "
                 "care, and for out-of-network providers at an in-network hospital unless you signed a valid "
                 "notice and consent. Dispute the excess with the provider and your plan; you can complain at "
                 "cms.gov/nosurprises or 1-800-985-3059."),
    money_columns=("amount", "asked", "cost_sharing"),
    severity_column=True,
    law=("nsa_from",),
)
