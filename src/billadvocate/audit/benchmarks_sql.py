"""`line_benchmarks`: for each coded line, the fair prices the audit and the negotiation compare to.

- medicare: what Medicare pays for that kind of line (`yardstick` says which schedule, and
  `yardstick_name` names it in the finding), all times the line's units:
  - a drug (a code in the ASP pricing file, J codes and the like): the ASP payment limit per billing
    unit, in any setting;
  - a lab test (a code in the Clinical Laboratory Fee Schedule): its national limit;
  - a hospital outpatient line: the OPPS Addendum B payment rate of its HCPCS code (the national
    unadjusted rate of its APC); a packaged code (status indicator N) has no price of its own, and a
    code OPPS pays under another fee schedule (status A) takes that schedule (DMEPOS, else PFS);
  - an ambulance ride on any bill but an inpatient stay's, where the patient's locality (pfs_mac, pfs_locality)
    is known and the CMS Ambulance Fee Schedule file of the ride's calendar year is imported (`data import
    ambulance`): that file's rate for the locality and code, the highest of its urban, rural and rural lowest
    quartile (super-rural) rates, and for ground mileage its rural rate for each of the first 17 miles, the rural
    rate per mile after (CMS's own amounts: not unconfirmed);
  - else a ground ambulance ride (A0425-A0429, A0432-A0434): the Medicare
    ambulance fee schedule, national and at the highest rural rate (audit/ambulance.py): a level's base rate
    (RVUs x the conversion factor of the ride's year, with the rural +3% and super-rural +22.6% increases), or
    the ground mileage rate per mile with the rural +50% for each of the first 17 miles. Whether the pickup was
    rural is not known, so the higher figure is taken (the urban/rural question never overstates the
    multiple; the geographic adjustment is not applied: audit/ambulance.py says by how much it can differ). An air ambulance
    line (A0430, A0431, A0435, A0436) has none but from the locality's file: its national rates are not in the law data;
  - durable medical equipment and supplies: the DMEPOS fee for the patient's state (the higher of its
    non-rural and rural fees: whether the patient lives in a rural ZIP is not known), the row of the
    line's modifier (NU, RR, UE ...) when it has one, else the highest;
  - a professional line: the Physician Fee Schedule amount, [(work x GPCI) + (non-facility PE x GPCI)
    + (MP x GPCI)] x the conversion factor in force on the date of service, for the patient's locality
    (GPCI 1.0, the national amount, when the locality is unknown);
  - a bill whose setting could not be decided: the larger of the OPPS and PFS amounts, so a price is
    called high only when it is high by both;
  - an inpatient line: none (an inpatient stay is paid per stay, by its MS-DRG).
  `no_yardstick` says, in words, why a coded line has none; the OPPS status indicator's reasons
  (packaged, inpatient only, another code is used) only on a bill that may be a hospital's.
- a line dated before the earliest loaded release of the schedule that prices it (or, on a hospital's
  bill, of the OPPS whose status or rate chose it) has no `medicare` amount, so no finding is made from a
  schedule not in force on its date: `no_yardstick` names the schedule, the date it starts and the
  `data import` that adds its year (reference/store.py DATED_FROM_START says why). Its amount at the
  schedule's earliest rates is `medicare_later`, which the fair-price estimate (basis medicare_later)
  and the offer take: an anchor for a settlement, not a claim, and the notes say it is a later year's.
- cash_price / negotiated / gross: the hospital's own published prices (an imported machine-readable
  file), per unit as published, times units; negotiated is the rate for the patient's plan.
- fair: the benchmark the negotiation uses: the cash price for a self-pay patient, the plan's rate
  for an insured one, else the Medicare amount.
"""

from .ambulance import AIR_CODES as AIR_AMBULANCE

