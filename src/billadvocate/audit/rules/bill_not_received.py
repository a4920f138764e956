"""A line the patient says was never provided (the case's accounts[].not_received).

Anti-pattern: line 14, dexamethasone 10 mg, which the patient never received. The whole charge is
at stake until the provider shows the medical record (the medication administration record, the
order, the nurse's note) proving it was given.
"""

from ..rule import Rule
from ..sqltypes import line_list

RULE = Rule(
    id="BILL.NOT_RECEIVED",
    severity="high",
    summary="a line the patient marked as never provided",
    citations=[
        "45 CFR 164.524 (HIPAA right of access: the patient may get the medical record to check what was provided)",
        "CMS Medicare Claims Processing Manual (Pub. 100-04), ch. 1, sec. 80.3.2.1 (a claim must be supported by the record)",
    ],
    sql=f"""
        SELECT source, {line_list('line')} AS lines, charge AS amount, line,
               coalesce(code, '') AS code, description, service_date AS date
        FROM audit_lines
        WHERE not_received AND charge > 0
    """,
    message="Line {line}, {description} ({code}) on {date} for {amount}, is marked as never received",
    explanation=("Ask the billing office, in writing, to remove the charge or to send the part of the "
                 "medical record that shows the service was given. You have a right to your record."),
)
