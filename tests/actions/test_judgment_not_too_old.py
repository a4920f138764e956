"""A judgment logged on a time-barred debt: the dispute step and the offer's warnings no longer say the debt is too
old to sue on, or that she may choose not to pay at all. Before, with a Texas default judgment of 2026-11-01 in the
log, the plan's dispute step still read 'Write to the collector that you dispute the debt and that it is too old to
sue on' (no letter written) or, in Spanish, 'La carta también dice que la deuda es demasiado antigua para demandar'
(the English had dropped it in 19a50d7), and the offer's warning 'Time-barred debt: you may choose not to pay at
all' (ES 'Deuda demasiado antigua para demandar: puede decidir no pagar nada') stood under 'no offer: a judgment was
entered'. A judgment is enforced whatever the limit was, until a court sets it aside."""

from __future__ import annotations

import json
from datetime import date

from billadvocate.actions.spanish import in_spanish
from billadvocate.report.spanish_account import account_es

from .helpers import review, write_case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
AS_OF = date(2026, 12, 4)


def _judged(tmp_path, **kw):
    return review(write_case(tmp_path, state="TX", first_bill="2020-07-15", events=[SUED, JUDGMENT], **kw), AS_OF)


def _dispute(result, lang="en"):
    steps = in_spanish(result) if lang == "es" else result.actions
    return [s for s in steps if s["kind"] == "DISPUTE_DEBT"]


def test_the_dispute_step_does_not_call_a_judged_debt_too_old_to_sue_on(tmp_path):
    from billadvocate import review_case
    from tests.rights.helpers import case

    bare = case(SUED, JUDGMENT, state="TX", account={"first_bill_date": "2020-07-15"},
                collector={"name": "Lone Star Receivables LLC", "kind": "debt_buyer"})
    # no letter can be written (the step says what to write), or the dispute letter is written
    for result in (review_case(bare, as_of=AS_OF), review(_named(tmp_path), AS_OF)):
        (en,) = _dispute(result)
        (es,) = _dispute(result, "es")
        assert "too old to sue" not in en["why"], en["why"]
        assert "demasiado antigua" not in es["why"], es["why"]


def test_the_offer_s_warnings_do_not_say_she_may_choose_not_to_pay(tmp_path):
    result = _judged(tmp_path)
    a = json.loads(json.dumps(result.to_json(), default=str))["accounts"][0]
    said = json.dumps(a.get("offer"))
    assert "may choose not to pay at all" not in said and "A judgment was entered on 2026-11-01" in said, said
    es = json.dumps(account_es(a).get("offer"), ensure_ascii=False)
    assert "puede decidir no pagar nada" not in es and "demasiado antigua" not in es, es


def test_without_a_judgment_the_time_barred_debt_keeps_both(tmp_path):
    result = review(write_case(tmp_path, state="TX", first_bill="2020-07-15"), AS_OF)
    (en,) = _dispute(result)
    assert "too old to sue on" in en["why"], en["why"]
    a = json.loads(json.dumps(result.to_json(), default=str))["accounts"][0]
    assert "may choose not to pay at all" in json.dumps(a.get("offer")), a.get("offer")


def _named(folder):
    import yaml

    path = write_case(folder, state="TX", first_bill="2020-07-15", events=[SUED, JUDGMENT])
    data = yaml.safe_load(path.read_text())
    data["patient"]["name"] = "Ana Diaz"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path
