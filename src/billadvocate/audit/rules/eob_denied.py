"""A denied claim or line on the EOB, which the patient (or provider) may appeal.

Every denial carries reason codes (CARC, e.g. CO-50 'not medically necessary', CO-197 'no prior
authorization', PR-96 'non-covered'). A 'CO' (contractual obligation) denial is the provider's to
absorb, not the patient's; others can be appealed within the plan's deadline (180 days for most
employer and marketplace plans). The billed amount of the denied claim is at stake.
"""

from ..rule import Rule

RULE = Rule(
    id="EOB.DENIED",
    severity="medium",
    summary="a denied claim or line that may be appealed (with the reason code explained)",
    citations=[
        "45 CFR 147.136(b)(2)(ii)(C) and 29 CFR 2560.503-1(h)(3)(i) (at least 180 days to appeal an adverse benefit determination)",
        "X12 Claim Adjustment Reason Codes and group codes (CO, PR, OA, PI)",
    ],
    sql="""
        SELECT source, coalesce(lines, CAST([] AS BIGINT[])) AS lines, coalesce(billed, 0) AS amount, eob,
               coalesce(claim_id, '') AS claim_id, coalesce(reason_codes, 'none given') AS reason_codes,
               service_date AS date,  -- NULL when the EOB gives none: the message then leaves out 'on {date}'
               CASE WHEN reason_codes LIKE 'CO-%' AND reason_codes NOT LIKE '%PR-%' THEN 'contractual'
                    -- a reason whose group (CO or PR) was not read, e.g. '?-97' from a scan: which of the two it
                    -- is decides whether the patient appeals or the provider writes it off
                    WHEN reason_codes LIKE '%?-%' AND reason_codes NOT LIKE '%PR-%' AND reason_codes NOT LIKE '%CO-%'
                    THEN 'group_unread' ELSE 'appeal' END AS kind,
               CASE WHEN coalesce(claim_id, '') = '' THEN (CASE WHEN level = 'line' THEN 'A line of a claim' ELSE 'A claim' END)
                    WHEN level = 'line' THEN 'A line of claim ' || claim_id ELSE 'Claim ' || claim_id END AS what
        FROM eobs
        WHERE denied
    """,
    message={
        "appeal": ("{what} on {date} was denied for {amount}, the Explanation of Benefits shows (reason "
                   "{reason_codes}): it can be appealed"),
        "group_unread": ("{what} on {date} was denied for {amount}, the Explanation of Benefits shows (reason "
                         "{reason_codes}), but the group before the reason could not be read: if it is CO, the "
                         "provider may not bill you for it; if it is PR, it can be appealed. Check the group printed "
                         "on the EOB or ask the insurer"),
        "contractual": ("{what} on {date} was denied for {amount}, the Explanation of Benefits shows, with "
                        "a contractual-obligation "
                        "reason ({reason_codes}): the provider may not bill you for it"),
    },
    explanation=("Ask the insurer for the full reason and the records used, and appeal in writing before the "
                 "deadline on the EOB (usually 180 days). A denial coded CO is the provider's to write off."),
    money_columns=("amount",),
    needs=("eobs",),
)
