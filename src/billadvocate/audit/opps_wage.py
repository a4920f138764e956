"""One bill's hospital outpatient lines priced for the hospital's area: the OPPS wage adjustment.

The OPPS Addendum B rate is national. Medicare pays a hospital that rate with its labor-related
portion adjusted by the hospital's wage index (42 CFR 419.43(a), (c)(1)):

    payment = national rate x (share x wage index + (1 - share)), share = 60%
    (federal.cms_opps.labor_related_share, from CMS's OPPS Pricer)

for the lines CMS adjusts (status indicators S, T, V, P, X, J1, J2, and Q1-Q3 codes when paid on
their own); blood, brachytherapy, drugs and devices are paid unadjusted. The hospital is known by its
CCN (the case's provider, filled from the CMS hospital directory when its name matched, or
`audit --ccn`); its wage area is its county's CBSA (metropolitan division) under OMB's 2023
delineations, else its state's rural area (reference table hospital_cbsa; in Connecticut the county is
the planning region of the hospital's town, as those delineations list it), and the area's wage index
is the OPPS Pricer's for the year of the line (opps_wage_index), raised to the state's imputed floor
where CMS sets one, as the pricer does; a line of a later year than the newest release installed is
priced with that release (its window runs on), and the notes say which year priced it. What CMS
records for one hospital only in its provider file (a geographic reclassification, the rural or
frontier-State floor, the out-migration adjustment, the 5% cap on a decrease) is not known here, so
the amount is the area's.

Only the one-bill audit (audit_bills) adjusts: it updates its materialised line_benchmarks before the
rules run, so the finding, the fair-price estimate and the negotiation all use the adjusted amount.
The batch engine has no hospital per line and keeps the national amounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from ..law import law

SHARE = "federal.cms_opps.labor_related_share"
# OPPS status indicators whose payment is wage-adjusted (the pricer's 19550-SCH-ADJ; a conditionally
# packaged Q1-Q3 code paid on its own is paid as S, T or V)
WAGE_ADJUSTED = ("S", "T", "V", "P", "X", "J1", "J2", "Q1", "Q2", "Q3")


@dataclass
class WageAdjustment:
    ccn: str
    cbsa: str | None = None
    area: str | None = None
    lines: set[int] = field(default_factory=set)  # the lines whose Medicare amount was adjusted
    notes: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)


def _shares_sql() -> str:
    values = law().parameter(SHARE).values
    rows = []
    for i, v in enumerate(values):
        until = f"DATE '{values[i + 1].start}' - 1" if i + 1 < len(values) else "DATE '9999-12-31'"
        rows.append(f"(DATE '{v.start}', {until}, {float(v.value) / 100!r})")
    return f"SELECT * FROM (VALUES {', '.join(rows)}) AS s(share_from, share_to, share)"


# the territories whose hospitals CMS's OPPS Pricer wage-index table gives no wage area (it has Puerto Rico's
# areas and rural row 40, no row for these), by the CMS file's state code
TERRITORIES = {"GU": "Guam", "AS": "American Samoa", "MP": "the Northern Mariana Islands",
               "VI": "the U.S. Virgin Islands"}


def not_placed_why(state: str | None, listed: bool = True) -> str:
    """Why a hospital has no wage area (reference table hospital_cbsa, SOURCES.md), by its state in the CMS
    file: said so the patient knows the amounts were left national for a reason."""
    if not listed:
        return "is not in the CMS hospital list the wage areas were built from"
    if state in TERRITORIES:
        return f"is in {TERRITORIES[state]}, where CMS's OPPS wage-index table has no wage area"
    if state == "CT":
        return ("is in a Connecticut village the CMS file does not place in a town, and the towns of its ZIP code "
                "lie in planning regions of different wage areas")
    return "has no wage area in the shipped crosswalk (its county was not found in OMB's 2023 delineations)"


def _opps_lines(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM line_benchmarks WHERE yardstick = 'opps'").fetchone()[0]


def adjust(con: duckdb.DuckDBPyConnection, ccn: str | None) -> WageAdjustment | None:
    """Adjust the OPPS lines of `line_benchmarks` (a table) for hospital `ccn`; None when the bill has
    no OPPS line. The notes say what was done, or why a known hospital's amounts stay national (with
    no hospital, the yardstick's own name says "national, unadjusted")."""
    if _opps_lines(con) == 0:
        return None
    out = WageAdjustment(ccn or "")
    if not ccn:  # the finding's yardstick already says "(national, unadjusted)"
        return out
    place = con.execute("SELECT cbsa, area, state_code, county, state FROM ref_hospital_cbsa WHERE ccn = ? "
                        "ORDER BY release_from DESC LIMIT 1", [ccn]).fetchone()
    if place is None or place[0] is None:
        out.notes.append(f"Medicare outpatient hospital amounts are national, unadjusted: hospital {ccn} "
                         f"{not_placed_why(place and place[4], place is not None)}.")
        return out
    out.cbsa, out.area, state_code = place[:3]
    # each line's wage index: the release whose window holds its date (the newest one holds every later date)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE wage_lines AS
        SELECT a.source, a.line, year(a.dos) AS line_year, s.share, year(w.release_from) AS wage_year,
               greatest(w.wage_index, coalesce(f.imputed_floor, 0)) AS wage_index
        FROM audit_lines a
        JOIN ref_opps_wage_index w ON w.cbsa = $cbsa AND a.dos BETWEEN w.applies_from AND w.applies_to
        LEFT JOIN ref_opps_wage_index f ON f.cbsa = $state AND a.dos BETWEEN f.applies_from AND f.applies_to
        JOIN ({_shares_sql()}) AS s ON a.dos BETWEEN s.share_from AND s.share_to
    """, {"cbsa": out.cbsa, "state": state_code})
    rows = con.execute(f"""
        UPDATE line_benchmarks AS b
        SET medicare = round(b.medicare * (w.share * w.wage_index + 1 - w.share), 2),
            fair = CASE WHEN b.basis = 'medicare' THEN round(b.medicare * (w.share * w.wage_index + 1 - w.share), 2)
                        ELSE b.fair END,
            yardstick_name = 'the Medicare outpatient hospital payment for APC ' || b.apc || ' in CBSA ' || $cbsa
                             || ' ' || $area || ' (CY ' || w.wage_year || ' wage index '
                             || printf('%.4f', w.wage_index) || ')'
        FROM wage_lines AS w
        WHERE b.source = w.source AND b.line = w.line AND b.yardstick = 'opps' AND w.wage_index > 0
          AND b.status_indicator IN {WAGE_ADJUSTED}
        RETURNING b.source, b.line
    """, {"cbsa": out.cbsa, "area": out.area}).fetchall()
    out.lines = {int(r[1]) for r in rows}
    years = con.execute("SELECT source, line, line_year, wage_year FROM wage_lines "
                        "WHERE line_year > wage_year").fetchall()
    if out.lines:
        ns = sorted(out.lines)
        out.notes.append(
            f"Medicare outpatient hospital amounts for {'line' if len(ns) == 1 else 'lines'} {', '.join(map(str, ns))} "
            f"are for hospital {ccn}'s area, CBSA {out.cbsa} {out.area}: the national rate with its labor-related "
            f"share ({law().parameter(SHARE).values[-1].value}%) adjusted by the area's wage index (42 CFR 419.43); "
            "a reclassification or floor CMS gives this hospital alone is not known here.")
        out.notes += _later_years(set(rows), years)
        out.citations = ["42 CFR 419.43(a), (c)(1) (the labor-related portion of the OPPS payment adjusted by the "
                         "hospital's wage index)"] + [str(c) for v in law().parameter(SHARE).values
                                                      for c in v.citations[1:]]
    else:
        out.notes.append(f"Medicare outpatient hospital amounts are national, unadjusted: no wage index for "
                         f"CBSA {out.cbsa} on the lines' dates.")
    return out


def _later_years(adjusted: set[tuple[str, int]], years: list[tuple]) -> list[str]:
    """A line dated after the newest wage index's year is priced with it: say which year, plainly."""
    by_year: dict[tuple[int, int], list[int]] = {}
    for source, ln, line_year, wage_year in years:
        if (source, ln) in adjusted:
            by_year.setdefault((line_year, wage_year), []).append(int(ln))
    out = []
    for (line_year, wage_year), ns in sorted(by_year.items()):
        ns = sorted(set(ns))
        which = f"Line {ns[0]}, of {line_year}, is" if len(ns) == 1 else \
            f"Lines {', '.join(map(str, ns))}, of {line_year}, are"
        out.append(f"{which} priced with the CY {wage_year} wage index, the newest billadvocate has: no CY "
                   f"{line_year} wage index is installed yet.")
    return out
