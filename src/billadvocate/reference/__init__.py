"""Reference data: NCCI edits, MUEs, add-on codes, fee-schedule RVUs and GPCIs, HCPCS Level II, the ZIP
code to carrier locality file (when imported), and hospitals' own published prices, each table dated
and sourced.

`register(con)` makes them visible to DuckDB as views (`ref_ncci_ptp`, `ref_mue`, `ref_ncci_aoc`,
`ref_pfs_rvu`, `ref_gpci`, `ref_hcpcs`, `ref_zip_locality`, `ref_prices`), each row carrying the
`setting` and the window of service dates (`applies_from`..`applies_to`) its release is used for, so a
rule picks the edition in force on a line's date of service with a plain join.
"""

from __future__ import annotations

from .catalog import SETTING_NAMES, TABLES
from .loader import describe_release, register, releases
from .store import Release, user_home, user_reference_dir

__all__ = ["register", "releases", "describe_release", "Release", "TABLES", "SETTING_NAMES",
           "user_home", "user_reference_dir"]
