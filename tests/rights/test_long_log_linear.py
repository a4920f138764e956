"""Review time grows linearly with the log: 4,000 entries of every kind (calls, letters, disputes,
threats, payments) are reviewed in under 5 seconds, and four times the entries cost nothing like
sixteen times the time (a loop over pairs of entries would)."""

from __future__ import annotations

import json
import time

from billadvocate.casefile import load_case
from billadvocate.review import review_case

KINDS = [("call", "collector", {"conversation": True}), ("call", "collector", {}),
         ("letter", "collector", {"type": "collection_notice"}),
         ("letter", "patient", {"type": "dispute", "method": "certified_mail"}), ("email", "collector", {}),
         ("text", "collector", {}), ("payment", "patient", {"amount": 10}), ("credit_reporting", "collector", {}),
         ("letter", "patient", {"type": "cease"}), ("call", "patient", {"to": "collector", "conversation": True}),
         ("letter", "collector", {"type": "threat"}), ("letter", "provider", {"type": "fap_notice"}),
         ("legal_action", "collector", {"type": "lawsuit"}), ("letter", "patient", {"type": "validation_request"}),
         ("letter", "collector", {"type": "validation_notice"})]


def long_log_case(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bill.csv").write_text("line,date,code,description,units,charge\n1,2025-03-02,99285,ER visit,1,1500\n")
    events = []
    for i in range(n):
        kind, who, extra = KINDS[i % len(KINDS)]
        at = f"20{24 + i // 2000}-{1 + (i // 170) % 12:02d}-{1 + i % 28:02d}T{6 + i % 17:02d}:{i % 60:02d}:00-07:00"
        events.append({"at": at, "kind": kind, "from": who, "note": f"entry {i}", **extra})
    case = {"billadvocate": 1, "patient": {"name": "Long Log", "state": "CA"},
            "accounts": [{"id": "a", "provider": {"name": "Desert Hospital", "nonprofit": True}, "bill": ["bill.csv"],
                          "balance": 1500, "first_bill_date": "2024-01-05",
                          "collector": {"name": "ABC Collections"}, "events": events}]}
    (folder / "case.json").write_text(json.dumps(case))
    return load_case(folder / "case.json")


def _seconds(case) -> float:
    started = time.perf_counter()
    review_case(case)
    return time.perf_counter() - started


def test_a_4000_entry_log_is_reviewed_in_under_5_seconds_and_linearly(tmp_path):
    review_case(long_log_case(tmp_path / "warm", 50))  # law and reference data loaded once, as in any run
    small = min(_seconds(long_log_case(tmp_path / "small", 1000)) for _ in range(2))
    large = min(_seconds(long_log_case(tmp_path / "large", 4000)) for _ in range(2))
    print(f"1,000 entries {small:.2f} s, 4,000 entries {large:.2f} s")
    assert large < 5
    assert large < 6 * small  # linear is about 4x; pairs of entries would be about 16x


def test_a_call_after_two_disputes_is_one_violation_citing_the_first():
    from tests.rights.helpers import call, case, fired, letter

    c = case(letter("2026-10-22", type="dispute"), letter("2026-10-26", type="dispute"), call("2026-11-05T10:00:00"),
             collector={"name": "ABC Recovery", "kind": "agency", "validation_notice": {"received": "2026-10-20"}})
    (v,) = fired(c, "REGF.COLLECTION_DURING_DISPUTE")
    assert v.events == [0, 2]
