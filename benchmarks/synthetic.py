"""Synthetic claim lines for the audit benchmarks, in DuckDB: `lines` and `bills` with the engine's
canonical columns (audit/tables.py).

`realistic` (the default) looks like a hospital outpatient / professional extract: 10 lines a claim
following one of five encounter templates (office visit, imaging, emergency, infusion, surgery) built
from 30 common codes, one to a few units within the code's usual range, chargemaster prices about
2.4x Medicare, dates inside the stay, and planted errors at known rates (an NCCI pair planted in 2%
of claims, of which about half are found: the rest fall on a stay's second day, beside a modifier 59,
or repeat the template's own code; 1% duplicate lines, 0.5% excess units, 0.3% dates outside the stay, 5% prices at 3x the usual,
0.5% unit-price arithmetic errors, 0.1% services not received).

`stress` is the earlier, adversarial data: codes repeat in runs of three, units 1-3 on every code,
charges unrelated to the code, two lines a claim a day after the stay; most lines have a finding.
"""

from __future__ import annotations

import duckdb

# the first day of care: the claims are dated August to October 2025, inside the period every shipped
# Medicare schedule covers (the shipped CLFS and DMEPOS start in 2025; a line dated before a schedule's
# earliest release is not priced, reference/store.py DATED_FROM_START), as an extract audited now would be
FIRST_DAY = "2025-08-01"

# code, usual charge per unit, most units on a normal line (usual charges ~2.4x the 2024 Medicare
# amount for fee-schedule codes; labs and drugs at typical chargemaster levels)
POOL = [
    ("99285", 450, 1), ("99284", 300, 1), ("85025", 45, 1), ("80053", 90, 1), ("80048", 70, 1),
    ("82565", 30, 1), ("84484", 60, 1), ("93005", 15, 1), ("93000", 40, 1), ("71046", 90, 1),
    ("96374", 95, 1), ("96375", 40, 3), ("J2405", 10, 4), ("J1100", 8, 10), ("36415", 20, 1),
    ("72148", 500, 1), ("70551", 520, 1), ("80061", 70, 1), ("81001", 25, 1), ("87086", 50, 1),
    ("99213", 230, 1), ("99214", 330, 1), ("20610", 170, 1), ("29881", 1450, 1), ("29880", 1500, 1),
    ("G0378", 80, 24), ("A9579", 20, 15), ("74177", 800, 1), ("76700", 300, 1), ("93010", 20, 1),
]
CODES = [c for c, _, _ in POOL]

_BILLS = """
    CREATE OR REPLACE TABLE bills AS
    SELECT 'c' || c AS source, NULL::DECIMAL(14,2) AS stated_total, NULL::DECIMAL(14,2) AS payments,
           NULL::DECIMAL(14,2) AS adjustments, NULL::DECIMAL(14,2) AS stated_balance,
           DATE '{FIRST_DAY}' + (c % 90)::INTEGER AS care_start,
           DATE '{FIRST_DAY}' + (c % 90)::INTEGER + {stay} AS care_end,
           CASE WHEN c % 2 = 0 THEN 'outpatient' ELSE 'professional' END AS setting,
           c % 7 = 0 AS emergency, CASE WHEN c % 3 = 0 THEN 'uninsured' ELSE 'insured' END AS insurance_status,
           'hospital' AS provider_kind, c % 5 <> 0 AS in_network, NULL::BOOLEAN AS facility_in_network,
           'CA' AS state, NULL::DECIMAL(14,2) AS balance,
           CASE WHEN c % 11 = 0 THEN 500 END::DECIMAL(14,2) AS gfe_total, c % 2 = 0 AS nonprofit,
           38::DECIMAL(8,2) AS fap_agb_percent, 200::DECIMAL(8,2) AS fap_free_fpl, 400::DECIMAL(8,2) AS fap_discount_fpl,
           (100 + c % 400)::DECIMAL(8,2) AS fpl_percent, c % 4 <> 0 AS has_eob,
           '01112' AS pfs_mac, '56' AS pfs_locality, NULL::VARCHAR AS price_key, NULL::VARCHAR AS price_plan
    FROM range({claims}) t(c)
"""


