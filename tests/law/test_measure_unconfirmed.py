"""scripts/measure_unconfirmed_law.py: the share of a review's results resting on unconfirmed law."""

from __future__ import annotations

import importlib.util

from billadvocate.law import Law
from tests.conftest import ROOT
from tests.law.test_quotes import FEDERAL_STILL_UNCONFIRMED
from tests.law.test_unconfirmed import PARAM, UNCONFIRMED

spec = importlib.util.spec_from_file_location("measure", ROOT / "scripts" / "measure_unconfirmed_law.py")
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)

CITED = UNCONFIRMED.citations  # a value still unconfirmed, with a citation of its own


def test_the_share_counts_each_kind_and_names_the_values_behind_the_flag():
    review = {"accounts": [{"findings": [{"rule": "A", "unconfirmed": False}, {"rule": "B", "unconfirmed": True,
                                                                                "citations": CITED}],
                            "violations": [], "protections": [{"id": "P", "unconfirmed": False}],
                            "deadlines": [{"kind": "D", "unconfirmed": False}]}],
              "credit": [{"rule": "C", "unconfirmed": False}], "credit_deadlines": []}
    s = measure.share(review)
    assert s["items"] == 5 and s["unconfirmed"] == 1 and s["percent"] == 20.0
    assert s["by_kind"]["findings"] == {"items": 3, "unconfirmed": 1}
    (f,) = s["flagged"]
    assert f["id"] == "B" and PARAM.description in f["why"]


def test_the_law_counts_split_federal_from_state_values():
    counts = measure.law_counts(Law().parameters)
    assert counts["federal"]["values"] > 80 and counts["states"]["values"] > 500
    # the federal values still unconfirmed are exactly those tests/law/test_quotes.py lists
    assert counts["federal"]["unconfirmed"] == len(FEDERAL_STILL_UNCONFIRMED)
