"""`line_benchmarks`: for each coded line, the fair prices the audit and the negotiation compare to.

- medicare: the Physician Fee Schedule amount, [(work x GPCI) + (non-facility PE x GPCI) + (MP x GPCI)]
  x the conversion factor in force on the date of service x units, for the patient's locality (GPCI
  1.0, the national amount, when the locality is unknown). On a facility bill only services whose
  fee-schedule amount covers the whole service (diagnostic tests: PC/TC indicator 1, 3 or 4) are
  compared; a facility's E/M or room charges have no fee-schedule equivalent.
- cash_price / negotiated / gross: the hospital's own published prices (an imported machine-readable
  file), per unit as published, times units; negotiated is the rate for the patient's plan.
- fair: the benchmark the negotiation uses: the cash price for a self-pay patient, the plan's rate
  for an insured one, else the Medicare amount.
"""

MEDICARE_STATUSES = ("A", "R", "T")

LINE_BENCHMARKS_SQL = f"""
WITH hospital AS (
    SELECT a.source, a.line,
           min(p.discounted_cash) * a.units AS cash_price,
           min(CASE WHEN p.payer_name || '|' || p.plan_name = a.price_plan THEN p.negotiated_dollar END) * a.units AS negotiated,
           max(p.gross) * a.units AS gross
    FROM audit_lines a
    JOIN ref_prices p ON p.price_key = a.price_key AND p.code = a.code AND p.code_type IN ('CPT', 'HCPCS')
     AND (p.care_setting IS NULL OR p.care_setting IN ('both', '') OR a.setting IS NULL
          OR p.care_setting = CASE WHEN a.setting = 'inpatient' THEN 'inpatient' ELSE 'outpatient' END)
    GROUP BY a.source, a.line, a.units
), priced AS (
    SELECT a.source, a.line, a.code, a.description, a.units, a.charge, a.insurance_status,
           CASE WHEN r.hcpcs IS NOT NULL AND c.cf IS NOT NULL THEN
                round((r.work_rvu * coalesce(g.gpci_work, 1.0) + r.pe_nonfacility_rvu * coalesce(g.gpci_pe, 1.0)
                       + r.mp_rvu * coalesce(g.gpci_mp, 1.0)) * c.cf, 2) * a.units END AS medicare,
           CASE WHEN r.hcpcs IS NULL THEN NULL WHEN g.locality IS NULL THEN 'national' ELSE g.locality_name END AS locality_name,
           r.release_from AS pfs_release, h.cash_price, h.negotiated, h.gross
    FROM audit_lines a
    LEFT JOIN ref_pfs_rvu r
      ON r.hcpcs = a.code
     AND coalesce(r.modifier, '') = CASE WHEN a.mods LIKE '% 26 %' THEN '26'
                                         WHEN a.mods LIKE '% TC %' THEN 'TC' ELSE '' END
     AND a.dos BETWEEN r.applies_from AND r.applies_to
     AND r.status IN {MEDICARE_STATUSES}
     AND r.work_rvu + r.pe_nonfacility_rvu + r.mp_rvu > 0
     AND (coalesce(a.setting, 'professional') = 'professional' OR r.pctc IN ('1', '3', '4'))
     AND a.units > 0
    LEFT JOIN pfs_cf_day c ON r.hcpcs IS NOT NULL AND c.day = least(a.dos, (SELECT max(day) FROM pfs_cf_day))
    LEFT JOIN ref_gpci g
      ON r.hcpcs IS NOT NULL AND g.mac = a.pfs_mac AND g.locality = a.pfs_locality
     AND a.dos BETWEEN g.applies_from AND g.applies_to
    LEFT JOIN hospital h ON h.source = a.source AND h.line = a.line
    WHERE a.code IS NOT NULL
)
SELECT *,
       CASE WHEN cash_price IS NOT NULL AND coalesce(insurance_status, 'uninsured') = 'uninsured' THEN cash_price
            WHEN negotiated IS NOT NULL AND insurance_status = 'insured' THEN negotiated
            ELSE medicare END AS fair,
       CASE WHEN cash_price IS NOT NULL AND coalesce(insurance_status, 'uninsured') = 'uninsured' THEN 'cash_price'
            WHEN negotiated IS NOT NULL AND insurance_status = 'insured' THEN 'negotiated'
            WHEN medicare IS NOT NULL THEN 'medicare' END AS basis
FROM priced
WHERE medicare IS NOT NULL OR cash_price IS NOT NULL OR negotiated IS NOT NULL OR gross IS NOT NULL
"""
