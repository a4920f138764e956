"""Any log, any state, any date: the rights review answers (it never crashes on odd but valid cases)."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billadvocate.rights import all_rules
from billadvocate.states import NAMES
from tests.rights.helpers import case, rights

KINDS = ["call", "letter", "email", "text", "in_person", "payment", "legal_action", "credit_reporting"]
PARTIES = ["patient", "provider", "collector"]
TYPES = [None, "dispute", "cease", "threat", "lawsuit", "verification", "eca_notice", "acknowledgment"]
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def events(draw):
    day = draw(DAYS)
    at = day.isoformat()
    if draw(st.booleans()):
        at = datetime.combine(day, draw(st.times(min_value=time(0), max_value=time(23, 59)))).isoformat()
    ev = {"at": at, "kind": draw(st.sampled_from(KINDS)), "from": draw(st.sampled_from(PARTIES)),
          "conversation": draw(st.booleans())}
    kind = draw(st.sampled_from(TYPES))
    if kind:
        ev["type"] = kind
    return ev


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(log=st.lists(events(), max_size=12), state=st.sampled_from(sorted(NAMES)), first=DAYS, as_of=DAYS,
       collector=st.booleans(), insurance=st.sampled_from(["insured", "uninsured", "medicare", None]))
def test_any_valid_case_gets_an_answer(log, state, first, as_of, collector, insurance):
    c = case(*log, state=state, collector=collector, insurance=insurance,
             account={"first_bill_date": first.isoformat()})
    r = rights(c, as_of)
    ids = {rule.id for rule in all_rules()}
    assert all(v.rule in ids for v in r.violations)
    assert all(d.date for d in r.deadlines) and [p["id"] for p in r.protections][:3] == ["FDCPA", "IRS501R", "NSA"]
    assert len(r.protections) >= 4  # the state's law, then state units (wages, Rosenthal) where they apply
    assert r.sol["status"] in {"running", "expired", "expired_unless_written_contract", "unknown"}
