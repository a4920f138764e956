"""The views the rules read, over `staged` (one bucket's normalised claim lines), for either engine.

`lines` and `bills` have the audit engine's canonical columns (audit/tables.py): a claim is a bill
(source = claim_id) and its facts are the claim's own columns; `claims` carries what the summary
groups by. The SQL is DuckDB's dialect; the Spark engine translates it.
"""

from __future__ import annotations


def bucket_views_sql(setting: str | None) -> list[tuple[str, str, bool]]:
    """(name, SQL, materialise?) in order: `claim_facts` (one pass over the bucket's lines: each
    claim's facts and what the summary groups by; a table on DuckDB), then the views over it."""
    setting_sql = "NULL" if setting is None else "'" + setting.replace("'", "''") + "'"
    money, pct = "DECIMAL(14,2)", "DECIMAL(8,2)"
    nulls = {"stated_total": money, "payments": money, "adjustments": money, "stated_balance": money,
             "provider_kind": "VARCHAR", "balance": money, "nonprofit": "BOOLEAN", "fap_agb_percent": pct,
             "fap_free_fpl": pct, "fap_discount_fpl": pct, "fpl_percent": pct, "has_eob": "BOOLEAN",
             "pfs_mac": "VARCHAR", "pfs_locality": "VARCHAR", "price_key": "VARCHAR", "price_plan": "VARCHAR",
             "medicare_participating": "BOOLEAN", "oop_max": money, "plan_deductible": money,
             "ambulance": "VARCHAR", "care_scheduled": "DATE", "self_pay": "BOOLEAN", "gfe_given": "BOOLEAN",
             "gfe_date": "DATE"}
    facts = ["care_start", "care_end", "emergency", "insurance_status", "in_network", "facility_in_network",
             "state", "gfe_total", "ms_drg"]
    fact_cols = [f"MAX({name}) AS {name}" for name in facts]
    fact_cols.append(f"COALESCE(MAX(setting), {setting_sql}) AS setting")
    fact_cols += ["MIN(patient_id) AS patient_id", "MIN(provider) AS provider",
                  "strftime(MIN(service_date), '%Y-%m') AS month"]
    bill_cols = ["claim_id AS source"]
    bill_cols += [f"CAST(NULL AS {typ}) AS {name}" for name, typ in nulls.items()]
    bill_cols += facts + ["setting"]
    return [
        ("claim_facts", f"SELECT claim_id, {', '.join(fact_cols)} FROM staged GROUP BY claim_id", True),
        ("lines", "SELECT claim_id AS source, line, service_date, code, revenue_code, "
                  "COALESCE(description, '') AS description, COALESCE(units, 1) AS units, charge, unit_price, "
                  "modifiers, ndc, provider, claim_id, FALSE AS not_received FROM staged", False),
        ("bills", f"SELECT {', '.join(bill_cols)} FROM claim_facts", False),
        ("claims", "SELECT claim_id, patient_id, provider, month FROM claim_facts", False),
    ]
