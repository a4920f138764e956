"""The views the rules read, over `staged` (one bucket's normalised claim lines), for either engine.

`lines` and `bills` have the audit engine's canonical columns (audit/tables.py): a claim is a bill
(source = claim_id) and its facts are the claim's own columns; `claims` carries what the summary
groups by. The SQL is DuckDB's dialect; the Spark engine translates it.
"""

from __future__ import annotations


def bucket_views_sql(setting: str | None) -> list[tuple[str, str]]:
    setting_sql = "NULL" if setting is None else "'" + setting.replace("'", "''") + "'"
    money, pct = "DECIMAL(14,2)", "DECIMAL(8,2)"
    nulls = {"stated_total": money, "payments": money, "adjustments": money, "stated_balance": money,
             "provider_kind": "VARCHAR", "balance": money, "nonprofit": "BOOLEAN", "fap_agb_percent": pct,
             "fap_free_fpl": pct, "fap_discount_fpl": pct, "fpl_percent": pct, "has_eob": "BOOLEAN",
             "pfs_mac": "VARCHAR", "pfs_locality": "VARCHAR", "price_key": "VARCHAR", "price_plan": "VARCHAR"}
    facts = ["care_start", "care_end", "emergency", "insurance_status", "in_network", "facility_in_network",
             "state", "gfe_total"]
    bill_cols = ["claim_id AS source"]
    bill_cols += [f"CAST(NULL AS {typ}) AS {name}" for name, typ in nulls.items()]
    bill_cols += [f"MAX({name}) AS {name}" for name in facts]
    bill_cols.append(f"COALESCE(MAX(setting), {setting_sql}) AS setting")
    return [
        ("lines", "SELECT claim_id AS source, line, service_date, code, revenue_code, "
                  "COALESCE(description, '') AS description, COALESCE(units, 1) AS units, charge, unit_price, "
                  "modifiers, ndc, provider, claim_id, FALSE AS not_received FROM staged"),
        ("bills", f"SELECT {', '.join(bill_cols)} FROM staged GROUP BY claim_id"),
        ("claims", "SELECT claim_id, MIN(patient_id) AS patient_id, MIN(provider) AS provider, "
                   "strftime(MIN(service_date), '%Y-%m') AS month FROM staged GROUP BY claim_id"),
    ]
