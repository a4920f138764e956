"""The baseline for benchmarks/audit.py: the audit's rules written by hand as one DuckDB query.

Written the way an analyst would, straight against `lines`, `bills`, `eobs` and the reference views,
with the same predicates as the rule units; it returns (rule, source, lines, amount) like the engine.
"""

HAND_WRITTEN_TEMPLATE = """
WITH b AS MATERIALIZED (
    SELECT l.source, l.line, l.service_date, coalesce(l.service_date, c.care_start) AS dos, l.code,
           l.revenue_code, l.description, l.units, l.charge, l.unit_price, l.not_received,
           <MODS> AS mods,
           c.setting, c.care_start, c.care_end, c.insurance_status, c.pfs_mac, c.pfs_locality, c.state
    FROM lines l JOIN bills c ON c.source = l.source
), sums AS (SELECT source, list(line ORDER BY line) AS lines, sum(charge) AS total FROM b GROUP BY source),
pfs AS (
    SELECT b.source, b.line,
           round((r.work_rvu * coalesce(g.gpci_work, 1) + r.pe_nonfacility_rvu * coalesce(g.gpci_pe, 1)
                  + r.mp_rvu * coalesce(g.gpci_mp, 1)) * f.cf, 2) * b.units AS amount
    FROM b JOIN ref_pfs_rvu r ON r.hcpcs = b.code AND coalesce(r.modifier, '') =
             CASE WHEN b.mods LIKE '% 26 %' THEN '26' WHEN b.mods LIKE '% TC %' THEN 'TC' ELSE '' END
            AND b.dos BETWEEN r.applies_from AND r.applies_to
    JOIN pfs_cf_day f ON f.day = least(b.dos, (SELECT max(day) FROM pfs_cf_day))
    LEFT JOIN ref_gpci g ON g.mac = b.pfs_mac AND g.locality = b.pfs_locality AND b.dos BETWEEN g.applies_from AND g.applies_to
    WHERE r.status IN ('A', 'R', 'T') AND r.work_rvu + r.pe_nonfacility_rvu + r.mp_rvu > 0 AND b.units > 0
      AND coalesce(b.setting, '') <> 'inpatient'
),
dme AS (
    SELECT b.source, b.line, coalesce(max(CASE WHEN b.mods LIKE '% ' || d.modifier || ' %' THEN greatest(d.fee_nonrural, coalesce(d.fee_rural, 0)) END),
                                      max(greatest(d.fee_nonrural, coalesce(d.fee_rural, 0)))) * b.units AS amount
    FROM b JOIN ref_dmepos d ON d.hcpcs = b.code AND d.state = b.state AND b.dos BETWEEN d.applies_from AND d.applies_to
    WHERE coalesce(b.setting, '') <> 'inpatient' GROUP BY b.source, b.line, b.units
),
-- each line's yardstick: the ambulance fee schedule for a ride (the imported CMS file of the ride's year for the
-- patient's locality, its highest rate; else the law data: ambulance_rates; mileage's first miles at their own rate), ASP for drugs, CLFS for labs, OPPS on an outpatient bill (its
-- schedule for status A), DMEPOS, else PFS; the larger of OPPS and PFS when the setting is unknown; none inpatient
medicare AS (
    SELECT b.source, b.line, b.charge,
           CASE WHEN b.setting = 'inpatient' THEN NULL
                WHEN al.rural_first_miles_rate IS NOT NULL THEN round(al.rural_first_miles_rate * least(b.units, al.first_miles)
                                                                      + al.unit_rate * greatest(b.units - al.first_miles, 0), 2)
                WHEN al.unit_rate > 0 THEN round(al.unit_rate * b.units, 2)
                WHEN am.first_miles_rate IS NOT NULL THEN round(am.first_miles_rate * least(b.units, am.first_miles)
                                                                + am.unit_rate * greatest(b.units - am.first_miles, 0), 2)
                WHEN am.unit_rate IS NOT NULL THEN round(am.unit_rate * b.units, 2)
                WHEN a.payment_limit > 0 THEN round(a.payment_limit * b.units, 2)
                WHEN l.rate > 0 THEN round(l.rate * b.units, 2)
                WHEN b.setting = 'outpatient' AND o0.status_indicator = 'A' THEN coalesce(round(m.amount, 2), p.amount)
                WHEN b.setting = 'outpatient' THEN round(o0.rate * b.units, 2)
                WHEN b.setting IS NULL AND round(o0.rate * b.units, 2) >= coalesce(p.amount, 0) THEN round(o0.rate * b.units, 2)
                ELSE coalesce(round(m.amount, 2), p.amount)
           END AS amount
    FROM b
    LEFT JOIN ref_asp a ON a.hcpcs = b.code AND b.dos BETWEEN a.applies_from AND a.applies_to
    LEFT JOIN ref_clfs l ON l.hcpcs = b.code AND l.modifier IS NULL AND b.dos BETWEEN l.applies_from AND l.applies_to
    LEFT JOIN (SELECT hcpcs, applies_from, applies_to, status_indicator,
                      CASE WHEN status_indicator IN ('J1', 'J2', 'P', 'Q1', 'Q2', 'Q3', 'R', 'S', 'T', 'U', 'V', 'G', 'H', 'K')
                           AND payment_rate > 0 THEN payment_rate END AS rate FROM ref_opps) o0
           ON o0.hcpcs = b.code AND b.dos BETWEEN o0.applies_from AND o0.applies_to
    LEFT JOIN dme m ON m.source = b.source AND m.line = b.line
    LEFT JOIN pfs p ON p.source = b.source AND p.line = b.line
    LEFT JOIN ambulance_rates am ON am.hcpcs = b.code AND b.dos BETWEEN am.applies_from AND am.applies_to
    LEFT JOIN (SELECT carrier, locality, hcpcs, applies_from, applies_to, release_from, rural_first_miles_rate, first_miles,
                      greatest(coalesce(urban_rate, 0), coalesce(rural_rate, 0), coalesce(lowest_quartile_rate, 0)) AS unit_rate
               FROM ref_ambulance_fee) al
           ON al.hcpcs = b.code AND al.carrier = b.pfs_mac AND al.locality = b.pfs_locality
          AND b.dos BETWEEN al.applies_from AND al.applies_to AND year(al.release_from) = year(b.dos)
    WHERE b.code IS NOT NULL
)
SELECT 'BILL.DUPLICATE' AS rule, source, list(line ORDER BY line) AS lines, charge * (count(*) - 1) AS amount
FROM b WHERE charge >= 1 AND NOT (mods LIKE '% 76 %' OR mods LIKE '% 77 %' OR mods LIKE '% 91 %' OR mods LIKE '% 59 %'
      OR mods LIKE '% XE %' OR mods LIKE '% XS %' OR mods LIKE '% XP %' OR mods LIKE '% XU %')
GROUP BY source, coalesce(code, upper(trim(description))), service_date, units, charge HAVING count(*) > 1
UNION ALL
SELECT 'BILL.NCCI_PTP', c2.source, list_concat(list(c1.line ORDER BY c1.line), [c2.line]), min(c2.charge)
FROM b c1 JOIN b c2 ON c2.source = c1.source AND c2.dos = c1.dos AND c2.line <> c1.line
JOIN ref_ncci_ptp p ON p.setting = c1.setting AND p.column_1 = c1.code AND p.column_2 = c2.code
 AND c1.dos BETWEEN p.applies_from AND p.applies_to
 AND (p.effective_date IS NULL OR c1.dos >= p.effective_date) AND (p.deletion_date IS NULL OR c1.dos < p.deletion_date)
WHERE c1.setting IN ('professional', 'outpatient')
  AND (p.modifier_indicator = 0 OR (p.modifier_indicator = 1
       AND NOT regexp_matches(c1.mods || c2.mods, ' (E[1-4]|FA|F[1-9]|LC|LD|LM|LT|RC|RI|RT|TA|T[1-9]|24|25|57|58|78|79|27|59|91|XE|XS|XP|XU) ')))
GROUP BY c2.source, c2.line

UNION ALL
SELECT 'BILL.MUE', b.source, list(b.line ORDER BY b.line), round(sum(b.charge) / sum(b.units) * (sum(b.units) - min(m.mue_units)), 2)
FROM b JOIN ref_mue m ON m.setting = b.setting AND m.code = b.code AND b.dos BETWEEN m.applies_from AND m.applies_to
WHERE b.setting IN ('professional', 'outpatient') AND m.mue_units > 0 AND b.units > 0 AND b.dos IS NOT NULL
GROUP BY b.source, CASE WHEN m.mai = 1 THEN b.line ELSE -1 END, b.dos, b.code
HAVING sum(b.units) > min(m.mue_units)
UNION ALL
SELECT 'BILL.MODIFIER_25_UNSUPPORTED', v.source, [v.line, min(CASE WHEN o.minor THEN o.line END)], v.charge
FROM b v JOIN (SELECT b.source, b.dos, b.line, b.code, coalesce(r.global_days IN ('000', '010'), false) AS minor
               FROM b LEFT JOIN ref_pfs_rvu r ON r.hcpcs = b.code AND r.modifier IS NULL
                AND b.dos BETWEEN r.applies_from AND r.applies_to AND r.global_days IN ('000', '010', '090')
               WHERE b.code IS NOT NULL) o ON o.source = v.source AND o.dos = v.dos AND o.line <> v.line
WHERE v.mods LIKE '% 25 %' AND (v.code BETWEEN '99202' AND '99215' OR v.code BETWEEN '99221' AND '99239'
      OR v.code BETWEEN '99242' AND '99255' OR v.code BETWEEN '99281' AND '99285' OR v.code = 'G0463')
GROUP BY v.source, v.line, v.charge
HAVING bool_or(o.minor) AND NOT bool_or(NOT o.minor AND o.code NOT LIKE 'J%' AND o.code NOT LIKE 'A%')
UNION ALL
SELECT 'BILL.NOT_RECEIVED', source, [line], charge FROM b WHERE not_received AND charge > 0
UNION ALL
SELECT 'BILL.DATE_OUTSIDE_CARE', source, [line], charge FROM b
WHERE service_date IS NOT NULL AND care_start IS NOT NULL
  AND (service_date < care_start OR service_date > coalesce(care_end, care_start))
UNION ALL
SELECT 'BILL.ROOM_DAYS', source, list(line ORDER BY line),
       round(sum(charge) / sum(units) * (sum(units) - greatest(min(care_end) - min(care_start), 1)), 2)
FROM b WHERE (revenue_code BETWEEN '0100' AND '0219' OR revenue_code BETWEEN '100' AND '219'
              OR upper(description) LIKE '%ROOM%BOARD%' OR upper(description) LIKE '%ROOM & BOARD%'
              OR upper(description) LIKE '%R&B%' OR upper(description) LIKE '%SEMI%PRIV%' OR upper(description) LIKE '%PRIVATE ROOM%')
  AND care_start IS NOT NULL AND care_end IS NOT NULL AND charge > 0
GROUP BY source HAVING sum(units) > greatest(min(care_end) - min(care_start), 1)
UNION ALL
SELECT 'BILL.MATH', source, [line], greatest(charge - units * unit_price, 0) FROM b
WHERE unit_price IS NOT NULL AND units > 0 AND abs(charge - units * unit_price) > 0.01
UNION ALL
SELECT 'BILL.MATH', c.source, []::BIGINT[], greatest(c.stated_total - s.total, 0) FROM bills c JOIN sums s USING (source)
WHERE c.stated_total IS NOT NULL AND abs(c.stated_total - s.total) > 0.01
UNION ALL
SELECT 'BILL.MATH', c.source, []::BIGINT[],
       c.stated_balance - (coalesce(c.stated_total, s.total) - coalesce(c.payments, 0) - coalesce(c.adjustments, 0))
FROM bills c JOIN sums s USING (source)
WHERE c.stated_balance - (coalesce(c.stated_total, s.total) - coalesce(c.payments, 0) - coalesce(c.adjustments, 0)) > 0.01
UNION ALL
SELECT 'BILL.NOT_ITEMIZED', source, []::BIGINT[], 0 FROM b GROUP BY source HAVING count(code) = 0 AND count(revenue_code) = 0
UNION ALL
SELECT 'BILL.ADDON_WITHOUT_PRIMARY', d.source, [d.line], d.charge
FROM (SELECT DISTINCT b.source, b.line, b.dos, b.code, b.charge FROM b
      JOIN ref_ncci_aoc x ON x.add_on_code = b.code AND b.dos BETWEEN x.applies_from AND x.applies_to
      WHERE x.edit_type = 1 AND b.dos IS NOT NULL) d
WHERE NOT EXISTS (SELECT 1 FROM b p JOIN ref_ncci_aoc x ON x.add_on_code = d.code AND x.primary_code = p.code
                  AND d.dos BETWEEN x.applies_from AND x.applies_to
                  WHERE p.source = d.source AND p.dos = d.dos AND p.line <> d.line)
UNION ALL
SELECT 'BILL.PRICE_OUTLIER', m.source, [m.line], greatest(m.charge - m.amount, 0)
FROM medicare m, audit_params a WHERE m.charge > 0 AND m.amount > 0 AND m.charge > a.price_multiple * m.amount
UNION ALL
SELECT 'BILL.UPCODING_SUSPECT', t.source, [t.line],
       coalesce(round(t.charge * (1 - (SELECT max(work_rvu + pe_facility_rvu + mp_rvu) FROM ref_pfs_rvu WHERE hcpcs = t.lower AND modifier IS NULL)
                                 / (SELECT max(work_rvu + pe_facility_rvu + mp_rvu) FROM ref_pfs_rvu WHERE hcpcs = t.code AND modifier IS NULL)), 2), 0)
FROM (SELECT b.*, v.lower FROM b JOIN (VALUES ('99285', '99284'), ('99215', '99214'), ('99205', '99204'), ('99223', '99222'),
      ('99233', '99232'), ('99245', '99244'), ('99255', '99254'), ('99350', '99349')) v(code, lower) ON v.code = b.code) t
WHERE (SELECT count(DISTINCT o.code) FROM b o WHERE o.source = t.source AND o.dos = t.dos AND o.line <> t.line
       AND o.code NOT IN ('99285', '99215', '99205', '99223', '99233', '99245', '99255', '99350')
       AND (o.code BETWEEN '10000' AND '99199' OR o.code LIKE 'J%' OR o.code = '99291')) < 2
UNION ALL
SELECT 'NSA.GFE_EXCEEDED', c.source, []::BIGINT[], s.total - c.gfe_total
FROM bills c JOIN sums s USING (source), audit_params a
WHERE c.gfe_total IS NOT NULL AND s.total - c.gfe_total >= a.gfe_threshold
UNION ALL
SELECT 'NSA.BALANCE_BILL', c.source, []::BIGINT[],
       CASE WHEN c.in_network = false AND e.cost_sharing IS NOT NULL THEN coalesce(c.balance, c.stated_balance, s.total) - e.cost_sharing ELSE 0 END
FROM bills c JOIN sums s USING (source)
LEFT JOIN (SELECT source, sum(patient_responsibility) AS cost_sharing FROM eobs WHERE level = 'claim'
           AND patient_responsibility IS NOT NULL GROUP BY source) e USING (source)
WHERE c.insurance_status = 'insured' AND (c.emergency OR c.facility_in_network) AND (c.in_network IS NULL OR NOT c.in_network)
  AND (c.in_network IS NULL OR e.cost_sharing IS NULL OR coalesce(c.balance, c.stated_balance, s.total) - e.cost_sharing > 0.01)
UNION ALL
SELECT 'IRS501R.OVER_AGB', c.source, []::BIGINT[],
       CASE WHEN c.fpl_percent IS NULL THEN 0
            WHEN c.fpl_percent <= c.fap_free_fpl THEN coalesce(c.balance, c.stated_balance, s.total)
            ELSE least(coalesce(c.balance, c.stated_balance, s.total),
            coalesce(c.balance, c.stated_balance, s.total) + coalesce(c.payments, 0) - round(s.total * c.fap_agb_percent / 100, 2)) END
FROM bills c JOIN sums s USING (source)
WHERE c.nonprofit AND c.provider_kind = 'hospital' AND c.fap_agb_percent IS NOT NULL
  AND (c.fap_discount_fpl IS NOT NULL OR c.fap_free_fpl IS NOT NULL)
  AND (c.fpl_percent IS NULL
       OR (c.fpl_percent <= c.fap_free_fpl AND coalesce(c.balance, c.stated_balance, s.total) > 0.01)
       OR (c.fpl_percent <= greatest(coalesce(c.fap_discount_fpl, 0), coalesce(c.fap_free_fpl, 0))
       AND coalesce(c.balance, c.stated_balance, s.total) + coalesce(c.payments, 0) - round(s.total * c.fap_agb_percent / 100, 2) > 0.01))
UNION ALL
SELECT 'EOB.NOT_BILLED_TO_INSURER', c.source, []::BIGINT[], s.total FROM bills c JOIN sums s USING (source)
WHERE c.insurance_status IN ('insured', 'medicare', 'medicaid', 'qmb') AND NOT coalesce(c.has_eob, false)
  AND coalesce(c.payments, 0) = 0 AND coalesce(c.adjustments, 0) = 0
UNION ALL
SELECT 'EOB.PATIENT_RESP', c.source, []::BIGINT[],
       coalesce(c.balance, c.stated_balance, s.total - coalesce(c.payments, 0) - coalesce(c.adjustments, 0)) - e.owed
FROM bills c JOIN sums s USING (source)
JOIN (SELECT source, sum(patient_responsibility) AS owed FROM eobs WHERE level = 'claim' AND patient_responsibility IS NOT NULL GROUP BY source) e USING (source)
WHERE coalesce(c.balance, c.stated_balance, s.total - coalesce(c.payments, 0) - coalesce(c.adjustments, 0)) - e.owed > 0.01
UNION ALL
SELECT 'EOB.DUPLICATE_CLAIM', source, list_sort(list_distinct(flatten(list(lines)))), coalesce(sum(share) - max(share), 0)
FROM (SELECT source, claim_id, code, service_date, billed, max(patient_responsibility) AS share, flatten(list(lines)) AS lines
      FROM eobs WHERE level = 'service' AND code IS NOT NULL AND service_date IS NOT NULL AND billed > 0 AND NOT coalesce(denied, false)
      GROUP BY source, claim_id, code, service_date, billed)
GROUP BY source, code, service_date, billed HAVING count(*) > 1
UNION ALL
SELECT 'EOB.DENIED', source, coalesce(lines, []::BIGINT[]), coalesce(billed, 0) FROM eobs WHERE denied
UNION ALL
SELECT 'NSA.GFE_MISSING', c.source, []::BIGINT[], 0
FROM bills c JOIN (SELECT source, min(dos) AS first FROM b GROUP BY source) f USING (source), audit_params a,
     business_days s, business_days d, business_days due
WHERE c.care_scheduled >= a.nsa_from
  AND (c.insurance_status = 'uninsured' OR (c.self_pay AND coalesce(c.insurance_status, 'insured') = 'insured'))
  AND s.day = c.care_scheduled AND d.day = coalesce(c.care_start, f.first) AND d.ord - s.ord >= a.gfe_short_ahead
  AND due.business AND due.ord = s.ord + CASE WHEN d.ord - s.ord >= a.gfe_long_ahead THEN a.gfe_long_due ELSE a.gfe_short_due END
  AND (c.gfe_date > due.day OR (c.gfe_date IS NULL AND c.gfe_total IS NULL AND NOT coalesce(c.gfe_given, false)))
UNION ALL
SELECT 'EOB.OUT_OF_NETWORK_ANCILLARY', e.source, list_sort(list_distinct(flatten(list(e.lines)))),
       sum(CASE WHEN e.allowed IS NOT NULL AND e.billed > e.allowed THEN e.billed - e.allowed ELSE 0 END)
FROM eobs e JOIN bills c USING (source), audit_params a
WHERE e.level IN ('service', 'line') AND e.in_network = false AND coalesce(c.insurance_status, 'insured') = 'insured'
  AND coalesce(e.service_date, c.care_start, a.nsa_from) >= a.nsa_from
  AND (c.facility_in_network OR e.source IN (SELECT source FROM eobs WHERE level = 'claim' AND claim_kind = 'institutional' AND in_network))
  AND (list_contains(e.modifiers, '80') OR list_contains(e.modifiers, '81') OR list_contains(e.modifiers, '82')
       OR list_contains(e.modifiers, 'AS') OR regexp_matches(e.code, '^[0-9]{4}U$')
       OR (regexp_matches(e.code, '^[0-9]{5}$') AND (e.code BETWEEN '00100' AND '01999' OR e.code BETWEEN '99100' AND '99140'
           OR e.code BETWEEN '70010' AND '79999' OR e.code BETWEEN '80047' AND '89398' OR e.code BETWEEN '99460' AND '99480'
           OR e.code BETWEEN '99281' AND '99285' OR e.code BETWEEN '99221' AND '99239' OR e.code BETWEEN '99291' AND '99292')))
GROUP BY e.source, e.eob, e.claim_id
"""

# over the engine's canonical `lines` (modifiers a list), and over a claims extract's staged lines, whose
# modifiers are already the audit's ' 25 59 ' text (batch/stage.py)
HAND_WRITTEN = HAND_WRITTEN_TEMPLATE.replace("<MODS>", "' ' || coalesce(array_to_string(l.modifiers, ' '), '') || ' '")
HAND_WRITTEN_STAGED = HAND_WRITTEN_TEMPLATE.replace("<MODS>", "l.mods")
