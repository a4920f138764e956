"""Every state billadvocate has law data for (src/billadvocate/law/parameters/states/<xx>/): a Spanish speaker's
outpatient visit at a nonprofit hospital of the state, at about 100%, 150%, 250% and 400% of the poverty guideline,
uninsured (care two months ago, inside Medicaid's retroactive coverage) and insured (care in March 2026, before
July 1, 2026, outside it), reads wholly in Spanish: no sentence of the account is left untranslated and the Spanish
report shows no English word outside the citations (a source's own words) and official names in «»."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from billadvocate.assist.poverty import guideline
from billadvocate.casefile import load_case
from billadvocate.report import render_html
from billadvocate.report.spanish_account import account_es, untranslated
from billadvocate.review import review_case

from .test_spanish_account import ENGLISH, _patient_text
from .test_spanish_capped_programs import OFFICIAL_NAME, _citations

STATES_DIR = Path(__file__).resolve().parents[2] / "src" / "billadvocate" / "law" / "parameters" / "states"
STATES = sorted(p.name.upper() for p in STATES_DIR.iterdir() if p.is_dir())
CO = Path(__file__).parent / "cases" / "co_hospital"
AS_OF = date(2026, 11, 28)  # the case's as_of
# a real city and ZIP of each state (its capital), for the patient's and the hospital's address
PLACES = {
    "AL": "Montgomery, AL 36104", "AK": "Juneau, AK 99801", "AZ": "Phoenix, AZ 85004", "AR": "Little Rock, AR 72201",
    "CA": "Sacramento, CA 95814", "CO": "Denver, CO 80203", "CT": "Hartford, CT 06106", "DE": "Dover, DE 19901",
    "DC": "Washington, DC 20001", "FL": "Tallahassee, FL 32301", "GA": "Atlanta, GA 30303", "HI": "Honolulu, HI 96813",
    "ID": "Boise, ID 83702", "IL": "Springfield, IL 62701", "IN": "Indianapolis, IN 46204",
    "IA": "Des Moines, IA 50309", "KS": "Topeka, KS 66603", "KY": "Frankfort, KY 40601",
    "LA": "Baton Rouge, LA 70802", "ME": "Augusta, ME 04330", "MD": "Annapolis, MD 21401", "MA": "Boston, MA 02108",
    "MI": "Lansing, MI 48933", "MN": "Saint Paul, MN 55102", "MS": "Jackson, MS 39201",
    "MO": "Jefferson City, MO 65101", "MT": "Helena, MT 59601", "NE": "Lincoln, NE 68508",
    "NV": "Carson City, NV 89701", "NH": "Concord, NH 03301", "NJ": "Trenton, NJ 08608", "NM": "Santa Fe, NM 87501",
    "NY": "Albany, NY 12207", "NC": "Raleigh, NC 27601", "ND": "Bismarck, ND 58501", "OH": "Columbus, OH 43215",
    "OK": "Oklahoma City, OK 73102", "OR": "Salem, OR 97301", "PA": "Harrisburg, PA 17101",
    "RI": "Providence, RI 02903", "SC": "Columbia, SC 29201", "SD": "Pierre, SD 57501", "TN": "Nashville, TN 37219",
    "TX": "Austin, TX 78701", "UT": "Salt Lake City, UT 84111", "VT": "Montpelier, VT 05602",
    "VA": "Richmond, VA 23219", "WA": "Olympia, WA 98501", "WV": "Charleston, WV 25301", "WI": "Madison, WI 53703",
    "WY": "Cheyenne, WY 82001",
}
PERCENTS = (100, 150, 250, 400)


def review(tmp_path: Path, state: str, percent: int, insured: bool, care: str | None = None, variant: str = ""):
    """The Colorado hospital case's bill moved to `state`: income at `percent` of the state's poverty guideline for
    one person, insured or not, the care on `care` (default: 2026-09-14 uninsured, 2026-03-14 insured), changed by
    one of VARIANTS."""
    care = care or ("2026-03-14" if insured else "2026-09-14")
    folder = tmp_path / f"{state}-{percent}-{'insured' if insured else 'uninsured'}-{care}{variant}"
    (folder / "bills").mkdir(parents=True)
    bill = (CO / "bills" / "itemized.csv").read_text().replace("2026-09-14", care)
    (folder / "bills" / "itemized.csv").write_text(bill)
    case = yaml.safe_load((CO / "case.yaml").read_text())
    case["patient"].update({"address": "100 Main St, " + PLACES[state], "state": state, "language": "es"})
    case["household"]["annual_income"] = int(guideline(state, 1, AS_OF).amount * percent / 100)
    case["insurance"] = {"status": "insured" if insured else "uninsured"}
    account = case["accounts"][0]
    account["care"]["start"] = account["care"]["end"] = care
    account["first_bill_date"] = care[:8] + "28"
    account["provider"] = {"name": "Community General Hospital", "kind": "hospital", "nonprofit": True,
                           "state": state, "address": "1 Hospital Way, " + PLACES[state]}
    if variant:
        VARIANTS[variant](case, account, state)
    (folder / "case.yaml").write_text(yaml.safe_dump(case))
    return review_case(load_case(folder / "case.yaml"))


# citations keep their source's words: one a sentence names beside another ('42 U.S.C. 300gg-132 and 45 CFR
# 149.420'), and a citation whose closing note is in Spanish ('45 CFR 147.136(b) and 29 CFR 2560.503-1(g) (la EOB ...')
CITED = re.compile(r"\b\d+ (?:U\.S\.C\.|CFR) [\w.()\-]+ and \d+ (?:U\.S\.C\.|CFR) [\w.()\-]+")


def _english_words(text: str, data: dict) -> list[str]:
    for cite in sorted(_citations(data), key=len, reverse=True):
        text = text.replace(cite, " ")
        text = text.replace(cite.split(" (", 1)[0] + " (", " (")
    text = CITED.sub(" ", OFFICIAL_NAME.sub(" ", text))
    return [text[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(text)]


def text_review(result) -> str:
    """The text review's accounts in Spanish (cli/spanish_text.py), as `review` prints them."""
    from rich.console import Console

    from billadvocate.cli.spanish_text import print_account_es

    console = Console(record=True, width=400, file=io.StringIO())
    for a in result.to_json()["accounts"]:
        print_account_es(console, a, result.as_of.isoformat())
    return re.sub(r"\s+", " ", console.export_text())