MEDICARE_STATUSES = ("A", "R", "T")
# OPPS status indicators with a payment rate of their own (J1/J2 comprehensive, P partial
# hospitalization, Q1-Q3 conditionally packaged when paid alone, R blood, S/T procedures, U
# brachytherapy, V visits, G/H/K drugs, devices and radiopharmaceuticals)
OPPS_PAID = ("J1", "J2", "P", "Q1", "Q2", "Q3", "R", "S", "T", "U", "V", "G", "H", "K")

# a schedule that would price a line dated before its earliest release: (its `early` column, its name in the
# reason, its `data import` kind); the reason is data, its Spanish in report/spanish_audit_notes.py
EARLY_SCHEDULES = {
    "asp": ("asp_early", "Medicare Part B drug payment limits (ASP)", "asp"),
    "clfs": ("clfs_early", "Medicare Clinical Laboratory Fee Schedule", "clfs"),
    "opps": ("opps_early", "Medicare outpatient hospital payment rates (OPPS)", "opps"),
    "dmepos": ("dme_early", "Medicare DMEPOS fee schedule", "dmepos"),
    "pfs": ("pfs_early", "Medicare Physician Fee Schedule", "pfs-rvu"),
    # law data (federal.cms_ambulance), no file to import: the reason says its year's rates are not in the law
    "ambulance": ("amb_early", "Medicare ambulance fee schedule", None),
}


def _early_reason() -> str:
    """'dated before 2025-01-01, the start of the earliest Medicare Clinical Laboratory Fee Schedule loaded; a
    later year's rates may be higher or lower than those of its date: billadvocate data import clfs FILE adds
    its year's' (the PFS's conversion factor is law data: when it starts later than the RVUs, that is said)."""
    def case(i: int) -> str:
        return "CASE pick " + " ".join(f"WHEN 'early {k}' THEN " + (v[i] if i == 0 else f"'{v[i]}'")
                                       for k, v in EARLY_SCHEDULES.items() if v[i]) + " END"
    return ("'dated before ' || CAST(early_from AS VARCHAR) || ', the start of the earliest ' || " + case(1)
            + " || ' loaded; a later year''s rates may be higher or lower than those of its date: ' || "
            "CASE WHEN pick = 'early pfs' AND pfs_cf_later "
            "THEN 'the conversion factor of its year is not in billadvocate''s law data' "
            "WHEN pick = 'early ambulance' THEN 'the ambulance rates of its year are not in billadvocate''s law data' "
            "ELSE 'billadvocate data import ' || " + case(2) + " || ' FILE adds its year''s' END")


# each price_day key once with its columns: portable SQL (the Spark plan translates it) ... A line with no
# date of service (none on the line, no stay dates) is priced by the schedules in force on the audit's
# as-of date: a later schedule pays a little more, so the comparison errs toward the hospital, and the
# result's notes say so (audit/__init__.py)
DAY_KEYS = """SELECT price_day, min(code) AS code, min(coalesce(dos, (SELECT as_of FROM audit_params))) AS dos,
           min(setting) AS setting, min(state) AS state,
           min(mods) AS mods, min(pfs_mac) AS pfs_mac, min(pfs_locality) AS pfs_locality
    FROM audit_lines WHERE code IS NOT NULL GROUP BY price_day"""