# encounters: a claim follows one template; its first code is always billed (an E/M level or the main
# procedure, one of two variants), and 9 of the other 11 are drawn. No two codes of a template form an
# NCCI edit, so pairs come only from the planted errors: 2% of claims bill the template's "bundled"
# code (the column-2 code of an edit with one of the template's codes) as their last line.
TEMPLATES = [  # (setting, first-code variants, the other 11 codes, bundled code)
    ("professional", ("99213", "99214"), ("36415", "85025", "80061", "81001", "87086", "80048", "93000",
                                         "J1100", "84484", "71046", "76700"), "99213"),
    ("professional", ("72148", "70551"), ("74177", "76700", "A9579", "36415", "82565", "85025", "71046",
                                         "J1100", "81001", "87086", "84484"), "96374"),
    ("outpatient", ("99285", "99284"), ("85025", "80053", "36415", "93005", "93010", "71046", "J2405",
                                       "81001", "87086", "84484", "74177"), "99284"),
    ("outpatient", ("96374", "96374"), ("96375", "G0378", "J2405", "J1100", "36415", "85025", "80053",
                                       "93005", "71046", "81001", "87086"), "99213"),
    ("outpatient", ("29881", "29880"), ("J2405", "85025", "80048", "36415", "71046", "J1100", "81001",
                                       "87086", "84484", "80061", "76700"), "20610"),
]


def realistic(con: duckdb.DuckDBPyConnection, n: int, start: int = 0) -> None:
    """Lines start .. start + n - 1 (a multiple of 10), so a big extract can be made in parts."""
    pool = ", ".join(f"('{c}', {price}, {units})" for c, price, units in POOL)
    tmpl = []
    for t, (_, firsts, others, _) in enumerate(TEMPLATES):
        tmpl += [f"({t}, 0, {v}, '{code}')" for v, code in enumerate(firsts)]
        tmpl += [f"({t}, {k + 1}, NULL, '{code}')" for k, code in enumerate(others)]
    bundled = ", ".join(f"({t}, '{b}')" for t, (_, _, _, b) in enumerate(TEMPLATES))
    # odd claims are professional (office or imaging), even ones outpatient (emergency, infusion, surgery)
    template = "CASE WHEN c % 2 = 1 THEN (c // 2) % 2 ELSE 2 + (c // 2) % 3 END"
    con.execute(f"""
        CREATE OR REPLACE TABLE lines AS
        WITH pool AS (SELECT * FROM (VALUES {pool}) AS p(code, price, max_units)),
        tmpl AS (SELECT * FROM (VALUES {", ".join(tmpl)}) AS x(t, slot, variant, code)),
        bundled AS (SELECT * FROM (VALUES {bundled}) AS b(t, code)),
        raw AS (
            SELECT i, c, i % 10 AS k, {template} AS t,
                   CASE WHEN i % 10 = 0 THEN 0 ELSE 1 + (hash(c) % 11 + (i % 10) * 5) % 11 END AS slot,
                   hash(c * 7) % 2 AS variant,
                   i % 10 = 9 AND hash(c * 13) % 50 = 0 AS planted_pair,
                   hash(i * 31 + 1) % 1000 AS r  -- one roll per line decides its planted error
            FROM (SELECT i, i // 10 AS c FROM range({start}, {start + n}) t(i))
        ), coded AS (
            SELECT raw.*, CASE WHEN planted_pair THEN b.code ELSE x.code END AS code
            FROM raw JOIN tmpl x ON x.t = raw.t AND x.slot = raw.slot AND (x.variant IS NULL OR x.variant = raw.variant)
            JOIN bundled b ON b.t = raw.t
        ), priced AS (
            SELECT coded.*, p.price, p.max_units,
                   CASE WHEN r BETWEEN 10 AND 14 THEN p.max_units + 8  -- 0.5%: units beyond the MUE
                        ELSE 1 + hash(i * 17) % p.max_units END AS units
            FROM coded JOIN pool p ON p.code = coded.code
        ), line AS (
            SELECT *, (price * units * CASE WHEN r BETWEEN 100 AND 149 THEN 3 ELSE 1 END)::DECIMAL(14,2) AS charge,
                   DATE '{FIRST_DAY}' + (c % 90)::INTEGER
                     + CASE WHEN c % 5 = 0 AND k >= 8 THEN 1 ELSE 0 END
                     + CASE WHEN r BETWEEN 20 AND 22 THEN 3 ELSE 0 END AS service_date  -- 0.3% outside the stay
            FROM priced
        )
        SELECT 'c' || c AS source, (k + 1)::BIGINT AS line, service_date, code, NULL::VARCHAR AS revenue_code,
               'SERVICE ' || code AS description, units::DECIMAL(12,3) AS units, charge,
               CASE WHEN k % 5 = 0 THEN (price * CASE WHEN r BETWEEN 30 AND 34 THEN 0.9 ELSE 1 END)::DECIMAL(14,2) END AS unit_price,
               CASE WHEN r BETWEEN 200 AND 249 THEN ['59'] ELSE []::VARCHAR[] END AS modifiers,
               NULL::VARCHAR AS ndc, NULL::VARCHAR AS provider, NULL::VARCHAR AS claim_id, r = 999 AS not_received
        FROM line
    """)
    # 1%: a line copied as the next line of its claim (same code, date, units and charge)
    con.execute("""
        UPDATE lines AS l SET code = p.code, description = p.description, units = p.units, charge = p.charge,
                              service_date = p.service_date, modifiers = []::VARCHAR[], unit_price = NULL
        FROM lines p
        WHERE p.source = l.source AND p.line = l.line - 1 AND hash(l.source, l.line) % 100 = 0
    """)
    con.execute(_BILLS.format(claims=f"{start // 10}, {(start + n) // 10}", stay="CASE WHEN c % 5 = 0 THEN 1 ELSE 0 END", FIRST_DAY=FIRST_DAY))
    _other_facts(con)


