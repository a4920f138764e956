"""Every example and scenario case, moved to other states: no finding, protection, deadline, statute of
limitations answer or letter cites a statute of a state other than the case's.

A case is moved by setting the patient's and every provider's state to one state, so the case has one
state and any other state's statute is wrong. A second pass keeps the provider in its own state: a rule
whose statute reaches the provider where it is (PROVIDER_STATE, each with its reason) may cite the
provider's state, nothing else may.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.errors import BadInput
from billadvocate.letters import letter_for
from billadvocate.letters.kinds import all_kinds
from billadvocate.rights import review_rights
from billadvocate.states import NAMES

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "examples").glob("*/case.yaml")) + sorted((ROOT / "tests/scenarios/cases").glob("*/case.yaml"))
# states with their own rules in the rights engine (void debt, wages, waits, notices) and a few without
STATES = ("CA", "CT", "NY", "WA", "TX", "PA", "NC", "FL", "IL", "NJ", "MD", "NV", "CO", "GA")
AS_OF = date(2026, 11, 28)

# The explicit exceptions: rules whose statute binds the provider (or its collector) in the provider's state,
# whatever the patient's state, so a finding may cite the provider's state.
PROVIDER_STATE = {
    "STATE.CA.COLLECTION_WAIT": "Health & Safety Code 127425 sets a California hospital's wait, wherever the patient lives",
    "deadline STATE.CA.COLLECTION_WAIT": "the same wait, as the day it ends",
    "STATE.MD.COLLECTION_WAIT": "Maryland's wait binds a Maryland hospital",
    "deadline STATE.MD.COLLECTION_WAIT": "the same wait, as the day it ends",
    "STATE.NJ.COLLECTION_WAIT": "N.J.S.A. 56:11-59 binds a provider owed for care in New Jersey",
    "deadline STATE.NJ.COLLECTION_WAIT": "the same wait, as the day it ends",
    "STATE.FL.ECA_NOTICE": "Fla. Stat. 395.3011 binds a Florida hospital",
    "STATE.FL.ECA_PRECONDITIONS": "Fla. Stat. 395.3011(2) binds a Florida hospital",
    "STATE.IL.FPBA_COLLECTION_TOO_EARLY": "210 ILCS 88 binds an Illinois hospital",
    "STATE.TX.NO_ITEMIZED_BILL": "Tex. Health & Safety Code 185.002 binds a Texas hospital",
    "STATE.CA.ROSENTHAL_CREDITOR_CONDUCT": "the Rosenthal Act reaches a California creditor collecting its own bill",
    "STATE.CA.ROSENTHAL": "the same Act, as a protection of a patient billed by a California provider",
}

# how a citation names a state: Bluebook abbreviations, code names and the states' own names
_NAMES = {
    "AL": ["Ala."], "AK": [], "AZ": ["Ariz.", "A.R.S."], "AR": ["Ark."], "CA": ["Cal.", "Calif."],
    "CO": ["Colo.", "C.R.S."], "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."],
    "GA": ["Ga.", "O.C.G.A."], "HI": ["Haw.", "HRS"], "ID": [], "IL": ["Ill.", "ILCS"], "IN": ["Ind."], "IA": [],
    "KS": ["Kan.", "K.S.A."], "KY": ["Ky.", "KRS"], "LA": ["La."], "ME": ["Me.", "M.R.S."], "MD": ["Md."],
    "MA": ["Mass.", "M.G.L."], "MI": ["Mich.", "MCL"], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo.", "RSMo"],
    "MT": ["Mont."], "NE": ["Neb."], "NV": ["Nev.", "NRS"], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "NMSA"],
    "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OH": [], "OK": ["Okla."], "OR": ["Or.", "ORS"],
    "PA": ["Pa."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "SDCL"], "TN": ["Tenn."], "TX": ["Tex."],
    "UT": [], "VT": ["Vt.", "V.S.A."], "VA": ["Va."], "WA": ["Wash.", "RCW"], "WV": ["W. Va."], "WI": ["Wis."],
    "WY": ["Wyo."],
}
_PATTERNS = sorted(((st, w) for st, ws in _NAMES.items() for w in [*ws, NAMES[st]]), key=lambda p: -len(p[1]))
_RESEARCH = re.compile(r"state_law/([a-z]{2})\.yaml")


def states_cited(citation: str) -> set[str]:
    """The states whose law a citation names (longest names first: West Virginia is not Virginia)."""
    text = citation.replace("Washington, D.C.", "D.C.")
    found = {m.group(1).upper() for m in _RESEARCH.finditer(text)}
    for st, word in _PATTERNS:
        pattern = re.compile(r"(?<![\w.])" + re.escape(word) + (r"(?!\w)" if word[-1].isalnum() else ""))
        if pattern.search(text):
            found.add(st)
            text = pattern.sub(" ", text)
    return found


def test_the_detector_reads_the_citations_the_engine_prints():
    assert states_cited("Conn. Gen. Stat. 20-7i(c) (Public Act 24-6)") == {"CT"}
    assert states_cited("Washington ESSB 5480 (2025)") == {"WA"}
    assert states_cited("W. Va. Code 55-2-12") == {"WV"}
    assert states_cited("15 U.S.C. 1692e(5)") == set() and states_cited("12 CFR 1006.26(b)") == set()
    assert states_cited("42 Pa.C.S. 8127") == {"PA"} and states_cited("S.C. Code 15-39-410") == {"SC"}


@lru_cache(maxsize=None)
def moved(path: Path, state: str, provider_stays: bool = False):
    c = load_case(path).model_copy(deep=True)
    c.patient.state = state
    for a in c.accounts:
        if not provider_stays:
            a.provider.state = state
    return c


def rights_citations(c) -> list[tuple[str, str]]:
    """(what, citation) for everything the rights engine says about each account."""
    out = []
    for a in c.accounts:
        r = review_rights(c, a, AS_OF)
        out += [(v.rule, x) for v in r.violations for x in v.citations]
        out += [(p["id"], x) for p in r.protections for x in p.get("citations", [])]
        out += [(f"deadline {d.kind}", x) for d in r.deadlines for x in d.citations]
        sol = r.sol or {}
        out += [("sol", x) for x in [*sol.get("citations", []), *([sol["revival_citation"]]
                                                                   if sol.get("revival_citation") else [])]]
    return out


def letter_citations(c) -> list[tuple[str, str]]:
    result = review_case(c, as_of=AS_OF)
    out = []
    for k in all_kinds():
        for a in c.accounts:
            try:
                letter = letter_for(result, k.type, account_id=a.id)
            except (BadInput, KeyError, ValueError):
                continue  # a letter this case cannot have
            out += [(f"{k.type} letter", x) for x in letter.citations]
    return out


def wrong(cites, allowed: set[str], provider_state: str | None = None):
    bad = []
    for what, x in cites:
        others = states_cited(x) - allowed
        if provider_state and what in PROVIDER_STATE:
            others -= {provider_state}
        if others:
            bad.append((what, x, sorted(others)))
    return bad


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_the_rights_engine_cites_only_the_cases_state(path):
    bad = {st: wrong(rights_citations(moved(path, st)), {st}) for st in STATES}
    assert not {st: b for st, b in bad.items() if b}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_a_provider_in_another_state_is_cited_only_where_its_statute_reaches_it(path):
    home = {a.provider.state for a in load_case(path).accounts} - {None}
    bad = {}
    for st in STATES:
        c = moved(path, st, provider_stays=True)
        for prov in home:
            bad[st] = wrong(rights_citations(c), {st}, prov)
    assert not {st: b for st, b in bad.items() if b}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_the_letters_cite_only_the_cases_state(path):
    bad = {st: wrong(letter_citations(moved(path, st)), {st}) for st in ("CA", "CT", "NY", "WA", "TX", "FL")}
    assert not {st: b for st, b in bad.items() if b}
