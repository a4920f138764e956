"""The judgment's first step ('Ask a lawyer now about having the judgment set aside') names the federal benefits a
bank must leave in the account (31 CFR 212.6), as the open lawsuit's answer deadline does. Before, it said only
'except money the law protects', with the lawsuit in the log or with only the judgment."""

from __future__ import annotations

from datetime import date

from billadvocate.actions.spanish import in_spanish

from .helpers import review, write_case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
EN = ("except money the law protects. If Social Security, SSI or VA benefits are paid into the account by direct "
      "deposit, the bank must leave you up to 2 months of them (31 CFR 212.6).")
ES = ("salvo el dinero que la ley protege. Si recibe beneficios del Seguro Social, SSI o de la VA por depósito directo, "
      "el banco debe dejarle hasta 2 meses de ellos (31 CFR 212.6).")


def test_the_first_step_after_a_judgment_names_the_benefits_the_bank_must_leave(tmp_path):
    for i, events in enumerate(([SUED, JUDGMENT], [JUDGMENT])):  # the lawsuit logged, or only its judgment
        result = review(write_case(tmp_path / str(i), state="TX", first_bill="2020-07-15", events=events),
                        date(2026, 12, 4))
        first = result.actions[0]
        assert first["kind"] == "ANSWER_LAWSUIT" and "set aside" in first["title"], first
        assert EN in first["why"], first["why"]
        es = in_spanish(result)[0]
        assert ES in es["why"], es["why"]
