"""The views the rules read, over `staged` (one bucket's normalised claim lines), for either engine.

`lines` and `bills` have the audit engine's canonical columns (audit/tables.py): a claim is a bill
and its facts are the claim's own columns; `claims` carries what the summary groups by. A bill's
`source` is the claim id itself, or (`keys="hash"`, the DuckDB audit of a bucket or of a Spark task)
a 64-bit hash of it: every rule joins and groups lines by `source`, and on ten million lines an integer
key halves the rules' time against a text one. The caller checks that no two claim ids of the bucket
share a hash (claim_facts.claim_key) and falls back to the text keys when two do. The SQL is DuckDB's
dialect; the Spark engine's plan "sql" translates it (text keys).
"""

from __future__ import annotations

TEXT, HASH = "text", "hash"
# each claim's facts: the largest value of its lines (a claim states them once, on any line)
FACTS = ["care_start", "care_end", "emergency", "insurance_status", "in_network", "facility_in_network",
         "state", "gfe_total", "ms_drg"]


def claim_facts_sql(setting: str | None) -> str:
    """One pass over the bucket's lines: each claim's facts, its key and what the summary groups by."""
    setting_sql = "NULL" if setting is None else "'" + setting.replace("'", "''") + "'"
    fact_cols = [f"MAX({name}) AS {name}" for name in FACTS]
    fact_cols.append(f"COALESCE(MAX(setting), {setting_sql}) AS setting")
    fact_cols += ["MIN(patient_id) AS patient_id", "MIN(provider) AS provider",
                  "strftime(MIN(service_date), '%Y-%m') AS month"]
    return f"SELECT claim_id, hash(claim_id) AS claim_key, {', '.join(fact_cols)} FROM staged GROUP BY claim_id"


def keys_unique_sql() -> str:
    """True when no two claim ids of the bucket share a hash (so `keys="hash"` may be used)."""
    return "SELECT count(DISTINCT claim_key) = count(*) FROM claim_facts"


def bucket_views_sql(setting: str | None, keys: str = TEXT) -> list[tuple[str, str, bool]]:
    """(name, SQL, materialise?) in order: `claim_facts` (a table on DuckDB), then the views over it.
    `claims.source` is the key the findings carry (join on it to get the claim id)."""
    money, pct = "DECIMAL(14,2)", "DECIMAL(8,2)"
    nulls = {"stated_total": money, "payments": money, "adjustments": money, "stated_balance": money,
             "provider_kind": "VARCHAR", "balance": money, "nonprofit": "BOOLEAN", "fap_agb_percent": pct,
             "fap_free_fpl": pct, "fap_discount_fpl": pct, "fpl_percent": pct, "has_eob": "BOOLEAN",
             "pfs_mac": "VARCHAR", "pfs_locality": "VARCHAR", "price_key": "VARCHAR", "price_plan": "VARCHAR",
             "medicare_participating": "BOOLEAN", "oop_max": money, "plan_deductible": money,
             "ambulance": "VARCHAR", "care_scheduled": "DATE", "self_pay": "BOOLEAN", "gfe_given": "BOOLEAN",
             "gfe_date": "DATE"}
    line_key, bill_key = ("hash(claim_id)", "claim_key") if keys == HASH else ("claim_id", "claim_id")
    bill_cols = [f"{bill_key} AS source"]
    bill_cols += [f"CAST(NULL AS {typ}) AS {name}" for name, typ in nulls.items()]
    bill_cols += FACTS + ["setting"]
    return [
        ("claim_facts", claim_facts_sql(setting), True),
        ("lines", f"SELECT {line_key} AS source, line, service_date, code, revenue_code, "
                  "COALESCE(description, '') AS description, COALESCE(units, 1) AS units, charge, unit_price, "
                  "mods, ndc, provider, claim_id, FALSE AS not_received FROM staged", False),
        ("bills", f"SELECT {', '.join(bill_cols)} FROM claim_facts", False),
        ("claims", f"SELECT {bill_key} AS source, claim_id, patient_id, provider, month FROM claim_facts", False),
    ]
