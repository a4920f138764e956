"""What the audit could not check because a line is dated before the earliest schedule or edit loaded.

Each Medicare schedule and edit table is used only for the dates of service it covers, from its earliest
release on (reference/store.py DATED_FROM_START says why a later year's is no stand-in). A price line
dated earlier says so through its `no_yardstick` reason (audit/benchmarks_sql.py); these notes say it of
the NCCI and MUE edits, which find nothing rather than a price, and of an inpatient stay's MS-DRG payment.
"""

from __future__ import annotations

import duckdb

from ..law import law
from .rules.bill_price_inpatient_drg import STANDARDIZED

# the edit tables, as `data import` names them
EDITS = (("ncci_ptp", "ncci-ptp"), ("mue", "mue"))


def _lines(ns: list[int]) -> str:
    return f"{'Line' if len(ns) == 1 else 'Lines'} {', '.join(map(str, ns))} {'is' if len(ns) == 1 else 'are'}"


def predated_edits_note(con: duckdb.DuckDBPyConnection) -> str | None:
    """Coded lines dated before the earliest NCCI and MUE edits loaded: not checked against them (an edit
    binds only the claims of the dates it is in force)."""
    start = con.execute("SELECT max(covers_from) FROM ref_schedule_starts WHERE schedule IN "
                        f"({', '.join(repr(t) for t, _ in EDITS)})").fetchone()[0]
    if start is None:
        return None
    ns = sorted({int(n) for (n,) in con.execute(
        "SELECT line FROM audit_lines WHERE code IS NOT NULL AND dos < ?", [start]).fetchall()})
    if not ns:
        return None
    return (f"{_lines(ns)} dated before {start.isoformat()}, the start of the earliest NCCI and MUE edits loaded: "
            f"{'its' if len(ns) == 1 else 'their'} code pairs and units per day were not checked, as an edit applies "
            f"only to the dates it is in force (billadvocate data import {' / '.join(n for _, n in EDITS)} FILE adds "
            "an older quarter's).")


def predated_stays_note(con: duckdb.DuckDBPyConnection) -> str | None:
    """A stay with an MS-DRG discharged before the earliest MS-DRG weights (or national rate) loaded: its
    payment was not computed (BILL.PRICE_INPATIENT_DRG finds nothing for it)."""
    weights = con.execute("SELECT covers_from FROM ref_schedule_starts WHERE schedule = 'msdrg'").fetchone()
    if weights is None:
        return None
    ipps_from = law().parameter(STANDARDIZED).values[0].start
    start = max(weights[0], ipps_from)
    stays = con.execute("""
        SELECT b.ms_drg, coalesce(b.care_end, s.first_date, b.care_start) AS discharge
        FROM bills b LEFT JOIN bill_sums s ON s.source = b.source
        WHERE b.ms_drg IS NOT NULL AND coalesce(b.care_end, s.first_date, b.care_start) < ?
        ORDER BY discharge, b.ms_drg""", [start]).fetchall()
    if not stays:
        return None
    which = "; ".join(f"MS-DRG {drg}, discharged {day.isoformat()}" for drg, day in stays)
    how = ("billadvocate data import msdrg FILE adds its fiscal year's weights" if weights[0] >= ipps_from else
           "the national rate of its fiscal year is not in billadvocate's law data")
    return (f"The stay's Medicare payment was not computed ({which}): the discharge is before {start.isoformat()}, "
            f"the start of the earliest MS-DRG weights and national rate loaded, and a later year's payment may be "
            f"higher or lower; {how}.")