def english_left(result) -> list[str]:
    """The account's sentences without Spanish, then any English word the Spanish report or the Spanish text review
    shows (in context)."""
    data = result.to_json()
    left = [t for a in data["accounts"] for t in untranslated(a)]
    page = render_html(result, lang="es")
    if ' lang="en"' in page.split("<body>", 1)[1]:
        left.append("a sentence fell back to English (lang=\"en\")")
    return left + _english_words(_patient_text(page), data) + _english_words(text_review(result), data)


def _old_debt(case, account, state):
    account["care"]["start"] = account["care"]["end"] = "2019-03-01"  # the bill's lines keep their own date
    account["first_bill_date"] = "2019-04-01"
    account["collector"] = {"name": "Midland Credit", "kind": "debt_buyer"}


# the other situations a patient's case is often in (each found English the income sweep did not reach)
VARIANTS = {
    "inpatient": lambda case, a, st: a["care"].update(setting="inpatient"),
    "emergency-collector": lambda case, a, st: (a["care"].update(emergency=True), a.update(collector={
        "name": "Apex Recovery LLC", "kind": "agency", "address": "1 Debt Rd, " + PLACES[st]})),
    "medicare": lambda case, a, st: case.update(insurance={"status": "medicare"}),
    "medicaid": lambda case, a, st: case.update(insurance={"status": "medicaid"}),
    "no-income": lambda case, a, st: case["household"].pop("annual_income"),
    "old-debt-buyer": _old_debt,
    "for-profit-physician": lambda case, a, st: a["provider"].update(nonprofit=False, kind="physician"),
    # the case's care dates years before the bill's lines: every line is disputed, nothing is left to pay
    "lines-after-care": lambda case, a, st: (a["care"].update(start="2021-06-01", end="2021-06-01"),
                                             a.update(first_bill_date="2021-07-01")),
}
# every variant in each state with its own hospital-help law, one variant in each other state in turn
PROGRAM_STATES = sorted(p.parent.name.upper() for p in STATES_DIR.glob("*/charity_care.yaml"))
VARIANT_CASES = [(st, v) for st in PROGRAM_STATES for v in VARIANTS] + [
    (st, list(VARIANTS)[i % len(VARIANTS)]) for i, st in enumerate(s for s in STATES if s not in PROGRAM_STATES)]


