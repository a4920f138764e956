"""The EOBs make the patient pay more than the plan's out-of-pocket maximum (or its deductible).

Once the patient has paid the plan year's in-network out-of-pocket maximum, the plan pays 100% of
covered in-network care; the deductible likewise caps what is applied to it. Compares the patient
responsibility (and the amounts applied to the deductible) on the account's EOBs with the maximum
and the deductible the case states (insurance.out_of_pocket_max, insurance.in_network_deductible).
Anti-pattern: EOBs totalling $9,800 of patient responsibility under a plan whose maximum is $7,000.
The claims should be in one plan year and in network; other bills of the year count too.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="EOB.OOP_MAX_EXCEEDED",
    severity="medium",
    summary="the EOBs' patient responsibility exceeds the plan's out-of-pocket maximum or deductible",
    citations=[
        "42 U.S.C. 18022(c)(1) and 45 CFR 156.130(a) (annual limitation on cost sharing)",
        "42 U.S.C. 300gg-6(b) (group health plans keep to the annual limitation on cost sharing)",
    ],
    sql=f"""
        WITH e AS (SELECT source, sum(patient_responsibility) AS owed, sum(deductible) AS deductible,
                          count(*) AS claims,
                          CAST(count(*) AS VARCHAR) || CASE WHEN count(*) = 1 THEN ' claim' ELSE ' claims' END
                              AS claims_words
                   FROM eobs WHERE level = 'claim' AND NOT coalesce(denied, false) GROUP BY source),
        s AS (SELECT source, {no_lines()} AS lines FROM bill_sums)
        SELECT b.source, s.lines, e.owed, e.claims, e.claims_words, b.oop_max AS limit_amount, 'oop' AS kind,
               e.owed - b.oop_max AS amount
        FROM bills b JOIN e ON e.source = b.source JOIN s ON s.source = b.source
        WHERE b.insurance_status = 'insured' AND b.oop_max IS NOT NULL AND e.owed - b.oop_max > 0.01
        UNION ALL
        SELECT b.source, s.lines, e.deductible AS owed, e.claims, e.claims_words, b.plan_deductible AS limit_amount,
               'deductible' AS kind, e.deductible - b.plan_deductible AS amount
        FROM bills b JOIN e ON e.source = b.source JOIN s ON s.source = b.source
        WHERE b.insurance_status = 'insured' AND b.plan_deductible IS NOT NULL
          AND e.deductible - b.plan_deductible > 0.01
    """,
    message={
        "oop": ("The EOBs ({claims_words}) make your share {owed}, more than your plan's out-of-pocket maximum "
                "of {limit_amount}: {amount} should be paid by the plan, if these claims are in one plan year "
                "and in network"),
        "deductible": ("The EOBs ({claims_words}) apply {owed} to your deductible, more than the deductible of "
                       "{limit_amount}: {amount} should be paid by the plan, if these claims are in one plan year"),
    },
    explanation=("Ask your insurer, in writing, to reprocess the claims with your out-of-pocket maximum (or "
                 "deductible) applied, and send the provider the corrected EOB. Keep a list of what you paid in "
                 "the plan year; an appeal is free."),
    money_columns=("amount", "owed", "limit_amount"),
    needs=("eobs",),
)
