"""A line dated outside the care it belongs to (before admission or after discharge).

Anti-pattern: a stay from 2025-03-02 to 2025-03-04 and a basic metabolic panel dated 2025-03-05.
Such a line is often another visit's charge, or a late posting entered with the wrong date; either
way the provider should explain it. Needs the care's start (and end) from the case file, else the
claim's statement period (an 837's DTP*434, when its claims share one; the result's notes say so);
lines with no date are not judged.
"""

from ..rule import Rule
from ..sqltypes import line_list

RULE = Rule(
    id="BILL.DATE_OUTSIDE_CARE",
    severity="medium",
    summary="a line's date of service falls outside the care's start..end",
    citations=[
        "CMS Medicare Claims Processing Manual (Pub. 100-04), ch. 1, sec. 80.3.2.1.1 (dates of service on the claim must fall within the statement period)",
    ],
    sql=f"""
        SELECT source, {line_list('line')} AS lines, charge AS amount, line,
               coalesce(code, '') AS code, description, service_date AS date,
               care_start AS start, coalesce(care_end, care_start) AS "end",
               CASE WHEN service_date < care_start THEN 'before' ELSE 'after' END AS side
        FROM audit_lines
        WHERE service_date IS NOT NULL AND care_start IS NOT NULL
          AND (service_date < care_start OR service_date > coalesce(care_end, care_start))
    """,
    message="Line {line}, {description} ({code}), is dated {date}, {side} the care ({start} to {end})",
    explanation=("Ask the billing office which visit this charge belongs to. A charge from another visit "
                 "belongs on that visit's bill, and a service that did not happen during this care should "
                 "come off."),
)
