"""Self-pay charges at least $400 above the Good Faith Estimate: the patient may dispute the bill.

An uninsured or self-pay patient who got a Good Faith Estimate and is then billed 'substantially in
excess' of it (at least $400 more than the estimate's total for that provider or facility) can start
the federal patient-provider dispute with HHS (45 CFR 149.620; its deadline is the rights engine's
NSA_DISPUTE_END, from law data). The threshold is law data
(`federal.nsa_audit.gfe_dispute_threshold`). At the threshold exactly ($400.00 over) the rule fires;
one cent under, it does not. Needs the account's gfe_total.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="NSA.GFE_EXCEEDED",
    severity="high",
    summary="self-pay charges at least $400 above the Good Faith Estimate",
    citations=[
        "Public Health Service Act sec. 2799B-7 (42 U.S.C. 300gg-137), patient-provider dispute resolution",
        "45 CFR 149.610 (good faith estimates for uninsured or self-pay individuals)",
    ],
    sql=f"""
        SELECT a.source, {no_lines()} AS lines, sum(a.charge) AS billed, min(b.gfe_total) AS gfe,
               sum(a.charge) - min(b.gfe_total) AS amount, min(p.gfe_threshold) AS threshold
        FROM audit_lines a JOIN bills b ON b.source = a.source CROSS JOIN audit_params p
        WHERE b.gfe_total IS NOT NULL AND (a.dos IS NULL OR a.dos >= p.nsa_from)
        GROUP BY a.source
        HAVING sum(a.charge) - min(b.gfe_total) >= min(p.gfe_threshold)
    """,
    message=("The bill totals {billed}, {amount} more than the Good Faith Estimate of {gfe} "
             "(a dispute is open at {threshold} or more)"),
    explanation=("You start the federal patient-provider dispute yourself, with the U.S. Department of Health and "
                 "Human Services (HHS), not by writing to the provider: file at cms.gov/nosurprises (or call "
                 "1-800-985-3059) by the deadline in your list of deadlines, with the bill and the Good Faith "
                 "Estimate, and pay the small fee. Then tell the provider you filed: while the dispute is pending it "
                 "must not send the bill to collections or add late fees."),
    money_columns=("amount", "billed", "gfe", "threshold"),
    law=("gfe_threshold", "nsa_from"),
    needs=("gfe_total",),
)
