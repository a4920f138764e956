"""What reference tables exist, their columns, and which ones come in per-setting releases.

A release is one dated edition of one table (for one setting, where the table has settings), kept
as one Parquet file and described by one manifest entry: table, setting, file, effective_from,
effective_to, source, licence, rows. The package ships a snapshot; `billadvocate data import`
adds newer releases in the user's data folder. The loader picks, for each line, the release in
force on its date of service.
"""

from __future__ import annotations

import pyarrow as pa

# table -> (its settings or None, the Parquet schema)
TABLES: dict[str, tuple[tuple[str, ...] | None, pa.Schema]] = {
    "ncci_ptp": (("professional", "outpatient"), pa.schema([
        ("column_1", pa.string()), ("column_2", pa.string()),
        ("effective_date", pa.date32()), ("deletion_date", pa.date32()),
        ("modifier_indicator", pa.int8()), ("rationale", pa.string()),
    ])),
    "mue": (("professional", "outpatient", "dme"), pa.schema([
        ("code", pa.string()), ("mue_units", pa.int32()), ("mai", pa.int8()), ("rationale", pa.string()),
    ])),
    "ncci_aoc": (None, pa.schema([
        ("primary_code", pa.string()), ("add_on_code", pa.string()), ("edit_type", pa.int8()),
    ])),
    "pfs_rvu": (None, pa.schema([
        ("hcpcs", pa.string()), ("modifier", pa.string()), ("status", pa.string()),
        ("work_rvu", pa.float64()), ("pe_nonfacility_rvu", pa.float64()),
        ("pe_facility_rvu", pa.float64()), ("mp_rvu", pa.float64()),
        ("pctc", pa.string()), ("global_days", pa.string()),
    ])),
    "gpci": (None, pa.schema([
        ("mac", pa.string()), ("state", pa.string()), ("locality", pa.string()),
        ("locality_name", pa.string()), ("counties", pa.string()),
        ("gpci_work", pa.float64()), ("gpci_pe", pa.float64()), ("gpci_mp", pa.float64()),
    ])),
    "hcpcs": (None, pa.schema([
        ("code", pa.string()), ("short_description", pa.string()), ("long_description", pa.string()),
        ("added", pa.date32()), ("terminated", pa.date32()),
    ])),
    # the CMS ZIP code to carrier locality file (ZIP5): which MAC and PFS locality a ZIP is in
    "zip_locality": (None, pa.schema([
        ("state", pa.string()), ("zip", pa.string()), ("carrier", pa.string()), ("locality", pa.string()),
        ("rural", pa.string()), ("lab_cb_locality", pa.string()), ("rural2", pa.string()),
        ("plus_four", pa.bool_()), ("part_b_indicator", pa.string()), ("year_quarter", pa.string()),
    ])),
    # the price yardsticks by line type (reference/yardstick_files.py reads the CMS layouts)
    # OPPS Addendum B: a hospital outpatient code's status indicator, APC and national payment rate
    "opps": (None, pa.schema([
        ("hcpcs", pa.string()), ("status_indicator", pa.string()), ("apc", pa.string()),
        ("payment_rate", pa.float64()),
    ])),
    # Clinical Laboratory Fee Schedule: the national limit of a lab test
    "clfs": (None, pa.schema([("hcpcs", pa.string()), ("modifier", pa.string()), ("rate", pa.float64())])),
    # ASP pricing file: the Part B drug payment limit per billing unit (dosage)
    "asp": (None, pa.schema([("hcpcs", pa.string()), ("dosage", pa.string()), ("payment_limit", pa.float64())])),
    # DMEPOS fee schedule: the fee of an item in a state (non-rural and rural)
    "dmepos": (None, pa.schema([
        ("hcpcs", pa.string()), ("modifier", pa.string()), ("modifier2", pa.string()), ("state", pa.string()),
        ("fee_nonrural", pa.float64()), ("fee_rural", pa.float64()),
    ])),
    # the Ambulance Fee Schedule public use file of a calendar year (reference/ambulance_files.py): for each
    # carrier, locality and code, CMS's base rates (a level) or rates per mile (a mileage code), urban, rural and
    # rural lowest quartile ("super-rural"), and the rural ground rate for each of the first miles
    "ambulance_fee": (None, pa.schema([
        ("carrier", pa.string()), ("locality", pa.string()), ("hcpcs", pa.string()),
        ("urban_rate", pa.float64()), ("rural_rate", pa.float64()), ("lowest_quartile_rate", pa.float64()),
        ("rural_first_miles_rate", pa.float64()), ("first_miles", pa.int32()),
    ])),
    # IPPS MS-DRG relative weights (final rule Table 5, the weight CMS pays with) and the geometric mean
    # length of stay, one release per federal fiscal year (reference/ipps_files.py)
    "msdrg": (None, pa.schema([("drg", pa.string()), ("weight", pa.float64()), ("gmlos", pa.float64())])),
    # the OPPS wage index by CBSA for a calendar year (the CMS OPPS Pricer's cbsa-wage-index-YYYY.csv):
    # a metropolitan area's (or division's) wage index, and for a state's rural area (its two-digit
    # SSA state code) the rural wage index and the state's imputed floor (reference/wage_index.py)
    "opps_wage_index": (None, pa.schema([
        ("cbsa", pa.string()), ("wage_index", pa.float64()), ("imputed_floor", pa.float64()),
    ])),
    # each Medicare hospital's wage area: the CBSA (metropolitan division where there is one) of its
    # county under OMB's July 2023 delineations, or its state's rural area (scripts/build_wage_areas.py)
    "hospital_cbsa": (None, pa.schema([
        ("ccn", pa.string()), ("state", pa.string()), ("state_code", pa.string()), ("county", pa.string()),
        ("county_fips", pa.string()), ("cbsa", pa.string()), ("area", pa.string()),
    ])),
}

SETTING_NAMES = {"professional": "practitioner services", "outpatient": "outpatient hospital",
                 "dme": "DME supplier"}


def release_file(table: str, setting: str | None, effective_from: str) -> str:
    """The file name of a release: ncci_ptp-professional-2024-07-01.parquet"""
    return "-".join(p for p in (table, setting, effective_from) if p) + ".parquet"


def check_table(table: str, data: pa.Table) -> pa.Table:
    """Cast a converted table to its catalogue schema (raises on a missing column)."""
    schema = TABLES[table][1]
    return pa.table({f.name: data.column(f.name).cast(f.type) for f in schema}, schema=schema)
