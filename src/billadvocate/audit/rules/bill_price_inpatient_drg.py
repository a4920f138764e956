"""An inpatient stay charged far above what Medicare pays for its MS-DRG.

Medicare pays an acute care hospital one amount per discharge, set by the MS-DRG the stay is grouped
to (42 CFR 412.60, 412.64): the DRG's relative weight times the national standardized amount (the
operating payment), plus the weight times the capital federal rate (42 CFR 412.308). The weights are
the IPPS final rule's Table 5 as CMS's own IPPS Pricer holds them (reference table msdrg, one release
per fiscal year, FY 2025 and FY 2026 shipped); the standardized amount is a law parameter
(federal.cms_ipps), $6,624.39 per unit of weight in FY 2025 and $6,752.61 in FY 2026. The yardstick
is the operating payment, national and unadjusted: wage index 1.0, without the capital payment (about
8% more: its FY 2025 and FY 2026 federal rate is not in the CMS pricer source that could be read, see
SOURCES.md), and without the teaching (IME), disproportionate share, outlier, new-technology and
transfer adjustments a given hospital receives; the finding says so. The audit's fair-price estimate
prices the stay at the same payment (audit.summary.fair_prices).

The MS-DRG comes from the bill (an 837I's HI*DR, a "DRG" column) or from the payer's remittance for
the same stay (an 835's CLP11). The stay's charges are the bill's lines (else its stated total); the
discharge date is the care's end, else the bill's first date of service, and picks the fiscal year:
no finding for a discharge before the first loaded fiscal year. Flagged above
`federal.audit_benchmarks.medicare_outlier_multiple` times the Medicare amount; the dollars at stake
are the excess over it.

Anti-pattern: a sepsis stay grouped to MS-DRG 871 (weight 1.9425 in FY 2026) billed at $58,400, 4.5x
the Medicare operating payment of $13,116.94 for that DRG.
"""

from __future__ import annotations

from ...law import law
from ..rule import Rule
from ..sqltypes import no_lines

STANDARDIZED = "federal.cms_ipps.national_standardized_amounts"


def ipps_rates_sql() -> str:
    """The national operating rate by discharge date: (applies_from, until, operating), one row per
    dated value of the standardized amounts (at wage index 1.0 the labor and nonlabor parts of the
    'wage index 1 or below' pair add up to the national amount)."""
    amounts = law().parameter(STANDARDIZED).values
    rows = []
    for i, v in enumerate(amounts):
        until = f"DATE '{amounts[i + 1].start}'" if i + 1 < len(amounts) else "DATE '9999-12-31'"
        operating = round(float(v.value["labor_low_wage"]) + float(v.value["nonlabor_low_wage"]), 2)
        rows.append(f"(DATE '{v.start}', {until}, {operating!r})")
    return f"SELECT * FROM (VALUES {', '.join(rows)}) AS r(applies_from, until, operating)"


def stay_payments_sql() -> str:
    """Each stay with an MS-DRG the shipped weights price: (source, ms_drg, total, medicare, weight,
    gmlos, fy, operating), medicare = weight x the national operating rate of its discharge date.
    The rule below and the audit's fair-price estimate (audit.summary.fair_prices) both read it."""
    return f"""
        WITH stays AS (
            SELECT b.source, b.ms_drg, coalesce(s.total, b.stated_total) AS total,
                   coalesce(b.care_end, s.first_date, b.care_start) AS discharge
            FROM bills b LEFT JOIN bill_sums s ON s.source = b.source
            WHERE b.ms_drg IS NOT NULL
        )
        SELECT st.source, st.ms_drg, st.total, d.weight, d.gmlos,
               CAST(year(d.release_from) + 1 AS INTEGER) AS fy, r.operating,
               round(d.weight * r.operating, 2) AS medicare
        FROM stays st
        JOIN ref_msdrg d ON d.drg = st.ms_drg AND st.discharge >= d.release_from
                        AND st.discharge BETWEEN d.applies_from AND d.applies_to
        JOIN ({ipps_rates_sql()}) r ON st.discharge >= r.applies_from AND st.discharge < r.until
        WHERE d.weight > 0 AND st.total > 0
    """


RULE = Rule(
    id="BILL.PRICE_INPATIENT_DRG",
    severity="medium",
    summary="an inpatient stay's charges exceed the Medicare payment for its MS-DRG by a large multiple",
    citations=[
        "42 CFR 412.60 and 412.64 (Medicare pays an inpatient discharge by its MS-DRG weight times the national standardized amount)",
        "CMS IPPS final rules for FY 2025 (CMS-1808-F) and FY 2026 (CMS-1833-F): Table 5 (MS-DRG relative weights), Tables 1A/1B (standardized amounts), as the CMS IPPS Pricer holds them",
    ],
    sql=f"""
        WITH priced AS ({stay_payments_sql()})
        SELECT p.source, {no_lines()} AS lines, {no_lines()} AS stake_lines, p.ms_drg, p.total, p.medicare,
               p.weight, p.gmlos, p.fy, p.operating AS operating_rate,
               round(CAST(p.total AS DOUBLE) / p.medicare, 1) AS ratio,
               greatest(p.total - p.medicare, 0) AS amount
        FROM priced p CROSS JOIN audit_params a
        WHERE p.medicare > 0 AND p.total > a.price_multiple * p.medicare
    """,
    message=("The stay's charges of {total} are {ratio}x the Medicare payment for MS-DRG {ms_drg} ({medicare}: "
             "relative weight {weight} x the FY {fy} national standardized amount of {operating_rate}; the "
             "operating payment, national, before the hospital's wage index, capital payment and teaching, "
             "safety-net and outlier add-ons)"),
    explanation=("Medicare pays a hospital one amount for a whole inpatient stay, set by the diagnosis-related "
                 "group (MS-DRG) the stay was coded to. Your bill is far above that amount. Ask the hospital "
                 "to reduce the bill toward a fair price for the stay; the excess shown is what is at stake."),
    money_columns=("amount", "total", "medicare", "operating_rate"),
    law=("price_multiple",),
    needs=("ms_drg",),
)
