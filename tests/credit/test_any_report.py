"""Any well-formed report is checked without a crash: a result, or one BadInput naming a field."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from billadvocate.credit import check_credit
from billadvocate.errors import BadInput
from billadvocate.model import Case
from billadvocate.states import CODES

days = st.integers(min_value=0, max_value=12000).map(lambda n: date(1995, 1, 1) + timedelta(days=n))
money = st.one_of(st.none(), st.decimals(min_value=0, max_value=20000, places=2))
tradeline = st.fixed_dictionaries({
    "bureau": st.sampled_from(["equifax", "experian", "transunion"]),
    "furnisher": st.sampled_from(["ABC Recovery", "Valley General Hospital", "Lab Co", "abc recovery llc"]),
    "account": st.sampled_from([None, "a"]),
    "medical": st.booleans(),
    "original_amount": money, "balance": money,
    "status": st.sampled_from(["unpaid", "paid", "settled"]),
    "first_delinquency": st.one_of(st.none(), days), "reported": st.one_of(st.none(), days),
    "paid_on": st.one_of(st.none(), days),
})
event = st.fixed_dictionaries({
    "at": days, "kind": st.sampled_from(["letter", "call", "payment"]),
    "from": st.sampled_from(["patient", "collector", "bureau"]),
    "type": st.sampled_from([None, "credit_dispute", "credit_dispute_info", "settlement"]),
    "bureau": st.sampled_from([None, "equifax", "transunion"]),
    "amount": st.one_of(st.none(), st.decimals(min_value=1, max_value=5000, places=2)),
})


@settings(max_examples=150, deadline=None)
@given(st.lists(tradeline, max_size=6), st.lists(event, max_size=6), st.sampled_from(sorted(CODES)),
       st.one_of(st.none(), days), days, st.booleans())
def test_any_report_gives_a_result_or_one_bad_input(lines, events, state, pulled, as_of, veteran):
    case = Case.model_validate({
        "billadvocate": 1, "patient": {"state": state, "veteran": veteran},
        "accounts": [{"id": "a", "provider": {"name": "Valley General Hospital", "kind": "hospital",
                                              "nonprofit": True},
                      "first_bill_date": "2001-01-01", "balance": 100,
                      "collector": {"name": "ABC Recovery"},
                      "events": [{k: v for k, v in e.items() if v is not None}
                                 for e in sorted(events, key=lambda e: e["at"])]}],
        "credit_report": {"pulled": pulled, "tradelines": [{k: v for k, v in t.items() if v is not None}
                                                           for t in lines]}})
    try:
        result = check_credit(case, as_of)
    except BadInput as e:
        assert e.where and e.where.startswith("credit_report.tradelines[") and "future" in e.problem
        return
    data = result.to_json()
    assert all(f["rule"] and f["message"] and f["citations"] for f in data["findings"])
    for d in result.disputes:
        assert d.address and (d.items or d.sent)
