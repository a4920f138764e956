"""The state programs that cap a hospital's price (California, Connecticut, Illinois, Maryland, New
Jersey, New York, Rhode Island, as Colorado in test_colorado_discounted_care.py): a Spanish-speaking
patient reads the offer's step ('<program> may lower it further: the law caps the price (<cap>)')
and the program's reason ('... price capped: <cap>.') wholly in Spanish, the program's name in
Spanish, the cap's figures and citations as the law data writes them. Each sentence is built from
the law data as negotiate/fair.py and assist/programs/state_charity.py build it; a case per state
checks the real engines' step."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from billadvocate.law import law
from billadvocate.report.spanish_account import PROGRAM_NAMES, account_es, sentence, untranslated

from .test_spanish_account import ENGLISH

STATES = ("ca", "ct", "il", "md", "nj", "ny", "ri")
CO = Path(__file__).parent / "cases" / "co_hospital"


def _capped() -> list[tuple[str, str, str, dict]]:
    """(state, program id, program name, tier) for every dated tier that caps the price."""
    out = []
    for st in STATES:
        prefix = f"states.{st}.charity_care"
        for slug in sorted({k.split(".", 1)[0] for k in law().children(prefix)}):
            programs = law().parameter(f"{prefix}.{slug}.program").values
            for variant in law().children(f"{prefix}.{slug}.tiers"):
                for v in law().parameter(f"{prefix}.{slug}.tiers.{variant}").values:
                    for t in v.value:
                        if t.get("discount") is None and t.get("charge_cap"):
                            for p in programs:
                                out.append((st, p.value["id"], p.value["name"], t))
    unique = {(st, pid, name, t["charge_cap"], t["up_to_fpl"], t.get("limit_inclusive", True)): (st, pid, name, t)
              for st, pid, name, t in out}
    return list(unique.values())


CAPPED = _capped()


def _figures(text: str) -> list[str]:
    """The numbers, percentages and citations' figures a translation must keep."""
    return re.findall(r"\d[\d.,:()\-a-z]*%?", text)


# an office's official English name, in «», is kept for the patient to ask for it by that name
OFFICIAL_NAME = re.compile(r"«[^»]*»")


def _english(es: str) -> list[str]:
    # a program's official English name, kept in parentheses for asking the hospital, holds no sentence words
    return ENGLISH.findall(OFFICIAL_NAME.sub(" ", es))


def test_every_state_has_a_capped_program():
    assert {c[0] for c in CAPPED} == set(STATES)


@pytest.mark.parametrize("state,pid,name,tier", CAPPED, ids=[f"{c[0]}-{c[3]['up_to_fpl']}" for c in CAPPED])
def test_the_offer_step_of_a_capped_program_reads_in_spanish(state, pid, name, tier):
    cap = tier["charge_cap"]
    step = f"{name} may lower it further: the law caps the price ({cap}); ask the hospital to apply it"
    es = sentence(step)
    assert es is not None, step
    assert es.startswith(PROGRAM_NAMES[pid] + " puede bajar aún más esa cantidad")
    assert not _english(es), es
    for figure in _figures(cap):
        assert figure in es, (figure, es)


@pytest.mark.parametrize("state,pid,name,tier", CAPPED, ids=[f"{c[0]}-{c[3]['up_to_fpl']}" for c in CAPPED])
def test_the_reason_of_a_capped_program_reads_in_spanish(state, pid, name, tier):
    band = ("at or below " if tier.get("limit_inclusive", True) else "below ") + f"{tier['up_to_fpl']}%"
    cap = tier["charge_cap"]
    why = f"Income is 231.83% of the poverty guideline, {band}: price capped: {cap}. Covered as uninsured."
    es = sentence(why)
    assert es is not None, why
    assert "231.83%" in es and f"{tier['up_to_fpl']}%" in es
    assert not _english(es), es
    for figure in _figures(cap):
        assert figure in es, (figure, es)


PLACES = {"CT": "55 Elm St, Hartford, CT 06106", "IL": "50 W Washington St, Chicago, IL 60602",
          "NY": "24 Eagle St, Albany, NY 12207", "RI": "25 Dorrance St, Providence, RI 02903",
          "NJ": "920 Broad St, Newark, NJ 07102", "CA": "200 N Spring St, Los Angeles, CA 90012",
          "MD": "100 N Holliday St, Baltimore, MD 21202", "WA": "600 4th Ave, Seattle, WA 98104",
          "ME": "389 Congress St, Portland, ME 04101", "NV": "495 S Main St, Las Vegas, NV 89101",
          "OR": "1221 SW 4th Ave, Portland, OR 97204"}


def _result(state: str, tmp_path: Path, income: int = 37000, setting: str | None = None):
    """An uninsured patient at about 232% of the poverty guideline (or at `income`) at a nonprofit hospital of the
    state, seen as an outpatient (or in `setting`)."""
    from billadvocate.casefile import load_case
    from billadvocate.review import review_case

    (tmp_path / "bills").mkdir()
    shutil.copy(CO / "bills" / "itemized.csv", tmp_path / "bills" / "itemized.csv")
    case = yaml.safe_load((CO / "case.yaml").read_text())
    case["patient"].update({"address": PLACES[state], "state": state, "language": "es"})
    case["household"]["annual_income"] = income
    if setting:
        case["accounts"][0]["care"]["setting"] = setting
    case["accounts"][0]["provider"] = {"name": "Community General Hospital", "kind": "hospital", "nonprofit": True,
                                       "state": state}
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(case))
    return review_case(load_case(tmp_path / "case.yaml"))


