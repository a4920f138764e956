"""A debt discharged in bankruptcy (a `legal_action` of type `bankruptcy_discharge` from the patient in the
log): collecting it afterwards breaks the discharge injunction, and nothing is owed on it. Before, the log had
no way to matter: a Georgia patient whose 2022 ER bill was discharged in 2024 and who heard from a collector in
2026 was told to 'Offer a settlement' - paying a debt the law no longer lets anyone collect from her.

11 U.S.C. 524(a)(2): a discharge 'operates as an injunction against the commencement or continuation of an
action, the employment of process, or an act, to collect, recover or offset any such debt as a personal
liability of the debtor'."""

from __future__ import annotations

import json
from datetime import date

from billadvocate.casefile import validate_case
from billadvocate.review import review_case
from tests.rights.helpers import case, fired, letter

DISCHARGE = {"at": "2024-03-01", "kind": "legal_action", "from": "patient", "type": "bankruptcy_discharge"}
AS_OF = date(2026, 12, 4)


def _case(*events, care="2022-06-01"):
    return case(*events, state="GA", account={"first_bill_date": "2022-07-01", "care": {"start": care, "end": care}})


def test_a_collector_letter_after_the_discharge_is_flagged():
    (v,) = fired(_case(DISCHARGE, letter("2026-11-12", by="collector")), "BANKRUPTCY.DISCHARGED_DEBT_COLLECTED", AS_OF)
    assert v.severity == "high" and "11 U.S.C. 524(a)(2)" in v.citations
    assert v.message.startswith("ABC Recovery tried to collect this bill (letter on 2026-11-12) after your bankruptcy "
                                "discharge of 2024-03-01")


def test_care_after_the_discharge_or_contact_before_it_is_not_flagged():
    assert not fired(_case(DISCHARGE, letter("2026-11-12", by="collector"), care="2024-06-01"),
                     "BANKRUPTCY.DISCHARGED_DEBT_COLLECTED", AS_OF)
    assert not fired(_case(DISCHARGE, letter("2023-11-12", by="collector")), "BANKRUPTCY.DISCHARGED_DEBT_COLLECTED",
                     AS_OF)


def test_nothing_is_owed_and_no_settlement_is_offered_on_a_discharged_debt():
    c = validate_case({
        "billadvocate": 1, "patient": {"state": "GA"}, "insurance": {"status": "uninsured"},
        "household": {"size": 1, "annual_income": 52000, "monthly_expenses": 2800, "lump_sum_available": 800},
        "accounts": [{"id": "a", "balance": 1200, "first_bill_date": "2022-07-01",
                      "care": {"start": "2022-06-01", "end": "2022-06-01"},
                      "provider": {"name": "Peachtree Medical Center", "kind": "hospital", "nonprofit": False,
                                   "state": "GA"},
                      "collector": {"name": "Southern Accounts Recovery", "kind": "agency",
                                    "validation_notice": {"received": "2026-11-12"}},
                      "events": [DISCHARGE]}]}, file="test")
    a = json.loads(json.dumps(review_case(c, AS_OF).to_json(), default=str))["accounts"][0]
    o = a["offer"]
    assert o["owed"] == 0 and o["opening"] is None and a["plan"] is None
    assert o["fair"]["capped_by"] == "discharged"
    assert "a bankruptcy discharge ended your personal liability for this debt" in o["no_offer"]
