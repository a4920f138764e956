"""An inpatient stay charged far above what Medicare pays for its MS-DRG.

Medicare pays an acute care hospital one amount per discharge, set by the MS-DRG the stay is grouped
to: the DRG's relative weight times the national standardized amount (the operating payment, 42 CFR
412.60, 412.64), plus the weight times the capital federal rate (the capital payment, 42 CFR 412.308).
The weights are the IPPS final rule's Table 5 as CMS's own IPPS Pricer holds them (reference table
msdrg, one release per fiscal year, FY 2025 and FY 2026 shipped); the rates are law parameters
(federal.cms_ipps): the standardized amount, $6,624.39 per unit of weight in FY 2025 and $6,752.61 in FY
2026, and the capital federal rate, $512.14 in FY 2025 (read in CMS's pricer source only: unconfirmed,
and the finding says so) and $524.15 in FY 2026 (Table 1D). The yardstick is the inpatient payment,
operating and capital, national and unadjusted: wage index 1.0 (capital geographic factor 1.0), without
the teaching (IME), disproportionate share, outlier, new-technology and transfer adjustments a given
hospital receives; the finding says so. A fiscal year without a capital rate in the law data is
compared with the operating payment alone, and the finding says that instead. The audit's fair-price
estimate prices the stay at the same payment (audit.summary.fair_prices).

The MS-DRG comes from the bill (an 837I's HI*DR, a "DRG" column) or from the payer's remittance for
the same stay (an 835's CLP11). The stay's charges are the bill's lines (else its stated total); the
discharge date is the care's end, else the bill's first date of service, and picks the fiscal year:
no finding for a discharge before the first loaded fiscal year. Flagged above
`federal.audit_benchmarks.medicare_outlier_multiple` times the Medicare amount; the dollars at stake
are the excess over it.

Anti-pattern: a sepsis stay grouped to MS-DRG 871 (weight 1.9425 in FY 2026) billed at $58,400, 4.1x
the Medicare inpatient payment of $14,135.10 for that DRG (1.9425 x $6,752.61 operating = $13,116.94,
plus 1.9425 x $524.15 capital = $1,018.16).
"""

from __future__ import annotations

from ...law import law
from ..rule import Rule
from ..sqltypes import no_lines

STANDARDIZED = "federal.cms_ipps.national_standardized_amounts"
CAPITAL = "federal.cms_ipps.capital_federal_rate"


def _in_force(values, day):
    """The dated value in force on `day` (None before the first)."""
    found = None
    for v in values:
        if v.start <= day:
            found = v
    return found


def ipps_rates_sql(capital=None) -> str:
    """The national rates by discharge date: (applies_from, until, operating, capital,
    capital_unconfirmed), one row per period in which neither the standardized amounts nor the capital
    federal rate change (at wage index 1.0 the labor and nonlabor parts of the 'wage index 1 or below'
    pair add up to the national amount). `capital` is NULL in a period without a capital rate.
    `capital`: the capital rate's dated values (default: the law's)."""
    amounts = law().parameter(STANDARDIZED).values
    capital = law().parameter(CAPITAL).values if capital is None else capital
    first = amounts[0].start
    starts = sorted({v.start for v in amounts} | {v.start for v in capital if v.start > first})
    rows = []
    for i, day in enumerate(starts):
        until = f"DATE '{starts[i + 1]}'" if i + 1 < len(starts) else "DATE '9999-12-31'"
        std = _in_force(amounts, day).value
        operating = round(float(std["labor_low_wage"]) + float(std["nonlabor_low_wage"]), 2)
        cap = _in_force(capital, day)
        rate = "CAST(NULL AS DOUBLE)" if cap is None else f"CAST({float(cap.value)!r} AS DOUBLE)"
        unconfirmed = "TRUE" if cap is not None and cap.unconfirmed else "FALSE"
        rows.append(f"(DATE '{day}', {until}, CAST({operating!r} AS DOUBLE), {rate}, {unconfirmed})")
    return ("SELECT * FROM (VALUES " + ", ".join(rows) +
            ") AS r(applies_from, until, operating, capital, capital_unconfirmed)")