def stress(con: duckdb.DuckDBPyConnection, n: int) -> None:
    codes = ", ".join(f"'{c}'" for c in CODES)
    con.execute(f"""
        CREATE OR REPLACE TABLE lines AS
        WITH pool AS (SELECT unnest([{codes}]) AS code), p AS (SELECT list(code) AS codes FROM pool)
        SELECT 'c' || (i // 10) AS source, (i % 10 + 1)::BIGINT AS line,
               (DATE '{FIRST_DAY}' + ((i // 10) % 90)::INTEGER + (CASE WHEN i % 10 >= 8 THEN 1 ELSE 0 END)::INTEGER) AS service_date,
               p.codes[1 + (hash(i // 3) % {len(CODES)})::INTEGER] AS code, NULL::VARCHAR AS revenue_code,
               'SERVICE' AS description, (1 + hash(i) % 3)::DECIMAL(12,3) AS units,
               (40 + hash(i + 7) % 900)::DECIMAL(14,2) AS charge,
               CASE WHEN i % 5 = 0 THEN ((40 + hash(i + 7) % 900) / (1 + hash(i) % 3))::DECIMAL(14,2) END AS unit_price,
               CASE WHEN i % 13 = 0 THEN ['59'] ELSE []::VARCHAR[] END AS modifiers,
               NULL::VARCHAR AS ndc, NULL::VARCHAR AS provider, NULL::VARCHAR AS claim_id, i % 997 = 0 AS not_received
        FROM range({n}) t(i), p
    """)
    con.execute(_BILLS.format(claims=n // 10, stay="0", FIRST_DAY=FIRST_DAY))
    _other_facts(con)


def _other_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Every other column the audit's `bills` table has (audit/tables.py: the bill's own, such as its
    MS-DRG, and the case facts), unknown (NULL), so a rule added with a new column runs here as it
    would on a claims extract that lacks it."""
    from billadvocate.audit.sqltypes import duck_type
    from billadvocate.audit.tables import BILLS_SCHEMA

    have = {row[0] for row in con.execute("DESCRIBE bills").fetchall()}
    for name, kind in zip(BILLS_SCHEMA.names, BILLS_SCHEMA.types):
        if name not in have:
            con.execute(f"ALTER TABLE bills ADD COLUMN {name} {duck_type(kind)}")


MAKERS = {"realistic": realistic, "stress": stress}