def _account(state: str, tmp_path: Path) -> dict:
    return _result(state, tmp_path).to_json()["accounts"][0]


@pytest.mark.parametrize("state", ["CT", "IL", "NY", "RI"])
def test_a_case_s_capped_program_step_and_reason_read_in_spanish(state, tmp_path):
    """The state's program caps the price and the offer says so; in Spanish none of it is left English."""
    a = _account(state, tmp_path)
    (program,) = [p for p in a["assistance"]["programs"] if p["id"].startswith(f"STATE.{state}.")]
    assert program["eligible"] is True and program["discount"] is None and program["charge_cap"]
    (step,) = [s["step"] for s in a["offer"]["steps"] if "may lower it further" in s["step"]]
    left = untranslated(a)
    assert step not in left and program["why"] not in left
    assert not [r for r in left if r.startswith("Fair amount")]  # the offer's reason, made of the steps
    es = account_es(a)
    (step_es,) = [s["step"] for s in es["offer"]["steps"] if "puede bajar aún más" in s["step"]]
    assert step_es.startswith(PROGRAM_NAMES[program["id"]]) and not _english(step_es)


def test_new_jersey_s_charity_care_and_medicare_cap_read_in_spanish(tmp_path):
    """New Jersey: charity care takes 60% off and the uninsured charge cap, 115% of Medicare priced line
    by line, lowers the price further (negotiate/owed.medicare_caps); both steps, both programs' reasons
    and the offer's reason read in Spanish."""
    a = _account("NJ", tmp_path)
    programs = {p["id"]: p for p in a["assistance"]["programs"]}
    steps = [s["step"] for s in a["offer"]["steps"]]
    cap = next(s for s in steps if s.startswith("New Jersey charge cap for uninsured residents: at your income"))
    off = next(s for s in steps if s.startswith("New Jersey Hospital Care Payment Assistance (charity care): 60% off"))
    left = untranslated(a)
    whys = [programs[i]["why"] for i in ("STATE.NJ.CHARITY_CARE", "STATE.NJ.UNINSURED_CHARGE_CAP")]
    for english in (cap, off, *whys):
        assert english not in left, english
    assert not [r for r in left if r.startswith("Fair amount")]
    es = [s["step"] for s in account_es(a)["offer"]["steps"]]
    (cap_es,) = [s for s in es if s.startswith(PROGRAM_NAMES["STATE.NJ.UNINSURED_CHARGE_CAP"])]
    assert "115% de lo que paga Medicare" in cap_es and not _english(cap_es)
    assert all(figure in cap_es for figure in re.findall(r"\$[\d,]+\.\d\d", cap))


def _citations(node) -> set[str]:
    if isinstance(node, dict):
        found = {c for c in node.get("citations") or [] if isinstance(c, str)}
        return found.union(*(_citations(v) for k, v in node.items() if k != "citations"))
    if isinstance(node, list):
        return set().union(*(_citations(v) for v in node))
    return set()


# a case per state at about 232% of the poverty guideline, and the other bands a state's program words differently
WHOLLY = [(state.upper(), 37000, None) for state in STATES] + [
    ("MD", 56000, None),  # about 351%: Maryland's 35% off while the law steps down from 60% to 35% (300-450%)
    # the states whose programs take a share off: Washington's charity care and Oregon's financial assistance
    # at about 232%, Maine's free care at about 188% (its limit is 200% for care from July 1, 2026), Nevada's
    # 30% off an uninsured inpatient's bill (no income limit)
    ("WA", 37000, None), ("OR", 37000, None), ("ME", 30000, None), ("NV", 37000, "inpatient"),
]


@pytest.mark.parametrize("state,income,setting", WHOLLY, ids=[f"{s}-{i}" for s, i, _ in WHOLLY])
def test_each_state_s_case_reads_wholly_in_spanish(state, income, setting, tmp_path):
    """The whole account (the programs' reasons, documents and windows, the offer, the plan's state cap, the
    scripts) and the Spanish report: no English left."""
    from billadvocate.report import render_html

    from .test_spanish_account import _patient_text

    result = _result(state, tmp_path, income, setting)
    assert untranslated(result.to_json()["accounts"][0]) == []
    page = render_html(result, lang="es")
    assert ' lang="en"' not in page.split("<body>", 1)[1], "a sentence fell back to English"
    text = _patient_text(page)
    for cite in sorted(_citations(result.to_json()), key=len, reverse=True):  # a citation keeps its source's words
        text = text.replace(cite, " ")
    text = OFFICIAL_NAME.sub(" ", text)
    left = [text[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(text)]
    assert not left, left[:5]


def test_nevada_s_complaints_office_keeps_its_official_name(tmp_path):
    """The patient must be able to find the office: its Spanish description comes with the name it goes by."""
    from billadvocate.report import render_html

    page = render_html(_result("NV", tmp_path, 37000, "inpatient"), lang="es")
    assert "Oficina para Pacientes de Hospital de Nevada («Bureau for Hospital Patients»" in page