def test_every_state_with_law_data_is_swept():
    assert len(STATES) == 51 and set(STATES) == set(PLACES)


@pytest.mark.parametrize("state", STATES)
def test_a_state_s_cases_read_wholly_in_spanish(state, tmp_path):
    left = {}
    for percent in PERCENTS:
        for insured in (False, True):
            found = english_left(review(tmp_path, state, percent, insured))
            if found:
                left[f"{percent}% {'insured' if insured else 'uninsured'}"] = found[:3]
    assert not left, left


def test_maine_free_care_before_july_2026_and_medicaid_outside_retroactive_coverage_read_in_spanish(tmp_path):
    """Maine at about 125% under the rules before July 1, 2026 (free care up to 150%): Medicaid's reason (the care
    is outside its retroactive coverage) was English on the Spanish page and in the Spanish review; it reads in
    Spanish with the English figures, beside the offer's free-care step (so the patient owes $0.00)."""
    result = review(tmp_path, "ME", 125, insured=False, care="2026-03-14")
    a = result.to_json()["accounts"][0]
    programs = {p["id"]: p for p in a["assistance"]["programs"]}
    medicaid = programs["MEDICAID"]["why"]
    assert "outside retroactive coverage" in medicaid and "2026-03-14" in medicaid
    step = next(s["step"] for s in a["offer"]["steps"] if s["step"].startswith("Maine hospital free care: "))
    assert step.endswith("So if the hospital approves your application, you owe $0.00")  # the screen is no decision
    assert untranslated(a) == []
    es = account_es(a)
    medicaid_es = next(p["why"] for p in es["assistance"]["programs"] if p["id"] == "MEDICAID")
    assert "fuera de la cobertura retroactiva" in medicaid_es and "2026-03-14" in medicaid_es
    assert "125.00%" in medicaid_es and "138%" in medicaid_es
    step_es = next(s["step"] for s in es["offer"]["steps"] if s["step"].startswith("Atención gratuita de los hospitales"))
    assert step_es.endswith("atención gratuita. Así que, si el hospital aprueba su solicitud, usted debe $0.00")
    assert "125.00%" in step_es
    assert english_left(result) == []


@pytest.mark.parametrize("state,variant", VARIANT_CASES, ids=[f"{s}-{v}" for s, v in VARIANT_CASES])
def test_a_state_s_case_in_another_situation_reads_wholly_in_spanish(state, variant, tmp_path):
    """Inpatient care, an emergency sent to a collection agency, Medicare, Medicaid, no income given, a debt buyer's
    2019 debt, a for-profit physician, a bill dated after the care: at about 150% of the poverty guideline, uninsured
    unless the variant says."""
    left = english_left(review(tmp_path, state, 150, False, variant=variant))
    assert not left, left[:3]


def test_a_program_discount_that_lowers_nothing_reads_in_spanish(tmp_path):
    """Oregon at about 400% (25% off) for a bill whose lines are all dated after the care, so all are taken off: the
    program's step ends '; that is not below $0.00' (negotiate/owed), which any program's step may; it reads in
    Spanish."""
    result = review(tmp_path, "OR", 400, False, variant="lines-after-care")
    steps = [s["step"] for s in result.to_json()["accounts"][0]["offer"]["steps"]]
    assert any(s.endswith("; that is not below $0.00") and "25% off" in s for s in steps), steps
    assert english_left(result) == []
