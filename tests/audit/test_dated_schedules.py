"""Each Medicare yardstick and edit is used only for the dates its shipped releases cover: a line dated before the
earliest (2018 here) is not priced or edited by a later year's table, and the notes say which schedule is missing,
from when the shipped one starts and how to add its year (EN and ES). The first covered day is priced with the
value computed here from the shipped rows; the day before is not (reference/store.py DATED_FROM_START)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pyarrow.parquet as pq
import pytest

from billadvocate.audit import audit_bills
from billadvocate.law import law
from billadvocate.model import Bill, Line
from billadvocate.report.spanish_account import sentence
from billadvocate.reference.store import CALENDAR_YEAR, SHIPPED_DIR, all_releases

from .support import AS_OF, audit, line

OLD = date(2018, 5, 3)
MANIFEST = json.loads((SHIPPED_DIR / "manifest.json").read_text())["releases"]


def first_release(table: str) -> dict:
    return min((r for r in MANIFEST if r["table"] == table), key=lambda r: r["effective_from"])


def covers_from(table: str) -> date:
    start = date.fromisoformat(first_release(table)["effective_from"])
    return start.replace(month=1, day=1) if table in CALENDAR_YEAR else start


def shipped(table: str, where: str, column: str):
    file = SHIPPED_DIR / first_release(table)["file"]
    ((value,),) = duckdb.sql(f"SELECT {column} FROM read_parquet('{file}') WHERE {where}").fetchall()
    return value


def pfs_national(code: str, on: date) -> float:
    rvus = shipped("pfs_rvu", f"hcpcs = '{code}' AND modifier IS NULL", "work_rvu + pe_nonfacility_rvu + mp_rvu")
    cf = float(law().parameter("federal.cms_pfs.conversion_factor").at(on).value)
    return round(rvus * cf, 2)


# (schedule, its name in the note, code, bill, facts, Medicare amount for one line on the first covered day)
KINDS = [
    ("clfs", "Medicare Clinical Laboratory Fee Schedule", "85025", dict(rev="0300", units=2), {},
     lambda: round(shipped("clfs", "hcpcs = '85025' AND modifier IS NULL", "rate") * 2, 2)),
    ("asp", "Medicare Part B drug payment limits (ASP)", "J1100", dict(rev="0636", units=10), {},
     lambda: round(shipped("asp", "hcpcs = 'J1100'", "payment_limit") * 10, 2)),
    ("opps", "Medicare outpatient hospital payment rates (OPPS)", "99284", dict(rev="0450"), {},
     lambda: shipped("opps", "hcpcs = '99284'", "payment_rate")),
    ("dmepos", "Medicare DMEPOS fee schedule", "E0114", dict(mods=["NU"]), {"setting": "professional", "state": "CO"},
     lambda: shipped("dmepos", "hcpcs = 'E0114' AND state = 'CO' AND modifier = 'NU'", "fee_nonrural")),
    ("pfs_rvu", "Medicare Physician Fee Schedule", "99213", {}, {"setting": "professional"},
     lambda: pfs_national("99213", covers_from("pfs_rvu"))),
]


def one_line(code, d, bill, facts):
    return audit(line(1, code, d=d, charge="5000.00", **bill), facts=dict(facts))


@pytest.mark.parametrize("table,name,code,bill,facts,amount", KINDS, ids=[k[0] for k in KINDS])
def test_a_line_of_2018_is_not_priced_by_a_later_schedule_and_the_note_says_which_and_why(
        table, name, code, bill, facts, amount):
    result = one_line(code, OLD, bill, facts)
    b = result.benchmarks[1]
    start = covers_from(table)
    # no finding from a schedule not in force on the date of service ...
    assert b["medicare"] is None and not [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert b["no_yardstick"].startswith(f"dated before {start.isoformat()}, the start of the earliest {name} loaded")
    # ... but the fair-price estimate (the offer's anchor) takes its earliest rates, and says so
    assert b["medicare_later"] == pytest.approx(amount(), abs=0.005) and b["basis"] == "medicare_later"
    assert b["fair"] == pytest.approx(amount(), abs=0.005)
    assert b["yardstick"].endswith(", at a later year's rates than the line's")
    (note,) = [n for n in result.notes if n.startswith("No Medicare price to compare for line 1")]
    assert f"a later year's rates may be higher or lower than those of its date: billadvocate data import " \
           f"{table.replace('_', '-')} FILE adds its year's); its charge was not judged, and the fair-price estimate " \
           "uses that schedule's earliest rates." in note
    es = sentence(note)
    assert es and start.isoformat() in es and "con fecha anterior al" in es and "later" not in es
    assert es.endswith("y la estimación del precio justo usa las tarifas más antiguas de ese arancel."), es


@pytest.mark.parametrize("table,name,code,bill,facts,amount", KINDS, ids=[k[0] for k in KINDS])
def test_the_first_covered_day_is_priced_from_the_shipped_rows_and_the_day_before_is_not(
        table, name, code, bill, facts, amount):
    start = covers_from(table)
    on = one_line(code, start, bill, facts)
    assert on.benchmarks[1]["medicare"] == pytest.approx(amount(), abs=0.005)
    assert [f for f in on.findings if f.rule == "BILL.PRICE_OUTLIER"]  # $5,000 is far above each
    assert one_line(code, start - timedelta(days=1), bill, facts).benchmarks[1]["medicare"] is None


@pytest.fixture
def pfs_of_2023(tmp_path, monkeypatch):
    """A physician fee schedule for a year before the shipped OPPS and ASP files (the OPPS from CY 2019 since issue
    17 shipped the 2019-2022 workbooks, ASP from CY 2024; the year is computed, so it moves with them), as `data import pfs-rvu` would add one: the shipped CY 2024 rows relabelled to the
    year before both (a fixture: these tests are about which schedule is missing on a date, not about its rates).
    Returns a date only that schedule covers."""
    from billadvocate.reference.store import install

    year = min(covers_from("opps"), covers_from("asp")).year - 1
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    rows = pq.read_table(SHIPPED_DIR / first_release("pfs_rvu")["file"])
    install("pfs_rvu", rows, {"setting": None, "file": f"pfs_rvu-{year}-01-01.parquet", "rows": rows.num_rows,
                              "effective_from": f"{year}-01-01", "effective_to": f"{year}-12-31",
                              "source": "test fixture", "licence": "US government work (CMS)"})
    d = date(year, 8, 14)
    assert not [r for r in all_releases() if r.table in ("opps", "asp") and r.applies_from <= d]
    assert [r for r in all_releases() if r.table == "pfs_rvu" and r.applies_from <= d <= r.applies_to]
    return d


def test_an_undecided_hospital_line_is_not_priced_by_the_physician_fee_alone_when_opps_has_no_schedule_for_it(
        pfs_of_2023):
    # the PFS covers the date, OPPS does not: the larger of the two cannot be known
    d = pfs_of_2023
    result = audit(line(1, "93005", d=d, charge="1200.00"), facts={"provider_name": "Valley General Hospital"})
    assert result.benchmarks[1]["medicare"] is None
    assert not [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert "Medicare outpatient hospital payment rates (OPPS)" in result.benchmarks[1]["no_yardstick"]


def test_a_drug_is_not_priced_by_the_physician_fee_when_the_asp_file_starts_later(pfs_of_2023):
    d = pfs_of_2023
    result = audit(line(1, "J1100", d=d, units=10, charge="90.00"), facts={"setting": "professional"})
    assert result.benchmarks[1]["medicare"] is None and "(ASP)" in result.benchmarks[1]["no_yardstick"]
    asp = round(shipped("asp", "hcpcs = 'J1100'", "payment_limit") * 10, 2)
    assert result.benchmarks[1]["medicare_later"] == pytest.approx(asp, abs=0.005)  # the drug's ASP, not a PFS fee


def test_an_offer_on_an_old_bill_takes_the_earliest_medicare_rates_as_its_anchor():
    # the Georgia scenario: a 2020 ER bill ($1,200) the patient chose to settle; no finding is made (no 2020 PFS, so
    # neither line is judged), but the offer is anchored at 1.5x the Medicare rates, not at the whole balance
    from billadvocate import load_case, review_case
    from billadvocate.negotiate.fair import MEDICARE_MULTIPLE

    from ..conftest import ROOT

    result = review_case(load_case(ROOT / "tests" / "scenarios" / "cases" / "ga_time_barred_pay" / "case.yaml"))
    audit_result = result.accounts[0].audit
    assert not [f for f in audit_result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    # the ER visit (undecided setting: the larger of OPPS and PFS) is unjudged (no PFS of 2020) and estimated at the
    # OPPS rate of 99283 of its date (2020-06-15, bill.csv) - since issue 17 shipped the CY 2019-2022 Addendum B
    # workbooks an OPPS release covers 2020; were none to cover it, the earliest shipped one would be used
    d = date(2020, 6, 15)
    covering = [r for r in all_releases() if r.table == "opps" and r.applies_from <= d <= r.applies_to]
    file = covering[0].file if covering else SHIPPED_DIR / first_release("opps")["file"]
    ((rate,),) = duckdb.sql(f"SELECT payment_rate FROM read_parquet('{file}') WHERE hcpcs = '99283'").fetchall()
    er = audit_result.benchmarks[1]
    assert er["medicare"] is None and er["medicare_later"] == pytest.approx(rate, abs=0.005)
    later = [audit_result.benchmarks[n]["medicare_later"] for n in (1, 2)]
    assert all(x is not None for x in later)
    fair = result.accounts[0].offer["fair"]
    # each line's 1.5x rounded half up to the cent, as the offer rounds it (a float round() can differ by a cent)
    want = float(sum((MEDICARE_MULTIPLE * Decimal(str(x))).quantize(Decimal("0.01"), ROUND_HALF_UP) for x in later))
    assert fair["benchmark"]["basis"] == "line_yardsticks" and fair["fair_amount"] == pytest.approx(want, abs=0.02)
    assert fair["fair_amount"] < 1200


@pytest.mark.parametrize("rule,lines,facts", [
    ("BILL.MUE", [("36415", 3)], {"setting": "outpatient"}),
    ("BILL.NCCI_PTP", [("80053", 1), ("80048", 1)], {"setting": "professional"}),
])
def test_ncci_and_mue_edits_apply_from_their_first_quarter_and_the_note_says_older_lines_were_not_checked(
        rule, lines, facts):
    start = covers_from("mue")
    assert start == covers_from("ncci_ptp")

    def run(d):
        return audit(*[line(i, c, d=d, units=u, charge="100.00") for i, (c, u) in enumerate(lines, 1)], facts=facts)

    assert [f for f in run(start).findings if f.rule == rule]
    old = run(start - timedelta(days=1))
    assert not [f for f in old.findings if f.rule == rule]
    (note,) = [n for n in old.notes if "NCCI and MUE edits" in n]
    which = "Line 1 is" if len(lines) == 1 else "Lines 1, 2 are"
    assert note.startswith(f"{which} dated before {start.isoformat()}, the start of the earliest NCCI and MUE edits "
                           "loaded: ")
    es = sentence(note)
    assert es and es.startswith("La línea 1 tiene" if len(lines) == 1 else "Las líneas 1, 2 tienen")


def _stay(day: date, total="90000.00"):
    bill = Bill(source="stay.csv", ms_drg="470", lines=[
        Line(line=1, date=day, revenue_code="0120", description="ROOM AND BOARD", units=Decimal(2),
             charge=Decimal(total))])
    return audit_bills([bill], facts={"setting": "inpatient", "care_start": day, "care_end": day}, as_of=AS_OF)


def test_a_stay_discharged_in_2018_is_not_priced_by_a_later_fiscal_years_drg_and_the_note_says_so():
    start = max(covers_from("msdrg"), law().parameter("federal.cms_ipps.national_standardized_amounts").values[0].start)
    weights = pq.read_table(SHIPPED_DIR / first_release("msdrg")["file"]).to_pydict()
    assert weights["weight"][weights["drg"].index("470")] > 0
    assert [f for f in _stay(start).findings if f.rule == "BILL.PRICE_INPATIENT_DRG"]
    old = _stay(OLD)
    assert not [f for f in old.findings if f.rule == "BILL.PRICE_INPATIENT_DRG"]
    (note,) = [n for n in old.notes if n.startswith("The stay's Medicare payment was not computed")]
    assert f"(MS-DRG 470, discharged {OLD.isoformat()}): the discharge is before {start.isoformat()}" in note
    es = sentence(note)
    assert es and f"MS-DRG 470, alta el {OLD.isoformat()}" in es and "later" not in es


def test_the_earliest_release_covers_no_older_dates_save_a_calendar_years_schedule_from_january():
    first = {}
    for r in all_releases():
        first.setdefault((r.table, r.setting), r)
    assert first[("clfs", None)].effective_from == date(2024, 10, 1)
    assert first[("clfs", None)].applies_from == date(2024, 1, 1)  # 24CLABQ4 is the CY 2024 lab fee schedule
    assert first[("pfs_rvu", None)].effective_from == date(2024, 7, 1)
    assert first[("pfs_rvu", None)].applies_from == date(2024, 1, 1)  # RVU24C is the CY 2024 fee schedule
    assert first[("mue", "outpatient")].applies_from == first[("mue", "outpatient")].effective_from
    assert first[("asp", None)].applies_from == first[("asp", None)].effective_from
    assert first[("hcpcs", None)].applies_from == date(1900, 1, 1)  # descriptions, not a yardstick