# ... and where audit_lines is a DuckDB table: the first row of each key by its row id, so that only
# those few thousand rows' columns are read, not every line's (the price rules' largest step at scale)
DAY_KEYS_BY_ROW = """SELECT price_day, code, coalesce(dos, (SELECT as_of FROM audit_params)) AS dos, setting, state,
           mods, pfs_mac, pfs_locality
    FROM audit_lines
    WHERE rowid IN (SELECT min(rowid) FROM audit_lines WHERE code IS NOT NULL GROUP BY price_day)"""

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
), day_keys AS (  -- each distinct (code, date, setting, state, modifiers, locality) once
    {{DAY_KEYS}}
), starts AS (  -- the first date of service each schedule covers (reference/store.py DATED_FROM_START)
    SELECT max(CASE WHEN schedule = 'asp' THEN covers_from END) AS asp_from,
           max(CASE WHEN schedule = 'clfs' THEN covers_from END) AS clfs_from,
           max(CASE WHEN schedule = 'opps' THEN covers_from END) AS opps_from,
           max(CASE WHEN schedule = 'dmepos' THEN covers_from END) AS dme_from,
           max(CASE WHEN schedule = 'pfs_rvu' THEN covers_from END) AS rvu_from,
           (SELECT min(day) FROM pfs_cf_day) AS cf_from
    FROM ref_schedule_starts
), amb_local AS (  -- the CMS ambulance fee schedule file of the ride's calendar year, for the patient's locality
    SELECT k.price_day,
           max(greatest(coalesce(f.urban_rate, 0), coalesce(f.rural_rate, 0), coalesce(f.lowest_quartile_rate, 0))) AS unit_rate,
           max(f.rural_first_miles_rate) AS first_miles_rate, max(f.first_miles) AS first_miles,
           max(coalesce(n.locality_name, 'carrier ' || f.carrier || ', locality ' || f.locality)) AS locality_name,
           max(year(f.release_from)) AS year
    FROM day_keys k
    JOIN ref_ambulance_fee f ON f.hcpcs = k.code AND f.carrier = k.pfs_mac AND f.locality = k.pfs_locality
     AND k.dos BETWEEN f.applies_from AND f.applies_to AND year(f.release_from) = year(k.dos)
    LEFT JOIN (SELECT mac, locality, max(locality_name) AS locality_name FROM ref_gpci GROUP BY mac, locality) n
      ON n.mac = f.carrier AND n.locality = f.locality
    WHERE k.setting IS NULL OR k.setting <> 'inpatient'
    GROUP BY k.price_day
    HAVING max(greatest(coalesce(f.urban_rate, 0), coalesce(f.rural_rate, 0), coalesce(f.lowest_quartile_rate, 0))) > 0
), dme AS (  -- the line's modifier row when it has one (NU purchase, RR rental ...), else the highest fee
    SELECT k.price_day,
           coalesce(max(CASE WHEN k.mods LIKE '% ' || d.modifier || ' %' THEN greatest(d.fee_nonrural, coalesce(d.fee_rural, 0)) END),
                    max(greatest(d.fee_nonrural, coalesce(d.fee_rural, 0)))) AS fee
    FROM day_keys k
    CROSS JOIN starts s
    JOIN ref_dmepos d ON d.hcpcs = k.code AND d.state = k.state
     AND greatest(k.dos, s.dme_from) BETWEEN d.applies_from AND d.applies_to
    WHERE k.setting IS NULL OR k.setting <> 'inpatient'
    GROUP BY k.price_day
), early AS (  -- the schedules that list a key's code but start after its date of service
    SELECT k.price_day,
           CASE WHEN k.dos < s.asp_from AND ea.hcpcs IS NOT NULL THEN s.asp_from END AS asp_early,
           CASE WHEN k.dos < s.clfs_from AND el.hcpcs IS NOT NULL THEN s.clfs_from END AS clfs_early,
           CASE WHEN k.dos < s.opps_from AND eo.hcpcs IS NOT NULL THEN s.opps_from END AS opps_early,
           CASE WHEN k.dos < s.opps_from AND eo.paid THEN s.opps_from END AS opps_paid_early,
           CASE WHEN k.dos < s.dme_from AND ed.hcpcs IS NOT NULL THEN s.dme_from END AS dme_early,
           CASE WHEN k.dos < greatest(s.rvu_from, s.cf_from) AND ep.hcpcs IS NOT NULL
                THEN greatest(s.rvu_from, s.cf_from) END AS pfs_early,
           s.cf_from > s.rvu_from AS pfs_cf_later,  -- the conversion factor (law data), not the RVUs, starts later
           CASE WHEN k.dos < eam.first_from AND al.price_day IS NULL THEN eam.first_from END AS amb_early
    FROM day_keys k CROSS JOIN starts s
    LEFT JOIN amb_local al ON al.price_day = k.price_day
    LEFT JOIN (SELECT hcpcs FROM ref_asp GROUP BY hcpcs) ea ON ea.hcpcs = k.code
    LEFT JOIN (SELECT hcpcs FROM ref_clfs WHERE modifier IS NULL GROUP BY hcpcs) el ON el.hcpcs = k.code
    LEFT JOIN (SELECT hcpcs, max(CASE WHEN status_indicator IN {OPPS_PAID} THEN 1 ELSE 0 END) = 1 AS paid
               FROM ref_opps GROUP BY hcpcs) eo ON eo.hcpcs = k.code
    LEFT JOIN (SELECT hcpcs FROM ref_dmepos GROUP BY hcpcs) ed ON ed.hcpcs = k.code
    LEFT JOIN (SELECT hcpcs FROM ref_pfs_rvu WHERE status IN {MEDICARE_STATUSES}
               AND work_rvu + pe_nonfacility_rvu + mp_rvu > 0 GROUP BY hcpcs) ep ON ep.hcpcs = k.code
    LEFT JOIN (SELECT hcpcs, min(applies_from) AS first_from FROM ambulance_rates GROUP BY hcpcs) eam
      ON eam.hcpcs = k.code
    WHERE k.setting IS NULL OR k.setting <> 'inpatient'
), unit_prices AS (  -- one unit's price by each schedule, for each key
    SELECT k.price_day,
           CASE WHEN r.hcpcs IS NOT NULL AND c.cf IS NOT NULL THEN
                round((r.work_rvu * coalesce(g.gpci_work, 1.0) + r.pe_nonfacility_rvu * coalesce(g.gpci_pe, 1.0)
                       + r.mp_rvu * coalesce(g.gpci_mp, 1.0)) * c.cf, 2) END AS pfs_unit,
           CASE WHEN r.hcpcs IS NULL THEN NULL WHEN g.locality IS NULL THEN 'national' ELSE g.locality_name END AS locality_name,
           r.release_from AS pfs_release,
           o.status_indicator, o.apc,
           CASE WHEN o.status_indicator IN {OPPS_PAID} AND o.payment_rate > 0 THEN o.payment_rate END AS opps_unit,
           CASE WHEN l.rate > 0 THEN l.rate END AS clfs_unit,
           CASE WHEN d.payment_limit > 0 THEN d.payment_limit END AS asp_unit, d.dosage,
           CASE WHEN m.fee > 0 THEN m.fee END AS dme_unit, CASE WHEN m.fee > 0 THEN k.state END AS dme_state,
           -- the locality's CMS file of the ride's year when imported, else the national rates from the law data
           al.price_day IS NOT NULL AS amb_local, coalesce(al.unit_rate, am.unit_rate) AS amb_unit,
           CASE WHEN al.price_day IS NOT NULL THEN al.first_miles_rate ELSE am.first_miles_rate END AS amb_first_rate,
           CASE WHEN al.price_day IS NOT NULL THEN al.first_miles ELSE am.first_miles END AS amb_first_miles,
           CASE WHEN al.price_day IS NULL THEN am.name
                WHEN al.first_miles_rate IS NOT NULL
                THEN 'the Medicare ambulance fee schedule for ' || al.locality_name || ' (CY ' || CAST(al.year AS VARCHAR)
                     || ' ground mileage, rural: each of the first ' || CAST(al.first_miles AS VARCHAR)
                     || ' miles at its own rate)'
                ELSE 'the Medicare ambulance fee schedule for ' || al.locality_name || ' (CY ' || CAST(al.year AS VARCHAR)
                     || ', the highest of its urban, rural and super-rural rates)' END AS amb_name
    FROM day_keys k CROSS JOIN starts s
    LEFT JOIN ref_pfs_rvu r
      ON r.hcpcs = k.code
     AND coalesce(r.modifier, '') = CASE WHEN k.mods LIKE '% 26 %' THEN '26'
                                         WHEN k.mods LIKE '% TC %' THEN 'TC' ELSE '' END
     AND greatest(k.dos, s.rvu_from, s.cf_from) BETWEEN r.applies_from AND r.applies_to
     AND r.status IN {MEDICARE_STATUSES}
     AND r.work_rvu + r.pe_nonfacility_rvu + r.mp_rvu > 0
     AND (k.setting IS NULL OR k.setting <> 'inpatient')
    LEFT JOIN pfs_cf_day c ON r.hcpcs IS NOT NULL AND c.day = least(greatest(k.dos, s.rvu_from, s.cf_from), (SELECT max(day) FROM pfs_cf_day))
    LEFT JOIN ref_gpci g
      ON r.hcpcs IS NOT NULL AND g.mac = k.pfs_mac AND g.locality = k.pfs_locality
     AND greatest(k.dos, s.rvu_from, s.cf_from) BETWEEN g.applies_from AND g.applies_to
    LEFT JOIN ref_opps o ON o.hcpcs = k.code AND greatest(k.dos, s.opps_from) BETWEEN o.applies_from AND o.applies_to
    LEFT JOIN ref_clfs l ON l.hcpcs = k.code AND l.modifier IS NULL
     AND greatest(k.dos, s.clfs_from) BETWEEN l.applies_from AND l.applies_to
    LEFT JOIN ref_asp d ON d.hcpcs = k.code AND greatest(k.dos, s.asp_from) BETWEEN d.applies_from AND d.applies_to
    LEFT JOIN dme m ON m.price_day = k.price_day
    LEFT JOIN amb_local al ON al.price_day = k.price_day
    -- the ambulance fee schedule of the ride's year (its earliest year's for an earlier ride: medicare_later)
    LEFT JOIN (SELECT hcpcs, min(applies_from) AS first_from FROM ambulance_rates GROUP BY hcpcs) af ON af.hcpcs = k.code
    LEFT JOIN ambulance_rates am ON am.hcpcs = k.code AND greatest(k.dos, af.first_from) BETWEEN am.applies_from AND am.applies_to
     AND (k.setting IS NULL OR k.setting <> 'inpatient')
), chosen AS (  -- each key's yardstick (the setting is part of the key), its price for one unit and its name
    SELECT price_day, CASE WHEN pick LIKE 'early %' THEN NULL ELSE pick END AS yardstick, base, status_indicator,
           CASE WHEN pick LIKE 'early %' THEN ', at a later year''s rates than the line''s' ELSE '' END AS name_tail,
           apc, pfs_release,
           CASE base WHEN 'asp' THEN asp_unit WHEN 'clfs' THEN clfs_unit WHEN 'opps' THEN opps_unit
                     WHEN 'dmepos' THEN dme_unit WHEN 'pfs' THEN pfs_unit WHEN 'ambulance' THEN amb_unit END AS unit_amount,
           CASE WHEN base = 'ambulance' THEN amb_first_rate END AS first_miles_rate,
           CASE WHEN base = 'ambulance' THEN amb_first_miles END AS first_miles,
           -- the ride's date, whose conversion factor or mileage rate (law data) the finding cites
           CASE WHEN pick = 'ambulance' AND NOT amb_local AND amb_first_rate IS NULL THEN dos END AS ambulance_base_day,
           CASE WHEN pick = 'ambulance' AND NOT amb_local AND amb_first_rate IS NOT NULL THEN dos END AS ambulance_mileage_day,
           CASE WHEN base = 'pfs' THEN locality_name END AS locality_name,
           CASE WHEN pick LIKE 'early %' THEN early_from END AS later_from,
           CASE base
                WHEN 'asp' THEN 'the Medicare Part B drug payment limit (ASP) per ' || coalesce(lower(dosage), 'billing unit')
                WHEN 'clfs' THEN 'the Medicare Clinical Laboratory Fee Schedule national limit'
                WHEN 'opps' THEN 'the Medicare outpatient hospital payment for APC ' || apc || ' (national, unadjusted)'
                WHEN 'dmepos' THEN 'the Medicare DMEPOS fee schedule for ' || dme_state
                WHEN 'pfs' THEN 'the Medicare Physician Fee Schedule amount (' || locality_name || ')'
                WHEN 'ambulance' THEN amb_name
           END AS yardstick_name,
           CASE WHEN pick IS NOT NULL AND pick NOT LIKE 'early %' THEN NULL
                WHEN setting = 'inpatient' THEN 'an inpatient stay is paid per stay (MS-DRG), not per line'
                WHEN pick LIKE 'early %' THEN {{EARLY_REASON}}
                WHEN code IN {AIR_AMBULANCE} THEN 'an air ambulance ride: Medicare''s national air ambulance rates are not in billadvocate''s law data'
                WHEN opps_status = 'N' THEN 'packaged: Medicare pays for it only within the hospital service it goes with'
                WHEN opps_status IN ('E1', 'E2') THEN 'Medicare does not pay for it'
                WHEN opps_status = 'C' THEN 'Medicare pays for it only on an inpatient stay'
                WHEN opps_status = 'B' THEN 'not billable on a hospital outpatient claim (another code is used)'
                ELSE 'no Medicare price for this code in the loaded fee schedules'
           END AS no_yardstick
    FROM (
      SELECT z.*,
             -- 'early X': the line predates schedule X, which chose or priced it (at its earliest rates)
             CASE WHEN late IS NOT NULL THEN 'early ' || late ELSE base END AS pick,
             CASE late WHEN 'asp' THEN asp_early WHEN 'clfs' THEN clfs_early WHEN 'opps' THEN opps_early
                       WHEN 'dmepos' THEN dme_early WHEN 'pfs' THEN pfs_early WHEN 'ambulance' THEN amb_early END AS early_from
      FROM (
        SELECT w.*,
               CASE WHEN base = 'asp' AND asp_early IS NOT NULL THEN 'asp'
                    WHEN base = 'clfs' AND clfs_early IS NOT NULL THEN 'clfs'
                    WHEN base = 'dmepos' AND dme_early IS NOT NULL THEN 'dmepos'
                    WHEN base = 'pfs' AND pfs_early IS NOT NULL THEN 'pfs'
                    WHEN base = 'ambulance' AND amb_early IS NOT NULL THEN 'ambulance'
                    WHEN base = 'opps' AND opps_early IS NOT NULL THEN 'opps'
                    -- a hospital's line: OPPS's status chose PFS or DMEPOS; undecided: the larger of OPPS and PFS
                    WHEN base IN ('pfs', 'dmepos') AND setting IS DISTINCT FROM 'professional'
                         AND opps_paid_early IS NOT NULL THEN 'opps'
                    WHEN base = 'opps' AND setting IS NULL AND pfs_early IS NOT NULL THEN 'pfs'
               END AS late
        FROM (
        SELECT u.*, k.setting, k.code, k.dos, e.asp_early, e.clfs_early, e.opps_early, e.opps_paid_early, e.dme_early,
               e.pfs_early, e.pfs_cf_later, e.amb_early,
               -- the OPPS status indicator speaks of a hospital's outpatient claim, not a practitioner's or supplier's
               CASE WHEN k.setting IS NULL OR k.setting <> 'professional' THEN status_indicator END AS opps_status,
               -- the schedule that prices the line (at its earliest rates when the line predates them)
               CASE WHEN k.setting = 'inpatient' THEN NULL
                    WHEN amb_unit IS NOT NULL THEN 'ambulance'
                    WHEN asp_unit IS NOT NULL THEN 'asp'
                    WHEN clfs_unit IS NOT NULL THEN 'clfs'
                    WHEN k.setting = 'outpatient' AND status_indicator = 'A' AND dme_unit IS NOT NULL THEN 'dmepos'
                    WHEN k.setting = 'outpatient' AND status_indicator = 'A' AND pfs_unit IS NOT NULL THEN 'pfs'
                    WHEN k.setting = 'outpatient' AND opps_unit IS NOT NULL THEN 'opps'
                    WHEN k.setting = 'outpatient' THEN NULL
                    WHEN k.setting IS NULL AND opps_unit IS NOT NULL
                         AND (pfs_unit IS NULL OR opps_unit >= pfs_unit) THEN 'opps'
                    WHEN dme_unit IS NOT NULL THEN 'dmepos'
                    WHEN pfs_unit IS NOT NULL THEN 'pfs'
               END AS base
        FROM unit_prices u JOIN day_keys k ON k.price_day = u.price_day
        LEFT JOIN early e ON e.price_day = u.price_day
        ) AS w
      ) AS z
    ) AS y
), priced AS (
    SELECT a.source, a.line, a.code, a.description, a.units, a.charge, a.insurance_status, c.yardstick,
           -- the fee schedule rounds one unit's amount, the other schedules the line's
           CASE WHEN c.yardstick IS NULL THEN NULL
                WHEN c.yardstick = 'pfs' THEN CASE WHEN a.units > 0 THEN c.unit_amount * a.units END
                {{MILES}}
                ELSE round(c.unit_amount * a.units, 2) END AS medicare,
           -- a line dated before the schedule: its earliest rates, for the fair-price estimate only
           CASE WHEN c.yardstick IS NOT NULL OR c.later_from IS NULL THEN NULL
                WHEN c.base = 'pfs' THEN CASE WHEN a.units > 0 THEN c.unit_amount * a.units END
                {{MILES}}
                ELSE round(c.unit_amount * a.units, 2) END AS medicare_later,
           c.yardstick_name || c.name_tail AS yardstick_name, c.no_yardstick, c.status_indicator, c.apc, c.locality_name, c.pfs_release,
           c.ambulance_base_day, c.ambulance_mileage_day,
           h.cash_price, h.negotiated, h.gross
    FROM audit_lines a
    JOIN chosen c ON c.price_day = a.price_day
    LEFT JOIN hospital h ON h.source = a.source AND h.line = a.line
    WHERE a.code IS NOT NULL
)
SELECT source, line, code, description, units, charge, insurance_status, yardstick, medicare, medicare_later,
       yardstick_name,
       no_yardstick, status_indicator, apc, locality_name, pfs_release, ambulance_base_day, ambulance_mileage_day,
       cash_price, negotiated, gross,
       CASE WHEN cash_price IS NOT NULL AND coalesce(insurance_status, 'uninsured') = 'uninsured' THEN cash_price
            WHEN negotiated IS NOT NULL AND insurance_status = 'insured' THEN negotiated
            ELSE coalesce(medicare, medicare_later) END AS fair,
       CASE WHEN cash_price IS NOT NULL AND coalesce(insurance_status, 'uninsured') = 'uninsured' THEN 'cash_price'
            WHEN negotiated IS NOT NULL AND insurance_status = 'insured' THEN 'negotiated'
            WHEN medicare IS NOT NULL THEN 'medicare'
            WHEN medicare_later IS NOT NULL THEN 'medicare_later' END AS basis
FROM priced
"""

# ambulance mileage: the first miles at the rural rate for them, the rest at the rural rate per mile
LINE_BENCHMARKS_SQL = LINE_BENCHMARKS_SQL.replace("{MILES}", """WHEN c.first_miles_rate IS NOT NULL THEN
                     round(c.first_miles_rate * least(a.units, c.first_miles)
                           + c.unit_amount * greatest(a.units - c.first_miles, 0), 2)""")
# line_benchmarks over a materialised audit_lines (engine.prepare); LINE_BENCHMARKS_SQL is the portable one
LINE_BENCHMARKS_SQL = LINE_BENCHMARKS_SQL.replace("{EARLY_REASON}", _early_reason())
LINE_BENCHMARKS_BY_ROW_SQL = LINE_BENCHMARKS_SQL.replace("{DAY_KEYS}", DAY_KEYS_BY_ROW)
LINE_BENCHMARKS_SQL = LINE_BENCHMARKS_SQL.replace("{DAY_KEYS}", DAY_KEYS)
