"""A hospital outpatient line priced for the hospital's area: the OPPS wage adjustment, each value
computed here from the shipped rows (hospital -> wage area -> wage index -> adjusted amount)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import duckdb

from billadvocate.law import law
from billadvocate.reference.store import SHIPPED_DIR

from .support import audit, line

D = date(2025, 3, 2)  # inside the shipped CY 2025 OPPS and wage index releases


def shipped(table: str, where: str, *columns: str):
    (file,) = SHIPPED_DIR.glob(f"{table}-2025-01-01.parquet")
    rows = duckdb.sql(f"SELECT {', '.join(columns)} FROM read_parquet('{file}') WHERE {where}").fetchall()
    assert len(rows) == 1, (table, where, rows)
    return rows[0] if len(columns) > 1 else rows[0][0]


def adjusted(rate: float, wage_index: float) -> float:
    share = law().value("federal.cms_opps.labor_related_share", D) / 100
    return float(Decimal(str(rate * (share * wage_index + 1 - share))).quantize(Decimal("0.01")))


ER = dict(code="99284", d=D, charge="1320.00", rev="0450")


def test_a_known_hospitals_er_visit_is_priced_at_its_areas_wage_adjusted_opps_payment():
    cbsa, area = shipped("hospital_cbsa", "ccn = '450015'", "cbsa", "area")
    assert (cbsa, area) == ("19124", "Dallas-Plano-Irving, TX")  # Dallas County, OMB 2023 division
    wage_index = shipped("opps_wage_index", "cbsa = '19124'", "wage_index")
    rate, apc = shipped("opps", "hcpcs = '99284'", "payment_rate", "apc")
    want = adjusted(rate, wage_index)
    assert want < rate  # Dallas's wage index is below 1

    result = audit(line(1, **ER), facts={"provider_ccn": "450015"})
    b = result.benchmarks[1]
    assert b["medicare"] == want and b["fair"] == want and b["basis"] == "medicare"
    assert result.benchmark_total == Decimal(str(want))  # the fair-price estimate uses the same amount
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert (f"{round(1320 / want, 1)}x the Medicare outpatient hospital payment for APC {apc} in CBSA 19124 "
            f"Dallas-Plano-Irving, TX (CY 2025 wage index {wage_index:.4f})") in f.message
    assert f.amount == Decimal("1320.00") - Decimal(str(want))
    assert all(isinstance(c, str) for c in f.citations)
    assert any(c.startswith("42 CFR 419.43") for c in f.citations)
    assert any("CBSA 19124" in n and "450015" in n for n in result.notes)


def test_an_all_urban_states_imputed_floor_raises_a_lower_area_wage_index():
    cbsa = shipped("hospital_cbsa", "ccn = '310002'", "cbsa")  # Essex County NJ: the Newark division
    area_index = shipped("opps_wage_index", f"cbsa = '{cbsa}'", "wage_index")
    floor = shipped("opps_wage_index", "cbsa = '31'", "imputed_floor")  # New Jersey's row
    assert floor > area_index > 0
    rate = shipped("opps", "hcpcs = '99284'", "payment_rate")
    result = audit(line(1, **ER), facts={"provider_ccn": "310002"})
    assert result.benchmarks[1]["medicare"] == adjusted(rate, floor)


def test_a_rural_hospital_takes_its_states_rural_wage_index():
    ccn, state_code = duckdb.sql(
        f"SELECT ccn, state_code FROM read_parquet('{SHIPPED_DIR}/hospital_cbsa-2025-01-01.parquet') "
        "WHERE state = 'IA' AND cbsa = state_code ORDER BY ccn LIMIT 1").fetchall()[0]
    rural = shipped("opps_wage_index", f"cbsa = '{state_code}'", "wage_index")
    rate = shipped("opps", "hcpcs = '99284'", "payment_rate")
    result = audit(line(1, **ER), facts={"provider_ccn": ccn})
    assert result.benchmarks[1]["medicare"] == adjusted(rate, rural)
    assert "rural Iowa" in result.benchmarks[1]["yardstick"]


def test_blood_is_not_wage_adjusted_and_stays_national():
    si, rate = shipped("opps", "hcpcs = 'P9016'", "status_indicator", "payment_rate")
    assert si == "R"
    result = audit(line(1, "P9016", d=D, charge="900.00", rev="0390"), line(2, **ER),
                   facts={"provider_ccn": "450015", "setting": "outpatient"})
    assert result.benchmarks[1]["medicare"] == rate and "(national, unadjusted)" in result.benchmarks[1]["yardstick"]
    assert "CBSA 19124" in result.benchmarks[2]["yardstick"]


def test_an_unknown_hospital_keeps_the_national_amount_and_says_so():
    rate = shipped("opps", "hcpcs = '99284'", "payment_rate")
    for facts in ({}, {"provider_ccn": "999999"}):
        result = audit(line(1, **ER), facts=facts)
        assert result.benchmarks[1]["medicare"] == rate
        assert "(national, unadjusted)" in result.benchmarks[1]["yardstick"]
        (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
        assert "APC 5024 (national, unadjusted)" in f.message
        assert not any(c.startswith("42 CFR 419.43") for c in f.citations)
    # a CCN that is not in the list is named in a note
    assert any("999999 is not in the CMS" in n for n in result.notes), result.notes


def test_a_connecticut_hospital_takes_the_wage_index_of_its_towns_planning_region():
    # OMB's 2023 delineations list Connecticut's planning regions, not the county CMS names: Hartford
    # Hospital (Hartford town) is in the Capitol Planning Region (09110), in CBSA 25540
    cbsa, area, fips = shipped("hospital_cbsa", "ccn = '070025'", "cbsa", "area", "county_fips")
    assert (cbsa, area, fips) == ("25540", "Hartford-West Hartford-East Hartford, CT", "09110")
    wage_index = shipped("opps_wage_index", "cbsa = '25540'", "wage_index")
    rate, apc = shipped("opps", "hcpcs = '99284'", "payment_rate", "apc")
    want = adjusted(rate, wage_index)
    assert want > rate  # Hartford's wage index is above 1
    result = audit(line(1, **ER), facts={"provider_ccn": "070025"})
    assert result.benchmarks[1]["medicare"] == want
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert (f"the Medicare outpatient hospital payment for APC {apc} in CBSA 25540 Hartford-West Hartford-East "
            f"Hartford, CT (CY 2025 wage index {wage_index:.4f})") in f.message
    assert any("CBSA 25540" in n and "070025" in n for n in result.notes)


def test_connecticut_towns_in_one_old_county_take_their_own_planning_regions():
    # Bristol (old Hartford County) is in the Naugatuck Valley region, Middletown (Middlesex) in the Lower
    # Connecticut River Valley, Putnam (Windham) in the Northeastern region, a micropolitan area: rural
    assert shipped("hospital_cbsa", "ccn = '070029'", "county", "county_fips", "cbsa") == ("HARTFORD", "09140", "47930")
    assert shipped("hospital_cbsa", "ccn = '070020'", "county_fips", "cbsa") == ("09130", "25540")
    assert shipped("hospital_cbsa", "ccn = '070003'", "county_fips", "cbsa", "area") == ("09150", "07",
                                                                                      "rural Connecticut")


def test_a_county_misspelt_in_the_cms_file_is_placed_only_where_one_census_county_fits():
    assert shipped("hospital_cbsa", "ccn = '190053'", "county", "county_fips", "cbsa") == (
        "JEFFRSON DAVIS", "22053", "29340")  # Jefferson Davis Parish, Lake Charles, LA
    assert shipped("hospital_cbsa", "ccn = '280061'", "county_fips", "cbsa") == ("31157", "28")  # Scotts Bluff
    assert shipped("hospital_cbsa", "ccn = '021312'", "county_fips", "cbsa") == ("02185", "02")  # North Slope
    # renamed: Oglala Lakota County, SD, is Shannon County (46113) in the 2010 list, and in no CBSA
    assert shipped("hospital_cbsa", "ccn = '430098'", "county_fips", "cbsa") == ("46113", "43")


# every hospital still without a wage area, and why
UNPLACED = {
    "070008": "Stafford Springs, not a town; ZIP 06076's towns lie in the Capitol and Northeastern regions",
    "070021": "Willimantic, not a town; ZIP 06226's towns lie in the Capitol and Southeastern regions",
    "074008": "Mansfield Center, not a town; ZIP 06250's towns lie in the Capitol and Northeastern regions",
    "480001": "U.S. Virgin Islands: no OPPS wage area here", "480002": "U.S. Virgin Islands: no OPPS wage area here",
    "640001": "American Samoa: no OPPS wage area here",
    "650001": "Guam: no OPPS wage area here", "650003": "Guam: no OPPS wage area here",
    "660001": "Northern Mariana Islands: no OPPS wage area here",
}


def test_the_hospitals_left_without_a_wage_area_are_the_known_ones():
    rows = duckdb.sql(f"SELECT ccn, state FROM read_parquet('{SHIPPED_DIR}/hospital_cbsa-2025-01-01.parquet') "
                      "WHERE cbsa IS NULL ORDER BY ccn").fetchall()
    assert {ccn for ccn, _ in rows} == set(UNPLACED)  # 52 before Connecticut's towns and the misspellings
    assert {s for _, s in rows} == {"CT", "VI", "AS", "GU", "MP"}


def test_a_connecticut_hospital_in_a_village_keeps_the_national_amount_and_says_so():
    assert shipped("hospital_cbsa", "ccn = '070021'", "cbsa") is None
    result = audit(line(1, **ER), facts={"provider_ccn": "070021"})
    assert "(national, unadjusted)" in result.benchmarks[1]["yardstick"]
    assert any("070021" in n and "is in a Connecticut village" in n for n in result.notes)


def test_each_hospital_without_a_wage_area_keeps_the_national_amount_and_the_note_says_why_in_en_and_es():
    from billadvocate.report.spanish_account import sentence

    # the territories' rows are absent from CMS's OPPS Pricer wage-index table (their CCNs' first two digits, the
    # SSA state code, are its rural rows' codes), as Puerto Rico's are not
    codes = {ccn[:2] for ccn in UNPLACED if not ccn.startswith("07")}
    assert codes == {"48", "64", "65", "66"}
    rows = duckdb.sql(f"SELECT cbsa FROM read_parquet('{SHIPPED_DIR}/opps_wage_index-2025-01-01.parquet') "
                      f"WHERE cbsa IN {tuple(sorted(codes | {'40'}))}").fetchall()
    assert rows == [("40",)]
    names = {"VI": "the U.S. Virgin Islands", "AS": "American Samoa", "GU": "Guam", "MP": "the Northern Mariana Islands"}
    for ccn in UNPLACED:
        state = shipped("hospital_cbsa", f"ccn = '{ccn}'", "state")
        result = audit(line(1, **ER), facts={"provider_ccn": ccn})
        assert "(national, unadjusted)" in result.benchmarks[1]["yardstick"]
        (note,) = [n for n in result.notes if n.startswith("Medicare outpatient hospital amounts are national")]
        why = (f"is in {names[state]}, where CMS's OPPS wage-index table has no wage area" if state in names else
               "is in a Connecticut village the CMS file does not place in a town, and the towns of its ZIP code lie "
               "in planning regions of different wage areas")
        assert note == f"Medicare outpatient hospital amounts are national, unadjusted: hospital {ccn} {why}.", note
        es = sentence(note)
        assert es and es.startswith("Las cantidades de Medicare para la atención ambulatoria del hospital son las "
                                    f"nacionales, sin ajustar: el hospital {ccn} está en "), es


def test_a_bill_without_outpatient_hospital_lines_gets_no_wage_note():
    result = audit(line(1, "85025", d=D, charge="180.00", rev="0300"), facts={"provider_ccn": "450015"})
    assert not any("wage" in n for n in result.notes)


def test_the_audit_command_takes_the_hospitals_ccn(cli, tmp_path):
    bill = tmp_path / "er.csv"
    bill.write_text("line,date,code,description,units,charge,revenue_code\n"
                    "1,2025-03-02,99284,ER visit level 4,1,1320.00,0450\n")
    wage_index = shipped("opps_wage_index", "cbsa = '19124'", "wage_index")
    want = adjusted(shipped("opps", "hcpcs = '99284'", "payment_rate"), wage_index)
    r = cli("audit", bill, "--ccn", "450015", "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert out["benchmarks"]["1"]["medicare"] == want and out["benchmark_total"] == want
    bad = cli("audit", bill, "--ccn", "AB-12")
    assert bad.code == 2 and "--ccn" in bad.err and len(bad.err.strip().splitlines()) == 1


def test_the_findings_citations_read_as_words_and_the_pricers_locator_stays_in_the_law_data():
    # patients see the citations (web page, HTML report, letters): the pricer by name and what it does,
    # the class and paragraph it was read in kept in the law data's note and quote
    result = audit(line(1, **ER), facts={"provider_ccn": "450015"})
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    value = law().parameter("federal.cms_opps.labor_related_share").at(D)
    pricer = [c for c in f.citations if "Pricer" in c]
    assert pricer == [c for c in value.citations if "Pricer" in c] and pricer
    assert not any(re.search(r"Java|Abstract|calculate|19550|SCH-ADJ", c) for c in f.citations), f.citations
    assert "60% of the rate adjusted by the wage index" in pricer[0]
    assert "AbstractStatusIndicatorPayments2023.calculateWageAdjustedPaymentAndSchAdj" in value.note
    assert "19550" in value.note and "(H-SCH-PYMT * .60) * W-WINX" in value.quote


def test_a_line_of_a_year_after_the_newest_wage_index_says_which_year_priced_it():
    # the newest shipped wage index (CY 2025) is used for every later date; a line of 2026 says so,
    # one of 2025-12-31 does not need to
    newest = max(int(f.stem.rsplit("-", 3)[1]) for f in SHIPPED_DIR.glob("opps_wage_index-*.parquet"))
    assert newest == 2025
    wage_index = shipped("opps_wage_index", "cbsa = '19124'", "wage_index")
    result = audit(line(1, **{**ER, "d": date(2025, 12, 31)}), line(2, **{**ER, "d": date(2026, 1, 1)}),
                   facts={"provider_ccn": "450015"})
    assert result.benchmarks[1]["medicare"] == result.benchmarks[2]["medicare"]  # both at the CY 2025 index
    assert f"(CY 2025 wage index {wage_index:.4f})" in result.benchmarks[2]["yardstick"]
    said = [n for n in result.notes if "of 2026" in n]
    assert said == ["Line 2, of 2026, is priced with the CY 2025 wage index, the newest billadvocate has: no CY "
                    "2026 wage index is installed yet."]
    assert not any("of 2025" in n for n in result.notes)