def stay_payments_sql(capital=None) -> str:
    """Each stay with an MS-DRG the shipped weights price: (source, ms_drg, total, weight, gmlos, fy,
    operating, capital, capital_unconfirmed, discharge, operating_payment, capital_payment, medicare):
    operating_payment = weight x the national operating rate of its discharge date, capital_payment =
    weight x the capital federal rate (NULL without one), each to the cent as CMS's pricer rounds them, and
    medicare their sum. The rule below and the audit's fair-price estimate (audit.summary.fair_prices)
    both read it. `capital`: as ipps_rates_sql."""
    return f"""
        WITH stays AS (
            SELECT b.source, b.ms_drg, coalesce(s.total, b.stated_total) AS total,
                   coalesce(b.care_end, s.first_date, b.care_start) AS discharge
            FROM bills b LEFT JOIN bill_sums s ON s.source = b.source
            WHERE b.ms_drg IS NOT NULL
        ), stay_rates AS (  -- not 'priced': the rule's own CTE of that name wraps this query (Spark flattens them)
            SELECT st.source, st.ms_drg, st.total, d.weight, d.gmlos,
                   CAST(year(d.release_from) + 1 AS INTEGER) AS fy, r.operating, r.capital,
                   r.capital_unconfirmed, st.discharge,
                   round(d.weight * r.operating, 2) AS operating_payment,
                   round(d.weight * r.capital, 2) AS capital_payment
            FROM stays st
            JOIN ref_msdrg d ON d.drg = st.ms_drg AND st.discharge >= d.release_from
                            AND st.discharge BETWEEN d.applies_from AND d.applies_to
            JOIN ({ipps_rates_sql(capital)}) r ON st.discharge >= r.applies_from AND st.discharge < r.until
            WHERE d.weight > 0 AND st.total > 0
        )
        SELECT *, round(operating_payment + coalesce(capital_payment, 0), 2) AS medicare FROM stay_rates
    """


RULE = Rule(
    id="BILL.PRICE_INPATIENT_DRG",
    severity="medium",
    summary="an inpatient stay's charges exceed the Medicare payment for its MS-DRG by a large multiple",
    citations=[
        "42 CFR 412.60 and 412.64 (Medicare pays an inpatient discharge by its MS-DRG weight times the national standardized amount)",
        "42 CFR 412.308 (the capital payment: the MS-DRG weight times the capital federal rate)",
        "CMS IPPS final rules for FY 2025 (CMS-1808-F) and FY 2026 (CMS-1833-F): Table 5 (MS-DRG relative weights), Tables 1A/1B (standardized amounts), as the CMS IPPS Pricer holds them, and Table 1D (capital federal rate)",
    ],
    sql=f"""
        WITH priced AS ({stay_payments_sql()})
        SELECT p.source, {no_lines()} AS lines, {no_lines()} AS stake_lines, p.ms_drg, p.total, p.medicare,
               p.weight, p.gmlos, p.fy, p.operating AS operating_rate, p.capital AS capital_rate,
               CASE WHEN p.capital IS NULL THEN 'operating'
                    WHEN p.capital_unconfirmed THEN 'capital_unconfirmed' ELSE 'capital' END AS kind,
               CASE WHEN p.capital IS NOT NULL THEN p.discharge END AS capital_on,
               round(CAST(p.total AS DOUBLE) / p.medicare, 1) AS ratio,
               greatest(p.total - p.medicare, 0) AS amount
        FROM priced p CROSS JOIN audit_params a
        WHERE p.medicare > 0 AND p.total > a.price_multiple * p.medicare
    """,
    message={
        "capital": (
            "The stay's charges of {total} are {ratio}x the Medicare inpatient payment for MS-DRG {ms_drg}, "
            "operating and capital, national, unadjusted ({medicare}: relative weight {weight} x the FY {fy} "
            "national standardized amount of {operating_rate} plus the capital federal rate of {capital_rate}; "
            "before the hospital's wage index and teaching, safety-net and outlier add-ons)"),
        "capital_unconfirmed": (
            "The stay's charges of {total} are {ratio}x the Medicare inpatient payment for MS-DRG {ms_drg}, "
            "operating and capital, national, unadjusted ({medicare}: relative weight {weight} x the FY {fy} "
            "national standardized amount of {operating_rate} plus the capital federal rate of {capital_rate}, "
            "which is read from CMS's payment software and not yet confirmed in a published CMS table; before "
            "the hospital's wage index and teaching, safety-net and outlier add-ons)"),
        "operating": (
            "The stay's charges of {total} are {ratio}x the Medicare payment for MS-DRG {ms_drg} ({medicare}: "
            "relative weight {weight} x the FY {fy} national standardized amount of {operating_rate}; the "
            "operating payment, national, before the hospital's wage index, capital payment and teaching, "
            "safety-net and outlier add-ons)"),
    },
    explanation=("Medicare pays a hospital one amount for a whole inpatient stay, set by the diagnosis-related "
                 "group (MS-DRG) the stay was coded to. Your bill is far above that amount. Ask the hospital "
                 "to reduce the bill toward a fair price for the stay; the excess shown is what is at stake."),
    money_columns=("amount", "total", "medicare", "operating_rate", "capital_rate"),
    law=("price_multiple",),
    dated_law=((CAPITAL, "capital_on"),),
    needs=("ms_drg",),
)
