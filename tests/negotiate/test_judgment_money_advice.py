"""A judgment logged on a time-barred debt: the money advice and the call scripts no longer say the debt is too old
to sue on and that 'nothing needs to be paid or promised'. Before, the Texas debt buyer's case with a default
judgment of 2026-11-01 in the log had its offer withheld because 'the law does not let whoever holds it sue on it:
nothing needs to be paid or promised', and both call scripts said 'This debt looks too old to be sued on' - of a
debt already reduced to a judgment, enforceable until a court sets it aside. A patient told so may ignore the
judgment until a bank account is taken; what she needs is a lawyer about setting it aside, before paying or
promising anything."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml

from billadvocate.casefile import validate_case
from billadvocate.report.spanish_account import untranslated
from billadvocate.review import review_case

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "cases" / "tx_debt_buyer"
JUDGED = [{"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"},
          {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
           "note": "default judgment entered"}]
SAID = ("A judgment was entered on 2026-11-01: do not offer, promise or pay anything on this debt before talking to a "
        "lawyer or legal aid about asking the court to set the judgment aside; until then the judgment can be "
        "enforced.")


def _account(spanish: bool = False) -> dict:
    data = yaml.safe_load((SCENARIO / "case.yaml").read_text())
    data["accounts"][0]["events"] += JUDGED
    data["accounts"][0]["bill"] = [str(SCENARIO / "bill.csv")]
    if spanish:
        data["patient"]["language"] = "es"
    c = validate_case(data, file="test")
    return json.loads(json.dumps(review_case(c, date(2026, 12, 4)).to_json(), default=str))["accounts"][0]


def _all_text(a: dict) -> list[str]:
    out = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            out.append(x)
    walk({k: a[k] for k in ("offer", "plan", "call_scripts") if a.get(k)})
    return out


def test_no_money_text_says_too_old_to_sue_or_nothing_to_pay_once_a_judgment_is_logged():
    a = _account()
    said = _all_text(a)
    assert not [s for s in said if "too old to sue" in s or "too old to be sued" in s
                or "nothing needs to be paid" in s], [s for s in said if "too old" in s or "nothing needs" in s]
    never = [s for script in a["call_scripts"] for s in script.get("never_say", [])]
    assert any(SAID[:-1] in s for s in never), never


def test_the_judgment_lines_read_in_spanish():
    a = _account(spanish=True)
    left = [s for s in untranslated(a) if "judgment" in s]
    assert left == [], left


def test_the_plan_and_the_letters_do_not_call_a_judged_debt_too_old_to_sue_on():
    from billadvocate.letters import letter_for, render

    data = yaml.safe_load((SCENARIO / "case.yaml").read_text())
    data["accounts"][0]["events"] += JUDGED
    data["accounts"][0]["bill"] = [str(SCENARIO / "bill.csv")]
    result = review_case(validate_case(data, file="test"), date(2026, 12, 4))
    a = json.loads(json.dumps(result.to_json(), default=str))["accounts"][0]
    said = json.dumps(result.to_json(), default=str)
    assert "The letter also says the debt is too old to sue on" not in said
    assert "stop the contacts: the debt is too old to sue on" not in said
    for kind in [e["type"] for e in a.get("letters") or []]:
        text = render(letter_for(result, kind), "txt").decode()
        assert "too old to sue" not in text and "time to sue on it has run out" not in text, (kind, text)
