"""The bill has no procedure or revenue codes: it is a summary, and the patient should ask for an
itemized bill before paying.

Anti-pattern: lines such as "Pharmacy $1,210" and "Laboratory $980" with no CPT/HCPCS or revenue
codes. No other check can run on such lines, so this is the first step of any review. One code on
the bill is enough for it to count as itemized.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="BILL.NOT_ITEMIZED",
    severity="medium",
    summary="the bill has no codes: the patient should ask for an itemized bill",
    citations=[
        "45 CFR 164.524 (HIPAA right of access to billing records, part of the designated record set, 45 CFR 164.501)",
        "Medicare Claims Processing Manual (Pub. 100-04), ch. 25 (UB-04 revenue and HCPCS codes on institutional claims)",
    ],
    sql=f"""
        SELECT source, {no_lines()} AS lines, 0 AS amount, line_count AS count, total
        FROM bill_sums
        WHERE coded = 0 AND revenue_coded = 0
    """,
    message=("None of the {count} lines ({total} in all) carries a procedure (CPT/HCPCS) or revenue code: "
             "this is a summary bill, not an itemized one"),
    explanation=("Ask the provider in writing for an itemized bill with the CPT/HCPCS code, revenue code, "
                 "date, units and charge of every service. Nothing can be checked without it, and you should "
                 "not pay a summary bill until you have seen one."),
    money_columns=("amount", "total"),
)
