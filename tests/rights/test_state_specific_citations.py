"""A finding cites only the law that applies to the case: the patient's state (and federal law), or the
provider's state where that state's statute reaches the provider, never another state's statute."""

from __future__ import annotations

import pytest

from billadvocate.report import spanish
from billadvocate.states import NAMES
from tests.rights.helpers import case, fired

VOID = "STATE.REPORTED_DEBT_VOID"
GARNISH = "STATE.WAGE_GARNISHMENT_BANNED"
# how each state's void-debt statute is cited (states/<xx>/credit_reporting.yaml, reported_debt_void)
VOID_LAW = {"CA": "Cal. Civ. Code 1785.27", "CT": "Conn. Gen. Stat. 20-7i", "NY": "N.Y. Pub. Health Law 4927",
            "WA": "Washington ESSB 5480"}
WAGE_LAW = {"TX": "Tex. Const. art. XVI", "PA": "42 Pa.C.S. 8127", "NC": "N.C. Gen. Stat. 1-362",
            "SC": "S.C. Code 15-39-410"}


def reported(day: str) -> dict:
    return {"at": day, "kind": "credit_reporting", "from": "collector"}


@pytest.mark.parametrize("state", sorted(VOID_LAW))
def test_a_void_debt_finding_cites_its_own_states_statute_and_no_other(state):
    (v,) = fired(case(reported("2025-09-01"), state=state), VOID)
    cites = " ".join(v.citations)
    assert VOID_LAW[state] in cites, v.citations
    others = [law for st, law in VOID_LAW.items() if st != state and law in cites]
    assert not others, f"a {state} case cites {others}"


def test_a_california_void_debt_finding_names_no_connecticut_new_york_or_washington_statute():
    (v,) = fired(case(reported("2025-09-01"), state="CA"), VOID)
    cites = " ".join(v.citations)
    for other in ("Conn.", "N.Y.", "New York", "Washington", "20-7i", "5480"):
        assert other not in cites, v.citations


def test_a_state_without_a_void_debt_law_gets_no_such_finding():
    assert not fired(case(reported("2025-09-01"), state="TX"), VOID)


@pytest.mark.parametrize("state", sorted(WAGE_LAW))
def test_a_wage_garnishment_finding_cites_its_own_states_protection_and_no_other(state):
    threat = {"at": "2026-05-02", "kind": "legal_action", "from": "collector", "type": "threat",
              "note": "we will garnish your wages"}
    (v,) = fired(case(threat, state=state), GARNISH)
    cites = " ".join(v.citations)
    assert WAGE_LAW[state] in cites, v.citations
    others = [law for st, law in WAGE_LAW.items() if st != state and law in cites]
    assert not others, f"a {state} case cites {others}"



ES_NAMES = {"TX": "Texas", "PA": "Pensilvania", "NC": "Carolina del Norte", "SC": "Carolina del Sur"}


@pytest.mark.parametrize("state", sorted(WAGE_LAW))
def test_a_wage_garnishment_findings_explanation_names_no_other_states_law(state):
    threat = {"at": "2026-05-02", "kind": "legal_action", "from": "collector", "type": "threat",
              "note": "we will garnish your wages"}
    (v,) = fired(case(threat, state=state), GARNISH)
    es = spanish.finding(v.model_dump(mode="json"), "conduct")["explanation"]
    for other in (s for s in WAGE_LAW if s != state):
        assert NAMES[other] not in v.explanation, v.explanation
        assert ES_NAMES[other] not in es, es
