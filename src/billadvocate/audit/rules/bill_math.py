"""The bill's arithmetic: units x unit price = line charge, the lines add up to the stated total,
and the payments and adjustments shown are credited in the stated balance.

Anti-patterns: 22 units at $62.00 charged $1,464.00 (should be $1,364.00); lines adding up to
$6,296.00 under a stated total of $6,396.00; a total of $6,296.00 less a $1,466.00 payment stated
as a balance of $5,296.00. A difference of one cent or less is rounding and is not reported; an
error in the patient's favour is reported at low severity with nothing at stake.
"""

from ..rule import Rule
from ..sqltypes import line_list, no_lines

RULE = Rule(
    id="BILL.MATH",
    severity="high",
    summary="units x unit price differs from the line charge, the lines do not add up, or a payment/adjustment is not credited",
    citations=[
        "Fair Debt Collection Practices Act, 15 U.S.C. 1692e(2)(A) and 1692f(1) (no amount may be collected that is not owed)",
        "45 CFR 164.526 (right to have an inaccurate record, including a billing record, amended)",
    ],
    sql=f"""
        SELECT source, 'line' AS kind, {line_list('line')} AS lines, {line_list('line')} AS stake_lines,
               greatest(charge - units * unit_price, 0) AS amount,
               CASE WHEN charge > units * unit_price THEN 'high' ELSE 'low' END AS severity,
               line, CAST(units AS DOUBLE) AS units, unit_price, charge, units * unit_price AS expected,
               NULL AS stated, NULL AS payments, NULL AS adjustments
        FROM audit_lines
        WHERE unit_price IS NOT NULL AND units > 0 AND abs(charge - units * unit_price) > 0.01
        UNION ALL
        SELECT b.source, 'total', {no_lines()}, {no_lines()}, greatest(b.stated_total - s.lines_total, 0),
               CASE WHEN b.stated_total > s.lines_total THEN 'high' ELSE 'low' END,
               NULL, NULL, NULL, NULL, s.lines_total, b.stated_total, NULL, NULL
        FROM bills b JOIN (SELECT source, total AS lines_total FROM bill_sums) s
          ON s.source = b.source
        WHERE b.stated_total IS NOT NULL AND abs(b.stated_total - s.lines_total) > 0.01
        UNION ALL
        SELECT b.source, 'balance', {no_lines()}, {no_lines()},
               b.stated_balance - (coalesce(b.stated_total, s.lines_total) - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)),
               'high', NULL, NULL, NULL, NULL,
               coalesce(b.stated_total, s.lines_total) - coalesce(b.payments, 0) - coalesce(b.adjustments, 0),
               b.stated_balance, coalesce(b.payments, 0), coalesce(b.adjustments, 0)
        FROM bills b JOIN (SELECT source, total AS lines_total FROM bill_sums) s
          ON s.source = b.source
        WHERE b.stated_balance IS NOT NULL
          AND b.stated_balance - (coalesce(b.stated_total, s.lines_total) - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) > 0.01
    """,
    message={
        "line": "Line {line}: {units:g} units at {unit_price} is {expected}, but the line charges {charge}",
        "total": "The lines add up to {expected}, but the bill states a total of {stated}",
        "balance": ("The bill states a balance of {stated}, but its charges less payments ({payments}) and "
                    "adjustments ({adjustments}) come to {expected}: a credit is missing"),
    },
    explanation=("The bill's own numbers do not agree. Ask the billing office to correct the arithmetic and to "
                 "show every payment and adjustment credited to the account."),
    money_columns=("amount", "unit_price", "charge", "expected", "stated", "payments", "adjustments"),
    severity_column=True,
)
