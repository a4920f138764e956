"""Care booked ahead for an uninsured or self-pay patient, with no Good Faith Estimate (or a late one).

A provider or facility that schedules care for an uninsured patient, or an insured one who does
not want the claim sent to the plan, must give a written Good Faith Estimate: booked at least 3
business days ahead, not later than 1 business day after the booking; booked at least 10 business
days ahead, not later than 3 business days after it (45 CFR 149.610(b)(1)(vi)(A)-(B); the numbers
are law data, `federal.nsa_audit.gfe_timing`). Business days are Monday to Friday without the
federal legal public holidays (the regulation does not define them; calendar.py). Needs the
case's care.scheduled; the care day is care.start, else the bill's first date of service. Booked
2 business days ahead, nothing was due; 3 ahead, the estimate was due the next business day.

Kinds: `missing` (the case says no estimate was given: medium), `not_shown` (the case gives no
estimate and does not say none was given: low, asks), `late` (received after its due day: low).
Nothing is counted at stake: the missing estimate is a complaint to HHS, and without an estimate
the $400 patient-provider dispute (NSA.GFE_EXCEEDED) cannot be used.

Anti-pattern: booked Monday 2024-07-01 for Monday 2024-07-15 (9 business days later: July 4 is a
federal holiday), self-pay, no estimate: it was due Tuesday 2024-07-02.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="NSA.GFE_MISSING",
    severity="medium",
    summary="care booked 3+ business days ahead for an uninsured or self-pay patient without a timely Good Faith Estimate",
    citations=[
        "Public Health Service Act sec. 2799B-6 (42 U.S.C. 300gg-136), good faith estimates for uninsured or self-pay individuals",
        "45 CFR 149.610(g)(1) (estimates for items or services scheduled on or after January 1, 2022)",
    ],
    sql=f"""
        WITH booked AS (
            SELECT b.source, b.care_scheduled AS scheduled, coalesce(b.care_start, k.first_date) AS furnished,
                   b.gfe_given, b.gfe_date, b.gfe_total IS NOT NULL OR b.gfe_date IS NOT NULL
                       OR coalesce(b.gfe_given, false) AS has_gfe
            FROM bills b JOIN bill_sums k ON k.source = b.source CROSS JOIN audit_params p
            WHERE b.care_scheduled IS NOT NULL AND b.care_scheduled >= p.nsa_from
              AND (b.insurance_status = 'uninsured'
                   OR (coalesce(b.self_pay, false) AND coalesce(b.insurance_status, 'insured') = 'insured'))
        ), ahead AS (
            SELECT k.*, s.ord AS scheduled_ord, f.ord - s.ord AS days_ahead,
                   CASE WHEN f.ord - s.ord >= p.gfe_long_ahead THEN p.gfe_long_due
                        WHEN f.ord - s.ord >= p.gfe_short_ahead THEN p.gfe_short_due END AS due_days
            FROM booked k
            JOIN business_days s ON s.day = k.scheduled
            JOIN business_days f ON f.day = k.furnished
            CROSS JOIN audit_params p
        ), judged AS (
            SELECT a.*, d.day AS due,
                   CASE WHEN a.gfe_date IS NOT NULL AND a.gfe_date > d.day THEN 'late'
                        WHEN a.has_gfe THEN NULL
                        WHEN a.gfe_given = false THEN 'missing' ELSE 'not_shown' END AS kind
            FROM ahead a JOIN business_days d ON d.business AND d.ord = a.scheduled_ord + a.due_days
            WHERE a.due_days IS NOT NULL
        )
        SELECT source, {no_lines()} AS lines, scheduled, furnished, days_ahead, due_days, due, gfe_date, kind,
               CAST(due_days AS VARCHAR) || CASE WHEN due_days = 1 THEN ' business day' ELSE ' business days' END
                   AS due_words,
               CASE WHEN kind = 'missing' THEN 'medium' ELSE 'low' END AS severity, 0 AS amount
        FROM judged WHERE kind IS NOT NULL
    """,
    message={
        "missing": ("The care on {furnished} was booked on {scheduled}, {days_ahead} business days ahead, and you "
                    "got no Good Faith Estimate: as an uninsured or self-pay patient you were owed one in writing "
                    "by {due} ({due_words} after the booking)"),
        "not_shown": ("The care on {furnished} was booked on {scheduled}, {days_ahead} business days ahead: as an "
                      "uninsured or self-pay patient you were owed a written Good Faith Estimate by {due}; if you "
                      "got none, the provider broke the rule (if you did, add its total to the case)"),
        "late": ("The Good Faith Estimate came on {gfe_date}, after its deadline of {due} ({due_words} after "
                 "the booking on {scheduled} for care on {furnished})"),
    },
    explanation=("When you book care at least 3 business days ahead and will pay it yourself, the provider must give "
                 "you a written Good Faith Estimate of the charges soon after the booking. Without one you cannot use "
                 "the federal dispute for bills far above the estimate, so ask the provider for the estimate it "
                 "should have given, and report the missing estimate to the No Surprises Help Desk at "
                 "cms.gov/nosurprises or 1-800-985-3059."),
    severity_column=True,
    law=("gfe_short_ahead", "gfe_short_due", "gfe_long_ahead", "gfe_long_due"),
    needs=("care_scheduled",),
)
