"""A charge far above a fair benchmark: what Medicare pays for that kind of line, or the hospital's
own published cash price.

The Medicare amount is the yardstick that applies to the line's type (see audit/benchmarks_sql.py):
the OPPS payment rate of its APC on a hospital outpatient bill, the Clinical Laboratory Fee Schedule
for a lab test, the ASP payment limit for a drug, the DMEPOS fee for equipment and supplies, the
ambulance fee schedule for a ground ambulance ride (national, at the highest rural rate: a finding on it
is marked unconfirmed while the year's conversion factor or mileage rate is, and its message says so), the
Physician Fee Schedule for a professional service (for the patient's locality, from the ZIP when the
CMS ZIP file is imported, else the state or the address; national when it is unknown), and the
finding names it. A charge above `federal.audit_benchmarks.medicare_outlier_multiple` times that
amount is flagged; a self-pay patient's charge above the hospital's own discounted cash price (from
its imported machine-readable file) is flagged too. The dollars at stake are the excess over the fair
price.

Anti-pattern: an emergency department visit (99284) billed at $1,320 on a hospital outpatient bill,
3.1x the Medicare outpatient hospital payment for APC 5024 ($425.82). Lines with no yardstick (no
code, a packaged code, an inpatient stay's lines) are not judged; the result's notes list them.
"""

from ..rule import Rule
from ..sqltypes import line_list

# the finding's kind: the hospital's cash price (a self-pay patient charged above it), else the Medicare amount
CASH_KIND = ("b.cash_price > 0 AND coalesce(b.insurance_status, 'uninsured') = 'uninsured' "
             "AND b.charge > p.cash_multiple * b.cash_price")
MEDICARE_KIND = f"NOT coalesce({CASH_KIND}, false) AND b.medicare > 0 AND b.charge > p.price_multiple * b.medicare"

RULE = Rule(
    id="BILL.PRICE_OUTLIER",
    severity="medium",
    summary="a charge exceeds a fair benchmark (Medicare amount, hospital's own published price) by a large multiple",
    citations=[
        "42 CFR 414.20 and the CMS Physician Fee Schedule relative value files (RVUs, GPCIs, conversion factor)",
        "42 CFR 419.32 and the CMS OPPS Addendum B (hospital outpatient payment rates by HCPCS code and APC)",
        "42 U.S.C. 1395m-1 and the CMS Clinical Laboratory Fee Schedule (national limitation amounts)",
        "42 CFR 414.904 and the CMS ASP pricing file (Part B drug payment limits, 106% of ASP)",
        "42 CFR 414.210 and the CMS DMEPOS fee schedule (fee schedule amounts by state)",
        "42 CFR 414.610 and the CMS ambulance fee schedule (ground RVUs by level, conversion factor, mileage rate, rural increases)",
        "45 CFR 180.50 (hospitals publish their standard charges, including the discounted cash price and payer-specific negotiated charges)",
    ],
    sql=f"""
        SELECT b.source, {line_list('b.line')} AS lines, {line_list('b.line')} AS stake_lines, b.line, b.code,
               b.description, b.charge, b.medicare, b.cash_price, b.fair, b.yardstick_name,
               CASE WHEN {CASH_KIND} THEN 'cash'
                    WHEN b.units <> 1 THEN 'medicare_units' ELSE 'medicare' END AS kind,
               regexp_replace(CAST(b.units AS VARCHAR), '\\.?0+$', '') AS units,
               round(CAST(b.charge AS DOUBLE) / b.medicare, 1) AS ratio,
               greatest(b.charge - b.fair, 0) AS amount,
               -- an ambulance ride's date, when its message compares with the Medicare amount: the finding cites
               -- that year's conversion factor or mileage rate (a cash-price message uses neither)
               CASE WHEN {MEDICARE_KIND} THEN b.ambulance_base_day END AS ambulance_base_day,
               CASE WHEN {MEDICARE_KIND} THEN b.ambulance_mileage_day END AS ambulance_mileage_day
        FROM line_benchmarks b CROSS JOIN audit_params p
        -- either branch implies a fair price (the Medicare amount or the cash price), so no test of
        -- `fair` itself: at scale that test evaluated the whole fair-price choice on every line
        WHERE b.charge > 0
          AND ((b.medicare > 0 AND b.charge > p.price_multiple * b.medicare)
               OR (b.cash_price > 0 AND coalesce(b.insurance_status, 'uninsured') = 'uninsured'
                   AND b.charge > p.cash_multiple * b.cash_price))
    """,
    message={
        "medicare": ("Line {line}, {description} ({code}), is billed at {charge}, {ratio}x {yardstick_name} "
                     "({medicare})"),
        # several units: the Medicare amount is for all of them (a drug's price per 250 mg times 4)
        "medicare_units": ("Line {line}, {description} ({code}), is billed at {charge}, {ratio}x {yardstick_name} "
                           "({medicare} for {units} units)"),
        "cash": ("Line {line}, {description} ({code}), is billed at {charge}, above the hospital's own "
                 "published cash price of {cash_price}"),
    },
    explanation=("The charge is far above what the service is worth by a public yardstick: what Medicare pays "
                 "for it in your area, or the price the hospital itself publishes for people paying cash. Ask "
                 "for the charge to be reduced to a fair price; the excess shown is what is at stake."),
    money_columns=("amount", "charge", "medicare", "cash_price", "fair"),
    law=("price_multiple", "cash_multiple"),
    dated_law=(("federal.cms_ambulance.ground_conversion_factor", "ambulance_base_day"),
               ("federal.cms_ambulance.ground_mileage_rate", "ambulance_mileage_day")),
)
