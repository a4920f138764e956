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
WITH pfs AS (
    SELECT a.source, a.line, r.release_from AS pfs_release,
           round((r.work_rvu * coalesce(g.gpci_work, 1.0) + r.pe_nonfacility_rvu * coalesce(g.gpci_pe, 1.0)
                  + r.mp_rvu * coalesce(g.gpci_mp, 1.0)) * c.cf, 2) * a.units AS medicare,
           CASE WHEN g.locality IS NULL THEN 'national' ELSE g.locality_name END AS locality_name
    FROM audit_lines a
    JOIN ref_pfs_rvu r
      ON r.hcpcs = a.code
     AND coalesce(r.modifier, '') = CASE WHEN a.mods LIKE '% 26 %' THEN '26'
                                         WHEN a.mods LIKE '% TC %' THEN 'TC' ELSE '' END
     AND a.dos BETWEEN r.applies_from AND r.applies_to
    JOIN pfs_cf c ON a.dos BETWEEN c.applies_from AND c.applies_to
    LEFT JOIN ref_gpci g
      ON g.mac = a.pfs_mac AND g.locality = a.pfs_locality AND a.dos BETWEEN g.applies_from AND g.applies_to
    WHERE r.status IN {MEDICARE_STATUSES}
      AND r.work_rvu + r.pe_nonfacility_rvu + r.mp_rvu > 0
      AND (coalesce(a.setting, 'professional') = 'professional' OR r.pctc IN ('1', '3', '4'))
      AND a.units > 0
), hospital AS (
    SELECT a.source, a.line,
           min(p.discounted_cash) * a.units AS cash_price,
           min(CASE WHEN p.payer_name || '|' || p.plan_name = a.price_plan THEN p.negotiated_dollar END) * a.units AS negotiated,
           max(p.gross) * a.units AS gross
    FROM audit_lines a
    JOIN ref_prices p ON p.price_key = a.price_key AND p.code = a.code AND p.code_type IN ('CPT', 'HCPCS')
     AND (p.care_setting IS NULL OR p.care_setting IN ('both', '') OR a.setting IS NULL
          OR p.care_setting = CASE WHEN a.setting = 'inpatient' THEN 'inpatient' ELSE 'outpatient' END)
    GROUP BY a.source, a.line, a.units
)
SELECT a.source, a.line, a.code, a.description, a.units, a.charge, a.insurance_status,
       m.medicare, m.locality_name, m.pfs_release, h.cash_price, h.negotiated, h.gross,
       CASE WHEN h.cash_price IS NOT NULL AND coalesce(a.insurance_status, 'uninsured') = 'uninsured' THEN h.cash_price
            WHEN h.negotiated IS NOT NULL AND a.insurance_status = 'insured' THEN h.negotiated
            ELSE m.medicare END AS fair,
       CASE WHEN h.cash_price IS NOT NULL AND coalesce(a.insurance_status, 'uninsured') = 'uninsured' THEN 'cash_price'
            WHEN h.negotiated IS NOT NULL AND a.insurance_status = 'insured' THEN 'negotiated'
            WHEN m.medicare IS NOT NULL THEN 'medicare' END AS basis
FROM audit_lines a
LEFT JOIN pfs m ON m.source = a.source AND m.line = a.line
LEFT JOIN hospital h ON h.source = a.source AND h.line = a.line
WHERE a.code IS NOT NULL AND (m.medicare IS NOT NULL OR h.cash_price IS NOT NULL OR h.negotiated IS NOT NULL OR h.gross IS NOT NULL)
"""
