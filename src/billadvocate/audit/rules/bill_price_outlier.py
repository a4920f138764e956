"""A charge far above a fair benchmark: the Medicare amount for the service, or the hospital's own
published cash price.

The Medicare amount is the Physician Fee Schedule's, for the patient's locality (from the ZIP when the
CMS ZIP file is imported, else the state or the address; national when it is unknown), with the conversion factor in force on the date of service (see audit/benchmarks_sql.py).
A charge above `federal.audit_benchmarks.medicare_outlier_multiple` times that amount is flagged;
a self-pay patient's charge above the hospital's own discounted cash price (from its imported
machine-readable file) is flagged too. The dollars at stake are the excess over the fair price.

Anti-pattern: an MRI of the lumbar spine (72148) billed at $2,480 where Medicare pays about $220.
Lines with no benchmark (no code, a lab or drug code, a facility E/M) are not judged.
"""

from ..rule import Rule
from ..sqltypes import line_list

RULE = Rule(
    id="BILL.PRICE_OUTLIER",
    severity="medium",
    summary="a charge exceeds a fair benchmark (Medicare amount, hospital's own published price) by a large multiple",
    citations=[
        "42 CFR 414.20 and the CMS Physician Fee Schedule relative value files (RVUs, GPCIs, conversion factor)",
        "45 CFR 180.50 (hospitals publish their standard charges, including the discounted cash price and payer-specific negotiated charges)",
    ],
    sql=f"""
        SELECT b.source, {line_list('b.line')} AS lines, {line_list('b.line')} AS stake_lines, b.line, b.code,
               b.description, b.charge, b.medicare, b.cash_price, b.fair, b.locality_name,
               CASE WHEN b.cash_price > 0 AND coalesce(b.insurance_status, 'uninsured') = 'uninsured'
                         AND b.charge > p.cash_multiple * b.cash_price THEN 'cash' ELSE 'medicare' END AS kind,
               round(CAST(b.charge AS DOUBLE) / b.medicare, 1) AS ratio,
               greatest(b.charge - b.fair, 0) AS amount
        FROM line_benchmarks b CROSS JOIN audit_params p
        WHERE b.charge > 0 AND b.fair IS NOT NULL
          AND ((b.medicare > 0 AND b.charge > p.price_multiple * b.medicare)
               OR (b.cash_price > 0 AND coalesce(b.insurance_status, 'uninsured') = 'uninsured'
                   AND b.charge > p.cash_multiple * b.cash_price))
    """,
    message={
        "medicare": ("Line {line}, {description} ({code}), is billed at {charge}, {ratio}x the Medicare amount "
                     "of {medicare} ({locality_name})"),
        "cash": ("Line {line}, {description} ({code}), is billed at {charge}, above the hospital's own "
                 "published cash price of {cash_price}"),
    },
    explanation=("The charge is far above what the service is worth by a public yardstick: what Medicare pays "
                 "for it in your area, or the price the hospital itself publishes for people paying cash. Ask "
                 "for the charge to be reduced to a fair price; the excess shown is what is at stake."),
    money_columns=("amount", "charge", "medicare", "cash_price", "fair"),
    law=("price_multiple", "cash_multiple"),
)
