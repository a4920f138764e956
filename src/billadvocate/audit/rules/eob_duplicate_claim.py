"""The same service on two EOB claims: billed twice to the plan, and perhaps paid or shared twice.

A line of one claim (code, date of service and billed amount) that comes back on another claim the
plan processed, neither denied nor reversed, is a duplicate claim: the provider billed the service
twice and, where both were paid, the patient's share (deductible, coinsurance) was taken twice. A
claim the plan reversed or denied as a duplicate is already put right and is not reported. High
severity when the plan paid it on more than one claim, medium when only billed twice. At stake: the
patient's share of the extra copies (0 when the EOBs do not say it).

Anti-pattern: 85025 on 2024-10-15, billed $45, on claims C1 and C2 of two EOBs, each with $9 of
coinsurance: $9 is the patient's share paid twice.
"""

from ..rule import Rule
from ..sqltypes import distinct_text

RULE = Rule(
    id="EOB.DUPLICATE_CLAIM",
    severity="high",
    summary="the same service (code, date, billed amount) on two EOB claims, paid or billed twice",
    citations=[
        "Medicare Claims Processing Manual (Pub. 100-04), ch. 1, sec. 120 (detection of duplicate claims)",
        "45 CFR 147.136(b) and 29 CFR 2560.503-1(g) (the plan's notice of benefit determination states the patient's share)",
    ],
    sql=f"""
        WITH service AS (  -- each claim's lines once (an EOB's rows repeat for each bill of the account)
            SELECT source, claim_id, code, service_date, billed, max(paid) AS paid,
                   max(patient_responsibility) AS share, flatten(list(lines)) AS lines
            FROM eobs
            WHERE level = 'service' AND code IS NOT NULL AND service_date IS NOT NULL AND billed > 0
              AND NOT coalesce(denied, false)
            GROUP BY source, claim_id, code, service_date, billed
        )
        SELECT source, list_sort(list_distinct(flatten(list(lines)))) AS lines, code, service_date AS date, billed,
               count(*) AS claims, {distinct_text('claim_id')} AS claim_ids,
               sum(CASE WHEN paid > 0 THEN 1 ELSE 0 END) AS paid_times,
               coalesce(sum(share) - max(share), 0) AS amount,
               CASE WHEN sum(CASE WHEN paid > 0 THEN 1 ELSE 0 END) > 1 THEN 'high' ELSE 'medium' END AS severity
        FROM service
        GROUP BY source, code, service_date, billed
        HAVING count(*) > 1
    """,
    message=("{code} on {date}, billed {billed}, is on {claims} insurance claims ({claim_ids}); the plan paid it "
             "{paid_times} time(s): one service should be one claim"),
    explanation=("The provider sent the same service to your plan more than once. Ask the plan to reprocess the "
                 "duplicate claim and to refund any deductible or coinsurance taken twice, and ask the provider to "
                 "bill you for the service once."),
    money_columns=("amount", "billed"),
    severity_column=True,
    needs=("eobs",),
)
